/**
 * Deploy endpoints of the fake (the calls Archy / CX as Code / API deployers make), so a
 * differential test can replay a planned deploy and compare the 403s with the preflight's
 * findings. Shapes follow the SDK models (Flow, FlowVersion, Operation,
 * RegisterArchitectJobResponse, ArchitectJobStateResponse, Script, ScheduleGroup,
 * MoveAgentsResponse, BusinessUnitListing, Integration, DomainOrganizationRole, Group,
 * OAuthClient) in outline only: ids, names, divisions and states.
 * Permission enforcement happens before these handlers (server.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { holds } from './authz.js';
import { page, sendError, sendJson, type Route, type RouteContext } from './http.js';
import { roleJson } from './routes-inspect.js';
import { collectionOf, findDivision, type FakeObject, type OrgState } from './state.js';
import type { FakePolicy } from './types.js';

function divisionRef(org: OrgState, id: string) {
  const d = org.divisions.find((x) => x.id === id);
  return { id, name: d?.name ?? id, selfUri: `/api/v2/authorization/divisions/${id}` };
}

/** Division id named by a request body (`division.id` / `division.name` / `divisionId`), resolved against the org. */
export function bodyDivision(org: OrgState, body: Record<string, unknown>): string | undefined {
  const d = body.division as { id?: unknown; name?: unknown } | string | undefined;
  const raw =
    typeof d === 'string'
      ? d
      : typeof d?.id === 'string'
        ? d.id
        : typeof d?.name === 'string'
          ? d.name
          : body.divisionId;
  if (typeof raw !== 'string' || !raw) return undefined;
  return findDivision(org, raw)?.id ?? raw;
}

/** Case-insensitive name filter with `*` wildcards (Genesys list endpoints' `name` parameter). */
function nameMatches(pattern: string | null, name: string): boolean {
  if (!pattern) return true;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(name);
}

function flowJson(ctx: RouteContext, f: FakeObject) {
  return {
    id: f.id,
    name: f.name,
    type: String(f.type ?? 'INBOUNDCALL').toUpperCase(),
    division: divisionRef(ctx.org, f.divisionId),
    active: true,
    system: false,
    deleted: false,
    ...(f.lockedBy ? { lockedUser: { id: f.lockedBy } } : {}),
    ...(f.checkedInVersion ? { checkedInVersion: { id: f.checkedInVersion } } : {}),
    ...(f.publishedVersion ? { publishedVersion: { id: f.publishedVersion } } : {}),
    selfUri: `/api/v2/flows/${f.id}`,
  };
}

function listVisible(ctx: RouteContext, collection: string, viewPermission: string): FakeObject[] {
  const name = ctx.query.get('name');
  return [...collectionOf(ctx.org, collection).values()].filter(
    (o) => nameMatches(name, o.name) && holds(ctx.org, ctx.principal, viewPermission, o.divisionId),
  );
}

function flowFromQuery(ctx: RouteContext): FakeObject | undefined {
  const id = ctx.query.get('flow');
  return id ? collectionOf(ctx.org, 'flows').get(id) : undefined;
}

function objectDivisionOf(collection: string, param: string) {
  return (ctx: RouteContext) => collectionOf(ctx.org, collection).get(ctx.params[param] ?? '')?.divisionId;
}

function needFlow(ctx: RouteContext, f: FakeObject | undefined): f is FakeObject {
  if (f) return true;
  sendError(ctx.res, 404, 'not.found', `Flow ${ctx.params.flowId ?? ctx.query.get('flow') ?? ''} not found`);
  return false;
}

function operation(action: string) {
  return { id: randomUUID(), complete: true, actionName: action, actionStatus: 'COMPLETE' };
}

function newObject(ctx: RouteContext, collection: string, extra: Record<string, unknown> = {}): FakeObject | undefined {
  const name = ctx.body.name;
  if (typeof name !== 'string' || !name) {
    sendError(ctx.res, 400, 'bad.request', 'The name field is required');
    return undefined;
  }
  const obj: FakeObject = {
    ...extra,
    id: randomUUID(),
    name,
    divisionId: bodyDivision(ctx.org, ctx.body) ?? ctx.org.home.id,
  };
  collectionOf(ctx.org, collection).set(obj.id, obj);
  return obj;
}

