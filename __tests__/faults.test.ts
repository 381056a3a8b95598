/**
 * Faults that need more than the fake's fault injection: an unresolvable region host (DNS), a
 * TLS failure (self-signed certificate on 127.0.0.1), and secret safety and fail-closed verdicts
 * on every error path of the bundled action (ACTIONS_STEP_DEBUG on).
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FakeGenesys, FakeOrg } from '../test-support/fake-genesys/index.js';
import { runCheck } from '../src/engine.js';
import { resolveMode } from '../src/grants/mode.js';
import { exitCode } from '../src/report/model.js';
import { startScenario, writeScenarioManifest, type ScenarioOrg, type ScenarioRole } from './support/scenario.js';
import { runAction } from './support/runner.js';
import { bundlePaths } from './support/bundle.js';

const ROLES: ScenarioRole[] = [
  { name: 'Flow Deployer', permissions: ['architect:ui:view', 'architect:flow:*', 'architect:job:*'] },
];
const ORGS: ScenarioOrg[] = [
  {
    name: 'good',
    orgId: '11111111-1111-4111-8111-111111111111',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
    clientSecret: 'SeCrEt-good-4f1a9c',
  },
  {
    name: 'bad',
    orgId: '22222222-2222-4222-8222-222222222222',
    roles: [{ role: 'Flow Deployer', divisions: ['*'] }],
    clientSecret: 'SeCrEt-bad-7d2e0b',
  },
];
// Generous timeouts: a loaded machine must not turn a slow loopback answer into a timeout.
const FAST = { maxRetries: 1, backoffBaseMs: 5, backoffMaxMs: 10, timeoutMs: 30_000, connectTimeoutMs: 30_000 };

let fake: FakeGenesys;
let orgs: FakeOrg[];
let env: Record<string, string>;
beforeAll(async () => {
  ({ fake, orgs, env } = await startScenario(ORGS, ROLES));
});
afterAll(async () => {
  await fake.close();
});

/** A manifest whose second org points at `badBase`. */
function manifestWith(badBase: string): string {
  const file = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 1, declare: false });
  const text = readFileSync(file, 'utf8');
  const i = text.indexOf('  - name: bad');
  const patched =
    text.slice(0, i) +
    text
      .slice(i)
      .replace(
        `apiBase: "${fake.apiBase}", loginBase: "${fake.apiBase}"`,
        `apiBase: "${badBase}", loginBase: "${badBase}"`,
      );
  writeFileSync(file, patched);
  return file;
}

describe('DNS and TLS failures', () => {
  it('an unresolvable host: that org is unverifiable (dns), exit 2, the other org is reported', async () => {
    const file = manifestWith('https://api.no-such-region.invalid');
    const lookup = ((
      hostname: string,
      _opts: unknown,
      cb: (e: NodeJS.ErrnoException | null, a?: string, f?: number) => void,
    ) => {
      if (hostname === '127.0.0.1') return cb(null, '127.0.0.1', 4);
      const e: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        hostname,
      });
      cb(e);
    }) as unknown as import('node:net').LookupFunction;
    const mode = resolveMode(
      'live',
      file,
      { ...env, GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1,api.no-such-region.invalid' },
      { client: { ...FAST, lookup } },
    );
    const report = await runCheck({ manifestPath: file, mode: mode.mode, grants: mode.grants! });
    const by = Object.fromEntries(report.orgs.map((o) => [o.name, o]));
    expect(by.good!.passed).toBe(true);
    expect(by.bad!.findings.map((f) => f.code)).toEqual(['unverifiable']);
    expect(by.bad!.findings[0]!.message).toMatch(/could not reach api\.no-such-region\.invalid .*\(dns: ENOTFOUND\)/);
    expect(exitCode(report, 'never')).toBe(2);
  });

  describe('TLS', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gp-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      server = createServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end('{}'),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((r) => server.close(r));
    });

    it('a certificate that does not verify: that org is unverifiable (tls), exit 2, the other org is reported', async () => {
      const file = manifestWith(base);
      const mode = resolveMode('live', file, env, { client: FAST });
      const report = await runCheck({ manifestPath: file, mode: mode.mode, grants: mode.grants! });
      const by = Object.fromEntries(report.orgs.map((o) => [o.name, o]));
      expect(by.good!.passed).toBe(true);
      expect(by.bad!.findings[0]!.code).toBe('unverifiable');
      expect(by.bad!.findings[0]!.message).toMatch(/\(tls: [A-Z_]+\)/);
      expect(exitCode(report, 'error')).toBe(2);
    });
  });
});

