/**
 * diagnose round trip (issue 14, "Done when"): a deploy script makes the planned calls of the example
 * manifest against the enforcing fake Genesys Cloud as the org's declared principal and prints what it
 * gets, as a deploy log would (request line, status, the 403 body). diagnose reads that log back: what
 * the fake refused is exactly what it reports, and check had predicted every one.
 */
import { describe, it, expect } from '@jest/globals';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeGenesys } from '../../test-support/fake-genesys/index.js';
import type { RequirementLookup } from '../../test-support/fake-genesys/types.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { runCheck } from '../../src/engine.js';
import { loadManifest } from '../../src/manifest/load.js';
import { declaredPrincipal } from '../../src/grants/declared.js';
import { diagnose } from '../../src/diagnose/index.js';
import { explainFailures } from '../../src/diagnose/explain.js';
import type { Principal } from '../../src/types.js';
import { fakeOrgs, type ScenarioOrg, type ScenarioRole } from '../support/scenario.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalog = bundledCatalog();
const enforce: RequirementLookup = (method, template) => {
  const op = catalog.lookup(method, template);
  return op?.permissions
    ? { mode: op.permissions.mode, permissions: [...op.permissions.values], divisionAware: true, scopes: op.scopes }
    : null;
};

describe('diagnose round trip against the enforcing fake', () => {
  it('every 403 the fake sends is diagnosed (operation, permissions) and was predicted by check', async () => {
    const manifest = join(ROOT, 'examples', 'genesys-preflight.yml');
    const report = await runCheck({ manifestPath: manifest, mode: 'offline', orgs: ['prod-eu'] });
    const loaded = loadManifest(manifest);
    const orgIndex = loaded.manifest.orgs.findIndex((o) => o.name === 'prod-eu');
    const principal = declaredPrincipal(loaded, orgIndex)!;
    const orgReport = report.orgs[0]!;

    const divisions = new Set(['Home']);
    for (const q of orgReport.requirements) if (q.division) divisions.add(q.division);
    const roles: ScenarioRole[] = principal.roles.map((r) => ({
      name: r.role,
      permissions: r.permissions.map((p) => p.permission),
    }));
    const org: ScenarioOrg = {
      name: 'prod-eu',
      orgId: '77777777-7777-4777-8777-777777777777',
      roles: principal.roles.map((r) => ({ role: r.role, divisions: r.divisions.map((d) => d.name) })),
      divisions: [...divisions],
      clientId: 'rt-client',
      clientSecret: 'rt-secret-0123456789',
    };
    const replayable = orgReport.requirements.filter((q) => {
      const [m, p] = q.operation.split(' ') as [string, string];
      const op = p?.startsWith('/api/v2/') ? catalog.lookup(m, p) : undefined;
      return q.permissions && op?.permissions && op.permissions.values.join() === q.permissions.values.join();
    });
    const fake = await startFakeGenesys({
      orgs: fakeOrgs([org], roles),
      requirements: enforce,
      enforceOnly: [...new Set(replayable.map((q) => q.operation))],
    });
    const log: string[] = ['##[group]Run ./deploy.sh', `2026-12-02T10:00:00.000Z deploying ${replayable.length} calls`];
    const refused = new Set<string>();
    try {
      const tokenRes = await fetch(`${fake.loginBase}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('rt-client:rt-secret-0123456789').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      const token = ((await tokenRes.json()) as { access_token: string }).access_token;
      const seen = new Set<string>();
      for (const q of replayable) {
        const key = `${q.operation}@${q.division ?? '*'}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const [method, template] = q.operation.split(' ') as [string, string];
        const path = template.replace(/\{[^}]+\}/g, '3f9c2a10-0000-4000-8000-00000000000a');
        const res = await fetch(`${fake.apiBase}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'x-fake-division': q.division ?? '*',
          },
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        const body = await res.text();
        log.push(`> ${method} ${path} HTTP/1.1`, `< HTTP/1.1 ${res.status}`);
        if (res.status === 403) {
          refused.add(q.operation);
          log.push(body);
        }
      }
    } finally {
      await fake.close();
    }
    log.push('##[endgroup]', 'Error: Process completed with exit code 1.');
    expect(refused.size).toBeGreaterThan(0);

    const failures = diagnose(log.join('\n'), catalog);
    expect(new Set(failures.map((f) => f.operation))).toEqual(refused);
    for (const f of failures) expect(f.permissions?.values.length).toBeGreaterThan(0);
    const explained = explainFailures(
      failures,
      'deploy.log',
      report,
      new Map<string, Principal>([['prod-eu', principal]]),
      'prod-eu',
    );
    expect(explained.filter((d) => !d.predicted).map((d) => d.failure.operation)).toEqual([]);
    for (const d of explained) {
      expect(d.findings[0]!.fix).toMatch(/role|division/);
      expect(d.findings[0]!.location).toMatchObject({ file: 'deploy.log', line: d.failure.line });
    }
  }, 60_000);

  it("a 403 check did not plan is unpredicted-403, with a fix in the principal's terms", () => {
    const body = JSON.stringify({
      message: 'You are missing the following permission(s): telephony:plugin:all',
      code: 'missing.permissions',
      status: 403,
      messageParams: { permissions: 'telephony:plugin:all' },
      contextId: 'c-1',
    });
    const failures = diagnose(`< HTTP/1.1 403\n${body}`, catalog);
    const report = {
      version: 2,
      mode: 'offline',
      passed: true,
      manifest: 'm.yml',
      summary: { errors: 0, warnings: 0, notices: 0 },
      orgs: [
        {
          name: 'prod',
          orgId: null,
          region: 'us-east-1',
          principal: 'declared',
          passed: true,
          requirements: [],
          findings: [],
        },
      ],
      findings: [],
    } as const;
    const principal: Principal = {
      source: 'declared',
      grant: 'client-credentials',
      scopes: [],
      roles: [
        { role: 'Deployer', permissions: [{ permission: 'architect:flow:view' }], divisions: [{ name: 'Home' }] },
      ],
    };
    const [d] = explainFailures(failures, 'deploy.log', report as never, new Map([['prod', principal]]));
    expect(d!.predicted).toBe(false);
    expect(d!.findings[0]).toMatchObject({ code: 'unpredicted-403', missing: ['telephony:plugin:all'] });
    expect(d!.cause).toBe('no-plan');
    expect(d!.findings[0]!.message).toContain(
      'did not predict it: it needs all of `telephony:plugin:all`. ' +
        'No plan of the manifest makes a call needing `telephony:plugin:all` for org prod: ',
    );
    expect(d!.findings[0]!.message).toMatch(/Please report this gap with the log excerpt$/);
    expect(d!.findings[0]!.fix).toMatch(/telephony:plugin:all/);
  });
});
