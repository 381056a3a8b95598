/**
 * Live-mode hygiene: orgs sharing one OAuth client share one token request and one request
 * budget; only secrets are masked, each once.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { startFakeGenesys, type FakeGenesys } from '../../test-support/fake-genesys/index.js';
import {
  catalogRequirements,
  fakeOrgs,
  FAST_CLIENT,
  type ScenarioOrg,
  type ScenarioRole,
} from '../support/scenario.js';
import { check, manifestText, writeManifest } from './support.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
];
const ORG: ScenarioOrg = {
  name: 'shared',
  orgId: '11111111-1111-4111-8111-111111111111',
  roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
  clientId: 'cid-shared-1',
  clientSecret: 'client-secret-shared-0123456789',
};

let fake: FakeGenesys | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/**
 * A fake with the given scenario orgs; the manifest declares `names`, all pointing at it. `alias`:
 * every org declares `orgId` of the shared org, so that orgs sharing its client are one org on purpose
 * (without it, two orgs whose credentials reach the same org are crossed: src/grants/crossed.ts).
 */
async function setup(
  names: string[],
  fakesFor: ScenarioOrg[] = [ORG],
  alias = false,
): Promise<{ file: string; fake: FakeGenesys }> {
  fake = await startFakeGenesys({ orgs: fakeOrgs(fakesFor, ROLES), requirements: catalogRequirements });
  const hosts = `apiBase: "${fake.apiBase}", loginBase: "${fake.apiBase}"`;
  const orgs = names.flatMap((n) => [
    `  - name: ${n}`,
    '    region: us-east-1',
    ...(alias ? [`    orgId: ${ORG.orgId}`] : []),
    `    credentials: {${hosts}}`,
  ]);
  return { file: writeManifest(manifestText(orgs, {})), fake };
}

const tokenRequests = (f: FakeGenesys) =>
  f.calls.filter((c) => c.method === 'POST' && c.path === '/oauth/token').length;

/** The environment giving each org in `names` the same client. */
function sharedEnv(names: string[], id = ORG.clientId!, secret = ORG.clientSecret!): Record<string, string> {
  const env: Record<string, string> = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
  for (const n of names) {
    const key = n.toUpperCase().replace(/-/g, '_');
    env[`GENESYS_${key}_CLIENT_ID`] = id;
    env[`GENESYS_${key}_CLIENT_SECRET`] = secret;
  }
  return env;
}

describe('one OAuth client, many orgs', () => {
  it('60 orgs sharing one client make 1 token request, and every request uses that token', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `org-${i}`);
    const { file, fake: f } = await setup(names, [ORG], true);
    const masked: string[] = [];
    const r = await check(file, 'live', sharedEnv(names), {
      client: { ...FAST_CLIENT, timeoutMs: 30_000, connectTimeoutMs: 30_000, requestsPerWindow: 1_000_000 },
      setSecret: (s) => masked.push(s),
    });
    expect(r.report!.orgs).toHaveLength(60);
    expect(r.report!.orgs.every((o) => o.principal === 'live' && o.passed)).toBe(true);
    expect(tokenRequests(f)).toBe(1);
    expect(f.issuedTokens()).toHaveLength(1);
    const gets = f.calls.filter((c) => c.method === 'GET').length;
    expect(gets).toBeGreaterThanOrEqual(60 * 4);
    expect(f.requestTimesForToken(f.issuedTokens()[0]!)).toHaveLength(gets);
    // each secret registered once, not 60 times (300 orgs: the live bench, bench/live.ts)
    expect(masked.filter((s) => s === ORG.clientSecret)).toHaveLength(1);
    expect(new Set(masked).size).toBe(masked.length);
  }, 120_000);

  it('two different clients: two token requests', async () => {
    const other: ScenarioOrg = {
      ...ORG,
      name: 'other',
      orgId: '22222222-2222-4222-8222-222222222222',
      clientId: 'cid-other-2',
      clientSecret: 'client-secret-other-0123456789',
    };
    const { file, fake: f } = await setup(['a', 'b', 'c'], [ORG, other]);
    const env = { ...sharedEnv(['a', 'b']), ...sharedEnv(['c'], other.clientId, other.clientSecret) };
    const r = await check(file, 'live', env);
    expect(r.report!.orgs.map((o) => o.orgId)).toEqual([ORG.orgId, ORG.orgId, other.orgId]);
    expect(tokenRequests(f)).toBe(2);
  });

  it('same client id, a wrong secret: its own token request, auth-failed for that org only', async () => {
    const { file, fake: f } = await setup(['a', 'b']);
    const env = { ...sharedEnv(['a']), ...sharedEnv(['b'], ORG.clientId, 'wrong-secret-0123456789') };
    const r = await check(file, 'live', env);
    expect(tokenRequests(f)).toBe(2);
    expect(r.report!.orgs[0]!.passed).toBe(true);
    expect(r.report!.orgs[1]!.findings[0]).toMatchObject({
      code: 'auth-failed',
      message: expect.stringMatching(/rejected the credentials from GENESYS_B_CLIENT_ID\/GENESYS_B_CLIENT_SECRET/),
    });
    expect(r.exit).toBe(2);
  });

  it('a shared token request that fails fails every org sharing it, each with its own variables named', async () => {
    const { file, fake: f } = await setup(['a', 'b']);
    const r = await check(file, 'live', sharedEnv(['a', 'b'], ORG.clientId, 'wrong-secret-0123456789'));
    expect(tokenRequests(f)).toBe(1);
    expect(r.report!.orgs.map((o) => o.findings[0]!.message.match(/GENESYS_[AB]_CLIENT_ID/)?.[0])).toEqual([
      'GENESYS_A_CLIENT_ID',
      'GENESYS_B_CLIENT_ID',
    ]);
    expect(r.report!.orgs.every((o) => o.findings[0]!.code === 'auth-failed')).toBe(true);
  });

  it('orgs sharing a client share one request budget; orgs with their own clients do not wait', async () => {
    // Requests one org makes (the token request is not budgeted).
    const one = await setup(['a']);
    await check(one.file, 'live', sharedEnv(['a']));
    const perOrg = one.fake.calls.filter((c) => c.method === 'GET').length;
    await one.fake.close();
    fake = undefined;
    expect(perOrg).toBeGreaterThan(3);
    // A budget of exactly one org's requests per window: two orgs on one token must wait, two tokens need not.
    const budget = (waits: number[]) => ({
      ...FAST_CLIENT,
      requestsPerWindow: perOrg,
      budgetWindowMs: 250,
      sleep: (ms: number) => (waits.push(ms), new Promise<void>((r) => setTimeout(r, ms))),
    });
    const sharedWaits: number[] = [];
    const shared = await setup(['a', 'b'], [ORG], true);
    const r1 = await check(shared.file, 'live', sharedEnv(['a', 'b']), { client: budget(sharedWaits) });
    expect(r1.report!.orgs.every((o) => o.passed)).toBe(true);
    expect(sharedWaits.length).toBeGreaterThan(0);
    await shared.fake.close();
    fake = undefined;
    const other: ScenarioOrg = {
      ...ORG,
      name: 'other',
      orgId: '22222222-2222-4222-8222-222222222222',
      clientId: 'cid-other-2',
      clientSecret: 'client-secret-other-0123456789',
    };
    const ownWaits: number[] = [];
    const own = await setup(['a', 'b'], [ORG, other]);
    const r2 = await check(
      own.file,
      'live',
      { ...sharedEnv(['a']), ...sharedEnv(['b'], other.clientId, other.clientSecret) },
      { client: budget(ownWaits) },
    );
    expect(r2.report!.orgs.every((o) => o.passed)).toBe(true);
    expect(ownWaits).toEqual([]);
  });
});

