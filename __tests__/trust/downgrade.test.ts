/**
 * The downgrade attack (security issue 10, item 3): the job holds prod-us's deploy secrets under
 * the convention names; a pull request edits the manifest so that mode auto would check it
 * offline against a principal the pull request declares. Every variant must still be checked
 * live (verdict from the fake Genesys Cloud: the client lacks architect:flow:publish, exit 1) or
 * stop the check (exit 2); none may pass.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGenesys } from '../../test-support/fake-genesys/index.js';
import { startScenario, type ScenarioOrg, type ScenarioRole } from '../support/scenario.js';
import { check, manifestText, writeManifest } from './support.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Editor', permissions: ['architect:flow:view', 'architect:flow:add', 'architect:flow:edit'] },
];
const ORG: ScenarioOrg = {
  name: 'prod-us',
  orgId: '11111111-1111-4111-8111-111111111111',
  roles: [{ role: 'Flow Editor', divisions: ['*'] }],
};
const NARROW = [
  '    principal:',
  '      grant: client-credentials',
  "      roles: [{role: Flow Editor, divisions: ['*']}]",
];
const GENEROUS = [
  '    principal:',
  '      grant: client-credentials',
  "      roles: [{role: Everything, divisions: ['*']}]",
];
const ROLE_TABLE = { 'Flow Editor': ROLES[0]!.permissions, Everything: ['*'] };

let fake: FakeGenesys;
let env: Record<string, string>;
let hosts: string;

beforeAll(async () => {
  ({ fake, env } = await startScenario([ORG], ROLES));
  hosts = `apiBase: "${fake.apiBase}", loginBase: "${fake.apiBase}"`;
});
afterAll(async () => {
  await fake.close();
});

/** The org block: name, region, orgId, then `credentials` and principal lines. */
const org = (credentials: string | undefined, principal: string[], name = 'prod-us') => [
  `  - name: ${name}`,
  '    region: us-east-1',
  `    orgId: ${ORG.orgId}`,
  ...(credentials === undefined ? [] : [`    credentials: {${credentials}}`]),
  ...principal,
];

/** Expects a live verdict from the fake: publish is missing, exit 1. */
function expectLiveFailure(r: Awaited<ReturnType<typeof check>>): void {
  expect(r.report!.mode).toBe('live');
  const o = r.report!.orgs[0]!;
  expect(o.principal).toBe('live');
  expect(o.passed).toBe(false);
  expect(
    o.findings.some((f) => f.code === 'missing-permission' && (f.missing ?? []).includes('architect:flow:publish')),
  ).toBe(true);
  expect(r.exit).toBe(1);
}

describe('base branch: the manifest states the convention names; auto mode checks prod-us live', () => {
  it('live verdict from the fake: exit 1', async () => {
    const file = writeManifest(
      manifestText(
        org(`clientId: GENESYS_PROD_US_CLIENT_ID, clientSecret: GENESYS_PROD_US_CLIENT_SECRET, ${hosts}`, NARROW),
        ROLE_TABLE,
      ),
    );
    expectLiveFailure(await check(file, 'auto', env));
  });

  it('offline, the same manifest with a generous principal would pass: the attack is real', async () => {
    const file = writeManifest(manifestText(org(hosts, GENEROUS), ROLE_TABLE));
    const r = await check(file, 'offline', env);
    expect(r.report!.orgs[0]!.principal).toBe('declared');
    expect(r.exit).toBe(0);
  });
});

