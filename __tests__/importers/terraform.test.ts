import { describe, it, expect, afterAll } from '@jest/globals';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTerraformPlan, type TerraformImport } from '../../src/resources/terraform.js';
import { terraformCalls } from '../../src/plan/terraform/docs-table.js';
import { DIVISION_AWARE_TYPES } from '../../src/domain/divisions.js';
import { planResource } from '../../src/plan/index.js';
import { requirementsFor } from '../../src/plan/require.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import type { PlannedCall, Requirement, Resource } from '../../src/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, '../fixtures/terraform');
const PLAN = join(FIXTURES, 'plan.json');
const FROM = { file: 'genesys-preflight.yml', line: 7, column: 9 };
const catalog = bundledCatalog();

/** Plans written under `tmp` have `tmp` as their workspace root (the repository's own fixtures: the repository). */
const importPlan = (path = PLAN, extra: { baseDir?: string; displayPath?: string } = {}) =>
  importTerraformPlan(path, {
    displayPath: extra.displayPath ?? 'plan.json',
    orgs: ['prod-us'],
    from: FROM,
    ...(extra.baseDir ? { baseDir: extra.baseDir } : {}),
    ...(path.startsWith(tmp) ? { root: tmp } : {}),
  });

const byName = (r: TerraformImport, name: string, action?: string) => {
  const found = r.resources.filter(
    (x) => (x.name === name || detailOf(x, 'address') === name) && (action === undefined || x.action === action),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};
const ops = (calls: PlannedCall[]) => calls.map((c) => `${c.method} ${c.path}`);
/** The calls the plan stage makes of an imported resource. */
const callsOf = (r: Resource): PlannedCall[] => {
  const p = planResource(r);
  if ('errors' in p) throw new Error(p.errors[0]!.message);
  return p.calls;
};
/** A detail of any kind of resource, by name (tests read across kinds). */
const detailOf = (r: Resource, key: string): unknown => (r.details as Record<string, unknown>)[key];
const requirements = (r: Resource): Requirement[] => {
  const p = planResource(r);
  if ('errors' in p) throw new Error(p.errors[0]!.message);
  return requirementsFor(r, p.calls, catalog);
};
const req = (reqs: Requirement[], operation: string) => {
  const found = reqs.filter((q) => q.operation === operation);
  expect(found).toHaveLength(1);
  return found[0]!;
};

// Small plans written per test, in the documented `terraform show -json` shape.
const tmp = mkdtempSync(join(tmpdir(), 'tf-plan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function writePlan(content: unknown, name?: string): string {
  const file = join(tmp, name ?? `plan-${++n}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
/** Location (as the importer reports it) just after the n-th occurrence of `needle` in a written plan. */
function locationAfter(file: string, needle: string, nth = 1): { file: string; line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in ${file}`);
  }
  const end = i + needle.length;
  const before = text.slice(0, end).split('\n');
  return { file: 'plan.json', line: before.length, column: before[before.length - 1]!.length + 1 };
}
const P = 'registry.terraform.io/mypurecloud/genesyscloud';
function change(
  address: string,
  actions: unknown,
  before: unknown,
  after: unknown,
  afterUnknown: unknown = {},
  extra: Record<string, unknown> = {},
) {
  const dot = address
    .replace(/^module\.[^.]+(\[[^\]]*\])?\./, '')
    .replace(/^data\./, '')
    .split('.');
  return {
    address,
    mode: address.includes('data.') ? 'data' : 'managed',
    type: dot[0],
    name: dot[1]!.replace(/\[.*$/, ''),
    provider_name: P,
    ...extra,
    change: {
      actions,
      before,
      after,
      after_unknown: afterUnknown,
      before_sensitive: before ? {} : false,
      after_sensitive: after ? {} : false,
    },
  };
}
const plan = (changes: unknown[], extra: Record<string, unknown> = {}) => ({
  format_version: '1.2',
  terraform_version: '1.9.5',
  planned_values: { root_module: {} },
  resource_changes: changes,
  ...extra,
});

describe('terraform plan importer: the fixture plan', () => {
  const r = importPlan();
  const text = readFileSync(PLAN, 'utf8').split('\n');

  it('imports without errors, in plan order, replace as delete then create', () => {
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => [x.kind, x.name, x.action, x.division])).toEqual([
      ['terraform', 'genesyscloud_architect_datatable.hours', 'delete', '0d3b7f3c-8c3e-4e0e-a0a5-0c1f4e2b7a55'],
      ['terraform', 'genesyscloud_architect_datatable.hours', 'create', '0d3b7f3c-8c3e-4e0e-a0a5-0c1f4e2b7a55'],
      ['terraform', 'genesyscloud_architect_schedulegroups.holidays', 'delete', 'Home'],
      ['terraform', 'genesyscloud_auth_division.sales', 'create', null],
      ['flow', 'Main IVR', 'deploy', 'Support'],
      ['terraform', 'genesyscloud_made_up_widget.x', 'create', null],
      ['terraform', 'genesyscloud_routing_queue.plain', 'create', 'Home'],
      ['terraform', 'genesyscloud_routing_queue.sales', 'create', null],
      ['terraform', 'genesyscloud_routing_queue.support', 'create', 'Support'],
      ['script', 'Sales Script', 'deploy', 'Home'],
    ]);
    for (const x of r.resources) {
      expect(x.deployer).toBe('cx-as-code');
      expect(x.orgs).toEqual(['prod-us']);
    }
  });

  it('skips other providers, data sources, no-op and read changes', () => {
    const names = r.resources.map((x) => String(detailOf(x, 'address') ?? x.name));
    expect(names.some((x) => x.startsWith('aws_'))).toBe(false);
    expect(names.some((x) => x.startsWith('data.'))).toBe(false);
    expect(names).not.toContain('genesyscloud_routing_wrapupcode.resolved');
    expect(JSON.stringify(r.findings)).not.toMatch(/aws_lambda|data\.genesyscloud|wrapupcode/);
  });

  it('locates each resource at its resource_changes entry (line and column in the plan)', () => {
    const support = byName(r, 'genesyscloud_routing_queue.support');
    expect(support.location).toEqual({ file: 'plan.json', line: 439, column: 5 });
    // The fixture itself: that line opens the entry whose address follows.
    expect(text[438]).toBe('    {');
    expect(text[439]).toContain('"address": "genesyscloud_routing_queue.support"');
    expect(support.divisionLocation).toEqual({ file: 'plan.json', line: 453, column: 26 });
    expect(text[452]).toContain('"division_id": "6b1c2f7e-6a4f-4c47-9d1e-3c2a1b0f9e11"');
    expect(byName(r, 'Main IVR').location).toEqual({ file: 'plan.json', line: 325, column: 5 });
    expect(byName(r, 'Sales Script').location).toEqual({ file: 'plan.json', line: 491, column: 5 });
  });

  it('replace: the delete takes the division from before, the create from after, both at the entry', () => {
    const del = byName(r, 'genesyscloud_architect_datatable.hours', 'delete');
    const cre = byName(r, 'genesyscloud_architect_datatable.hours', 'create');
    expect(del.location).toEqual({ file: 'plan.json', line: 228, column: 5 });
    expect(cre.location).toEqual(del.location);
    expect(del.divisionLocation).toEqual({ file: 'plan.json', line: 243, column: 26 });
    expect(cre.divisionLocation).toEqual({ file: 'plan.json', line: 255, column: 26 });
    expect(text[242]).toContain('"division_id"');
    expect(text[254]).toContain('"division_id"');
    // From the provider's code (src/importers/provider-calls/architect.ts): the delete polls the table
    // until it is gone; the create reads it back. No list call (the docs list one; only the exporter makes it).
    expect(ops(callsOf(del))).toEqual([
      'DELETE /api/v2/flows/datatables/{datatableId}',
      'GET /api/v2/flows/datatables/{datatableId}',
    ]);
    expect(ops(callsOf(cre))).toEqual(['POST /api/v2/flows/datatables', 'GET /api/v2/flows/datatables/{datatableId}']);
  });

  it('divisions: division_id named from the plan when it describes the division, kept as the id otherwise', () => {
    const support = byName(r, 'genesyscloud_routing_queue.support');
    expect(support.division).toBe('Support'); // data.genesyscloud_auth_division.support in prior_state
    expect(detailOf(support, 'divisionId')).toBe('6b1c2f7e-6a4f-4c47-9d1e-3c2a1b0f9e11');
    const holidays = byName(r, 'genesyscloud_architect_schedulegroups.holidays');
    expect(holidays.division).toBe('Home'); // data.genesyscloud_auth_division_home.home
    expect(holidays.divisionLocation).toEqual({ file: 'plan.json', line: 291, column: 26 });
    expect(byName(r, 'genesyscloud_architect_datatable.hours', 'create').division).toBe(
      '0d3b7f3c-8c3e-4e0e-a0a5-0c1f4e2b7a55',
    );
  });

  it('divisions: unset division_id (unknown on create, absent from the configuration) is Home for division-aware types, null for others', () => {
    const plain = byName(r, 'genesyscloud_routing_queue.plain');
    expect(plain.division).toBe('Home');
    expect(plain.divisionLocation).toBeUndefined();
    expect(byName(r, 'genesyscloud_auth_division.sales').division).toBeNull();
    expect(r.findings.filter((f) => f.resource === 'terraform:genesyscloud_routing_queue.plain')).toEqual([]);
  });

  it('divisions: a division_id known only after apply gives division null and an unverifiable warning at the entry', () => {
    const sales = byName(r, 'genesyscloud_routing_queue.sales');
    expect(sales.division).toBeNull();
    const w = r.findings.filter((f) => f.resource === 'terraform:genesyscloud_routing_queue.sales');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      severity: 'warning',
      code: 'unverifiable',
      location: { file: 'plan.json', line: 410, column: 5 },
    });
    expect(w[0]!.message).toContain('division_id is known only after apply');
    expect(w[0]!.message).toContain('genesyscloud_auth_division.sales.id');
    expect(w[0]!.fatal).toBeUndefined();
  });

  it('an unknown genesyscloud_* type is an unverifiable warning at its entry, never a silent pass', () => {
    // The plan stage says so when it plans the change (src/plan/terraform): no call, one warning.
    const p = planResource(byName(r, 'genesyscloud_made_up_widget.x'));
    if ('errors' in p) throw new Error('plan failed');
    expect(p.calls).toEqual([]);
    const w = p.warnings ?? [];
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      severity: 'warning',
      code: 'unverifiable',
      location: { file: 'plan.json', line: 360, column: 5 },
    });
    expect(w[0]!.message).toContain('genesyscloud_made_up_widget is not in the CX-as-Code table');
    expect(r.findings).toHaveLength(1);
  });

  it('genesyscloud_flow: read from its Archy file with the plan substitutions, planned by the flow planner', () => {
    const flow = byName(r, 'Main IVR');
    expect(flow.kind).toBe('flow');
    expect(flow.details).toEqual({
      flowType: 'INBOUNDCALL',
      file: './flows/main-ivr.yaml',
      forceUnlock: true,
      address: 'genesyscloud_flow.main_ivr',
    });
    expect(flow.division).toBe('Support'); // division: {{division}} filled from after.substitutions
    expect(flow.divisionLocation).toMatchObject({ line: 3, column: 13 });
    expect(flow.divisionLocation!.file).toMatch(/flows\/main-ivr\.yaml$/);
    expect([...r.flows.keys()]).toEqual([flow]);
    expect(r.flows.get(flow)!.name).toBe('Main IVR');
    const p = planResource(flow);
    if ('errors' in p) throw new Error(p.errors[0]!.message);
    // The provider's flow resource looks nothing up by name (provider code, issue 11): no GET /api/v2/flows.
    expect(ops(p.calls)).toEqual([
      'POST /api/v2/flows/actions/unlock',
      'POST /api/v2/flows/jobs',
      'GET /api/v2/flows/jobs/{jobId}',
      'POST /api/v2/flows/jobs (flow import)',
      'GET /api/v2/flows/{flowId}',
    ]);
    const reqs = requirements(flow);
    expect(req(reqs, 'POST /api/v2/flows/jobs (flow import)').unverifiable).toMatch(/not published/);
    expect(req(reqs, 'POST /api/v2/flows/jobs')).toMatchObject({
      permissions: { mode: 'ALL', values: ['architect:job:create'] },
      division: 'Support',
      resource: 'flow:Main IVR',
    });
  });

  it('genesyscloud_script: a script resource (upload is a known gap, reported unverifiable)', () => {
    const script = byName(r, 'Sales Script');
    expect(script.details).toEqual({
      publish: true,
      file: 'scripts/sales-script.json',
      address: 'genesyscloud_script.sales',
    });
    const reqs = requirements(script);
    expect(req(reqs, 'POST /uploads/v2/scripter').unverifiable).toBeTruthy();
    expect(reqs.map((q) => q.operation)).toContain('POST /api/v2/scripts/published');
  });

  it('maps Terraform actions to the provider calls of the type, from its code, conditions tested on the plan', () => {
    const calls = callsOf(byName(r, 'genesyscloud_routing_queue.support'));
    // members: [] and no wrapup_codes in this plan: the member and wrap-up code writes are left out;
    // the member list is read unless ignore_members is true (routing_queue/resource_genesyscloud_routing_queue.go).
    expect(ops(calls)).toEqual([
      'POST /api/v2/routing/queues',
      'GET /api/v2/routing/queues/{queueId}',
      'GET /api/v2/routing/queues/{queueId}/members',
      'GET /api/v2/routing/queues/{queueId}/wrapupcodes',
    ]);
    expect(calls.filter((c) => c.when).map((c) => c.path)).toEqual(['/api/v2/routing/queues/{queueId}/members']);
    expect(calls.every((c) => c.divisionBound)).toBe(true);
    expect(calls.every((c) => c.source?.kind === 'code')).toBe(true);
    expect(calls[0]!.source).toEqual({
      kind: 'code',
      repo: 'MyPureCloud/terraform-provider-genesyscloud',
      commit: 'f955430e6bd4c0b56708d3abc06fb25a1e9031b7',
      path: 'genesyscloud/routing_queue/genesyscloud_routing_queue_proxy.go',
      lines: 'L213',
    });
  });

  it('joined with the catalog: exact requirements of a queue create, in its division', () => {
    const reqs = requirements(byName(r, 'genesyscloud_routing_queue.support'));
    const create = req(reqs, 'POST /api/v2/routing/queues');
    expect(create).toEqual({
      resource: 'terraform:genesyscloud_routing_queue.support',
      action: 'create',
      operation: 'POST /api/v2/routing/queues',
      purpose: 'create the queue (division, member groups, flows, scripts in the body)',
      scopes: ['routing'],
      scopesUnknown: false,
      permissions: { mode: 'ANY', values: ['routing:queue:add'] },
      division: 'Support',
      divisionLocation: { file: 'plan.json', line: 453, column: 26 },
      location: { file: 'plan.json', line: 439, column: 5 },
      source: {
        kind: 'code',
        repo: 'MyPureCloud/terraform-provider-genesyscloud',
        commit: 'f955430e6bd4c0b56708d3abc06fb25a1e9031b7',
        path: 'genesyscloud/routing_queue/genesyscloud_routing_queue_proxy.go',
        lines: 'L213',
      },
    });
    expect(req(reqs, 'GET /api/v2/routing/queues/{queueId}').permissions).toEqual({
      mode: 'ALL',
      values: ['routing:queue:view'],
    });
    // members: [] in the plan: the provider adds no member, so no member write is required
    expect(reqs.some((q) => q.operation === 'POST /api/v2/routing/queues/{queueId}/members')).toBe(false);
    // no wrapup_codes in this plan: the provider writes no wrap-up code (the code tests the attribute)
    expect(reqs.some((q) => q.operation === 'POST /api/v2/routing/queues/{queueId}/wrapupcodes')).toBe(false);
    expect(reqs.every((q) => !q.unverifiable)).toBe(true);
  });

  it('joined with the catalog: schedule group delete needs routing:scheduleGroup:delete (ALL), not architect:*', () => {
    const reqs = requirements(byName(r, 'genesyscloud_architect_schedulegroups.holidays'));
    // The provider deletes, then polls the group until it is gone (no list call).
    expect(reqs.map((q) => [q.operation, q.permissions, q.division])).toEqual([
      [
        'DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}',
        { mode: 'ALL', values: ['routing:scheduleGroup:delete'] },
        'Home',
      ],
      [
        'GET /api/v2/architect/schedulegroups/{scheduleGroupId}',
        { mode: 'ALL', values: ['routing:scheduleGroup:view'] },
        'Home',
      ],
    ]);
  });

  it('joined with the catalog: data table replace needs delete then add, in the table division', () => {
    const del = requirements(byName(r, 'genesyscloud_architect_datatable.hours', 'delete'));
    const cre = requirements(byName(r, 'genesyscloud_architect_datatable.hours', 'create'));
    expect(req(del, 'DELETE /api/v2/flows/datatables/{datatableId}').permissions).toEqual({
      mode: 'ANY',
      values: ['architect:datatable:delete'],
    });
    expect(req(cre, 'POST /api/v2/flows/datatables')).toMatchObject({
      permissions: { mode: 'ANY', values: ['architect:datatable:add'] },
      division: '0d3b7f3c-8c3e-4e0e-a0a5-0c1f4e2b7a55',
    });
  });

  it('a division known only after apply makes requirements not division-bound', () => {
    const reqs = requirements(byName(r, 'genesyscloud_routing_queue.sales'));
    expect(reqs.every((q) => q.division === null)).toBe(true);
    expect(req(reqs, 'POST /api/v2/routing/queues').permissions).toEqual({
      mode: 'ANY',
      values: ['routing:queue:add'],
    });
  });
});

