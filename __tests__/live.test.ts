/**
 * Live mode against the fake Genesys Cloud on 127.0.0.1: verdicts, read-only calls, constant
 * calls per org, offline/live agreement, a differential replay of the deploy, faults, secrets.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startFakeGenesys, type FakeGenesys, type FakeOrg } from '../test-support/fake-genesys/index.js';
import { runCheck } from '../src/engine.js';
import { resolveMode } from '../src/grants/mode.js';
import { exitCode, type Report } from '../src/report/model.js';
import { renderText } from '../src/report/text.js';
import { renderMarkdown } from '../src/report/markdown.js';
import {
  FAST_CLIENT,
  HANG_CLIENT,
  allCatalogPermissions,
  catalogRequirements,
  fakeOrgs,
  liveCheckOnce,
  startScenario,
  writeScenarioManifest,
  type ScenarioOrg,
  type ScenarioRole,
} from './support/scenario.js';

const ROLES: ScenarioRole[] = [
  {
    name: 'Flow Deployer',
    permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:create', 'architect:job:view'],
  },
  { name: 'Flow Editor', permissions: ['architect:flow:view', 'architect:flow:add', 'architect:flow:edit'] },
];
const ORGS: ScenarioOrg[] = [
  {
    name: 'good',
    orgId: '11111111-1111-4111-8111-111111111111',
    roles: [{ role: 'Flow Deployer', divisions: ['Home', 'Support'] }],
  },
  {
    name: 'missing',
    orgId: '22222222-2222-4222-8222-222222222222',
    roles: [{ role: 'Flow Editor', divisions: ['Home', 'Support'] }],
  },
  {
    name: 'wrongorg',
    orgId: '33333333-3333-4333-8333-333333333333',
    tokenOrgId: '44444444-4444-4444-8444-444444444444',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
  },
];
const FAST = FAST_CLIENT;

let fake: FakeGenesys;
let orgs: FakeOrg[];
let env: Record<string, string>;

async function live(
  manifest: string,
  extraEnv: Record<string, string> = {},
  orgFilter: string[] = [],
  client: typeof FAST = FAST,
  concurrency?: number,
): Promise<{ report: Report; clients: Map<string, number> }> {
  const clients = new Map<string, number>();
  const mode = resolveMode(
    'live',
    manifest,
    { ...env, ...extraEnv },
    { client, onClient: (org, c) => clients.set(org, c.requestCount) },
  );
  const report = await runCheck({
    manifestPath: manifest,
    mode: mode.mode,
    grants: mode.grants!,
    orgs: orgFilter,
    ...(concurrency ? { concurrency } : {}),
  });
  return { report, clients };
}

/**
 * The clock of the client's per-attempt timeout: while installed, timers of exactly `delay` ms
 * (the hang client's `timeoutMs`, a value nothing else in the run uses) are held; `elapse()` makes
 * the pending ones fire at once, as if `delay` ms had passed. Other timers are the real ones.
 * Should `elapse()` never be called, a held timer still fires after `delay` real ms.
 */
