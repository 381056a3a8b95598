/**
 * Attack class 3 (issue 10): a pull request cannot downgrade mode auto. The job holds org prod's
 * deploy secrets under the convention names (GENESYS_PROD_CLIENT_ID/_CLIENT_SECRET); the fake
 * Genesys Cloud's client lacks architect:flow:publish. Whatever the PR does to the manifest, the
 * check stays live and blocks (exit 1) or stops (exit 2); it never passes. Also class 8's
 * live-mode hygiene: credential names outside the convention refused and never read or masked,
 * orgs sharing one client share one token.
 */
import { describe, it, expect } from '@jest/globals';
import { findingsOf } from '../support/report-v3.js';
import {
  attackSuite,
  CASE_TIMEOUT,
  CLEAN,
  allExit,
  exitCodes,
  FLOW_DEPLOYER,
  flowFile,
  hostsLine,
  manifest,
  runCase,
  verdict,
  workspace,
  type CaseResult,
} from './harness.js';

// The deploy client of the fake org: everything an Archy deploy needs but architect:flow:publish.
const genesys = attackSuite([
  'architect:flow:view',
  'architect:flow:add',
  'architect:flow:edit',
  'architect:job:*',
  'architect:ui:view',
]);

const FLOW = flowFile('Main IVR');
const DEPLOYER = `  Flow Deployer: {permissions: [${FLOW_DEPLOYER.join(', ')}]}`;
/** The base branch: the convention names stated, the honest (narrow) principal declared. */
const base = () =>
  manifest('flows:\n  - file: flows/main.yaml', {
    credentials: false,
    orgExtra: hostsLine().replace('{', '{clientId: GENESYS_PROD_CLIENT_ID, clientSecret: GENESYS_PROD_CLIENT_SECRET, '),
    roles: DEPLOYER,
  });
const INVALID = ['manifest-invalid'];
const MISSING = /missing-(permission|division-grant)/;
type Needles = Array<[string, string]>;
const atLine = (line: number) => new RegExp(`genesys-preflight\\.yml:${line}:\\d+`);

/** The PR's workspace: `text` as the manifest on top of the base branch's. */
const prWorkspace = (id: string, text: string) =>
  workspace(
    id,
    { 'genesys-preflight.yml': text, 'flows/main.yaml': FLOW },
    { base: { 'genesys-preflight.yml': base(), 'flows/main.yaml': FLOW } },
  );

const GENEROUS = {
  roles: '  Everything: {permissions: ["*"]}',
  principal: "        - {role: Everything, divisions: ['*']}",
};

/** What a live verdict from the fake looks like in the action's JSON report. */
function liveVerdict(r: CaseResult): { mode?: string; principal?: string; publishMissing: boolean } {
  type Org = { principal?: string; findings?: Array<{ code: string; missing?: string[] }> };
  const report = JSON.parse(r.action.report ?? '{}') as { mode?: string; orgs?: Org[] };
  const org = report.orgs?.[0];
  const text = `${r.action.report ?? ''}`;
  return {
    ...(report.mode ? { mode: report.mode } : {}),
    ...(org?.principal ? { principal: org.principal } : {}),
    publishMissing: text.includes('architect:flow:publish') && findingsOf(report, 0).some((f) => MISSING.test(f.code)),
  };
}

async function downgrade(id: string, text: string) {
  const ws = prWorkspace(id, text);
  const r = await runCase(ws);
  expect({ exits: exitCodes(r), ...verdict(r), live: liveVerdict(r) }).toEqual({
    exits: allExit(r, 1),
    ...CLEAN,
    live: { mode: 'live', principal: 'live', publishMissing: true },
  });
}