describe('terraform plan importer: action mapping', () => {
  it('update → lookups + PUT/PATCH (+ conditional sub-object writes); delete → lookups + DELETE', () => {
    expect(ops(terraformCalls('genesyscloud_routing_queue', 'update')!)).toEqual([
      'GET /api/v2/routing/queues',
      'GET /api/v2/routing/queues/{queueId}',
      'GET /api/v2/routing/queues/{queueId}/members',
      'GET /api/v2/routing/queues/{queueId}/wrapupcodes',
      'PUT /api/v2/routing/queues/{queueId}',
      'POST /api/v2/routing/queues/{queueId}/members',
      'PATCH /api/v2/routing/queues/{queueId}/members/{memberId}',
      'POST /api/v2/routing/queues/{queueId}/wrapupcodes',
      'DELETE /api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}',
    ]);
    expect(ops(terraformCalls('genesyscloud_routing_queue', 'delete')!)).toEqual([
      'GET /api/v2/routing/queues',
      'GET /api/v2/routing/queues/{queueId}',
      'GET /api/v2/routing/queues/{queueId}/members',
      'GET /api/v2/routing/queues/{queueId}/wrapupcodes',
      'DELETE /api/v2/routing/queues/{queueId}',
    ]);
  });

  it('create uses PUT/PATCH where the type has no POST; update uses POST where it has no PUT/PATCH', () => {
    expect(ops(terraformCalls('genesyscloud_conversations_settings', 'create')!)).toEqual([
      'GET /api/v2/conversations/settings',
      'PATCH /api/v2/conversations/settings',
    ]);
    expect(ops(terraformCalls('genesyscloud_routing_skill', 'update')!)).toEqual([
      'GET /api/v2/routing/skills',
      'GET /api/v2/routing/skills/{skillId}',
      'POST /api/v2/routing/skills',
    ]);
  });

  it('a type with no DELETE keeps its update as a conditional call on destroy', () => {
    const calls = terraformCalls('genesyscloud_conversations_settings', 'delete')!;
    expect(ops(calls)).toEqual(['GET /api/v2/conversations/settings', 'PATCH /api/v2/conversations/settings']);
    expect(calls[1]!.when).toMatch(/no DELETE/);
  });

  it('calls outside the object are org-wide (not division-bound); search POSTs are lookups', () => {
    const calls = terraformCalls('genesyscloud_user', 'create')!;
    const get = (op: string) => calls.find((c) => `${c.method} ${c.path}` === op)!;
    expect(get('GET /api/v2/telephony/providers/edges/extensionpools').divisionBound).toBe(false);
    expect(get('POST /api/v2/users').divisionBound).toBe(true);
    expect(get('POST /api/v2/users/search').when).toBeUndefined();
    expect(ops(calls)).not.toContain('DELETE /api/v2/users/{userId}');
    expect(ops(calls)).not.toContain('PATCH /api/v2/users/{userId}');
  });

  it('unknown types and types without operations have no calls', () => {
    expect(terraformCalls('genesyscloud_made_up_widget', 'create')).toBeUndefined();
    expect(terraformCalls('genesyscloud_tf_export', 'create')).toEqual([]);
  });

  it('calls the catalog does not know stay in the plan and become unverifiable requirements', () => {
    const file = writePlan(
      plan([change('genesyscloud_guide_version.v1', ['create'], null, { guide_id: 'g' }, { id: true })]),
    );
    const r = importPlan(file);
    expect(r.errors).toEqual([]);
    const res = byName(r, 'genesyscloud_guide_version.v1');
    expect(ops(callsOf(res))).toContain('POST /api/v2/guides/{guideId}');
    const q = req(requirements(res), 'POST /api/v2/guides/{guideId}');
    expect(q.unverifiable).toBe('the operation is not in the catalog');
    expect(q.permissions).toBeNull();
  });

  it('the division-aware set covers the objects Genesys lists (queues, flows, schedules, data tables, users...)', () => {
    for (const t of [
      'genesyscloud_routing_queue',
      'genesyscloud_flow',
      'genesyscloud_architect_schedules',
      'genesyscloud_architect_schedulegroups',
      'genesyscloud_architect_emergencygroup',
      'genesyscloud_architect_ivr',
      'genesyscloud_architect_datatable',
      'genesyscloud_script',
      'genesyscloud_user',
      'genesyscloud_team',
      'genesyscloud_outbound_campaign',
      'genesyscloud_outbound_contact_list',
      'genesyscloud_outbound_dnclist',
      'genesyscloud_routing_skill_group',
      'genesyscloud_task_management_workbin',
      'genesyscloud_task_management_worktype',
      'genesyscloud_workforcemanagement_businessunits',
    ]) {
      expect(DIVISION_AWARE_TYPES.has(t)).toBe(true);
    }
    for (const t of [
      'genesyscloud_routing_skill',
      'genesyscloud_auth_division',
      'genesyscloud_integration_action',
      'genesyscloud_group',
    ])
      expect(DIVISION_AWARE_TYPES.has(t)).toBe(false);
  });
});

