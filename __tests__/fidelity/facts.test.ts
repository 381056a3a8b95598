/**
 * One test per fact the plans rest on (issue 11), each named with its source. Sources are pinned
 * in src/plan/sources.ts:
 * - AS = Architect Scripting docs, MyPureCloud/purecloud-flow-scripting-api-sdk-javascript@a8d8a5d docs/;
 * - TF = MyPureCloud/terraform-provider-genesyscloud@f955430 (v1.84.1) genesyscloud/;
 * - WZ = MyPureCloud/purecloud-premium-app@0fd9d41 docs/wizard/scripts/;
 * - RC = Resource Center, "Move objects from one division to another"
 *   (https://help.mypurecloud.com/articles/move-objects-from-one-division-to-another/).
 */
import { describe, it, expect } from '@jest/globals';
import { join, resolve } from 'node:path';
import { planResource } from '../../src/plan/index.js';
import { requirementsFor } from '../../src/plan/require.js';
import { WIZARD_MODULE_CALLS } from '../../src/plan/premium-apps.js';
import { ARCHY_UNCONFIRMED } from '../../src/plan/flows.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { runCheck, runPolicy } from '../../src/engine.js';
import type {
  CallSource,
  Deployer,
  Finding,
  PlannedCall,
  Principal,
  Requirement,
  Resource,
  ResourceAction,
  ResourceKind,
} from '../../src/types.js';
import { grant, principal, resource, type ResourceOverrides } from '../support/build.js';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const catalog = bundledCatalog();
const LOC = { file: 'genesys-preflight.yml', line: 3, column: 5 };

function res(kind: ResourceKind, action: ResourceAction, deployer: Deployer, extra: ResourceOverrides = {}): Resource {
  return resource(kind, action, deployer, { name: 'x', division: 'Sales', orgs: ['o'], location: LOC, ...extra });
}
function calls(r: Resource): PlannedCall[] {
  const p = planResource(r);
  if ('errors' in p) throw new Error(p.errors[0]!.message);
  return p.calls;
}
const ops = (r: Resource) => calls(r).map((c) => `${c.method} ${c.path}`);
const reqs = (r: Resource): Requirement[] => requirementsFor(r, calls(r), catalog);
const errors = (r: Resource, p: Principal): Finding[] =>
  evaluate(reqs(r), p, 'o').filter((f) => f.severity === 'error');
const sourceOf = (r: Resource, op: string): CallSource | undefined =>
  calls(r).find((c) => `${c.method} ${c.path}` === op)?.source;
const cited = (s: CallSource | undefined) =>
  s?.kind === 'code' ? `${s.path} ${s.lines ?? ''}` : s?.kind === 'docs' ? s.url : '';

/** Everything an Archy deploy needs in Sales and Home, except what a test leaves out. */
const FLOW_ALL = [
  'architect:flow:add',
  'architect:flow:edit',
  'architect:flow:view',
  'architect:flow:publish',
  'architect:flow:delete',
  'architect:flow:unlock',
];

