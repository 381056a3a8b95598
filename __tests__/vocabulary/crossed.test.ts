/**
 * Crossed credentials (src/grants/crossed.ts): two manifest orgs that resolve to the same Genesys org
 * (GET /api/v2/tokens/me `organization.id`) are an error naming both, even without orgs[].orgId.
 */
import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCrossedFindings, crossedOrgs, orgIdentity, type OrgIdentity } from '../../src/grants/crossed.js';
import { runCheck, type GrantsReader } from '../../src/engine.js';
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
    expect(same).toEqual({ name: 'x', orgId: A, from: 'declared' });
    expect(orgIdentity({ ...org, orgId: A }, { findings: [] })).toEqual({ name: 'x', orgId: A, from: 'declared' });
  });

  it('addCrossedFindings fails the named org reports and keeps their findings sorted', () => {
    const report = (name: string): OrgReport => ({
      name, orgId: A, region: 'us-east-1', principal: 'live', passed: true, requirements: [],
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

  it('two manifest orgs without orgId, credentials of the same fake org: both resolve to it, both named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-crossed-'));
    const api = scenario.fake.apiBase;
    const manifest = join(dir, 'genesys-preflight.yml');
    const org = (name: string) => [
      `  - name: ${name}`,
      '    region: us-east-1',
      `    credentials: {apiBase: "${api}", loginBase: "${api}"}`,
    ];
    writeFileSync(
      manifest,
      ['version: 1', 'defaults: {deployer: archy}', 'orgs:', ...org('alpha'), ...org('beta')]
        .concat(['flows:', '  - {name: Main, type: inboundcall}', ''])
        .join('\n'),
    );
    const client = scenario.orgs[0]!.clients[0]!;
    const env: Record<string, string> = { GENESYS_PREFLIGHT_ALLOW_HOSTS: '127.0.0.1' };
    for (const name of ['alpha', 'beta']) {
      env[envNames(name).id] = client.clientId;
      env[envNames(name).secret] = client.clientSecret;
    }
    const mode = resolveMode('live', manifest, env, { client: FAST_CLIENT });
    const identities: OrgIdentity[] = [];
    const recording: GrantsReader = async (o, index, ctx) => {
      const g = await mode.grants!(o, index, ctx);
      identities.push(orgIdentity(o, g, ctx.loaded.locate(['orgs', index])));
      return g;
    };
    const report = await runCheck({ manifestPath: manifest, mode: mode.mode, grants: recording });
    expect(report.orgs.map((o) => [o.name, o.orgId, o.principal])).toEqual([
      ['alpha', A, 'live'],
      ['beta', A, 'live'],
    ]);
    const crossed = crossedOrgs(identities.sort((x, y) => x.name.localeCompare(y.name)));
    expect(crossed.map((c) => c.org)).toEqual(['alpha', 'beta']);
    expect(crossed[0]!.finding.message).toMatch(new RegExp(`^orgs alpha and beta are the same Genesys org ${A} `));
    expect(crossed[0]!.finding.location!.file).toBe(manifest);
    expect(crossed[0]!.finding.location!.line).toBe(4);
    expect(crossed[1]!.finding.location!.line).toBe(7);
    addCrossedFindings(report.orgs, crossed);
    expect(report.orgs.every((o) => !o.passed && o.findings[0]!.code === 'org-mismatch')).toBe(true);
  });
});