describe('terraform plan importer: actions and modes', () => {
  it('["create","delete"] (create before destroy) is also delete + create', () => {
    const file = writePlan(
      plan([
        change(
          'genesyscloud_architect_schedules.open',
          ['create', 'delete'],
          { name: 'Open', division_id: 'd1' },
          { name: 'Open', division_id: 'd2' },
          { id: true },
        ),
      ]),
    );
    const r = importPlan(file);
    expect(r.resources.map((x) => [x.action, x.division])).toEqual([
      ['delete', 'd1'],
      ['create', 'd2'],
    ]);
  });

  it('data sources are skipped whatever their action; no-op, read and forget are skipped', () => {
    const file = writePlan(
      plan([
        change('data.genesyscloud_routing_queue.q', ['read'], null, { name: 'Q' }, { id: true }),
        { ...change('data.genesyscloud_routing_skill.s', ['update'], { name: 'S' }, { name: 'S' }), mode: 'data' },
        change('genesyscloud_routing_skill.a', ['no-op'], { name: 'A' }, { name: 'A' }),
        change('genesyscloud_routing_skill.b', ['forget'], { name: 'B' }, null),
      ]),
    );
    const r = importPlan(file);
    expect(r).toMatchObject({ resources: [], findings: [], errors: [] });
  });

  it('an action Terraform does not document is a warning at the actions list', () => {
    const file = writePlan(
      plan([change('genesyscloud_routing_skill.a', ['update', 'frobnicate'], { name: 'A' }, { name: 'A' })]),
    );
    const r = importPlan(file);
    expect(r.resources).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      code: 'unverifiable',
      severity: 'warning',
      location: locationAfter(file, '"actions": '),
    });
    expect(r.findings[0]!.location!.line).toBe(15);
  });

  it('a type the table lists without operations (tf_export) is a warning, not a silent pass', () => {
    const file = writePlan(
      plan([change('genesyscloud_tf_export.all', ['create'], null, { directory: './out' }, { id: true })]),
    );
    const r = importPlan(file);
    expect(r.findings).toEqual([]);
    const p = planResource(r.resources[0]!);
    if ('errors' in p) throw new Error('plan failed');
    expect([p.calls, (p.warnings ?? []).map((f) => f.code)]).toEqual([[], ['unverifiable']]);
  });

  it('deposed objects are deleted under their address plus the deposed key', () => {
    const file = writePlan(
      plan([change('genesyscloud_routing_skill.a', ['delete'], { name: 'A' }, null, {}, { deposed: '00000001' })]),
    );
    expect(importPlan(file).resources.map((x) => x.name)).toEqual(['genesyscloud_routing_skill.a (deposed 00000001)']);
  });

  it('a plan without changes (no resource_changes, planned_values present) imports to nothing', () => {
    const file = writePlan({
      format_version: '1.2',
      terraform_version: '1.9.5',
      planned_values: { root_module: {} },
      configuration: { root_module: {} },
    });
    expect(importPlan(file)).toMatchObject({ resources: [], findings: [], errors: [] });
  });

  it('a minified plan (as terraform show -json writes it) is located on line 1 by column', () => {
    const p = plan([change('genesyscloud_routing_skill.a', ['create'], null, { name: 'A' }, { id: true })]);
    const text = JSON.stringify(p);
    const file = writePlan(text);
    const r = importPlan(file);
    expect(r.resources[0]!.location).toEqual({ file: 'plan.json', line: 1, column: text.indexOf('{"address"') + 1 });
  });

  it('sensitive attribute values never reach the findings', () => {
    const file = writePlan(
      plan([
        change(
          'genesyscloud_user.u',
          ['create'],
          null,
          { email: 'a@example.com', password: 'S3cr3t-Passw0rd' },
          { id: true, division_id: true },
        ),
      ]),
    );
    const r = importPlan(file);
    expect(r.resources).toHaveLength(1);
    expect(JSON.stringify({ ...r, flows: [] })).not.toContain('S3cr3t-Passw0rd');
  });
});

