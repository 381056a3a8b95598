/**
 * The CX-as-Code call tables read from terraform-provider-genesyscloud's code (src/importers/provider-calls):
 * their integrity, the condition language, and the facts issue 11 names, each with its cited source.
 */
import { describe, it, expect, afterAll } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_CALLS, providerCalls } from '../../src/plan/terraform/tables.js';
import { test as holds, planFromTable } from '../../src/plan/terraform/conditions.js';
import type { CallCondition, ProviderType } from '../../src/plan/terraform/types.js';
import { importTerraformPlan } from '../../src/resources/terraform.js';
import { planResource } from '../../src/plan/index.js';
import { requirementsFor } from '../../src/plan/require.js';
import { bundledCatalog } from '../../src/catalog/bundled.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import type { PlannedCall, Principal, TerraformChange } from '../../src/types.js';

const catalog = bundledCatalog();
const ops = (calls: PlannedCall[]) => calls.map((c) => `${c.method} ${c.path}`);
const ACTIONS = ['create', 'update', 'delete'] as const;

/**
 * Every `genesyscloud_*` resource type the public corpus uses (../shared/corpus/TERRAFORM-USAGE.md, section 1),
 * besides genesyscloud_flow and genesyscloud_script (planned in src/plan) and genesyscloud_widget_deployment
 * (removed from the provider in v1.60.0, so v1.84.1 rejects it at plan time).
 */
const CORPUS_TYPES = [
  'integration_action',
  'routing_queue',
  'processautomation_trigger',
  'webdeployments_deployment',
  'webdeployments_configuration',
  'architect_datatable_row',
  'architect_ivr',
  'telephony_providers_edges_did_pool',
  'task_management_worktype_status',
  'knowledge_document',
  'knowledge_document_variation',
  'integration',
  'user',
  'group',
  'architect_emergencygroup',
  'task_management_worktype_status_transition',
  'task_management_worktype_flow_onattributechange_rule',
  'routing_wrapupcode',
  'architect_datatable',
  'user_roles',
  'routing_email_domain',
  'routing_email_route',
  'task_management_workbin',
  'task_management_workitem_schema',
  'task_management_worktype',
  'architect_schedules',
  'oauth_client',
  'integration_credential',
  'quality_forms_survey',
  'recording_media_retention_policy',
  'knowledge_knowledgebase',
  'externalcontacts_contact',
].map((t) => `genesyscloud_${t}`);

function conditionAttributes(c: CallCondition): string[] {
  if ('set' in c) return [c.set];
  if ('unset' in c) return [c.unset];
  if ('changed' in c) return [c.changed];
  if ('equals' in c) return [c.equals[0]];
  if ('not' in c) return conditionAttributes(c.not);
  if ('any' in c) return c.any.flatMap(conditionAttributes);
  if ('all' in c) return c.all.flatMap(conditionAttributes);
  return [];
}

