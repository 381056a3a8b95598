/**
 * Read-only inspection endpoints of the fake, with the SDK response shapes:
 * `GET /api/v2/tokens/me` (TokenInfo), `/authorization/subjects/me` (AuthzSubject),
 * `/authorization/roles/{roleId}` (DomainOrganizationRole), `/authorization/divisions`
 * (AuthzDivisionEntityListing), `/authorization/divisionspermitted/paged/me`
 * (DivsPermittedEntityListing), `/authorization/permissions` (PermissionCollectionEntityListing),
 * `/authorization/products` (OrganizationProductEntityListing), `/integrations/types/{typeId}` (IntegrationType).
 */
import type {
  AuthzDivision,
  AuthzGrant,
  AuthzSubject,
  DivsPermittedEntityListing,
  DomainOrganizationRole,
  IntegrationType,
  TokenInfo,
} from '../../src/genesys/models.js';
import { permittedDivisions } from './authz.js';
import { catalogOf, collections } from './catalog.js';
import { page, sendError, sendJson, type Route, type RouteContext } from './http.js';
import { ALL_DIVISIONS, policyPermissions, type OrgState } from './state.js';
import type { FakeDivision, FakeRole } from './types.js';

const GRANT_MADE_AT = '2024-01-01T00:00:00.000Z';

/** SDK `AuthzDivision` of a fake division. */
export function divisionJson(d: FakeDivision): AuthzDivision {
  return {
    id: d.id,
    name: d.name,
    description: d.description ?? '',
    homeDivision: !!d.homeDivision,
    selfUri: `/api/v2/authorization/divisions/${d.id}`,
  };
}

/** SDK `DomainOrganizationRole` of a fake role. Conditions appear as `resourceConditionNode: {variableName: <text>}` (fake convention). */
export function roleJson(r: FakeRole): DomainOrganizationRole {
  return {
    id: r.id,
    name: r.name,
    description: r.description ?? '',
    permissions: [...r.permissionPolicies.flatMap(policyPermissions), ...(r.legacyPermissions ?? [])],
    permissionPolicies: r.permissionPolicies.map((p) => ({
      domain: p.domain,
      entityName: p.entityName,
      policyName: `${p.domain}:${p.entityName}`,
      actionSet: [...p.actionSet],
      allowConditions: p.conditions !== undefined,
      ...(p.conditions !== undefined ? { resourceConditionNode: { variableName: p.conditions } } : {}),
    })),
    default: false,
    base: false,
    selfUri: `/api/v2/authorization/roles/${r.id}`,
  };
}

function orgRef(orgs: ReadonlyMap<string, OrgState>, id: string) {
  return { id, name: orgs.get(id)?.config.name ?? id };
}

function tokensMe(ctx: RouteContext): void {
  const { org, principal } = ctx;
  const orgEntity = { id: org.config.id, name: org.config.name };
  const body: TokenInfo = {
    organization: orgEntity,
    homeOrganization: orgRef(ctx.orgs, org.config.homeOrgId ?? org.config.id),
    authorizedScope: [...principal.scopes],
    OAuthClient:
      principal.kind === 'client'
        ? {
            id: principal.id,
            name: principal.name,
            authorizedGrantType: 'CLIENT_CREDENTIALS',
            roleDivisions: principal.grants.map((g) => ({ roleId: g.roleId, divisionId: g.divisionId })),
            state: 'active',
            organization: orgEntity,
          }
        : {
            id: `${org.config.id}-user-grant-client`,
            name: principal.clientName,
            authorizedGrantType: 'CODE',
            scope: [...principal.scopes],
            state: 'active',
            organization: orgEntity,
          },
  };
  sendJson(ctx.res, 200, body);
}

