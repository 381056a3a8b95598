/**
 * Crossed credentials (src/grants/crossed.ts): two manifest orgs that resolve to the same Genesys org
 * (GET /api/v2/tokens/me `organization.id`) are an error naming both, even without orgs[].orgId.
 */
import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCrossedFindings, crossedOrgs, orgIdentity, type OrgIdentity } from '../../src/grants/crossed.js';
import { runCheck } from '../../src/engine.js';
import { resolveMode } from '../../src/grants/mode.js';
import type { OrgReport } from '../../src/report/model.js';
import { FAST_CLIENT, envNames, startScenario, type Scenario } from '../support/scenario.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const loc = (line: number) => ({ file: 'genesys-preflight.yml', line, column: 5 });

describe('crossedOrgs (pure)', () => {
  it('two orgs whose tokens resolve to the same org: one error per org, naming both', () => {
    const orgs: OrgIdentity[] = [
      { name: 'alpha', orgId: A, from: 'token', location: loc(3) },
      { name: 'beta', orgId: A.toUpperCase(), from: 'token', location: loc(7) },
      { name: 'gamma', orgId: B, from: 'token', location: loc(11) },
    ];
    const out = crossedOrgs(orgs);
    expect(out.map((c) => c.org)).toEqual(['alpha', 'beta']);
    for (const { finding } of out) {
      expect(finding).toMatchObject({ severity: 'error', code: 'org-mismatch' });
      expect(finding.message).toBe(
        `orgs alpha and beta are the same Genesys org ${A} (the credentials of org alpha belong to it; ` +
          'the credentials of org beta belong to it): a deploy meant for one would change the other',
      );
    }
    expect(out[0]!.finding.location).toEqual(loc(3));
    expect(out[0]!.finding.related).toEqual(loc(7));
    expect(out[1]!.finding.related).toEqual(loc(3));
  });

  it('a token resolving to an org another manifest org declares is crossed too; two declared ids are not', () => {
    const mixed = crossedOrgs([
      { name: 'alpha', orgId: A, from: 'declared' },
      { name: 'beta', orgId: A, from: 'token' },
    ]);
    expect(mixed).toHaveLength(2);
    expect(mixed[0]!.finding.message).toMatch(/org alpha declares it as orgId; the credentials of org beta belong/);
    const declared: OrgIdentity[] = ['a', 'b'].map((name) => ({ name, orgId: A, from: 'declared' }));
    expect(crossedOrgs(declared)).toEqual([]);
    // Both declare the id the token resolves to: an alias the manifest states, not a crossing.
    const alias = crossedOrgs([
      { name: 'a', orgId: A, from: 'token', declared: A },
      { name: 'b', orgId: A, from: 'token', declared: A.toUpperCase() },
    ]);
    expect(alias).toEqual([]);
  });

  it('unknown ids never match, and three orgs are listed together', () => {
    const unknown: OrgIdentity[] = ['a', 'b'].map((name) => ({ name, orgId: null, from: 'token' }));
    expect(crossedOrgs(unknown)).toEqual([]);
    const three = crossedOrgs(['a', 'b', 'c'].map((name) => ({ name, orgId: A, from: 'token' as const })));
    expect(three).toHaveLength(3);
    expect(three[0]!.finding.message).toMatch(/^orgs a, b and c are the same Genesys org/);
  });

  it('orgIdentity: a live principal or an id other than the declared one was read from a token', () => {
    const org = { name: 'x', region: 'us-east-1' };
    const live = { grant: 'client-credentials' as const, scopes: [], roles: [], source: 'live' as const };
    const declared = { ...live, source: 'declared' as const };
    expect(orgIdentity(org, { findings: [], orgId: A, principal: live }).from).toBe('token');
    expect(orgIdentity({ ...org, orgId: B }, { findings: [], orgId: A }).from).toBe('token');
    const same = orgIdentity({ ...org, orgId: A }, { findings: [], orgId: A, principal: declared });
    expect(same).toEqual({ name: 'x', orgId: A, from: 'declared', declared: A });
    expect(orgIdentity({ ...org, orgId: A }, { findings: [] })).toEqual({
      name: 'x',
      orgId: A,
      from: 'declared',
      declared: A,
    });
  });

  it('addCrossedFindings fails the named org reports and keeps their findings sorted', () => {
    const report = (name: string): OrgReport => ({
      name,
      orgId: A,
      region: 'us-east-1',
      principal: 'live',
      passed: true,
      requirements: [],
      findings: [{ severity: 'warning', code: 'unverifiable', message: 'w' }],
    });
    const reports = [report('alpha'), report('beta'), report('other')];
    const ids: OrgIdentity[] = [
      { name: 'alpha', orgId: A, from: 'token' },
      { name: 'beta', orgId: A, from: 'token' },
      { name: 'gone', orgId: B, from: 'token' },
      { name: 'gone2', orgId: B, from: 'token' },
    ];
    addCrossedFindings(reports, crossedOrgs(ids));
    // gone and gone2 are not in the reports: ignored.
    expect(reports.map((r) => [r.passed, r.findings.map((f) => f.code)])).toEqual([
      [false, ['org-mismatch', 'unverifiable']],
      [false, ['org-mismatch', 'unverifiable']],
      [true, ['unverifiable']],
    ]);
  });
});

