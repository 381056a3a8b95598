/**
 * Which orgs are checked live is the workflow's decision: `live-orgs` / `--live-org` (unset
 * credentials are fatal, exit 2), the org selection (one selected org may use the CX-as-Code
 * variables), the requested mode. The CLI cases run the run's bundle of src/cli.ts in a child process.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { FakeGenesys } from '../../test-support/fake-genesys/index.js';
import { startScenario, type ScenarioOrg, type ScenarioRole } from '../support/scenario.js';
import { runCli } from '../support/runner.js';
import { findingsOf } from '../support/report-v3.js';
import { bundlePaths } from '../support/bundle.js';
import { check, manifestText, writeManifest } from './support.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
];
const ORGS: ScenarioOrg[] = [
  {
    name: 'prod-us',
    orgId: '11111111-1111-4111-8111-111111111111',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
    clientSecret: 'secret-prod-us-0123456789',
  },
  {
    name: 'prod-eu',
    orgId: '22222222-2222-4222-8222-222222222222',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
    clientSecret: 'secret-prod-eu-0123456789',
  },
];
const PRINCIPAL = [
  '    principal:',
  '      grant: client-credentials',
  "      roles: [{role: Flow Deployer, divisions: ['*']}]",
];
const ROLE_TABLE = { 'Flow Deployer': ROLES[0]!.permissions };

let fake: FakeGenesys;
let env: Record<string, string>;
let two: string;
let one: string;
const NO_SECRETS = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };

beforeAll(async () => {
  ({ fake, env } = await startScenario(ORGS, ROLES));
  const block = (o: ScenarioOrg) => [
    `  - name: ${o.name}`,
    '    region: us-east-1',
    `    orgId: ${o.orgId}`,
    `    credentials: {apiBase: "${fake.apiBase}", loginBase: "${fake.apiBase}"}`,
    ...PRINCIPAL,
  ];
  two = writeManifest(manifestText(ORGS.flatMap(block), ROLE_TABLE));
  one = writeManifest(manifestText(block(ORGS[0]!), ROLE_TABLE));
});
afterAll(async () => {
  await fake.close();
});

describe('live-orgs in auto mode', () => {
  it('an org it names with unset credentials: fatal auth-failed, exit 2, not an offline pass', async () => {
    const r = await check(two, 'auto', NO_SECRETS, { liveOrgs: ['prod-us'] });
    expect(r.exit).toBe(2);
    const [us, eu] = r.report!.orgs;
    expect(us!.findings[0]).toMatchObject({ code: 'auth-failed', fatal: true });
    expect(us!.findings[0]!.message).toBe(
      'org prod-us: the workflow requires a live check (live-orgs), but GENESYS_PROD_US_CLIENT_ID and ' +
        'GENESYS_PROD_US_CLIENT_SECRET are not set (or set GENESYS_PROD_US_ACCESS_TOKEN)',
    );
    expect(us!.findings[0]!.location).toMatchObject({ line: 4, column: 5 });
    expect(eu!.principal).toBe('declared');
  });

  it('* requires every selected org', async () => {
    const r = await check(two, 'auto', NO_SECRETS, { liveOrgs: ['*'] });
    expect(r.exit).toBe(2);
    expect(r.report!.orgs.map((o) => o.findings[0]!.code)).toEqual(['auth-failed', 'auth-failed']);
    const selected = await check(two, 'auto', NO_SECRETS, { liveOrgs: ['*'], orgs: ['prod-eu'] });
    expect(selected.report!.orgs.map((o) => o.name)).toEqual(['prod-eu']);
    expect(selected.exit).toBe(2);
  });

  it('with the credentials set, the named orgs are checked live and pass', async () => {
    const r = await check(two, 'auto', env, { liveOrgs: ['PROD-US'] });
    expect(r.report!.orgs.map((o) => o.principal)).toEqual(['live', 'live']);
    expect(r.exit).toBe(0);
  });

  it('an org the manifest does not declare (removed or renamed by a pull request): stopped, exit 2', async () => {
    const r = await check(two, 'auto', env, { liveOrgs: ['prod-apac'] });
    expect(r.exit).toBe(2);
    expect(r.stopped![0]!.message).toMatch(/live-orgs names org prod-apac, which .* does not declare/);
    const live = await check(two, 'live', env, { liveOrgs: ['prod-apac'] });
    expect(live.exit).toBe(2);
  });

  it('mode offline with live-orgs is a contradiction: exit 2', async () => {
    expect((await check(two, 'offline', env, { liveOrgs: ['prod-us'] })).exit).toBe(2);
  });
});

describe('mode live and auto without live-orgs', () => {
  it('mode live: every selected org live; unset credentials are auth-failed', async () => {
    const r = await check(two, 'live', {
      ...NO_SECRETS,
      GENESYS_PROD_US_CLIENT_ID: env.GENESYS_PROD_US_CLIENT_ID!,
      GENESYS_PROD_US_CLIENT_SECRET: env.GENESYS_PROD_US_CLIENT_SECRET!,
    });
    expect(r.report!.orgs[0]!.principal).toBe('live');
    expect(r.report!.orgs[1]!.findings[0]!.message).toBe(
      'org prod-eu: live mode needs credentials: GENESYS_PROD_EU_CLIENT_ID and GENESYS_PROD_EU_CLIENT_SECRET ' +
        'are not set (or set GENESYS_PROD_EU_ACCESS_TOKEN)',
    );
    expect(r.exit).toBe(2);
  });

  it('auto: half-set credentials go live and name the missing variable', async () => {
    const r = await check(two, 'auto', { ...NO_SECRETS, GENESYS_PROD_EU_CLIENT_ID: 'client-prod-eu' });
    expect(r.report!.mode).toBe('live');
    expect(r.report!.orgs[0]!.principal).toBe('declared');
    expect(r.report!.orgs[1]!.findings[0]!.message).toBe(
      'org prod-eu: GENESYS_PROD_EU_CLIENT_SECRET is not set (or set GENESYS_PROD_EU_ACCESS_TOKEN)',
    );
    expect(r.exit).toBe(2);
  });
});

describe('one selected org: the CX-as-Code variables', () => {
  const cx = () => ({
    ...NO_SECRETS,
    GENESYSCLOUD_OAUTHCLIENT_ID: env.GENESYS_PROD_US_CLIENT_ID!,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: env.GENESYS_PROD_US_CLIENT_SECRET!,
  });

  it('a one-org manifest: auto goes live with them', async () => {
    const r = await check(one, 'auto', { ...cx(), GENESYSCLOUD_REGION: 'us-east-1' });
    expect(r.report!.orgs[0]!.principal).toBe('live');
    expect(r.exit).toBe(0);
  });

  it('GENESYSCLOUD_REGION disagreeing with the manifest: region-mismatch', async () => {
    const r = await check(one, 'auto', { ...cx(), GENESYSCLOUD_REGION: 'eu-west-1' });
    expect(r.report!.orgs[0]!.findings.map((f) => f.code)).toContain('region-mismatch');
    expect(r.exit).toBe(1);
  });

  it('a two-org manifest with one org selected: they apply to that org', async () => {
    const r = await check(two, 'auto', cx(), { orgs: ['prod-us'] });
    expect(r.report!.orgs.map((o) => [o.name, o.principal])).toEqual([['prod-us', 'live']]);
  });

  it('a two-org manifest, both selected, each with its own variables: the CX-as-Code ones are unused', async () => {
    const r = await check(two, 'auto', {
      ...env,
      GENESYSCLOUD_OAUTHCLIENT_ID: 'unused-id',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'unused-secret-0123',
    });
    expect(r.report!.orgs.map((o) => o.principal)).toEqual(['live', 'live']);
    expect(r.exit).toBe(0);
  });

  it('mode live, two orgs selected, only the CX-as-Code variables: the message says why they are unused', async () => {
    const r = await check(two, 'live', cx());
    expect(r.report!.orgs[0]!.findings[0]!.message).toMatch(
      /GENESYSCLOUD_OAUTHCLIENT_ID\/GENESYSCLOUD_OAUTHCLIENT_SECRET apply only when one org is selected/,
    );
  });
});

describe('the CLI (src/cli.ts, bundled)', () => {
  const cli = (args: string[], e: Record<string, string>) => runCli(bundlePaths().cli, args, e);

  it('--live-org NAME with unset credentials: exit 2 with the auth-failed finding', async () => {
    const r = await cli(['check', '--manifest', two, '--live-org', 'prod-us', '--format', 'json'], NO_SECRETS);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(findingsOf(report, 0)[0]!.code).toBe('auth-failed');
    expect(report.orgs[1].principal).toBe('declared');
  });

  it('--live-org with a name that is not an org name, or with --mode offline: usage error, exit 2', async () => {
    const bad = await cli(['check', '--manifest', two, '--live-org', 'a;touch x'], NO_SECRETS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--live-org takes an org name/);
    const offline = await cli(['check', '--manifest', two, '--mode', 'offline', '--live-org', 'prod-us'], NO_SECRETS);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/--live-org needs --mode auto or live/);
  });

  it('auto, the secrets set and the credential names deleted from the manifest: live, no secret printed', async () => {
    const r = await cli(['check', '--manifest', two], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/live check of/);
    for (const o of ORGS) expect(r.stdout + r.stderr).not.toContain(o.clientSecret!);
  });
});