function scheduleGroupJson(ctx: RouteContext, g: FakeObject) {
  return {
    id: g.id,
    name: g.name,
    division: divisionRef(ctx.org, g.divisionId),
    state: 'active',
    timeZone: (g.timeZone as string | undefined) ?? 'UTC',
    openSchedules: [],
    closedSchedules: [],
    holidaySchedules: [],
    selfUri: `/api/v2/architect/schedulegroups/${g.id}`,
  };
}

function scriptJson(ctx: RouteContext, s: FakeObject) {
  return {
    id: s.id,
    name: s.name,
    divisionId: s.divisionId,
    versionId: (s.versionId as string | undefined) ?? '1',
    ...(s.published ? { publishedDate: '2024-01-01T00:00:00.000Z' } : {}),
    selfUri: `/api/v2/scripts/${s.id}`,
  };
}

const flows: Route[] = [
  {
    method: 'GET',
    template: '/api/v2/flows',
    handle: (ctx) => {
      const types = ctx.query.getAll('type').map((t) => t.toUpperCase());
      const list = listVisible(ctx, 'flows', 'architect:flow:view').filter(
        (f) => !types.length || types.includes(String(f.type).toUpperCase()),
      );
      sendJson(
        ctx.res,
        200,
        page(
          list.map((f) => flowJson(ctx, f)),
          ctx.query,
          '/api/v2/flows',
        ),
      );
    },
  },
  {
    method: 'POST',
    template: '/api/v2/flows',
    handle: (ctx) => {
      const type = ctx.body.type;
      if (typeof type !== 'string' || !type)
        return sendError(ctx.res, 400, 'bad.request', 'The type field is required');
      const f = newObject(ctx, 'flows', { type: type.toUpperCase() });
      if (f) sendJson(ctx.res, 200, flowJson(ctx, f));
    },
  },
  {
    method: 'GET',
    template: '/api/v2/flows/{flowId}',
    objectDivision: objectDivisionOf('flows', 'flowId'),
    handle: (ctx) => {
      const f = collectionOf(ctx.org, 'flows').get(ctx.params.flowId!);
      if (needFlow(ctx, f)) sendJson(ctx.res, 200, flowJson(ctx, f));
    },
  },
  {
    method: 'PUT',
    template: '/api/v2/flows/{flowId}',
    objectDivision: objectDivisionOf('flows', 'flowId'),
    handle: (ctx) => {
      const f = collectionOf(ctx.org, 'flows').get(ctx.params.flowId!);
      if (!needFlow(ctx, f)) return;
      if (typeof ctx.body.name === 'string' && ctx.body.name) f.name = ctx.body.name;
      f.divisionId = bodyDivision(ctx.org, ctx.body) ?? f.divisionId;
      sendJson(ctx.res, 200, flowJson(ctx, f));
    },
  },
  {
    method: 'DELETE',
    template: '/api/v2/flows/{flowId}',
    objectDivision: objectDivisionOf('flows', 'flowId'),
    handle: (ctx) => {
      const store = collectionOf(ctx.org, 'flows');
      if (!needFlow(ctx, store.get(ctx.params.flowId!))) return;
      store.delete(ctx.params.flowId!);
      sendJson(ctx.res, 200, undefined);
    },
  },
  {
    method: 'POST',
    template: '/api/v2/flows/actions/checkout',
    objectDivision: (ctx) => flowFromQuery(ctx)?.divisionId,
    handle: (ctx) => {
      const f = flowFromQuery(ctx);
      if (!needFlow(ctx, f)) return;
      f.lockedBy = ctx.principal.id;
      sendJson(ctx.res, 200, flowJson(ctx, f));
    },
  },
  {
    method: 'POST',
    template: '/api/v2/flows/actions/checkin',
    objectDivision: (ctx) => flowFromQuery(ctx)?.divisionId,
    handle: (ctx) => {
      const f = flowFromQuery(ctx);
      if (!needFlow(ctx, f)) return;
      delete f.lockedBy;
      f.checkedInVersion = String((f.versions as number | undefined) ?? 1) + '.0';
      sendJson(ctx.res, 200, operation('CHECKIN'));
    },
  },
  {
    method: 'POST',
    template: '/api/v2/flows/{flowId}/versions',
    objectDivision: objectDivisionOf('flows', 'flowId'),
    handle: (ctx) => {
      const f = collectionOf(ctx.org, 'flows').get(ctx.params.flowId!);
      if (!needFlow(ctx, f)) return;
      f.versions = ((f.versions as number | undefined) ?? 0) + 1;
      const id = `${f.versions}.0`;
      sendJson(ctx.res, 200, {
        id,
        name: f.name,
        commitVersion: id,
        configurationVersion: id,
        type: 'FLOW',
        selfUri: `/api/v2/flows/${f.id}/versions/${id}`,
      });
    },
  },
  {
    method: 'POST',
    template: '/api/v2/flows/actions/publish',
    objectDivision: (ctx) => flowFromQuery(ctx)?.divisionId,
    handle: (ctx) => {
      const f = flowFromQuery(ctx);
      if (!needFlow(ctx, f)) return;
      f.publishedVersion = ctx.query.get('version') ?? (f.checkedInVersion as string | undefined) ?? '1.0';
      sendJson(ctx.res, 200, operation('PUBLISH'));
    },
  },
  {
    method: 'POST',
    template: '/api/v2/flows/jobs',
    handle: (ctx) => {
      const id = randomUUID();
      collectionOf(ctx.org, 'flowJobs').set(id, { id, name: id, divisionId: ctx.org.home.id, status: 'Success' });
      sendJson(ctx.res, 200, {
        id,
        uploadUrl: `${ctx.baseUrl}/uploads/architect/jobs/${id}`,
        uploadMethod: 'PUT',
        uploadHeaders: {},
      });
    },
  },
  {
    method: 'GET',
    template: '/api/v2/flows/jobs/{jobId}',
    handle: (ctx) => {
      const job = collectionOf(ctx.org, 'flowJobs').get(ctx.params.jobId!);
      if (!job) return sendError(ctx.res, 404, 'not.found', `Job ${ctx.params.jobId} not found`);
      sendJson(ctx.res, 200, { id: job.id, status: job.status, messages: [], selfUri: `/api/v2/flows/jobs/${job.id}` });
    },
  },
];