describe('crossed credentials against the fake Genesys Cloud', () => {
  let scenario: Scenario;
  beforeAll(async () => {
    const permissions = ['architect:flow:*', 'architect:job:create', 'architect:job:view', 'architect:ui:view'];
    scenario = await startScenario(
      [{ name: 'alpha', orgId: A, roles: [{ role: 'Flow Deployer', divisions: ['*'] }] }],
      [{ name: 'Flow Deployer', permissions }],
    );
  });
  afterAll(async () => {
    await scenario.fake.close();
  });

  function manifestFor(orgIds: Array<string | undefined>): string {
    const dir = mkdtempSync(join(tmpdir(), 'gp-crossed-'));
    const api = scenario.fake.apiBase;
    const manifest = join(dir, 'genesys-preflight.yml');
    const org = (name: string, orgId: string | undefined) => [
      `  - name: ${name}`,
      '    region: us-east-1',
      ...(orgId ? [`    orgId: ${orgId}`] : []),
      `    credentials: {apiBase: "${api}", loginBase: "${api}"}`,
    ];
    writeFileSync(
      manifest,
      ['version: 1', 'defaults: {deployer: archy}', 'orgs:', ...org('alpha', orgIds[0]), ...org('beta', orgIds[1])]
        .concat(['flows:', '  - {name: Main, type: inboundcall}', ''])
        .join('\n'),
    );
    return manifest;
  }
  function sameClientEnv(): Record<string, string> {
    const client = scenario.orgs[0]!.clients[0]!;
    const env: Record<string, string> = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
    for (const name of ['alpha', 'beta']) {
      env[envNames(name).id] = client.clientId;
      env[envNames(name).secret] = client.clientSecret;
    }
    return env;
  }

  it('two manifest orgs without orgId, credentials of the same fake org: runCheck fails both, naming both', async () => {
    const manifest = manifestFor([undefined, undefined]);
    const mode = resolveMode('live', manifest, sameClientEnv(), { client: FAST_CLIENT });
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
    expect(report.orgs.map((o) => [o.name, o.orgId, o.principal, o.passed])).toEqual([
      ['alpha', A, 'live', false],
      ['beta', A, 'live', false],
    ]);
    expect(report.passed).toBe(false);
    const [fa, fb] = report.orgs.map((o) => o.findings.find((f) => f.code === 'org-mismatch')!);
    expect(fa!.message).toMatch(new RegExp(`^orgs alpha and beta are the same Genesys org ${A} `));
    expect(fa!.location!.file).toBe(manifest);
    expect(fa!.location!.line).toBe(4);
    expect(fa!.related!.line).toBe(7);
    expect(fb!.location!.line).toBe(7);
    // Without the crossing the same deploy passes: the roles are enough.
    expect(report.orgs.every((o) => o.findings.filter((f) => f.severity === 'error').length === 1)).toBe(true);
  });

  it('one org declaring the id, the other not: both fail', async () => {
    const manifest = manifestFor([A, undefined]);
    const mode = resolveMode('live', manifest, sameClientEnv(), { client: FAST_CLIENT });
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
    expect(report.orgs.map((o) => o.findings.some((f) => f.code === 'org-mismatch'))).toEqual([true, true]);
  });

  it('both orgs declaring that same orgId are a deliberate alias: they pass', async () => {
    const manifest = manifestFor([A, A]);
    const mode = resolveMode('live', manifest, sameClientEnv(), { client: FAST_CLIENT });
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: mode.grants! });
    expect(report.orgs.map((o) => [o.name, o.passed])).toEqual([
      ['alpha', true],
      ['beta', true],
    ]);
    expect(report.passed).toBe(true);
  });
});