describe('Archy (AS docs)', () => {
  const archy = (action: ResourceAction = 'deploy', extra: ResourceOverrides = {}) =>
    res('flow', action, 'archy', extra);

  it.each(['deploy', 'create', 'update', 'publish', 'delete'] as const)(
    'Archy needs architect:ui:view to start its Architect Scripting session (%s) — AS index.html l.98–105',
    (action) => {
      const session = reqs(archy(action)).find((q) => q.operation === 'SESSION /architect-scripting')!;
      expect(session).toMatchObject({
        permissions: { mode: 'ALL', values: ['architect:ui:view'] },
        division: null,
        scopes: [],
        scopesUnknown: false,
      });
      expect(cited(session.source)).toMatch(/docs\/index\.html#L98-L105$/);
      expect(session.source).toMatchObject({
        quote: expect.stringContaining("'architect:ui:view' permission is needed to use Architect Scripting itself"),
      });
    },
  );

  it.each(['client-credentials', 'user'] as const)(
    'a %s principal without architect:ui:view gets a missing-permission error with a fix, not a warning — AS changelog.html l.382, l.1677',
    (grantType) => {
      const p = principal([grant('Deployer', FLOW_ALL, ['Sales', 'Home'])], {
        grant: grantType,
        scopes: grantType === 'user' ? ['architect', 'authorization:readonly'] : [],
      });
      const found = evaluate(reqs(archy()), p, 'o');
      const session = found.filter((f) => f.operation === 'SESSION /architect-scripting');
      expect(session).toHaveLength(1);
      expect(session[0]).toMatchObject({
        severity: 'error',
        code: 'missing-permission',
        missing: ['architect:ui:view'],
      });
      expect(session[0]!.fix).toMatch(/add `architect:ui:view` to role Deployer/);
      expect(found.filter((f) => f.severity === 'error')).toHaveLength(1);
      const fixed = principal([grant('Deployer', [...FLOW_ALL, 'architect:ui:view'], ['Sales', 'Home'])], {
        grant: grantType,
        scopes: grantType === 'user' ? ['architect', 'authorization:readonly'] : [],
      });
      expect(evaluate(reqs(archy()), fixed, 'o').filter((f) => f.severity !== 'notice')).toEqual([]);
    },
  );

  it('architect:ui:view is org-wide: a grant in any division starts the session', () => {
    const p = principal([grant('UI', ['architect:ui:view'], ['Elsewhere']), grant('Deployer', FLOW_ALL, ['Sales'])]);
    expect(errors(archy(), p)).toEqual([]);
  });

  it('creating a flow in a division needs architect:flow:add, edit and view there — AS ArchDivision.html l.388–390', () => {
    const create = reqs(archy('create')).find((q) => q.operation === 'POST /api/v2/flows')!;
    expect(create).toMatchObject({
      permissions: { mode: 'ALL', values: ['architect:flow:add', 'architect:flow:edit', 'architect:flow:view'] },
      division: 'Sales',
    });
    expect(cited(create.source)).toMatch(/docs\/ArchDivision\.html#L388-L390$/);
    const noEdit = principal([
      grant('D', ['architect:ui:view', 'architect:flow:add', 'architect:flow:view'], ['Sales']),
    ]);
    expect(
      errors(archy('create'), noEdit).some(
        (f) => f.operation === 'POST /api/v2/flows' && f.missing?.includes('architect:flow:edit'),
      ),
    ).toBe(true);
  });

  it('publishing when a flow of the same name exists deletes it first: architect:flow:delete — AS index.html l.273–276', () => {
    const del = reqs(archy()).find((q) => q.operation === 'DELETE /api/v2/flows/{flowId}')!;
    expect(del.when).toMatch(/if a flow with this name exists/);
    expect(del.permissions?.values).toEqual(['architect:flow:delete']);
    expect(cited(del.source)).toMatch(/docs\/index\.html#L273-L276$/);
    // exists: false settles it (no flow of that name), exists: true keeps it unconditionally
    expect(ops(archy('deploy', { details: { exists: false } }))).not.toContain('DELETE /api/v2/flows/{flowId}');
    expect(ops(archy('deploy', { details: { exists: true } }))).toContain('DELETE /api/v2/flows/{flowId}');
    expect(ops(archy('publish'))).toContain('DELETE /api/v2/flows/{flowId}');
  });

  it('forceUnlock needs architect:flow:unlock — AS ArchFactoryFlows.html l.739', () => {
    const unlock = reqs(archy('deploy', { details: { forceUnlock: true } })).find(
      (q) => q.operation === 'POST /api/v2/flows/actions/unlock',
    )!;
    expect(unlock.permissions?.values).toEqual(['architect:flow:unlock']);
    expect(cited(unlock.source)).toMatch(/ArchFactoryFlows\.html#L739-L739$/);
    expect(ops(archy())).not.toContain('POST /api/v2/flows/actions/unlock');
  });

  it('every Archy REST call is marked not confirmed (closed source); the session is the documented one — FIDELITY.md', () => {
    for (const c of calls(archy('deploy', { details: { forceUnlock: true } }))) {
      if (c.method === 'SESSION') expect(c.unconfirmed).toBeUndefined();
      else expect(c.unconfirmed?.startsWith(ARCHY_UNCONFIRMED)).toBe(true);
      expect(c.note).toBeUndefined();
      expect(c.source?.kind).toBe('docs');
    }
  });
});

describe('the README example (examples/genesys-preflight.yml)', () => {
  it('its Archy client needs architect:ui:view: prod-us holds it and passes, prod-eu fails on other grounds', async () => {
    const report = await runCheck({ manifestPath: join(ROOT, 'examples/genesys-preflight.yml'), mode: 'offline' });
    expect(report.orgs.map((o) => [o.name, o.passed])).toEqual([
      ['prod-us', true],
      ['prod-eu', false],
    ]);
    for (const o of report.orgs) {
      expect(o.requirements.some((q) => q.operation === 'SESSION /architect-scripting')).toBe(true);
      expect(o.findings.some((f) => f.missing?.includes('architect:ui:view'))).toBe(false);
    }
  });

  it('policy emits architect:ui:view for every org', () => {
    const policies = runPolicy({ manifestPath: join(ROOT, 'examples/genesys-preflight.yml'), catalog });
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(p.roles.flatMap((r) => r.permissions)).toContain('architect:ui:view');
  });
});

describe('CX-as-Code (TF code)', () => {
  const tf = (
    kind: ResourceKind,
    action: ResourceAction,
    details: Record<string, unknown> = {},
    division: string | null = 'Sales',
  ) => res(kind, action, 'cx-as-code', { details, division });

  it('genesyscloud_flow unlocks before an update only with force_unlock — architect_flow/resource_genesyscloud_flow.go L140-L146', () => {
    expect(ops(tf('flow', 'update', { forceUnlock: true }))[0]).toBe('POST /api/v2/flows/actions/unlock');
    expect(cited(sourceOf(tf('flow', 'update', { forceUnlock: true }), 'POST /api/v2/flows/actions/unlock'))).toBe(
      'genesyscloud/architect_flow/resource_genesyscloud_flow.go L140-L146',
    );
    expect(ops(tf('flow', 'update'))).not.toContain('POST /api/v2/flows/actions/unlock');
  });

  it('genesyscloud_flow unlocks before a delete only with force_unlock — resource_genesyscloud_flow.go L269-L275, L280-L294', () => {
    expect(ops(tf('flow', 'delete', { forceUnlock: true }))).toEqual([
      'POST /api/v2/flows/actions/unlock',
      'DELETE /api/v2/flows/{flowId}',
    ]);
    expect(ops(tf('flow', 'delete'))).toEqual(['DELETE /api/v2/flows/{flowId}']);
  });

  it('genesyscloud_flow never unlocks on create — resource_genesyscloud_flow.go L92-L95 (create delegates to the job)', () => {
    expect(ops(tf('flow', 'create', { forceUnlock: true }))).not.toContain('POST /api/v2/flows/actions/unlock');
    const deploy = reqs(tf('flow', 'deploy', { forceUnlock: true })).find(
      (q) => q.operation === 'POST /api/v2/flows/actions/unlock',
    )!;
    expect(deploy.when).toMatch(/if the flow exists/);
    expect(ops(tf('flow', 'deploy', { forceUnlock: true, exists: false }))).not.toContain(
      'POST /api/v2/flows/actions/unlock',
    );
  });

  it('genesyscloud_flow makes no lookup by name: job, poll, read back — resource_genesyscloud_flow.go L148, L189-L239, L260', () => {
    expect(ops(tf('flow', 'create'))).toEqual([
      'POST /api/v2/flows/jobs',
      'GET /api/v2/flows/jobs/{jobId}',
      'POST /api/v2/flows/jobs (flow import)',
      'GET /api/v2/flows/{flowId}',
    ]);
  });

  it('genesyscloud_script looks the script up through GET /api/v2/scripts and GET /api/v2/scripts/published — scripts/genesyscloud_scripts_proxy.go L461, L501', () => {
    for (const action of ['create', 'update'] as const) {
      const list = ops(tf('script', action));
      expect(list).toContain('GET /api/v2/scripts');
      expect(list).toContain('GET /api/v2/scripts/published');
    }
    expect(cited(sourceOf(tf('script', 'create'), 'GET /api/v2/scripts/published'))).toBe(
      'genesyscloud/scripts/genesyscloud_scripts_proxy.go L461',
    );
    expect(cited(sourceOf(tf('script', 'update'), 'GET /api/v2/scripts/published'))).toBe(
      'genesyscloud/scripts/genesyscloud_scripts_proxy.go L501',
    );
  });

  it('genesyscloud_script moves the division on create and on every update when a division is set, Home included — proxy L466, L505', () => {
    const MOVE = 'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}';
    expect(cited(sourceOf(tf('script', 'create'), MOVE))).toBe(
      'genesyscloud/scripts/genesyscloud_scripts_proxy.go L466',
    );
    expect(cited(sourceOf(tf('script', 'update'), MOVE))).toBe(
      'genesyscloud/scripts/genesyscloud_scripts_proxy.go L505',
    );
    expect(ops(tf('script', 'update', {}, 'Home'))).toContain(MOVE);
    // api (your own code) moves only out of Home
    expect(ops(res('script', 'deploy', 'api', { division: 'Home' }))).not.toContain(MOVE);
  });

  it('genesyscloud_script always publishes, whatever publish: false says — proxy L471, L510', () => {
    expect(ops(tf('script', 'deploy', { publish: false }))).toContain('POST /api/v2/scripts/published');
    expect(ops(res('script', 'deploy', 'api', { details: { publish: false } }))).not.toContain(
      'POST /api/v2/scripts/published',
    );
  });

  it('genesyscloud_script delete is one DELETE, no lookup — scripts/resource_genesyscloud_script.go L153', () => {
    expect(ops(tf('script', 'delete'))).toEqual(['DELETE /api/v2/scripts/{scriptId}']);
  });

  it('genesyscloud_architect_schedulegroups: no list lookup, division in the body, delete polls — resource L52, L120, L142-L170', () => {
    expect(ops(tf('scheduleGroup', 'deploy'))).toEqual([
      'POST /api/v2/architect/schedulegroups',
      'GET /api/v2/architect/schedulegroups/{scheduleGroupId}',
      'PUT /api/v2/architect/schedulegroups/{scheduleGroupId}',
    ]);
    expect(ops(tf('scheduleGroup', 'delete'))).toEqual([
      'DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}',
      'GET /api/v2/architect/schedulegroups/{scheduleGroupId}',
    ]);
    expect(ops(tf('scheduleGroup', 'deploy')).some((o) => o.includes('/divisions/'))).toBe(false);
  });
});

describe('division moves need edit in both divisions (RC, "Move objects from one division to another")', () => {
  const MOVE = 'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}';
  const moves = (r: Resource) => reqs(r).filter((q) => q.operation === MOVE);

  it.each(['api', 'cx-as-code'] as const)(
    'a new script (%s) is created in Home and moved: scripter:script:edit in Home and in the target',
    (deployer) => {
      const m = moves(res('script', 'create', deployer));
      expect(m.map((q) => [q.division, q.permissions?.values])).toEqual([
        ['Sales', ['scripter:script:edit']],
        ['Home', ['scripter:script:edit']],
      ]);
      expect(m[1]!.source).toMatchObject({
        kind: 'docs',
        url: 'https://help.mypurecloud.com/articles/move-objects-from-one-division-to-another/',
      });
      expect(m[1]!.divisionLocation).toBeUndefined();
    },
  );

  it('script edit only in the target is a missing division grant in Home; in both it passes', () => {
    const base = [
      'architect:ui:view',
      'scripter:script:view',
      'scripter:script:add',
      'scripter:publishedScript:add',
      'scripter:publishedScript:view',
    ];
    const onlyTarget = principal([grant('S', [...base, 'scripter:script:edit'], ['Sales'])]);
    const e = errors(res('script', 'create', 'cx-as-code'), onlyTarget);
    expect(e.some((f) => f.operation === MOVE && f.division === 'Home' && f.code === 'missing-division-grant')).toBe(
      true,
    );
    const both = principal([grant('S', [...base, 'scripter:script:edit'], ['Sales', 'Home'])]);
    expect(errors(res('script', 'create', 'cx-as-code'), both).filter((f) => f.operation === MOVE)).toEqual([]);
  });

  it('an existing script (exists: true) is taken to be in the target already: the Home requirement goes', () => {
    expect(moves(res('script', 'deploy', 'cx-as-code', { details: { exists: true } })).map((q) => q.division)).toEqual([
      'Sales',
    ]);
    expect(moves(res('script', 'deploy', 'cx-as-code')).map((q) => [q.division, q.when])).toEqual([
      ['Sales', expect.stringMatching(/division_id is set/)],
      ['Home', expect.stringMatching(/if the script is new/)],
    ]);
  });

  it('a script that stays in Home needs one requirement (the two fold into one)', () => {
    expect(moves(res('script', 'create', 'cx-as-code', { division: 'Home' })).map((q) => q.division)).toEqual(['Home']);
  });
});

describe('premium-app wizard (WZ code)', () => {
  const app = (action: ResourceAction, provision: string[]) =>
    res('premiumApp', action, 'api', { division: null, details: { integrationType: 'x', provision } });

  it('every install ends with GET and PUT /api/v2/integrations/{integrationId}/config/current on the app instance — wizard.js l.232, l.243', () => {
    const list = ops(app('deploy', ['role']));
    expect(list.slice(-3)).toEqual([
      'GET /api/v2/integrations/clientapps',
      'GET /api/v2/integrations/{integrationId}/config/current',
      'PUT /api/v2/integrations/{integrationId}/config/current',
    ]);
    expect(cited(sourceOf(app('deploy', []), 'PUT /api/v2/integrations/{integrationId}/config/current'))).toBe(
      'docs/wizard/scripts/wizard.js L243',
    );
    expect(ops(app('delete', ['role']))).not.toContain('PUT /api/v2/integrations/{integrationId}/config/current');
  });

  it.each([
    ['ws-data-actions', 'L219'],
    ['gc-data-actions', 'L213'],
  ])('%s writes data actions through the drafts endpoints and never lists actions — %s.js %s', (m, line) => {
    const list = ops(app('deploy', [m]));
    expect(list).toContain('POST /api/v2/integrations/actions/drafts');
    expect(list).toContain('PATCH /api/v2/integrations/actions/{actionId}/draft');
    expect(list.some((o) => o.startsWith('GET /api/v2/integrations/actions'))).toBe(false);
    expect(list).not.toContain('POST /api/v2/integrations/actions');
    expect(cited(sourceOf(app('deploy', [m]), 'POST /api/v2/integrations/actions/drafts'))).toBe(
      `docs/wizard/scripts/modules/${m}.js ${line}`,
    );
    const publish = calls(app('deploy', [m])).find(
      (c) => c.path === '/api/v2/integrations/actions/{actionId}/draft/publish',
    )!;
    expect(publish.when).toMatch(/autoPublish/);
  });

  it('groups are found with POST /api/v2/groups/search — group.js l.16–27', () => {
    const list = ops(app('deploy', ['group']));
    expect(list[3]).toBe('POST /api/v2/groups/search');
    expect(list).not.toContain('GET /api/v2/groups');
    expect(ops(app('delete', ['group']))).toContain('POST /api/v2/groups/search');
  });

  it('the data table is created in Home whatever the division — data-table.js l.82–94, l.122; RC p=169725', () => {
    const post = reqs(app('deploy', ['data-table'])).find((q) => q.operation === 'POST /api/v2/flows/datatables')!;
    expect(post).toMatchObject({ division: 'Home', permissions: { values: ['architect:datatable:add'] } });
    const elsewhere = principal([
      grant(
        'I',
        [
          'architect:datatable:add',
          'architect:datatable:view',
          'integrations:integration:view',
          'integrations:integration:edit',
        ],
        ['Sales'],
      ),
    ]);
    const e = errors(app('deploy', ['data-table']), elsewhere);
    expect(
      e.some(
        (f) =>
          f.operation === 'POST /api/v2/flows/datatables' &&
          f.code === 'missing-division-grant' &&
          f.division === 'Home',
      ),
    ).toBe(true);
  });

  it('an OAuth client gets the app roles only after the installing user holds them — role.js l.108–122, oauth-client.js l.116–145', () => {
    const list = calls(app('deploy', ['role', 'oauth-client']));
    const grantAt = list.findIndex((c) => c.path === '/api/v2/authorization/roles/{roleId}/users/add');
    const giveAt = list.findIndex((c) => c.method === 'PUT' && c.path === '/api/v2/oauth/clients/{clientId}');
    expect(grantAt).toBeGreaterThan(-1);
    expect(giveAt).toBeGreaterThan(grantAt);
    expect(list[grantAt]!.source).toMatchObject({
      kind: 'code',
      path: 'docs/wizard/scripts/modules/role.js',
      lines: 'L108-L122',
    });
    expect(list[giveAt]!.when).toMatch(/client-credentials/);
  });

  it('no give-away rule in the wizard plans: no module call overrides the catalog (the wizard code states none)', () => {
    for (const [, m] of Object.entries(WIZARD_MODULE_CALLS))
      for (const c of [...m.install, ...m.uninstall]) expect(c.requires).toBeUndefined();
  });

  it('uninstall: each module lists again, then removes; the OAuth client is set inactive first — oauth-client.js l.33–34', () => {
    expect(ops(app('delete', ['oauth-client'])).slice(-3)).toEqual([
      'GET /api/v2/oauth/clients',
      'PUT /api/v2/oauth/clients/{clientId}',
      'DELETE /api/v2/oauth/clients/{clientId}',
    ]);
  });
});

describe('api deployer (your own code)', () => {
  it('cites the Platform API reference, anchored as the provider docs link it (docs/resources/script.md)', () => {
    expect(sourceOf(res('script', 'deploy', 'api'), 'GET /api/v2/scripts/uploads/{uploadId}/status')).toEqual({
      kind: 'docs',
      url: 'https://developer.genesys.cloud/devapps/api-explorer#get-api-v2-scripts-uploads--uploadId--status',
    });
    expect(sourceOf(res('flow', 'deploy', 'api'), 'POST /api/v2/flows/{flowId}/versions')).toEqual({
      kind: 'docs',
      url: 'https://developer.genesys.cloud/devapps/api-explorer#post-api-v2-flows--flowId--versions',
    });
  });
});