function holdTimeouts(delay: number) {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const pending = new Map<unknown, () => void>();
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    if (ms !== delay) return realSet(fn, ms, ...args);
    const handle = realSet(() => {
      pending.delete(handle);
      fn(...args);
    }, ms);
    pending.set(handle, () => {
      realClear(handle);
      pending.delete(handle);
      fn(...args);
    });
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle?: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  return {
    pending: () => pending.size,
    elapse: () => {
      for (const fire of [...pending.values()]) fire();
    },
    restore: () => {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

beforeAll(async () => {
  ({ fake, orgs, env } = await startScenario(ORGS, ROLES));
});
afterAll(async () => {
  await fake.close();
});

describe('live mode, three orgs', () => {
  let report: Report;
  let manifest: string;
  beforeAll(async () => {
    manifest = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 4 });
    fake.calls.length = 0;
    report = (await live(manifest)).report;
  });

  it('gives each org its verdict', () => {
    const by = Object.fromEntries(report.orgs.map((o) => [o.name, o]));
    expect(report.mode).toBe('live');
    expect(by.good!.passed).toBe(true);
    expect(by.good!.principal).toBe('live');
    expect(by.good!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(by.missing!.passed).toBe(false);
    const missing = by.missing!.findings.filter((f) => f.code === 'missing-permission');
    expect(missing.length).toBeGreaterThan(0);
    // Flow Editor lacks publish, the same-name delete before publishing, and the Architect Scripting session's ui:view
    expect(new Set(missing.flatMap((f) => f.missing))).toEqual(
      new Set(['architect:flow:publish', 'architect:flow:delete', 'architect:ui:view']),
    );
    const publish = missing.find((f) => f.missing?.includes('architect:flow:publish'))!;
    expect(publish.fix).toMatch(
      /add `architect:flow:publish`.* to role Flow Editor, granted in division (Home|Support)/,
    );
    const session = missing.find((f) => f.operation === 'SESSION /architect-scripting')!;
    expect(session.fix).toBe('add `architect:ui:view` to role Flow Editor');
    expect(by.wrongorg!.passed).toBe(false);
    expect(by.wrongorg!.findings.map((f) => f.code)).toEqual(['org-mismatch']);
    expect(by.wrongorg!.findings[0]!.message).toMatch(
      /belong to org 44444444-4444-4444-8444-444444444444 \(wrongorg\), not 33333333-3333-4333-8333-333333333333/,
    );
    expect(by.wrongorg!.orgId).toBe('44444444-4444-4444-8444-444444444444');
    expect(exitCode(report, 'error')).toBe(1);
  });

  it('sends only the token request and read-only GETs', () => {
    expect(fake.calls.length).toBeGreaterThan(0);
    for (const c of fake.calls) {
      const ok = (c.method === 'POST' && c.path === '/oauth/token') || c.method === 'GET';
      if (!ok) throw new Error(`non-read call ${c.method} ${c.path}`);
    }
  });

  it('agrees with offline mode when Genesys holds what the manifest declares', async () => {
    const offline = await runCheck({ manifestPath: manifest, mode: 'offline', orgs: ['good', 'missing'] });
    const key = (r: Report) =>
      r.orgs
        .filter((o) => o.name !== 'wrongorg')
        .map((o) => [
          o.name,
          o.passed,
          o.findings
            .filter((f) => f.severity === 'error')
            .map((f) => `${f.code} ${f.operation} ${f.division} ${(f.missing ?? []).join(',')}`)
            .sort(),
        ]);
    expect(key(report)).toEqual(key(offline));
  });
});

describe('calls per org do not grow with resources', () => {
  it('same number of calls for 2 and 20 flows', async () => {
    const small = await live(writeScenarioManifest(fake.apiBase, ORGS.slice(0, 2), ROLES, { flows: 2 }));
    const big = await live(writeScenarioManifest(fake.apiBase, ORGS.slice(0, 2), ROLES, { flows: 20 }));
    for (const org of ['good', 'missing']) {
      expect(small.clients.get(org)).toBeGreaterThan(3);
      expect(big.clients.get(org)).toBe(small.clients.get(org));
    }
  });
});

describe('differential: replaying the planned deploy against the enforcing fake', () => {
  it('every 403 was predicted and every predicted error is a 403', async () => {
    const manifest = writeScenarioManifest(fake.apiBase, ORGS.slice(0, 2), ROLES, { flows: 4 });
    const { report } = await live(manifest);
    let compared = 0;
    for (const o of report.orgs) {
      const idx = ORGS.findIndex((x) => x.name === o.name);
      const fakeOrg = orgs[idx]!;
      const client = fakeOrg.clients[0]!;
      const tokenRes = await fetch(`${fake.loginBase}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      const token = ((await tokenRes.json()) as { access_token: string }).access_token;
      const predicted = new Set(
        o.findings
          .filter((f) => f.code === 'missing-permission' || f.code === 'missing-division-grant')
          .map((f) => `${f.resource} ${f.operation}`),
      );
      for (const q of o.requirements) {
        if (!q.permissions) continue;
        const [method, template] = q.operation.split(' ') as [string, string];
        if (method === 'SESSION') continue; // Architect Scripting's session: no Platform API call to replay
        const path = template.replace(/\{[^}]+\}/g, 'x');
        const headers: Record<string, string> = {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        };
        if (q.division) headers['x-fake-division'] = q.division;
        const res = await fetch(`${fake.apiBase}${path}`, {
          method,
          headers,
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        await res.arrayBuffer();
        if (res.status === 404 || res.status === 405) continue; // route not served by the fake
        compared++;
        const got403 = res.status === 403;
        const key = `${q.resource} ${q.operation}`;
        if (got403 !== predicted.has(key))
          throw new Error(
            `${o.name}: ${key} in ${q.division}: fake answered ${res.status}, predicted ${predicted.has(key) ? 403 : 'allowed'}`,
          );
      }
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  });
});

describe('faults: the org ends unverifiable or auth-failed, exit 2, the others are still reported', () => {
  // The faulted org gives up at its first failing call: the token, then one API call with its
  // retries (maxRetries for 429/5xx/resets; none for a timeout or a malformed answer). What keeps
  // this quick is that request count (no elapsed time is asserted); a hang is bounded by the
  // client's timeoutMs and, should that break, by the test timeout.
  const attempts = 1 + FAST.maxRetries;
  // The hang's timeout passes on a held clock (holdTimeouts), not in real time: any value is correct.
  const HANG = { ...HANG_CLIENT, timeoutMs: 28_765 };
  const cases: Array<[string, Parameters<FakeGenesys['setFault']>[0], string, number]> = [
    ['5xx on every call', { kind: 'server-error', status: 503 }, 'unverifiable', 1 + attempts],
    ['429 storm beyond the retry budget', { kind: 'rate-limit', retryAfterSeconds: 1 }, 'unverifiable', 1 + attempts],
    ['malformed JSON', { kind: 'malformed-json' }, 'unverifiable', 2],
    ['connection reset', { kind: 'reset' }, 'unverifiable', 1 + attempts],
    ['hang', { kind: 'hang' }, 'unverifiable', 2],
    ['token rejected', { kind: 'reject-token' }, 'auth-failed', 1],
  ];
  it.each(cases)('%s', async (_name, fault, code, requests) => {
    const manifest = writeScenarioManifest(fake.apiBase, ORGS.slice(0, 2), ROLES, { flows: 2 });
    const remove = fake.setFault({
      ...fault,
      org: orgs[1]!.id,
      ...(fault.kind === 'reject-token' ? {} : { path: /^\/api\/v2\// }),
    });
    const clock = fault.kind === 'hang' ? holdTimeouts(HANG.timeoutMs) : undefined;
    try {
      fake.calls.length = 0;
      // A hang: the orgs run one after the other (the good org first), so when the fake holds the
      // faulted org's API call, the only timeout pending is that call's: its time is made to pass.
      const run = clock ? live(manifest, {}, [], HANG, 1) : live(manifest, {}, [], FAST);
      if (clock) {
        let settled = false;
        void run.finally(() => {
          settled = true;
        });
        const held = () => fake.calls.some((c) => c.org === orgs[1]!.id && c.fault === 'hang');
        while (!settled && !(held() && clock.pending() > 0)) await new Promise((r) => setTimeout(r, 5));
        clock.elapse();
      }
      const { report, clients } = await run;
      expect(clients.get('missing')).toBe(requests);
      expect(fake.calls.filter((c) => c.org === orgs[1]!.id)).toHaveLength(requests);
      const by = Object.fromEntries(report.orgs.map((o) => [o.name, o]));
      expect(by.good!.passed).toBe(true);
      expect(by.missing!.findings.map((f) => f.code)).toEqual([code]);
      expect(by.missing!.findings[0]!.fatal).toBe(true);
      expect(by.missing!.passed).toBe(false);
      expect(exitCode(report, 'never')).toBe(2);
    } finally {
      clock?.restore();
      remove();
    }
  });

  it('wrong secret: auth-failed naming the login host and the variables, never the secret', async () => {
    const manifest = writeScenarioManifest(fake.apiBase, ORGS.slice(0, 1), ROLES, { flows: 1 });
    const { report } = await live(manifest, { GENESYS_GOOD_CLIENT_SECRET: 'not-the-secret-XYZ' });
    const f = report.orgs[0]!.findings[0]!;
    expect(f.code).toBe('auth-failed');
    expect(f.message).toMatch(/rejected the credentials from GENESYS_GOOD_CLIENT_ID\/GENESYS_GOOD_CLIENT_SECRET/);
    expect(JSON.stringify(report)).not.toContain('not-the-secret-XYZ');
  });

  it('unreachable host: unverifiable, exit 2', async () => {
    const manifest = writeScenarioManifest('http://127.0.0.1:9', ORGS.slice(0, 1), ROLES, { flows: 1 });
    const { report } = await live(manifest);
    expect(report.orgs[0]!.findings[0]!.code).toBe('unverifiable');
    expect(exitCode(report, 'error')).toBe(2);
  });

  it('missing environment variables: auth-failed at the credentials', async () => {
    const manifest = writeScenarioManifest(fake.apiBase, ORGS.slice(0, 1), ROLES, { flows: 1 });
    const mode = resolveMode('live', manifest, {}, {});
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
    expect(report.orgs[0]!.findings[0]!.message).toMatch(
      /GENESYS_GOOD_CLIENT_ID and GENESYS_GOOD_CLIENT_SECRET are not set/,
    );
    expect(exitCode(report, 'error')).toBe(2);
  });
});

describe('entitlements and divisions', () => {
  it('a permission missing from the org catalog is entitlement-missing; an unknown division is a located error', async () => {
    const roles = [...ROLES, { name: 'Inspector', permissions: ['integrations:integration:view'] }];
    const org: ScenarioOrg = {
      ...ORGS[0]!,
      roles: [
        { role: 'Flow Deployer', divisions: ['Home'] },
        { role: 'Inspector', divisions: ['Home'] },
      ],
      divisions: ['Home', 'Sales'],
    };
    const report = await liveCheckOnce([org], roles, {
      permissionCatalog: [
        'architect:flow:view',
        'architect:flow:add',
        'architect:flow:edit',
        'architect:flow:unlock',
        'integrations:integration:view',
      ],
      manifest: {
        flows: 2,
        declare: true,
        extra: 'premiumApps:\n  - {integrationType: not-enabled-app, provision: [group]}',
      },
    });
    const codes = report.orgs[0]!.findings.map((f) => f.code);
    expect(codes).toContain('entitlement-missing');
    const ent = report.orgs[0]!.findings.filter((f) => f.code === 'entitlement-missing');
    expect(ent.some((f) => /integration type not-enabled-app is not available/.test(f.message))).toBe(true);
    expect(ent.some((f) => (f.missing ?? []).includes('directory:group:add'))).toBe(true);
    // no double report: the unavailable permission is not also missing-permission
    expect(
      report.orgs[0]!.findings.some(
        (f) => f.code === 'missing-permission' && (f.missing ?? []).includes('directory:group:add'),
      ),
    ).toBe(false);
    const div = report.orgs[0]!.findings.find((f) => f.code === 'manifest-invalid')!;
    expect(div.message).toMatch(/division "Support" does not exist in org good \(divisions: Home, Sales\)/);
    expect(div.location!.file).toMatch(/f1\.yaml$/);
    expect(div.location!.line).toBe(3);
    expect(exitCode(report, 'error')).toBe(2);
  });
});

describe('secrets never reach any output', () => {
  it('text, markdown and JSON reports hold no secret or token', async () => {
    const manifest = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 2 });
    const masked: string[] = [];
    const mode = resolveMode('live', manifest, env, { client: FAST, setSecret: (s) => masked.push(s) });
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
    const outputs = [JSON.stringify(report), renderText(report, 1), renderMarkdown(report, 1)].join('\n');
    const secrets = [...orgs.flatMap((o) => o.clients.map((c) => c.clientSecret)), ...fake.issuedTokens()];
    expect(secrets.length).toBeGreaterThan(3);
    for (const s of secrets) expect(outputs).not.toContain(s);
    for (const o of orgs) expect(masked).toContain(o.clients[0]!.clientSecret);
    for (const t of fake.issuedTokens().slice(-3)) expect(masked).toContain(t);
  });
});

describe('user tokens (premium apps, PKCE): scopes and the user permissions, both sides reported', () => {
  it('a user token lacking the scope yields missing-scope; the permission side is checked too', async () => {
    const org: ScenarioOrg = { name: 'partner', orgId: '55555555-5555-4555-8555-555555555555', roles: [] };
    const [fo] = fakeOrgs([org], ROLES);
    fo!.roles = [
      {
        id: 'role-editor',
        name: 'Flow Editor',
        permissionPolicies: [
          { domain: 'architect', entityName: 'flow', actionSet: ['view', 'add', 'edit', 'publish'] },
        ],
      },
    ];
    fo!.users = [
      {
        id: 'u1',
        name: 'Installer',
        accessToken: 'user-access-token-ABC123xyz',
        scopes: ['users'],
        grants: [{ roleId: 'role-editor', divisionId: '*' }],
      },
    ];
    const f2 = await startFakeGenesys({ orgs: [fo!], requirements: catalogRequirements });
    try {
      const manifest = writeScenarioManifest(f2.apiBase, [org], ROLES, { flows: 1, declare: false });
      const tokenEnv = {
        GENESYS_PARTNER_ACCESS_TOKEN: 'user-access-token-ABC123xyz',
        GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1',
      };
      const mode = resolveMode('live', manifest, tokenEnv, { client: FAST });
      const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
      const o = report.orgs[0]!;
      const scope = o.findings.filter((f) => f.code === 'missing-scope');
      expect(scope.length).toBeGreaterThan(0);
      expect(scope[0]!.fix).toMatch(/add scope `architect(:readonly)?`/);
      // The user holds view/add/edit/publish; publish is ANY(unlock, publish): not missing. The permission side
      // reports only what the user lacks: the same-name delete before publishing and the Archy session's ui:view.
      const perms = o.findings.filter((f) => f.code === 'missing-permission');
      expect(new Set(perms.flatMap((f) => f.missing))).toEqual(new Set(['architect:flow:delete', 'architect:ui:view']));
      expect(JSON.stringify(report)).not.toContain('user-access-token-ABC123xyz');
    } finally {
      await f2.close();
    }
  });
});

describe('entitlements inside an "any one of" set', () => {
  it('when the org lacks one member, the other member is required (no silent pass)', async () => {
    const roles: ScenarioRole[] = [{ name: 'Viewer', permissions: ['architect:flow:view'] }];
    const org: ScenarioOrg = { ...ORGS[0]!, roles: [{ role: 'Viewer', divisions: ['*'] }] };
    const report = await liveCheckOnce([org], roles, {
      permissionCatalog: [
        'architect:flow:view',
        'architect:flow:unlock',
        'architect:flow:edit',
        'architect:flow:add',
        'routing:queue:view',
      ],
      manifest: { flows: 1, action: 'publish' },
    });
    const o = report.orgs[0]!;
    expect(o.passed).toBe(false);
    const pub = o.findings.find((f) => f.operation === 'POST /api/v2/flows/actions/publish')!;
    expect(pub.code).toBe('missing-permission');
    expect(pub.missing).toEqual(['architect:flow:unlock']);
  });
});

describe('permissions that are not division-aware', () => {
  it('a grant in any division gives them (the org catalog says divisionAware: false)', async () => {
    const roles: ScenarioRole[] = [
      { name: 'Jobs', permissions: ['architect:job:create', 'architect:job:view'] },
      { name: 'Flows', permissions: ['architect:flow:*', 'routing:queue:view'] },
    ];
    const org: ScenarioOrg = {
      ...ORGS[0]!,
      roles: [
        { role: 'Jobs', divisions: ['Home'] },
        { role: 'Flows', divisions: ['*'] },
      ],
    };
    const catalog = allCatalogPermissions().map((p) =>
      p.startsWith('architect:job:') ? { permission: p, divisionAware: false } : p,
    );
    const report = await liveCheckOnce([org], roles, {
      permissionCatalog: catalog,
      manifest: { flows: 2, deployer: 'cx-as-code' },
    });
    const o = report.orgs[0]!;
    // Flow 1 lives in Support; the job role is granted in Home only, and job permissions are org-wide
    expect(o.findings.filter((f) => f.code === 'missing-division-grant')).toEqual([]);
    expect(o.passed).toBe(true);
  });
});