function subjectsMe(ctx: RouteContext): void {
  const { org, principal } = ctx;
  const grants: AuthzGrant[] = [];
  for (const g of principal.grants) {
    const role = org.roles.get(g.roleId);
    if (!role) continue;
    const div = org.divisions.find((d) => d.id === g.divisionId);
    grants.push({
      subjectId: principal.id,
      division: div
        ? divisionJson(div)
        : { id: ALL_DIVISIONS, name: ALL_DIVISIONS, description: 'All divisions', homeDivision: false },
      role: {
        id: role.id,
        name: role.name,
        description: role.description ?? '',
        policies: role.permissionPolicies.map((p) => ({
          domain: p.domain,
          entityName: p.entityName,
          actions: [...p.actionSet],
          ...(p.conditions !== undefined ? { condition: p.conditions } : {}),
        })),
        default: false,
      },
      grantMadeAt: GRANT_MADE_AT,
    });
  }
  const body: AuthzSubject = {
    id: principal.id,
    name: principal.name,
    grants,
    version: 1,
    selfUri: `/api/v2/authorization/subjects/${principal.id}`,
  };
  sendJson(ctx.res, 200, body);
}

function roleById(ctx: RouteContext): void {
  const role = ctx.org.roles.get(ctx.params.roleId!);
  if (!role) return sendError(ctx.res, 404, 'not.found', `Role ${ctx.params.roleId} not found`);
  sendJson(ctx.res, 200, roleJson(role));
}

function divisions(ctx: RouteContext): void {
  const name = ctx.query.get('name');
  const ids = ctx.query.getAll('id');
  let list = ctx.org.divisions;
  if (name) list = list.filter((d) => d.name.toLowerCase() === name.toLowerCase());
  if (ids.length) list = list.filter((d) => ids.includes(d.id));
  sendJson(
    ctx.res,
    200,
    page(
      list.map((d) => divisionJson(d)),
      ctx.query,
      '/api/v2/authorization/divisions',
    ),
  );
}

function divisionsPermitted(ctx: RouteContext): void {
  const permission = ctx.query.get('permission');
  if (!permission) return sendError(ctx.res, 400, 'bad.request', 'The permission query parameter is required');
  const p = permittedDivisions(ctx.org, ctx.principal, permission);
  const list = ctx.org.divisions.filter((d) => p.ids.has(d.id)).map((d) => divisionJson(d));
  const body: DivsPermittedEntityListing = {
    ...page(list, ctx.query, '/api/v2/authorization/divisionspermitted/paged/me'),
    allDivsPermitted: p.all,
  };
  sendJson(ctx.res, 200, body);
}

function permissions(ctx: RouteContext): void {
  const queryType = ctx.query.get('queryType');
  const q = (ctx.query.get('query') ?? '').toLowerCase();
  let perms = catalogOf(ctx.org);
  if (q && queryType === 'domain') perms = perms.filter((p) => p.domain.toLowerCase().startsWith(q));
  else if (q) perms = perms.filter((p) => `${p.domain}:${p.entityType}:${p.action}`.toLowerCase().includes(q));
  sendJson(ctx.res, 200, page(collections(perms), ctx.query, '/api/v2/authorization/permissions'));
}

function products(ctx: RouteContext): void {
  const list = (ctx.org.config.products ?? []).map((id) => ({ id }));
  sendJson(ctx.res, 200, page(list, ctx.query, '/api/v2/authorization/products', 100));
}

function integrationType(ctx: RouteContext): void {
  const id = ctx.params.typeId!;
  if (!(ctx.org.config.integrationTypes ?? []).includes(id)) {
    return sendError(ctx.res, 404, 'not.found', `Integration type ${id} not found`, { id });
  }
  const body: IntegrationType = {
    id,
    name: id,
    description: `Fake integration type ${id}`,
    provider: 'fake',
    category: 'Premium App',
    nonInstallable: false,
    selfUri: `/api/v2/integrations/types/${id}`,
  };
  sendJson(ctx.res, 200, body);
}

/** The inspection routes. */
export const inspectRoutes: Route[] = [
  { method: 'GET', template: '/api/v2/tokens/me', handle: tokensMe },
  { method: 'GET', template: '/api/v2/authorization/subjects/me', handle: subjectsMe },
  { method: 'GET', template: '/api/v2/authorization/roles/{roleId}', handle: roleById },
  { method: 'GET', template: '/api/v2/authorization/divisions', handle: divisions },
  { method: 'GET', template: '/api/v2/authorization/divisionspermitted/paged/me', handle: divisionsPermitted },
  { method: 'GET', template: '/api/v2/authorization/permissions', handle: permissions },
  { method: 'GET', template: '/api/v2/authorization/products', handle: products },
  { method: 'GET', template: '/api/v2/integrations/types/{typeId}', handle: integrationType },
];