describe('masking: only secrets, never the client id or other values', () => {
  it('CI=true, the client id and the job token are never passed to setSecret; secrets are, once', async () => {
    const names = ['a', 'b', 'c'];
    const { file, fake: f } = await setup(names);
    const masked: string[] = [];
    const env = {
      ...sharedEnv(names),
      CI: 'true',
      GITHUB_TOKEN: 'ghs_job-token-0123456789',
      GITHUB_ACTIONS: 'true',
      GENESYSCLOUD_REGION: 'us-east-1',
    };
    const r = await check(file, 'auto', env, { setSecret: (s) => masked.push(s) });
    expect(r.report!.orgs.every((o) => o.principal === 'live')).toBe(true);
    for (const v of ['true', ORG.clientId!, 'ghs_job-token-0123456789', 'us-east-1', '127.0.0.1'])
      expect(masked).not.toContain(v);
    expect(masked).toContain(ORG.clientSecret);
    expect(masked).toContain(f.issuedTokens()[0]);
    expect(masked).toContain(Buffer.from(`${ORG.clientId}:${ORG.clientSecret}`).toString('base64'));
    expect(masked).toHaveLength(3);
    for (const s of masked) expect(s.length).toBeGreaterThanOrEqual(8);
  });

  it('a pre-issued access token is masked; it makes no token request', async () => {
    const o: ScenarioOrg = { ...ORG };
    const fakes = fakeOrgs([o], ROLES);
    fakes[0]!.users = [
      {
        id: 'u1',
        name: 'Deployer',
        accessToken: 'user-token-0123456789abc',
        scopes: ['architect'],
        grants: [{ roleId: fakes[0]!.roles[0]!.id, divisionId: '*' }],
      },
    ];
    fake = await startFakeGenesys({ orgs: fakes, requirements: catalogRequirements });
    const hosts = `apiBase: "${fake.apiBase}", loginBase: "${fake.apiBase}"`;
    const file = writeManifest(
      manifestText(
        [
          '  - name: a',
          '    region: us-east-1',
          `    credentials: {${hosts}}`,
          '  - name: b',
          '    region: us-east-1',
          `    credentials: {${hosts}}`,
        ],
        {},
      ),
    );
    const masked: string[] = [];
    const env = {
      GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
      GENESYS_A_ACCESS_TOKEN: 'user-token-0123456789abc',
      GENESYS_B_ACCESS_TOKEN: 'user-token-0123456789abc',
    };
    const r = await check(file, 'auto', env, { setSecret: (s) => masked.push(s) });
    expect(r.report!.orgs.every((x) => x.principal === 'live')).toBe(true);
    expect(tokenRequests(fake)).toBe(0);
    expect(masked).toEqual(['user-token-0123456789abc']);
  });
});