describe('terraform plan importer: divisions', () => {
  it('division_id unknown and no configuration in the plan: not assumed Home (warning)', () => {
    const file = writePlan(
      plan([change('genesyscloud_routing_queue.q', ['create'], null, { name: 'Q' }, { id: true, division_id: true })]),
    );
    const r = importPlan(file);
    expect(r.resources[0]!.division).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(['unverifiable']);
  });

  it('configuration inside a module is found through module_calls (instance keys ignored)', () => {
    const file = writePlan(
      plan(
        [
          change(
            'module.queues["emea"].genesyscloud_routing_queue.q',
            ['create'],
            null,
            { name: 'Q' },
            { id: true, division_id: true },
            { module_address: 'module.queues["emea"]' },
          ),
          change(
            'module.queues["emea"].genesyscloud_routing_queue.r',
            ['create'],
            null,
            { name: 'R' },
            { id: true, division_id: true },
            { module_address: 'module.queues["emea"]' },
          ),
        ],
        {
          configuration: {
            root_module: {
              module_calls: {
                queues: {
                  source: './modules/queues',
                  module: {
                    resources: [
                      {
                        address: 'genesyscloud_routing_queue.q',
                        mode: 'managed',
                        type: 'genesyscloud_routing_queue',
                        name: 'q',
                        expressions: { name: { constant_value: 'Q' } },
                      },
                      {
                        address: 'genesyscloud_routing_queue.r',
                        mode: 'managed',
                        type: 'genesyscloud_routing_queue',
                        name: 'r',
                        expressions: { division_id: { references: ['var.division_id'] } },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      ),
    );
    const r = importPlan(file);
    expect(r.resources.map((x) => x.division)).toEqual(['Home', null]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toContain('var.division_id');
  });

  it('an update that moves the object to another division also needs its edit permission in the division it leaves', () => {
    const file = writePlan(
      plan(
        [
          change(
            'genesyscloud_routing_queue.q',
            ['update'],
            { id: 'q1', name: 'Q', division_id: 'old-div' },
            { id: 'q1', name: 'Q', division_id: 'new-div' },
          ),
        ],
        {
          prior_state: {
            values: {
              root_module: {
                resources: [
                  {
                    address: 'data.genesyscloud_auth_division.old',
                    mode: 'data',
                    type: 'genesyscloud_auth_division',
                    name: 'old',
                    values: { id: 'old-div', name: 'Old' },
                  },
                ],
              },
            },
          },
        },
      ),
    );
    const r = importPlan(file);
    expect(r.resources.map((x) => [x.name, x.action, x.division])).toEqual([
      ['genesyscloud_routing_queue.q', 'update', 'new-div'],
      ['genesyscloud_routing_queue.q', 'update', 'Old'],
    ]);
    const move = r.resources[1]!;
    expect(move.divisionLocation).toEqual(locationAfter(file, '"division_id": ', 1));
    // The provider moves a queue with POST .../divisions/{divisionId}/objects/QUEUE (util/util_divisions.go);
    // the move needs the queue's edit permission (its PUT's) in the division it leaves and the one it enters.
    expect(requirementsFor(move, callsOf(move), catalog).map((q) => [q.operation, q.permissions, q.division])).toEqual([
      [
        'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}',
        { mode: 'ANY', values: ['routing:queue:edit'] },
        'Old',
      ],
    ]);
    const into = requirementsFor(r.resources[0]!, callsOf(r.resources[0]!), catalog).find((q) =>
      q.operation.includes('/objects/'),
    )!;
    expect([into.permissions, into.division, into.when]).toEqual([
      { mode: 'ANY', values: ['routing:queue:edit'] },
      'new-div',
      'if division_id changed',
    ]);
  });

  it('delete takes division_id from before; a non-division-aware type without division_id is not division-bound', () => {
    const file = writePlan(
      plan([
        change('genesyscloud_architect_ivr.main', ['delete'], { name: 'Main', division_id: 'div-1' }, null),
        change('genesyscloud_architect_ivr.other', ['delete'], { name: 'Other' }, null),
        change('genesyscloud_routing_skill.s', ['create'], null, { name: 'S' }, { id: true }),
      ]),
    );
    const r = importPlan(file);
    expect(r.resources.map((x) => x.division)).toEqual(['div-1', 'Home', null]);
    expect(r.resources[0]!.divisionLocation).toEqual(locationAfter(file, '"division_id": '));
  });
});

describe('terraform plan importer: flows', () => {
  const flowDir = join(tmp, 'work');
  mkdirSync(join(flowDir, 'flows'), { recursive: true });
  writeFileSync(
    join(flowDir, 'flows', 'support.yaml'),
    'inboundCall:\n  name: Support {{env}}\n  division: {{division}}\n  defaultLanguage: en-us\n',
  );

  it('relative filepaths resolve against baseDir', () => {
    const file = writePlan(
      plan([
        change(
          'genesyscloud_flow.s',
          ['create'],
          null,
          { filepath: 'flows/support.yaml', substitutions: { env: 'prod', division: 'Support' } },
          { id: true },
        ),
      ]),
      'elsewhere/plan.json',
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => [x.kind, x.name, x.action, x.division])).toEqual([
      ['flow', 'Support prod', 'deploy', 'Support'],
    ]);
    expect(detailOf(r.resources[0]!, 'forceUnlock')).toBe(false);
  });

  it('a missing flow file is a located file-not-found error at the filepath attribute', () => {
    const file = writePlan(
      plan([
        change('genesyscloud_flow.s', ['update'], { filepath: 'flows/gone.yaml' }, { filepath: 'flows/gone.yaml' }),
      ]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.resources).toEqual([]);
    expect(r.errors).toHaveLength(1);
    // at after.filepath (the second "filepath" in the entry; before comes first)
    expect(r.errors[0]).toMatchObject({
      code: 'file-not-found',
      severity: 'error',
      fatal: true,
      location: locationAfter(file, '"filepath": ', 2),
    });
    expect(r.errors[0]!.location).toEqual({ file: 'plan.json', line: 22, column: 23 });
    expect(r.errors[0]!.message).toContain('flows/gone.yaml');
    expect(r.errors[0]!.message).not.toContain(flowDir);
  });

  it('an unfilled placeholder in the flow file is a located error in the flow file', () => {
    const file = writePlan(
      plan([
        change(
          'genesyscloud_flow.s',
          ['create'],
          null,
          { filepath: 'flows/support.yaml', substitutions: { env: 'prod' } },
          { id: true },
        ),
      ]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'manifest-invalid', location: { line: 3, column: 13 } });
    expect(r.errors[0]!.message).toContain('this {{placeholder}} is not filled');
    expect(r.errors[0]!.message).not.toContain('{{division}}');
  });

  it('filepath known only after apply: a warning, and a flow without division still checked', () => {
    const file = writePlan(
      plan([change('genesyscloud_flow.s', ['create'], null, { substitutions: {} }, { id: true, filepath: true })]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => [x.kind, x.name, x.action, x.division])).toEqual([
      ['flow', 'genesyscloud_flow.s', 'deploy', null],
    ]);
    expect(r.flows.size).toBe(0);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      code: 'unverifiable',
      severity: 'warning',
      location: { file: 'plan.json', line: 8, column: 5 },
    });
    expect(readFileSync(file, 'utf8').split('\n')[7]).toBe('    {');
    expect(r.findings[0]!.message).toContain('filepath is known only after apply');
  });

  it('a substitution known only after apply: harmless for ids, a warning when it sets the division', () => {
    const file = writePlan(
      plan([
        change(
          'genesyscloud_flow.a',
          ['create'],
          null,
          { filepath: 'flows/support.yaml', substitutions: { division: 'Support' } },
          { id: true, substitutions: { env: true } },
        ),
        change(
          'genesyscloud_flow.b',
          ['create'],
          null,
          { filepath: 'flows/support.yaml', substitutions: { env: 'b' } },
          { id: true, substitutions: { division: true } },
        ),
      ]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => x.division)).toEqual(['Support', null]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toContain('division comes from a substitution known only after apply');
    expect(r.findings[0]!.location).toMatchObject({ line: 3 });
  });

  it('deleting a flow whose file is gone: a warning, the delete is still planned', () => {
    const file = writePlan(
      plan([change('genesyscloud_flow.old', ['delete'], { filepath: 'flows/removed.yaml', substitutions: {} }, null)]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => [x.kind, x.name, x.action, x.division])).toEqual([
      ['flow', 'genesyscloud_flow.old', 'delete', null],
    ]);
    const p = planResource(r.resources[0]!);
    if ('errors' in p) throw new Error('unexpected');
    expect(ops(p.calls)).toEqual(['DELETE /api/v2/flows/{flowId}']); // by its state id: no lookup by name
    expect(r.findings.map((f) => f.code)).toEqual(['unverifiable']);
  });

  it('a flow being created without filepath is a located error', () => {
    const file = writePlan(
      plan([change('genesyscloud_flow.s', ['create'], null, { substitutions: {} }, { id: true })]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors.map((e) => [e.code, e.location])).toEqual([['manifest-invalid', locationAfter(file, '"after": ')]]);
  });

  it('a missing script file is a located file-not-found error', () => {
    const file = writePlan(
      plan([
        change(
          'genesyscloud_script.s',
          ['create'],
          null,
          { script_name: 'S', filepath: 'scripts/none.json' },
          { id: true },
        ),
      ]),
    );
    const r = importPlan(file, { baseDir: flowDir });
    expect(r.errors.map((e) => [e.code, e.location])).toEqual([
      ['file-not-found', locationAfter(file, '"filepath": ')],
    ]);
  });
});

describe('terraform plan importer: bad plans', () => {
  const only = (r: TerraformImport) => {
    expect(r.resources).toEqual([]);
    expect(r.errors.length).toBeGreaterThan(0);
    return r.errors;
  };

  it('a missing plan file is file-not-found at the reference, naming the display path', () => {
    const errors = only(importPlan(join(tmp, 'nope.json'), { displayPath: 'infra/nope.json' }));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'file-not-found', severity: 'error', fatal: true, location: FROM }),
    ]);
    expect(errors[0]!.message).toContain('infra/nope.json');
    expect(errors[0]!.message).not.toContain(tmp);
  });

  it('not JSON: located manifest-invalid', () => {
    const file = writePlan('{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}\n');
    const errors = only(importPlan(file));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'manifest-invalid', location: { file: 'plan.json', line: 3, column: 24 } }),
    ]);
    expect(errors[0]!.message).toContain('is not JSON');
  });

  it('the human-readable plan instead of its JSON: located manifest-invalid with the command to run', () => {
    const file = writePlan(
      '\nTerraform used the selected providers to generate the following execution plan.\n  + create\n',
    );
    const errors = only(importPlan(file));
    expect(errors[0]).toMatchObject({ code: 'manifest-invalid', location: { line: 2, column: 1 } });
    expect(errors[0]!.fix).toContain('terraform show -json');
  });

  it('a binary plan file: manifest-invalid saying to convert it', () => {
    const file = join(tmp, 'tfplan');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x00, 0x00]));
    const errors = only(importPlan(file, { displayPath: 'tfplan' }));
    expect(errors[0]).toMatchObject({ code: 'manifest-invalid', location: FROM });
    expect(errors[0]!.message).toContain('binary plan file');
  });

  it('a JSON list, or no format_version: manifest-invalid at the root', () => {
    expect(only(importPlan(writePlan('[]')))[0]).toMatchObject({
      code: 'manifest-invalid',
      location: { line: 1, column: 1 },
    });
    expect(only(importPlan(writePlan({ planned_values: {}, resource_changes: [] })))[0]!.message).toContain(
      'no format_version',
    );
  });

  it('an unsupported format_version: located at it', () => {
    const errors = only(importPlan(writePlan(plan([], { format_version: '2.0' }))));
    expect(errors[0]).toMatchObject({ code: 'manifest-invalid', location: { line: 2, column: 21 } });
  });

  it('missing resource_changes (a state, not a plan): manifest-invalid', () => {
    const file = writePlan({ format_version: '1.0', terraform_version: '1.9.5', values: { root_module: {} } });
    const errors = only(importPlan(file));
    expect(errors[0]).toMatchObject({ code: 'manifest-invalid', location: { line: 1, column: 1 } });
    expect(errors[0]!.message).toContain('no resource_changes');
  });

  it('resource_changes not a list: located at it', () => {
    const errors = only(
      importPlan(writePlan({ format_version: '1.2', planned_values: {}, resource_changes: { a: 1 } })),
    );
    expect(errors[0]).toMatchObject({ code: 'manifest-invalid', location: { line: 4, column: 23 } });
    expect(errors[0]!.message).toContain('resource_changes must be a list');
  });

  it('actions not a list: located at the actions value', () => {
    const file = writePlan(plan([change('genesyscloud_routing_skill.a', 'create', null, { name: 'A' })]));
    const errors = only(importPlan(file));
    expect(errors).toEqual([
      expect.objectContaining({ code: 'manifest-invalid', location: { file: 'plan.json', line: 15, column: 20 } }),
    ]);
    expect(errors[0]!.location).toEqual(locationAfter(file, '"actions": '));
    expect(errors[0]!.message).toContain('resource_changes[0].change.actions must be a non-empty list');
  });

  it('actions missing, entry not an object, type missing: each located', () => {
    const noActions = change('genesyscloud_routing_skill.a', ['create'], null, { name: 'A' });
    delete (noActions.change as Record<string, unknown>).actions;
    const noType = change('genesyscloud_routing_skill.b', ['create'], null, { name: 'B' }) as Record<string, unknown>;
    delete noType.type;
    const file = writePlan(plan([noActions, 7, noType]));
    const errors = only(importPlan(file));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(errors.map((e) => [e.code, e.message.replace(/ must.*/, ''), e.location?.line])).toEqual([
      ['manifest-invalid', 'Terraform plan: resource_changes[0].change.actions', 14],
      ['manifest-invalid', 'Terraform plan: resource_changes[1]', 24],
      ['manifest-invalid', 'Terraform plan: resource_changes[2].type', 25],
    ]);
    expect(lines[13]).toBe('      "change": {'); // no actions: the change object
    expect(errors[0]!.location!.column).toBe(17);
    expect(lines[23]).toBe('    7,');
    expect(lines[24]).toBe('    {'); // no type: the entry
    expect(errors[0]!.message).toContain('change.actions must be');
  });

  it('an errored plan is refused', () => {
    const errors = only(importPlan(writePlan(plan([], { errored: true }))));
    expect(errors[0]!.message).toContain('"errored": true');
  });

  it('the check stops on a malformed entry: nothing is half imported', () => {
    const r = importPlan(
      writePlan(
        plan([
          change('genesyscloud_routing_skill.a', ['create'], null, { name: 'A' }),
          change('genesyscloud_routing_skill.b', { x: 1 }, null, {}),
        ]),
      ),
    );
    expect(r.resources).toEqual([]);
    expect(r.errors).toHaveLength(1);
  });
});

