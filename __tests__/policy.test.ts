import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { leastPrivilegePolicy } from '../src/policy/least-privilege.js';
import { verifyPolicy } from '../src/policy/verify.js';
import { permissionPolicies, renderPolicyMarkdown, renderTerraform, roleBodies } from '../src/policy/render.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { loadManifest } from '../src/manifest/load.js';
import { expandResources } from '../src/resources/expand.js';
import { requirementsByResource, runPolicy } from '../src/engine.js';
import { planResource } from '../src/plan/index.js';
import { requirementsFor } from '../src/plan/require.js';
import { WIZARD_MODULE_CALLS } from '../src/plan/premium-apps.js';
import { DEPLOYER_KINDS } from '../src/resources/expand.js';
import { DEPLOYERS, RESOURCE_ACTIONS, type Requirement, type ResourceKind } from '../src/types.js';
import { requirement, resource } from './support/build.js';

const catalog = bundledCatalog();

function requirementsOf(manifest: string, org: string): Requirement[] {
  const loaded = loadManifest(manifest);
  const { resources } = expandResources(loaded);
  const by = requirementsByResource(resources, catalog);
  return resources.filter((r) => r.orgs.includes(org)).flatMap((r) => by.get(r) ?? []);
}

describe('least-privilege policy', () => {
  it.each([
    ['examples/genesys-preflight.yml', 'prod-us'],
    ['examples/genesys-preflight.yml', 'prod-eu'],
    ['examples/premium-app/genesys-preflight.yml', 'customer'],
    ['examples/terraform/genesys-preflight.yml', 'prod'],
  ])('%s / %s: holding exactly the generated roles passes; dropping any permission fails', (manifest, org) => {
    const policy = runPolicy({ manifestPath: manifest, catalog, orgs: [org] })[0]!;
    const check = verifyPolicy(policy, requirementsOf(manifest, org));
    expect(check).toEqual({ sufficient: true, missing: 0, redundant: [] });
    expect(policy.size).toBeLessThanOrEqual(policy.union);
  });

  it('ANY picks the least-privileged member, explains it, and groups permissions by division set', () => {
    const reqs = [
      requirement(
        'POST /api/v2/flows/actions/publish',
        'ANY',
        ['architect:flow:unlock', 'architect:flow:publish'],
        'Support',
      ),
      requirement('GET /api/v2/flows', 'ANY', ['architect:flow:view'], 'Support'),
      requirement('GET /api/v2/flows', 'ANY', ['architect:flow:view'], 'Home'),
      requirement('POST /api/v2/users/search', 'ANY', ['directory:user:view'], null),
    ];
    const p = leastPrivilegePolicy('o', reqs);
    expect(p.roles).toEqual(
      [
        { name: 'Deploy (Home)', permissions: ['directory:user:view'], divisions: ['Home'] },
        { name: 'Deploy (Support)', permissions: ['architect:flow:publish'], divisions: ['Support'] },
        { name: 'Deploy (Home, Support)', permissions: ['architect:flow:view'], divisions: ['Home', 'Support'] },
      ].sort((a, b) => b.permissions.length - a.permissions.length || a.name.localeCompare(b.name)),
    );
    expect(p.choices).toEqual([
      {
        operation: 'POST /api/v2/flows/actions/publish',
        among: ['architect:flow:unlock', 'architect:flow:publish'],
        chosen: 'architect:flow:publish',
        why: expect.stringMatching(/least privileged/),
      },
    ]);
    expect(p.size).toBe(3);
    expect(p.union).toBe(4);
  });

  it('an org-wide need already met by a division grant adds nothing; prunes a choice made redundant by an ALL set', () => {
    const p = leastPrivilegePolicy('o', [
      requirement('GET /a', 'ANY', ['x:y:view', 'x:y:edit'], 'Home'),
      requirement('PUT /a', 'ALL', ['x:y:edit'], 'Home'),
      requirement('GET /b', 'ANY', ['x:y:edit'], null),
    ]);
    expect(p.roles).toEqual([{ name: 'Deploy (Home)', permissions: ['x:y:edit'], divisions: ['Home'] }]);
  });

  it('renders Terraform, the role API body and markdown', () => {
    const policies = runPolicy({ manifestPath: 'examples/genesys-preflight.yml', catalog });
    const tf = renderTerraform(policies);
    expect(tf).toMatch(
      /resource "genesyscloud_auth_role" "prod_eu_deploy_1" \{\n  name        = "Deploy \(Home, Support\) \[prod-eu\]"/,
    );
    expect(tf).toMatch(
      /permission_policies \{\n    domain      = "architect"\n    entity_name = "flow"\n    action_set  = \["add", "delete", "edit", "publish", "view"\]\n  \}/,
    );
    expect(tf).toMatch(
      /roles \{\n    role_id     = genesyscloud_auth_role\.prod_eu_deploy_1\.id\n    division_id = data\.genesyscloud_auth_division\.prod_eu_support\.id\n  \}/,
    );
    expect(tf).toMatch(/data "genesyscloud_auth_division_home" "prod_eu_home" \{\}/);
    const bodies = roleBodies(policies);
    expect(bodies['prod-eu']![0]!.permissionPolicies).toContainEqual({
      domain: 'architect',
      entityName: 'flow',
      actionSet: ['add', 'delete', 'edit', 'publish', 'view'],
    });
    expect(renderPolicyMarkdown(policies)).toMatch(
      /### prod-eu\n\n10 permissions; the operations' requirement lists name 11 \(9% fewer\)/,
    );
    expect(permissionPolicies(['a:b:c', 'a:b:d', 'a:e:f'])).toEqual([
      { domain: 'a', entityName: 'b', actionSet: ['c', 'd'] },
      { domain: 'a', entityName: 'e', actionSet: ['f'] },
    ]);
  });
});

describe('property: generated deploys', () => {
  const kinds: ResourceKind[] = ['flow', 'script', 'scheduleGroup', 'wfmAgentAssignment', 'wfmSchedule', 'premiumApp'];
  const arbResource = fc
    .record({
      kind: fc.constantFrom(...kinds),
      action: fc.constantFrom(...RESOURCE_ACTIONS),
      deployer: fc.constantFrom(...DEPLOYERS),
      division: fc.constantFrom('Home', 'Support', 'Sales', '*'),
      modules: fc.subarray(Object.keys(WIZARD_MODULE_CALLS)),
      forceUnlock: fc.boolean(),
    })
    .filter((x) => DEPLOYER_KINDS[x.deployer].has(x.kind) && x.division !== '*');
  it('the policy of any deploy suffices and is irredundant', () => {
    fc.assert(
      fc.property(fc.array(arbResource, { minLength: 1, maxLength: 8 }), (list) => {
        const reqs: Requirement[] = [];
        for (const x of list) {
          const r = resource(x.kind, x.action, x.deployer, {
            division: x.kind === 'premiumApp' ? null : x.division,
            details:
              x.kind === 'premiumApp' ? { integrationType: 't', provision: x.modules } : { forceUnlock: x.forceUnlock },
          });
          const p = planResource(r);
          if ('calls' in p) reqs.push(...requirementsFor(r, p.calls, catalog));
        }
        const policy = leastPrivilegePolicy('o', reqs);
        const check = verifyPolicy(policy, reqs);
        return check.sufficient && check.redundant.length === 0;
      }),
      { numRuns: 150 },
    );
  });
});