const scripts: Route[] = [
  {
    method: 'GET',
    template: '/api/v2/scripts',
    handle: (ctx) => {
      const list = listVisible(ctx, 'scripts', 'scripter:script:view');
      sendJson(
        ctx.res,
        200,
        page(
          list.map((s) => scriptJson(ctx, s)),
          ctx.query,
          '/api/v2/scripts',
        ),
      );
    },
  },
  {
    method: 'POST',
    template: '/api/v2/scripts/published',
    objectDivision: (ctx) => collectionOf(ctx.org, 'scripts').get(String(ctx.body.scriptId ?? ''))?.divisionId,
    handle: (ctx) => {
      const s = collectionOf(ctx.org, 'scripts').get(String(ctx.body.scriptId ?? ''));
      if (!s) return sendError(ctx.res, 400, 'bad.request', `Script ${String(ctx.body.scriptId ?? '')} not found`);
      s.published = true;
      sendJson(ctx.res, 200, scriptJson(ctx, s));
    },
  },
];

const scheduleGroups: Route[] = [
  {
    method: 'GET',
    template: '/api/v2/architect/schedulegroups',
    handle: (ctx) => {
      const list = listVisible(ctx, 'scheduleGroups', 'routing:scheduleGroup:view');
      sendJson(
        ctx.res,
        200,
        page(
          list.map((g) => scheduleGroupJson(ctx, g)),
          ctx.query,
          '/api/v2/architect/schedulegroups',
        ),
      );
    },
  },
  {
    method: 'POST',
    template: '/api/v2/architect/schedulegroups',
    handle: (ctx) => {
      const g = newObject(ctx, 'scheduleGroups', { timeZone: ctx.body.timeZone });
      if (g) sendJson(ctx.res, 200, scheduleGroupJson(ctx, g));
    },
  },
  {
    method: 'PUT',
    template: '/api/v2/architect/schedulegroups/{scheduleGroupId}',
    objectDivision: objectDivisionOf('scheduleGroups', 'scheduleGroupId'),
    handle: (ctx) => {
      const g = collectionOf(ctx.org, 'scheduleGroups').get(ctx.params.scheduleGroupId!);
      if (!g) return sendError(ctx.res, 404, 'not.found', `Schedule group ${ctx.params.scheduleGroupId} not found`);
      if (typeof ctx.body.name === 'string' && ctx.body.name) g.name = ctx.body.name;
      g.divisionId = bodyDivision(ctx.org, ctx.body) ?? g.divisionId;
      sendJson(ctx.res, 200, scheduleGroupJson(ctx, g));
    },
  },
  {
    method: 'DELETE',
    template: '/api/v2/architect/schedulegroups/{scheduleGroupId}',
    objectDivision: objectDivisionOf('scheduleGroups', 'scheduleGroupId'),
    handle: (ctx) => {
      const store = collectionOf(ctx.org, 'scheduleGroups');
      if (!store.delete(ctx.params.scheduleGroupId!))
        return sendError(ctx.res, 404, 'not.found', `Schedule group ${ctx.params.scheduleGroupId} not found`);
      sendJson(ctx.res, 200, undefined);
    },
  },
];