describe('sub-object writes follow the change', () => {
  it('a queue created with members needs the member writes; without, it does not', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'gp-tf-'));
    const plan = (members: unknown[]) => ({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'genesyscloud_routing_queue.q',
          mode: 'managed',
          type: 'genesyscloud_routing_queue',
          name: 'q',
          change: {
            actions: ['create'],
            before: null,
            after: { name: 'Q', members, wrapup_codes: null },
            after_unknown: { id: true },
          },
        },
      ],
    });
    const paths = (members: unknown[]) => {
      const file = join(dir, `p${members.length}.json`);
      writeFileSync(file, JSON.stringify(plan(members)));
      const imp = importTerraformPlan(file, {
        displayPath: file,
        orgs: ['o'],
        from: { file: 'm.yml', line: 1, column: 1 },
      });
      return callsOf(imp.resources[0]!).map((c) => `${c.method} ${c.path}`);
    };
    expect(paths([])).not.toContain('POST /api/v2/routing/queues/{queueId}/members');
    expect(paths([])).not.toContain('POST /api/v2/routing/queues/{queueId}/wrapupcodes');
    expect(paths([{ user_id: 'u1', ring_num: 1 }])).toContain('POST /api/v2/routing/queues/{queueId}/members');
  });
});

describe('roles and OAuth clients in a plan', () => {
  it('a role is created with the catalog permissions only (no unsourced give-away rule); names and client scopes are linted', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { lintDeclaredNames } = await import('../../src/evaluate/lint.js');
    const { bundledCatalog } = await import('../../src/catalog/bundled.js');
    const dir = mkdtempSync(join(tmpdir(), 'gp-tf-role-'));
    const file = join(dir, 'plan.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          format_version: '1.2',
          resource_changes: [
            {
              address: 'genesyscloud_auth_role.agent',
              mode: 'managed',
              type: 'genesyscloud_auth_role',
              name: 'agent',
              change: {
                actions: ['create'],
                before: null,
                after: {
                  name: 'Agent',
                  permission_policies: [{ domain: 'routing', entity_name: 'queue', action_set: ['view', 'jion'] }],
                },
                after_unknown: { id: true },
              },
            },
            {
              address: 'genesyscloud_oauth_client.app',
              mode: 'managed',
              type: 'genesyscloud_oauth_client',
              name: 'app',
              change: {
                actions: ['create'],
                before: null,
                after: {
                  name: 'App',
                  authorized_grant_type: 'CODE',
                  scopes: ['architect', 'analytics:readonly', 'architekt'],
                },
                after_unknown: { id: true },
              },
            },
          ],
        },
        null,
        2,
      ),
    );
    const imp = importTerraformPlan(file, {
      displayPath: 'plan.json',
      orgs: ['o'],
      from: { file: 'm.yml', line: 1, column: 1 },
    });
    const role = imp.resources.find((r) => r.name === 'genesyscloud_auth_role.agent')!;
    const p = planResource(role);
    if ('errors' in p) throw new Error('plan failed');
    const reqs = requirementsFor(role, p.calls, bundledCatalog());
    // No source states that creating a role needs the permissions it grants (issue 11): the create
    // needs what the catalog says, and no requirement names the role's own permissions.
    const create = reqs.find((q) => q.operation === 'POST /api/v2/authorization/roles')!;
    expect(create.permissions!.values).toEqual(['authorization:role:add']);
    expect(reqs.some((q) => q.permissions?.values.includes('routing:queue:view'))).toBe(false);
    const lint = lintDeclaredNames(imp.resources, bundledCatalog());
    expect(lint.map((f) => [f.code, f.missing![0]])).toEqual([
      ['unknown-permission', 'routing:queue:jion'],
      ['unknown-scope', 'architekt'],
    ]);
    expect(lint[0]!.message).toMatch(/did you mean "routing:queue:join"/);
    expect(lint[0]!.location!.file).toBe('plan.json');
  });
});