describe('class 3: mode auto cannot be downgraded by the pull request', () => {
  it(
    'the PR deletes the credential names (hosts kept: the fake is on loopback): still live, exit 1',
    async () => {
      // The declared role now claims architect:flow:*: offline, this PR would pass.
      const roles = '  Flow Deployer: {permissions: ["architect:flow:*", architect:job:create, architect:job:view]}';
      await downgrade('auto-delete', manifest('flows:\n  - file: flows/main.yaml', { roles }));
    },
    CASE_TIMEOUT,
  );

  it(
    'the PR declares a generous principal (* in *): still live, exit 1',
    async () => {
      await downgrade('auto-generous', manifest('flows:\n  - file: flows/main.yaml', GENEROUS));
    },
    CASE_TIMEOUT,
  );

  it(
    'the PR names other variables in credentials: manifest-invalid, exit 2, never offline',
    async () => {
      const id = 'auto-rename';
      const text = manifest('flows:\n  - file: flows/main.yaml', {
        ...GENEROUS,
        credentials: false,
        orgExtra: hostsLine().replace('{', '{clientId: OTHER_CLIENT_ID, clientSecret: OTHER_CLIENT_SECRET, '),
      });
      const line = text.split('\n').findIndex((l) => l.includes('OTHER_CLIENT_ID')) + 1;
      const other = 'OTHER-secret-value-4d5e6f';
      const env = { OTHER_CLIENT_ID: 'other-client', OTHER_CLIENT_SECRET: other };
      const r = await runCase(prWorkspace(id, text), { env });
      const needles: Needles = [['other secret', other]];
      const e = { refused: { path: 'credentials.clientId', at: atLine(line), codes: INVALID }, needles };
      expect({ exits: exitCodes(r), ...verdict(r, e) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
    },
    CASE_TIMEOUT,
  );

  it(
    'live-orgs: prod with the secrets unset (a fork PR): exit 2, never offline',
    async () => {
      const ws = prWorkspace('live-orgs-unset', manifest('flows:\n  - file: flows/main.yaml', GENEROUS));
      const r = await runCase(ws, {
        inputs: { 'live-orgs': 'prod' },
        cliArgs: ['--live-org', 'prod'],
        unset: ['GENESYS_PROD_CLIENT_ID', 'GENESYS_PROD_CLIENT_SECRET'],
      });
      const at = /genesys-preflight\.yml:\d+:\d+/;
      const e = { refused: { path: 'GENESYS_PROD_CLIENT_ID', at, codes: ['auth-failed', 'unverifiable'] } };
      expect({ exits: exitCodes(r), ...verdict(r, e) }).toEqual({ exits: allExit(r, 2), ...CLEAN });
    },
    CASE_TIMEOUT,
  );
});

describe('class 8: live-mode hygiene', () => {
  it(
    'credentials naming GH_TOKEN / NPM_TOKEN: refused (manifest-invalid, exit 2), never read nor masked',
    async () => {
      const id = 'creds-tokens';
      const text = manifest('flows:\n  - file: flows/main.yaml', {
        ...GENEROUS,
        credentials: false,
        orgExtra: hostsLine().replace('{', '{clientId: NPM_TOKEN, clientSecret: GH_TOKEN, '),
      });
      const line = text.split('\n').findIndex((l) => l.includes('NPM_TOKEN')) + 1;
      const gh = 'ghp_FAKEghTOKEN0123456789abcdef';
      const npm = 'npm_FAKEnpmTOKEN0123456789abcdef';
      const r = await runCase(prWorkspace(id, text), { env: { GH_TOKEN: gh, NPM_TOKEN: npm } });
      const masked = r.action.stdout
        .split('\n')
        .filter((l) => l.startsWith('::add-mask::') && (l.includes(gh) || l.includes(npm)));
      const needles: Needles = [
        ['GH_TOKEN value', gh],
        ['NPM_TOKEN value', npm],
      ];
      const e = { refused: { path: 'credentials.clientId', at: atLine(line), codes: INVALID }, needles };
      expect({ exits: exitCodes(r), ...verdict(r, e), masked }).toEqual({ exits: allExit(r, 2), ...CLEAN, masked: [] });
    },
    CASE_TIMEOUT,
  );

  it(
    'credentials naming CI: refused (exit 2) and "true" is never masked',
    async () => {
      const id = 'creds-ci';
      const orgExtra = hostsLine().replace('{', '{accessToken: CI, ');
      const text = manifest('flows:\n  - file: flows/main.yaml', { ...GENEROUS, credentials: false, orgExtra });
      const line = text.split('\n').findIndex((l) => l.includes('accessToken: CI')) + 1;
      const r = await runCase(prWorkspace(id, text), { env: { CI: 'true' } });
      const masks = r.action.stdout.split('\n').filter((l) => /^::add-mask::(true|false)?\s*$/.test(l));
      const e = { refused: { path: 'credentials.accessToken', at: atLine(line), codes: INVALID } };
      expect({ exits: exitCodes(r), ...verdict(r, e), masks }).toEqual({ exits: allExit(r, 2), ...CLEAN, masks: [] });
    },
    CASE_TIMEOUT,
  );

  it(
    '5 orgs sharing one OAuth client make one token request',
    async () => {
      const names = ['prod', 'prod2', 'prod3', 'prod4', 'prod5'];
      const orgs = names.map((n) => [`  - name: ${n}`, '    region: us-east-1', hostsLine()].join('\n')).join('\n');
      const text = [
        'version: 1',
        'defaults: {deployer: archy}',
        'orgs:',
        orgs,
        'flows:',
        '  - file: flows/main.yaml',
        '',
      ].join('\n');
      const env: Record<string, string> = {};
      for (const n of names.slice(1)) {
        env[`GENESYS_${n.toUpperCase()}_CLIENT_ID`] = 'fake-client-id';
        env[`GENESYS_${n.toUpperCase()}_CLIENT_SECRET`] = 'FAKE-genesys-secret-0123456789abcdef';
      }
      const ws = workspace('shared-token', { 'genesys-preflight.yml': text, 'flows/main.yaml': FLOW });
      const tokenCalls = () => genesys().calls.filter((c) => c.method === 'POST' && c.path === '/oauth/token').length;
      const before = tokenCalls();
      let byAction = -1;
      const r = await runCase(ws, { env, afterAction: () => (byAction = tokenCalls() - before) });
      const report = JSON.parse(r.action.report ?? '{}') as { orgs?: Array<{ name: string; principal?: string }> };
      expect({
        exits: exitCodes(r),
        ...verdict(r),
        tokenRequestsOfTheAction: byAction,
        live: (report.orgs ?? []).map((o) => `${o.name}:${o.principal}`),
      }).toEqual({
        exits: allExit(r, 1),
        ...CLEAN,
        tokenRequestsOfTheAction: 1,
        live: names.map((n) => `${n}:live`),
      });
    },
    CASE_TIMEOUT,
  );
});