const wfm: Route[] = [
  {
    method: 'POST',
    template: '/api/v2/workforcemanagement/agents',
    objectDivision: (ctx) =>
      collectionOf(ctx.org, 'managementUnits').get(String(ctx.body.managementUnitId ?? ''))?.divisionId,
    handle: (ctx) => {
      const ids = Array.isArray(ctx.body.userIds)
        ? ctx.body.userIds
        : Array.isArray(ctx.body.agentIds)
          ? ctx.body.agentIds
          : [];
      sendJson(ctx.res, 200, {
        requestingUser: { id: ctx.principal.id },
        status: 'Complete',
        results: ids.map((id) => ({ user: { id: String(id) }, behavior: 'Success' })),
      });
    },
  },
  {
    method: 'GET',
    template: '/api/v2/workforcemanagement/businessunits',
    handle: (ctx) => {
      const list = [...collectionOf(ctx.org, 'businessUnits').values()].map((b) => ({
        id: b.id,
        name: b.name,
        division: divisionRef(ctx.org, b.divisionId),
        selfUri: `/api/v2/workforcemanagement/businessunits/${b.id}`,
      }));
      sendJson(ctx.res, 200, { entities: list });
    },
  },
];

const premiumApp: Route[] = [
  {
    method: 'POST',
    template: '/api/v2/integrations',
    handle: (ctx) => {
      const typeId = (ctx.body.integrationType as { id?: unknown } | undefined)?.id;
      if (typeof typeId !== 'string' || !(ctx.org.config.integrationTypes ?? []).includes(typeId)) {
        return sendError(ctx.res, 400, 'bad.request', `Integration type ${String(typeId)} is not available`);
      }
      const id = randomUUID();
      const name = typeof ctx.body.name === 'string' ? ctx.body.name : typeId;
      collectionOf(ctx.org, 'integrations').set(id, { id, name, divisionId: ctx.org.home.id, typeId });
      sendJson(ctx.res, 200, {
        id,
        name,
        integrationType: { id: typeId },
        intendedState: 'DISABLED',
        selfUri: `/api/v2/integrations/${id}`,
      });
    },
  },
  {
    method: 'POST',
    template: '/api/v2/authorization/roles',
    handle: (ctx) => {
      const name = ctx.body.name;
      if (typeof name !== 'string' || !name)
        return sendError(ctx.res, 400, 'bad.request', 'The name field is required');
      const policies = Array.isArray(ctx.body.permissionPolicies) ? (ctx.body.permissionPolicies as FakePolicy[]) : [];
      const role = {
        id: randomUUID(),
        name,
        permissionPolicies: policies.map((p) => ({
          domain: String(p.domain),
          entityName: String(p.entityName),
          actionSet: (p.actionSet ?? []).map(String),
        })),
      };
      ctx.org.roles.set(role.id, role);
      sendJson(ctx.res, 200, roleJson(role));
    },
  },
  {
    method: 'POST',
    template: '/api/v2/groups',
    handle: (ctx) => {
      const g = newObject(ctx, 'groups');
      if (!g) return;
      sendJson(ctx.res, 200, {
        id: g.id,
        name: g.name,
        type: ctx.body.type ?? 'official',
        visibility: ctx.body.visibility ?? 'public',
        state: 'active',
        selfUri: `/api/v2/groups/${g.id}`,
      });
    },
  },
  {
    method: 'POST',
    template: '/api/v2/oauth/clients',
    handle: (ctx) => {
      const c = newObject(ctx, 'oauthClients');
      if (!c) return;
      sendJson(ctx.res, 200, {
        id: c.id,
        name: c.name,
        authorizedGrantType: ctx.body.authorizedGrantType ?? 'CLIENT_CREDENTIALS',
        roleDivisions: Array.isArray(ctx.body.roleDivisions) ? ctx.body.roleDivisions : [],
        secret: randomBytes(24).toString('base64url'),
        state: 'active',
        selfUri: `/api/v2/oauth/clients/${c.id}`,
      });
    },
  },
];

/** The deploy routes. */
export const deployRoutes: Route[] = [...flows, ...scripts, ...scheduleGroups, ...wfm, ...premiumApp];