describe('OAuth clients and wizard configs: the sourced role-assignment rule only', () => {
  it('genesyscloud_oauth_client with roles: a warning citing the provider rule, no invented permission', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'gp-tf-client-'));
    const file = join(dir, 'plan.json');
    const client = (name: string, roles: unknown[]) => ({
      address: `genesyscloud_oauth_client.${name}`,
      mode: 'managed',
      type: 'genesyscloud_oauth_client',
      name,
      change: {
        actions: ['create'],
        before: null,
        after: { name, authorized_grant_type: 'CLIENT-CREDENTIALS', roles },
        after_unknown: { id: true },
      },
    });
    writeFileSync(
      file,
      JSON.stringify(
        {
          format_version: '1.2',
          resource_changes: [
            client('bot', [{ role_id: 'r1', division_id: 'd1' }, { role_id: 'r2' }]),
            client('none', []),
          ],
        },
        null,
        2,
      ),
    );
    const imp = importTerraformPlan(file, {
      displayPath: 'plan.json',
      orgs: ['o'],
      from: { file: 'm.yml', line: 1, column: 1 },
    });
    const warnings = imp.findings.filter((f) => /assigns \d+ roles? to an OAuth client/.test(f.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /genesyscloud_oauth_client\.bot: assigns 2 roles .* assigned already to the OAuth client Terraform runs as/,
    );
    expect(warnings[0]!.location!.file).toBe('plan.json');
    for (const r of imp.resources) {
      const p = planResource(r);
      if ('errors' in p) throw new Error('plan failed');
      expect(p.calls.some((c) => c.requires !== undefined)).toBe(false);
    }
  });
});