describe('the tables', () => {
  const entries = Object.entries(PROVIDER_CALLS) as Array<[string, ProviderType]>;

  it("cover every corpus type and the manifest kinds' neighbours: 50 types read from code", () => {
    expect(entries.length).toBeGreaterThanOrEqual(50);
    for (const t of CORPUS_TYPES) expect([t, Object.hasOwn(PROVIDER_CALLS, t)]).toEqual([t, true]);
    // The manifest kinds' own types are planned from code in src/plan, not here.
    expect(Object.hasOwn(PROVIDER_CALLS, 'genesyscloud_flow')).toBe(false);
    expect(Object.hasOwn(PROVIDER_CALLS, 'genesyscloud_architect_schedulegroups')).toBe(true);
  });

  it('every call is a catalog operation with a cited line of the provider, and a condition always has words', () => {
    let n = 0;
    for (const [type, t] of entries) {
      expect(t.file).toMatch(/^[\w/.-]+\.go$/);
      for (const action of ACTIONS) {
        for (const c of t[action]) {
          n++;
          const where = `${type} ${action} ${c.call}`;
          const m = /^(GET|POST|PUT|PATCH|DELETE) (\/api\/v2\/\S+)$/.exec(c.call);
          expect([where, m !== null]).toEqual([where, true]);
          expect([where, catalog.lookup(m![1]!, m![2]!) !== undefined]).toEqual([where, true]);
          expect([where, /^[\w/.-]+\.go#L\d+(-L\d+)?$/.test(c.at)]).toEqual([where, true]);
          if (c.via) expect([where, /^[\w/.-]+\.go#L\d+(-L\d+)?$/.test(c.via)]).toEqual([where, true]);
          expect(c.purpose.trim().length).toBeGreaterThan(3);
          if (c.if) {
            expect([where, Boolean(c.when)]).toEqual([where, true]);
            for (const a of conditionAttributes(c.if))
              expect([where, /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(a)]).toEqual([where, true]);
          }
        }
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('every planned call cites the provider file and lines at the pinned commit', () => {
    for (const [type, t] of entries) {
      for (const action of ACTIONS) {
        for (const c of planFromTable(t, action, { before: {}, after: {}, after_unknown: true })) {
          expect([type, c.source]).toEqual([
            type,
            expect.objectContaining({
              kind: 'code',
              repo: 'MyPureCloud/terraform-provider-genesyscloud',
              commit: 'f955430e6bd4c0b56708d3abc06fb25a1e9031b7',
              path: expect.stringMatching(/^genesyscloud\/.+\.go$/),
            }),
          ]);
        }
      }
    }
  });
});

describe('conditions on the plan change (three-valued, fail closed)', () => {
  const ch = (after: unknown, before: unknown = null, after_unknown: unknown = {}): TerraformChange => ({
    before,
    after,
    after_unknown,
  });

  it('set / unset: null, "", [], {} and false are unset; nested lists are walked', () => {
    for (const v of [null, '', [], {}, false]) expect(holds({ set: 'x' }, 'create', ch({ x: v }))).toBe(false);
    for (const v of ['a', 0, [1], { a: 1 }, true]) expect(holds({ set: 'x' }, 'create', ch({ x: v }))).toBe(true);
    expect(holds({ unset: 'x' }, 'create', ch({}))).toBe(true);
    const members = {
      members: [
        { user_id: 'u1', ring_num: 1 },
        { user_id: 'u2', ring_num: 3 },
      ],
    };
    expect(holds({ equals: ['members.ring_num', 3] }, 'create', ch(members))).toBe(true);
    expect(holds({ equals: ['members.ring_num', 5] }, 'create', ch(members))).toBe(false);
    expect(
      holds(
        { set: 'media_settings_call.alerting_timeout_sec' },
        'create',
        ch({ media_settings_call: [{ alerting_timeout_sec: 8 }] }),
      ),
    ).toBe(true);
  });

  it('a value known only after apply keeps the call, whole or nested', () => {
    expect(holds({ set: 'x' }, 'create', ch({ x: null }, null, { x: true }))).toBe('unknown');
    expect(holds({ unset: 'x' }, 'create', ch({}, null, true))).toBe('unknown');
    expect(holds({ equals: ['m.r', 2] }, 'create', ch({ m: [{ r: null }] }, null, { m: [{ r: true }] }))).toBe(
      'unknown',
    );
    expect(holds({ changed: 'x' }, 'update', ch({ x: null }, { x: 'a' }, { x: true }))).toBe('unknown');
  });

  it('changed: on update after differs from before (unset spellings equal); on create the same as set', () => {
    expect(holds({ changed: 'x' }, 'update', ch({ x: 'b' }, { x: 'a' }))).toBe(true);
    expect(holds({ changed: 'x' }, 'update', ch({ x: 'a' }, { x: 'a' }))).toBe(false);
    expect(holds({ changed: 'x' }, 'update', ch({ x: [] }, { x: null }))).toBe(false);
    expect(holds({ changed: 'x' }, 'create', ch({ x: 'a' }))).toBe(true);
    expect(holds({ changed: 'x' }, 'create', ch({ x: null }))).toBe(false);
  });

  it('equals compares strings case-insensitively; delete reads before; not / any / all / server', () => {
    expect(holds({ equals: ['t', 'CLIENT-CREDENTIALS'] }, 'create', ch({ t: 'client-credentials' }))).toBe(true);
    expect(holds({ equals: ['s', 'on'] }, 'delete', ch(null, { s: 'on' }))).toBe(true);
    expect(holds({ not: { set: 'x' } }, 'create', ch({ x: 1 }))).toBe(false);
    expect(holds({ not: { set: 'x' } }, 'create', ch({}, null, { x: true }))).toBe('unknown');
    expect(holds({ any: [{ set: 'a' }, { set: 'b' }] }, 'create', ch({ b: 1 }))).toBe(true);
    expect(holds({ any: [{ set: 'a' }, { set: 'b' }] }, 'create', ch({}, null, { b: true }))).toBe('unknown');
    expect(holds({ all: [{ set: 'a' }, { set: 'b' }] }, 'create', ch({ a: 1 }))).toBe(false);
    expect(holds({ all: [{ set: 'a' }, { server: 'the object exists' }] }, 'create', ch({ a: 1 }))).toBe('unknown');
    expect(holds({ server: 'x' }, 'create', ch({}))).toBe('unknown');
  });
});

describe('facts from the provider code (issue 11), each at its cited line', () => {
  const calls = (type: string, action: 'create' | 'update' | 'delete', after: unknown, before: unknown = null) =>
    providerCalls(type, action, { before, after, after_unknown: {} })!;

  it('genesyscloud_oauth_client delete sets the client inactive before deleting it', () => {
    const del = ops(calls('genesyscloud_oauth_client', 'delete', null, { name: 'c', state: 'active' }));
    const put = del.indexOf('PUT /api/v2/oauth/clients/{clientId}');
    expect(put).toBeGreaterThanOrEqual(0);
    expect(del.indexOf('DELETE /api/v2/oauth/clients/{clientId}')).toBeGreaterThan(put);
  });

  it('genesyscloud_oauth_client create: credential calls only with integration_credential_name', () => {
    const base = { name: 'c', authorized_grant_type: 'CLIENT-CREDENTIALS', roles: [] };
    const cred = 'POST /api/v2/integrations/credentials';
    expect(ops(calls('genesyscloud_oauth_client', 'create', base))).not.toContain(cred);
    expect(ops(calls('genesyscloud_oauth_client', 'create', { ...base, integration_credential_name: 'x' }))).toContain(
      cred,
    );
  });

  it("genesyscloud_auth_role: create and update never PUT the default roles; only a default role's delete does, instead of DELETE", () => {
    const role = { name: 'r', permission_policies: [] };
    for (const action of ['create', 'update'] as const) {
      expect(ops(calls('genesyscloud_auth_role', action, role, role))).not.toContain(
        'PUT /api/v2/authorization/roles/default',
      );
    }
    expect(ops(calls('genesyscloud_auth_role', 'delete', null, role))).toContain(
      'DELETE /api/v2/authorization/roles/{roleId}',
    );
    const dflt = ops(calls('genesyscloud_auth_role', 'delete', null, { ...role, default_role_id: 'employee' }));
    expect(dflt).toContain('PUT /api/v2/authorization/roles/default');
    expect(dflt).not.toContain('DELETE /api/v2/authorization/roles/{roleId}');
  });

  it('genesyscloud_user create PATCHes the user only when the attributes it patches are set', () => {
    const user = { email: 'a@example.com', name: 'A' };
    // Besides the PATCH that restores a deleted user with the same email (org state: kept, with its condition).
    const patches = (after: unknown) =>
      calls('genesyscloud_user', 'create', after)
        .filter((c) => c.method === 'PATCH' && c.path === '/api/v2/users/{userId}')
        .map((c) => c.when);
    expect(patches(user)).toEqual([expect.stringMatching(/a deleted user with this email exists/)]);
    expect(patches({ ...user, manager: 'm1' })).toEqual([
      expect.stringMatching(/a deleted user with this email exists/),
      expect.stringMatching(/^if manager, locations/),
    ]);
  });

  it('queue and user division moves go through POST .../divisions/{divisionId}/objects/{objectType}, only when division_id changes', () => {
    const move = 'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}';
    for (const type of ['genesyscloud_routing_queue', 'genesyscloud_user']) {
      const moved = calls(
        type,
        'update',
        { name: 'x', email: 'a@b.c', division_id: 'd2' },
        { name: 'x', email: 'a@b.c', division_id: 'd1' },
      );
      expect([type, ops(moved)]).toEqual([type, expect.arrayContaining([move])]);
      const c = moved.find((x) => `${x.method} ${x.path}` === move)!;
      expect(c.source).toMatchObject({ path: 'genesyscloud/util/util_divisions.go' });
      // The move needs the object's edit permission: its own update call's (Resource Center move rule).
      expect(c.requiresOf).toMatch(/^(PUT|PATCH) /);
      const stay = calls(
        type,
        'update',
        { name: 'y', email: 'a@b.c', division_id: 'd1' },
        { name: 'x', email: 'a@b.c', division_id: 'd1' },
      );
      expect([type, ops(stay)]).toEqual([type, expect.not.arrayContaining([move])]);
    }
  });
});

describe('types not read from code: the docs table, marked as such', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-provider-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the calls cite the provider docs page, and a blocked call says "from the provider docs, not its code"', () => {
    const type = 'genesyscloud_journey_outcome';
    expect(Object.hasOwn(PROVIDER_CALLS, type)).toBe(false);
    const file = join(dir, 'plan.json');
    writeFileSync(
      file,
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          {
            address: `${type}.o`,
            mode: 'managed',
            type,
            name: 'o',
            change: { actions: ['create'], before: null, after: { display_name: 'o' }, after_unknown: { id: true } },
          },
        ],
      }),
    );
    const imp = importTerraformPlan(file, {
      displayPath: 'plan.json',
      orgs: ['o'],
      from: { file: 'm.yml', line: 1, column: 1 },
    });
    const r = imp.resources[0]!;
    const p = planResource(r);
    if ('errors' in p) throw new Error('plan failed');
    expect(p.calls.length).toBeGreaterThan(0);
    for (const c of p.calls) {
      expect(c.source).toEqual({
        kind: 'provider-docs',
        type,
        url: 'https://github.com/MyPureCloud/terraform-provider-genesyscloud/blob/f955430e6bd4c0b56708d3abc06fb25a1e9031b7/docs/resources/journey_outcome.md',
      });
    }
    const reqs = requirementsFor(r, p.calls, catalog);
    const nobody: Principal = { source: 'declared', grant: 'client-credentials', scopes: [], roles: [] };
    const findings = evaluate(reqs, nobody, 'o').filter((f) => f.code === 'missing-permission');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message).toMatch(/; from the provider docs, not its code\)/);
  });
});

