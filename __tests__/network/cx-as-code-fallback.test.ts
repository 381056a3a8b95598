/**
 * The CX-as-Code variables (GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET, GENESYSCLOUD_ACCESS_TOKEN) stand
 * in for an org's own GENESYS_<ORG>_* variables only when exactly one org is checked: a one-org
 * manifest, or one org selected with --org / the `orgs` input (one job per environment). Never
 * when several orgs are checked. Live checks against the fake Genesys Cloud.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { GenesysClient } from '../../src/genesys/client.js';
import { credentialNameProblems } from '../../src/grants/credentials.js';
import { loadManifest } from '../../src/manifest/load.js';
import { check as trustCheck, writeManifest, type Checked } from '../trust/support.js';
import { FAST_CLIENT, startScenario, writeScenarioManifest } from '../support/scenario.js';
import type { Scenario, ScenarioOrg, ScenarioRole } from '../support/scenario.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
];
const org = (name: string, n: number): ScenarioOrg => ({
  name,
  orgId: `${'n'.repeat(8)}-${'n'.repeat(4)}-4nnn-8nnn-${'n'.repeat(12)}`.replace(/n/g, String(n)),
  roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
});
/** Fast retries, but time limits a loaded machine cannot hit (tests never assert elapsed time). */
const CLIENT = { ...FAST_CLIENT, timeoutMs: 30_000, connectTimeoutMs: 30_000 };
const check = (...[m, mode, env, hooks = {}]: Parameters<typeof trustCheck>) =>
  trustCheck(m, mode, env, { client: CLIENT, ...hooks });

const A = org('a', 1);
const B = org('b', 2);
const C = org('c', 3);

let s: Scenario;
let three: string;
let onlyB: string;
/** The GENESYSCLOUD_* variables holding org b's client, and nothing else but the allowed host. */
let cx: Record<string, string>;
beforeAll(async () => {
  s = await startScenario([A, B, C], ROLES);
  three = writeScenarioManifest(s.fake.apiBase, [A, B, C], ROLES, { flows: 1 });
  onlyB = writeScenarioManifest(s.fake.apiBase, [B], ROLES, { flows: 1 });
  const client = s.orgs[1]!.clients[0]!;
  cx = {
    GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
    GENESYSCLOUD_OAUTHCLIENT_ID: client.clientId,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: client.clientSecret,
  };
});
afterAll(async () => {
  await s.fake.close();
});

const principals = (r: Checked) => r.report!.orgs.map((o) => [o.name, o.principal, o.orgId]);
const firstFinding = (r: Checked, i = 0) => r.report!.orgs[i]!.findings[0]!;

describe('exactly one org checked: the GENESYSCLOUD_* variables apply', () => {
  it('a one-org manifest, mode auto: org b is checked live with them', async () => {
    const r = await check(onlyB, 'auto', cx);
    expect(principals(r)).toEqual([['b', 'live', B.orgId]]);
    expect(r.exit).toBe(0);
  });

  it('a 3-org manifest with --org b: they apply to b, in auto and in live mode', async () => {
    for (const mode of ['auto', 'live'] as const) {
      const r = await check(three, mode, cx, { orgs: ['b'] });
      expect(principals(r)).toEqual([['b', 'live', B.orgId]]);
      expect(r.exit).toBe(0);
    }
  });

  it('--org B (case-insensitive) selects the same org', async () => {
    const r = await check(three, 'live', cx, { orgs: ['B'] });
    expect(principals(r)).toEqual([['b', 'live', B.orgId]]);
  });

  it('GENESYSCLOUD_ACCESS_TOKEN (a pre-issued token) applies, and wins over the pair as in the provider', async () => {
    const { GENESYSCLOUD_OAUTHCLIENT_ID: clientId, GENESYSCLOUD_OAUTHCLIENT_SECRET: clientSecret } = cx;
    const bases = { apiBase: s.fake.apiBase, loginBase: s.fake.apiBase };
    const issuer = new GenesysClient({ ...bases, clientId: clientId!, clientSecret: clientSecret! }, CLIENT);
    const token = await issuer.token();
    await issuer.close();
    const masked: string[] = [];
    s.fake.calls.length = 0;
    const env = { ...cx, GENESYSCLOUD_OAUTHCLIENT_SECRET: 'not-the-secret', GENESYSCLOUD_ACCESS_TOKEN: token };
    const r = await check(three, 'live', env, { orgs: ['b'], setSecret: (x) => masked.push(x) });
    expect(principals(r)).toEqual([['b', 'live', B.orgId]]);
    expect(r.exit).toBe(0);
    expect(s.fake.calls.some((c) => c.path === '/oauth/token')).toBe(false);
    expect(masked).toEqual(expect.arrayContaining([token, 'not-the-secret']));
  });

  it("the org's own variables win over them", async () => {
    const own = s.orgs[0]!.clients[0]!;
    const env = { ...cx, GENESYS_A_CLIENT_ID: own.clientId, GENESYS_A_CLIENT_SECRET: own.clientSecret };
    const r = await check(three, 'live', env, { orgs: ['a'] });
    expect(principals(r)).toEqual([['a', 'live', A.orgId]]);
  });
});