describe('the bundled action on error paths: fail closed, no secret anywhere (debug on)', () => {
  const ACTION = bundlePaths().action;
  const secrets = () => [...ORGS.map((o) => o.clientSecret!), ...fake.issuedTokens()];
  const visible = (r: Awaited<ReturnType<typeof runAction>>) =>
    [
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      r.stderr,
      r.summary,
      JSON.stringify(r.outputs),
      r.outputs.report ? readFileSync(r.outputs.report, 'utf8') : '',
    ].join('\n');
  const cases: Array<[string, () => { manifest: string; env: Record<string, string> }, number]> = [
    [
      'wrong client secret',
      () => ({
        manifest: writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 1, declare: false }),
        env: { ...env, GENESYS_BAD_CLIENT_SECRET: 'SeCrEt-WRONG-9z9z9z' },
      }),
      2,
    ],
    ['unreachable host', () => ({ manifest: manifestWith('http://127.0.0.1:9'), env }), 2],
    [
      '5xx from Genesys',
      () => ({ manifest: writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 1, declare: false }), env }),
      2,
    ],
    [
      'missing secret variable',
      () => ({
        manifest: writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 1, declare: false }),
        env: { ...env, GENESYS_BAD_CLIENT_SECRET: '' },
      }),
      2,
    ],
  ];
  const rows = cases.map(([name, make, code]) => ({ name, make, code }));
  it.each(rows)('$name: exit $code, passed=false, no secret or token in any output', async ({ name, make, code }) => {
    const remove =
      name === '5xx from Genesys'
        ? fake.setFault({ kind: 'server-error', status: 503, org: orgs[1]!.id, path: /^\/api\/v2\// })
        : () => {};
    try {
      const { manifest, env: e } = make();
      const r = await runAction(
        ACTION,
        { manifest, mode: 'live', comment: 'never' },
        { ...e, ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' },
      );
      expect(r.code).toBe(code);
      expect(r.outputs.passed).toBe('false');
      const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8'));
      expect(report.passed).toBe(false);
      expect(report.orgs.find((o: { name: string }) => o.name === 'good').passed).toBe(true);
      const text = visible(r);
      for (const s of [...secrets(), 'SeCrEt-WRONG-9z9z9z']) expect(text).not.toContain(s);
    } finally {
      remove();
    }
  });
});

describe('credentials never go to a host that is not Genesys Cloud', () => {
  it('an apiBase/loginBase outside the regions (and not loopback) is refused before any request', async () => {
    const file = manifestWith('https://collector.example.com');
    const before = fake.calls.length;
    const mode = resolveMode('live', file, env, { client: FAST });
    const report = await runCheck({ manifestPath: file, mode: mode.mode, grants: mode.grants! });
    const bad = report.orgs.find((o) => o.name === 'bad')!;
    expect(bad.findings[0]).toMatchObject({
      code: 'manifest-invalid',
      fatal: true,
      message: expect.stringMatching(/credentials\.apiBase \(host collector\.example\.com\) is not a Genesys Cloud/),
    });
    expect(exitCode(report, 'never')).toBe(2);
    expect(fake.calls.length - before).toBeGreaterThan(0); // the good org was still read
  });
});

describe('fail closed', () => {
  it('an org that could not be checked is never "passed", whatever --fail-on says', async () => {
    const file = manifestWith('http://127.0.0.1:9');
    const mode = resolveMode('live', file, env, { client: FAST });
    const report = await runCheck({ manifestPath: file, mode: mode.mode, grants: mode.grants! });
    const bad = report.orgs.find((o) => o.name === 'bad')!;
    expect(bad.passed).toBe(false);
    expect(report.passed).toBe(false);
    for (const failOn of ['error', 'warning', 'never'] as const) expect(exitCode(report, failOn)).toBe(2);
  });

  it('a manifest that cannot be read is never "passed"; neither is one with no org to check', async () => {
    const missing = await runCheck({ manifestPath: 'no/such/file.yml', mode: 'offline' });
    expect(missing.passed).toBe(false);
    expect(exitCode(missing, 'never')).toBe(2);
  });

  it('live mode without credentials does not fall back to the declared principal', async () => {
    const file = writeScenarioManifest(fake.apiBase, ORGS, ROLES, { flows: 1 });
    const mode = resolveMode('live', file, {}, {});
    const report = await runCheck({ manifestPath: file, mode: mode.mode, grants: mode.grants! });
    expect(report.orgs.every((o) => !o.passed && o.principal === 'none')).toBe(true);
    expect(exitCode(report, 'never')).toBe(2);
  });
});