describe('division changes of types read from code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-provider-move-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const moved = (type: string) => {
    const file = join(dir, `${type}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          {
            address: `${type}.x`,
            mode: 'managed',
            type,
            name: 'x',
            change: {
              actions: ['update'],
              before: { id: 'i', name: 'n', division_id: 'd-old' },
              after: { id: 'i', name: 'n', division_id: 'd-new' },
              after_unknown: {},
            },
          },
        ],
      }),
    );
    return importTerraformPlan(file, {
      displayPath: 'plan.json',
      orgs: ['o'],
      from: { file: 'm.yml', line: 1, column: 1 },
    }).resources;
  };

  it('a data table moves with its PUT (division in the body): the PUT is checked in the division it leaves too', () => {
    const rs = moved('genesyscloud_architect_datatable');
    expect(rs.map((r) => r.division)).toEqual(['d-new', 'd-old']);
    const out = rs[1]!;
    const p = planResource(out);
    if ('errors' in p) throw new Error('plan failed');
    expect(requirementsFor(out, p.calls, catalog).map((q) => [q.operation, q.permissions?.values, q.division])).toEqual(
      [['PUT /api/v2/flows/datatables/{datatableId}', ['architect:datatable:edit'], 'd-old']],
    );
  });

  it('a worktype update does not send the division: no check in the old division', () => {
    const [, out] = moved('genesyscloud_task_management_worktype');
    const p = planResource(out!);
    if ('errors' in p) throw new Error('plan failed');
    expect(p.calls).toEqual([]);
  });
});
