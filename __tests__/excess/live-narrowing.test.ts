/**
 * Issue 15, "Done when": against the enforcing fake Genesys Cloud, a client holding `*:*:*` in every
 * division gets the full narrowing plan; granting the generated least-privilege roles instead leaves
 * the live check green and the excess report empty.
 */
import { describe, it, expect } from '@jest/globals';
import { startFakeGenesys } from '../../test-support/fake-genesys/index.js';
import { runCheck, runPolicy } from '../../src/engine.js';
import { resolveMode } from '../../src/grants/mode.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import type { Report } from '../../src/report/model.js';
import {
  catalogRequirements,
  fakeOrgs,
  FAST_CLIENT,
  scenarioEnv,
  writeScenarioManifest,
  type ScenarioOrg,
  type ScenarioRole,
} from '../support/scenario.js';

const EXCESS = new Set(['excess-permission', 'excess-division', 'wildcard-grant', 'admin-role']);

async function liveExcess(orgs: ScenarioOrg[], roles: ScenarioRole[]): Promise<{ report: Report; manifest: string }> {
  const fakes = fakeOrgs(orgs, roles);
  const fake = await startFakeGenesys({ orgs: fakes, requirements: catalogRequirements });
  try {
    const manifest = writeScenarioManifest(fake.apiBase, orgs, roles, { declare: false, flows: 4 });
    const mode = resolveMode('live', manifest, scenarioEnv(fakes, orgs), { client: FAST_CLIENT });
    const report = await runCheck({
      manifestPath: manifest,
      mode: mode.mode,
      grants: mode.grants!,
      excess: { severity: 'warning' },
    });
    return { report, manifest };
  } finally {
    await fake.close();
  }
}

describe('excess privilege, live, end to end', () => {
  it('*:*:* in * → the narrowing plan; the generated roles → green and no excess', async () => {
    const god: ScenarioOrg = {
      name: 'prod',
      orgId: '55555555-5555-4555-8555-555555555555',
      roles: [{ role: 'Everything', divisions: ['*'] }],
    };
    const { report, manifest } = await liveExcess([god], [{ name: 'Everything', permissions: ['*:*:*'] }]);
    const o = report.orgs[0]!;
    expect(o.principal).toBe('live');
    expect(o.passed).toBe(true);
    const excess = o.findings.filter((f) => EXCESS.has(f.code));
    expect(excess.map((f) => f.code)).toEqual(['wildcard-grant', 'wildcard-grant']);
    expect(excess[0]!.fix).toMatch(/^replace `\*:\*:\*` in role Everything with `architect:flow:add`/);
    expect(excess[1]!.fix).toMatch(/^grant role Everything in Home, Support instead of \*$/);
    expect(o.excess!.held.divisions).toBe('all');
    expect(o.excess!.held.permissions).toBeGreaterThan(1000);

    // Apply the least-privilege roles of the same manifest, and nothing else.
    const [policy] = runPolicy({ manifestPath: manifest, catalog: bundledCatalog() });
    const roles: ScenarioRole[] = policy!.roles.map((r) => ({ name: r.name, permissions: r.permissions }));
    const narrowed: ScenarioOrg = {
      ...god,
      roles: policy!.roles.map((r) => ({ role: r.name, divisions: r.divisions })),
    };
    const after = (await liveExcess([narrowed], roles)).report.orgs[0]!;
    expect(after.passed).toBe(true);
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(after.findings.filter((f) => EXCESS.has(f.code))).toEqual([]);
    expect(after.excess!.held.permissions).toBe(after.excess!.needed.permissions);
  }, 60_000);
});