describe('several orgs checked: they never apply, and the message says why', () => {
  it('a 3-org manifest with two orgs selected, mode auto: the check stops (exit 2) before any request', async () => {
    s.fake.calls.length = 0;
    const r = await check(three, 'auto', cx, { orgs: ['a', 'b'] });
    expect(r.exit).toBe(2);
    expect(r.stopped![0]!.message).toMatch(
      new RegExp(
        '^GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET are set, but 2 orgs are selected: ' +
          'they apply only when exactly one org is checked',
      ),
    );
    expect(s.fake.calls).toEqual([]);
  });

  it('3-org manifest, two orgs selected, mode live: auth-failed, naming the variables and the count', async () => {
    s.fake.calls.length = 0;
    const r = await check(three, 'live', cx, { orgs: ['a', 'b'] });
    expect(r.exit).toBe(2);
    expect(r.report!.orgs.map((o) => o.name)).toEqual(['a', 'b']);
    expect(firstFinding(r, 1)).toMatchObject({ code: 'auth-failed', fatal: true });
    expect(firstFinding(r, 1).message).toBe(
      'org b: live mode needs credentials: GENESYS_B_CLIENT_ID and GENESYS_B_CLIENT_SECRET are not set ' +
        '(or set GENESYS_B_ACCESS_TOKEN); GENESYSCLOUD_OAUTHCLIENT_ID/GENESYSCLOUD_OAUTHCLIENT_SECRET ' +
        'apply only when ' +
        'one org is selected, and 2 are (whose secret they are would be a guess): select that org (orgs: / --org) ' +
        'or set its own variables',
    );
    expect(s.fake.calls).toEqual([]);
  });

  it('all three orgs (no selection) with only GENESYSCLOUD_ACCESS_TOKEN: unused, "3 are"', async () => {
    const env = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1', GENESYSCLOUD_ACCESS_TOKEN: 'some-token-4b1d' };
    const r = await check(three, 'live', env);
    expect(r.exit).toBe(2);
    expect(r.report!.orgs).toHaveLength(3);
    for (const o of r.report!.orgs) {
      expect(o.findings[0]!.message).toContain(
        '; GENESYSCLOUD_ACCESS_TOKEN applies only when one org is selected, and 3 are ' +
          '(whose secret it is would be a guess)',
      );
    }
  });

  it('two selected, one with its own variables: the other does not borrow the GENESYSCLOUD_* ones', async () => {
    const own = s.orgs[0]!.clients[0]!;
    const env = { ...cx, GENESYS_A_CLIENT_ID: own.clientId, GENESYS_A_CLIENT_SECRET: own.clientSecret };
    const r = await check(three, 'live', env, { orgs: ['a', 'b'] });
    expect(principals(r)).toEqual([
      ['a', 'live', A.orgId],
      ['b', 'none', B.orgId],
    ]);
    expect(firstFinding(r, 1).code).toBe('auth-failed');
  });
});

describe('credentials.accessToken in the manifest', () => {
  const text = (orgs: string[]) =>
    'version: 1\norgs:\n' +
    orgs
      .map((o) => `  - name: ${o}\n    region: us-east-1\n    credentials: {accessToken: GENESYSCLOUD_ACCESS_TOKEN}\n`)
      .join('');

  it('a one-org manifest may state GENESYSCLOUD_ACCESS_TOKEN; a 3-org one may not', () => {
    const one = loadManifest(writeManifest(text(['b'])));
    expect(credentialNameProblems(one.manifest, one.locate)).toEqual([]);
    const three = loadManifest(writeManifest(text(['a', 'b', 'c'])));
    expect(credentialNameProblems(three.manifest, three.locate).map((p) => p.finding.code)).toEqual([
      'manifest-invalid',
      'manifest-invalid',
      'manifest-invalid',
    ]);
  });
});