describe('pull request variants: still live, or stopped; never a pass', () => {
  it('deletes the credential names (the hosts stay: the fake is on loopback)', async () => {
    const before = fake.calls.filter((c) => c.path === '/api/v2/tokens/me').length;
    const file = writeManifest(manifestText(org(hosts, NARROW), ROLE_TABLE));
    expectLiveFailure(await check(file, 'auto', env));
    expect(fake.calls.filter((c) => c.path === '/api/v2/tokens/me').length).toBe(before + 1);
  });

  it('deletes the credential names and declares a generous principal: the verdict is still from Genesys', async () => {
    const file = writeManifest(manifestText(org(hosts, GENEROUS), ROLE_TABLE));
    expectLiveFailure(await check(file, 'auto', env));
  });

  it('deletes the principal too: still live', async () => {
    const file = writeManifest(manifestText(org(hosts, []), ROLE_TABLE));
    expectLiveFailure(await check(file, 'auto', env));
  });

  it('renames the variables to ones that are unset: refused (manifest-invalid, exit 2), no request made', async () => {
    const before = fake.calls.length;
    const file = writeManifest(
      manifestText(
        org(`clientId: GC_PROD_US_CLIENT_ID, clientSecret: GC_PROD_US_CLIENT_SECRET, ${hosts}`, GENEROUS),
        ROLE_TABLE,
      ),
    );
    const r = await check(file, 'auto', env);
    expect(r.exit).toBe(2);
    const [clientId, clientSecret] = r.report!.orgs[0]!.findings;
    expect(clientId).toMatchObject({ code: 'manifest-invalid', fatal: true, location: { line: 7, column: 29 } });
    expect(clientId!.message).toMatch(
      /credentials\.clientId may not choose the variable: org prod-us reads GENESYS_PROD_US_CLIENT_ID/,
    );
    expect(clientId!.message).toMatch(/a pull request .* could otherwise point the check at other secrets/);
    expect(clientSecret!.message).toMatch(/credentials\.clientSecret .* GENESYS_PROD_US_CLIENT_SECRET/);
    expect(JSON.stringify(r.report)).not.toContain('GC_PROD_US');
    expect(r.report!.orgs[0]!.principal).toBe('none');
    expect(fake.calls.length).toBe(before);
  });

  it('renames the variables to another secret of the job (GH_TOKEN, CI): refused, never read or masked', async () => {
    const masked: string[] = [];
    const file = writeManifest(manifestText(org(`accessToken: GH_TOKEN, ${hosts}`, GENEROUS), ROLE_TABLE));
    const r = await check(
      file,
      'auto',
      { ...env, GH_TOKEN: 'ghp_job-token-0123456789', CI: 'true' },
      { setSecret: (s) => masked.push(s) },
    );
    expect(r.exit).toBe(2);
    expect(r.report!.orgs[0]!.findings[0]!.message).toMatch(
      /credentials\.accessToken may not choose the variable: org prod-us reads GENESYS_PROD_US_ACCESS_TOKEN/,
    );
    expect(masked).not.toContain('ghp_job-token-0123456789');
    expect(masked).not.toContain('true');
  });

  it('renames the org: the credentials in the environment name no declared org, the check stops (exit 2)', async () => {
    const file = writeManifest(manifestText(org(hosts, GENEROUS, 'prod-us-new'), ROLE_TABLE));
    const r = await check(file, 'auto', env);
    expect(r.exit).toBe(2);
    expect(r.stopped![0]!.message).toMatch(
      /GENESYS_PROD_US_CLIENT_ID, GENESYS_PROD_US_CLIENT_SECRET are set, but no org of .* is named for them/,
    );
    expect(r.stopped![0]!.location).toMatchObject({ line: 4, column: 3 });
  });

  it('renames the org to one with the same KEY (prod_us): same secrets, still live', async () => {
    const file = writeManifest(manifestText(org(hosts, GENEROUS, 'prod_us'), ROLE_TABLE));
    expectLiveFailure(await check(file, 'auto', env));
  });

  it('declares the org twice under names that share a KEY: refused as ambiguous (exit 2)', async () => {
    const twice = [
      ...org(hosts, GENEROUS),
      ...org(hosts, GENEROUS, 'PROD_US').map((l) =>
        l.replace(`orgId: ${ORG.orgId}`, 'orgId: 22222222-2222-4222-8222-222222222222'),
      ),
    ];
    const r = await check(writeManifest(manifestText(twice, ROLE_TABLE)), 'auto', env);
    expect(r.exit).toBe(2);
    const second = r.report!.orgs.find((o) => o.name === 'PROD_US')!;
    expect(second.findings[0]!.message).toMatch(
      /org PROD_US: its credential variables \(GENESYS_PROD_US_\*\) are also those of org prod-us \(line 4\)/,
    );
    expect(second.findings[0]!.location).toMatchObject({ line: 11, column: 11 });
  });

  it('adds a second org so that the CX-as-Code variables no longer apply: the check stops (exit 2)', async () => {
    const cxEnv = {
      GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
      GENESYSCLOUD_OAUTHCLIENT_ID: env.GENESYS_PROD_US_CLIENT_ID!,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: env.GENESYS_PROD_US_CLIENT_SECRET!,
    };
    // Base: one org, the CX-as-Code variables apply: live.
    expectLiveFailure(await check(writeManifest(manifestText(org(hosts, NARROW), ROLE_TABLE)), 'auto', cxEnv));
    // Pull request: a decoy org makes two selected orgs.
    const decoy = ['  - name: decoy', '    region: us-east-1', ...GENEROUS];
    const r = await check(writeManifest(manifestText([...org(hosts, GENEROUS), ...decoy], ROLE_TABLE)), 'auto', cxEnv);
    expect(r.exit).toBe(2);
    expect(r.stopped![0]!.message).toMatch(
      /GENESYSCLOUD_OAUTHCLIENT_ID\/GENESYSCLOUD_OAUTHCLIENT_SECRET are set, but 2 orgs are selected/,
    );
    // The workflow selects the org (orgs: prod-us): live again.
    const selected = await check(
      writeManifest(manifestText([...org(hosts, GENEROUS), ...decoy], ROLE_TABLE)),
      'auto',
      cxEnv,
      { orgs: ['prod-us'] },
    );
    expectLiveFailure(selected);
  });

  it('sends the credentials to a host of its own: refused before any request reaches it', async () => {
    let hits = 0;
    const server: Server = createServer((req, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    try {
      const evil = `http://localhost:${(server.address() as AddressInfo).port}`;
      const file = writeManifest(manifestText(org(`apiBase: "${evil}", loginBase: "${evil}"`, GENEROUS), ROLE_TABLE));
      const r = await check(file, 'auto', env);
      expect(r.exit).toBe(2);
      expect(r.report!.orgs[0]!.findings[0]!.message).toMatch(
        /credentials\.apiBase \(host localhost:\d+\) is not a Genesys Cloud host/,
      );
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a fork pull request (secrets unset) is checked offline and says so; live-orgs makes it exit 2', async () => {
    const file = writeManifest(
      manifestText(
        org(`clientId: GENESYS_PROD_US_CLIENT_ID, clientSecret: GENESYS_PROD_US_CLIENT_SECRET, ${hosts}`, GENEROUS),
        ROLE_TABLE,
      ),
    );
    const fork = {
      GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
      GENESYS_PROD_US_CLIENT_ID: '',
      GENESYS_PROD_US_CLIENT_SECRET: '',
    };
    const offline = await check(file, 'auto', fork);
    expect(offline.report!.orgs[0]!.principal).toBe('declared');
    expect(
      offline.report!.orgs[0]!.findings.some(
        (f) => f.severity === 'warning' && /are not set, so only the declared principal was checked/.test(f.message),
      ),
    ).toBe(true);
    const required = await check(file, 'auto', fork, { liveOrgs: ['prod-us'] });
    expect(required.exit).toBe(2);
  });
});
