/**
 * Live grants: what the deploy principal really holds in each org, read from Genesys Cloud with
 * the token request and read-only GETs only (design card §1, "Read-only inspection endpoints").
 *
 * Chain per org (each step's failure is explained in the finding it yields):
 *   POST login/oauth/token → GET /api/v2/tokens/me (org, home org, authorizedScope, OAuthClient)
 *   → GET /api/v2/authorization/subjects/me (grants: role policies × divisions; fallback: the
 *     client's roleDivisions + GET /api/v2/authorization/roles/{roleId})
 *   → GET /api/v2/authorization/divisions (names → ids; unknown divisions are located errors)
 *   → GET /api/v2/authorization/permissions (the org's permission catalog: entitlements)
 *   → GET /api/v2/authorization/divisionspermitted/paged/me?permission=P per distinct permission
 *   → GET /api/v2/integrations/types/{typeId} per premium app.
 * The number of calls grows with the distinct permissions and integration types, never with
 * the number of resources.
 */
import { GenesysApiError, GenesysAuthError, GenesysNetworkError } from '../genesys/errors.js';
import { createHash } from 'node:crypto';
import { GenesysClient, type ClientCredentialsConfig, type GenesysClientOptions } from '../genesys/client.js';
import { GenesysProxyError, ProxyConfigError, runNetwork, type Network } from '../genesys/transport.js';
import { resolveRegion } from '../genesys/regions.js';
import { allowedHost } from '../genesys/hosts.js';
import { mapLimit } from '../genesys/concurrency.js';
import type {
  AuthzDivision,
  AuthzSubject,
  DivsPermittedEntityListing,
  DomainOrganizationRole,
  DomainPermissionCollection,
  TokenInfo,
} from '../genesys/models.js';
import type { GrantsReader, OrgGrants } from './types.js';
import type { OrgDecl } from '../manifest/types.js';
import type { LoadedManifest } from '../manifest/load.js';
import type {
  DivisionRef,
  Finding,
  PolicyPermission,
  Principal,
  Requirement,
  Resource,
  RoleGrant,
  SourceLocation,
} from '../types.js';
import { fatal } from '../util/errors.js';
import {
  cxAsCodeSetNames,
  describeMissing,
  readCredentials,
  requiredLive,
  selectedOrgCount,
  selectsOneOrg,
} from './credentials.js';

/** Options of the live reader. */
export interface LiveOptions {
  env: NodeJS.ProcessEnv;
  /**
   * Called with every secret and token the moment it is read (the action passes core.setSecret):
   * client secrets, access tokens, issued tokens; never client ids or other values.
   */
  setSecret: (s: string) => void;
  /** The org selection (`--org`, input `orgs`; empty = every org): one selected org may use GENESYSCLOUD_*. */
  selection?: readonly string[];
  /** Orgs the workflow requires live (`--live-org`, input `live-orgs`; `*` = all): named in messages. */
  liveOrgs?: readonly string[];
  client?: GenesysClientOptions;
  /** Concurrent divisionspermitted requests per org. Default 4. */
  perOrgConcurrency?: number;
  /**
   * Benchmark baseline only: one divisionspermitted request per requirement and permission
   * (what a tool without batching does) instead of one per distinct permission.
   */
  naive?: boolean;
  /** Called with each org's client when done (benchmarks and tests count calls). */
  onClient?: (org: string, client: GenesysClient) => void;
}

/** A failed inspection step, turned into a finding. */
class StepFailure extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

/** The preflight client's own needs per inspection step (what to add when a step answers 403). */
const STEP_NEEDS: Record<string, string> = {
  'GET /api/v2/tokens/me': 'OAuth scope `user-basic-info` (user tokens)',
  'GET /api/v2/authorization/roles/{roleId}': 'permission `authorization:role:view`',
  'GET /api/v2/integrations/types/{typeId}': 'permission `integrations:integration:view`',
};

/**
 * A client whose orgs share one OAuth client (same login base, client id and secret): every
 * such client asks `shared` for the token, so the first one's `POST /oauth/token` serves them
 * all, and they share that token's request budget (GenesysClient keys budgets by token).
 */
class SharedTokenClient extends GenesysClient {
  private readonly shared: { token?: Promise<string> };

  constructor(config: ClientCredentialsConfig, options: GenesysClientOptions, shared: { token?: Promise<string> }) {
    super(config, options);
    this.shared = shared;
  }

  override token(): Promise<string> {
    this.shared.token ??= super.token();
    return this.shared.token;
  }
}

/** Sharing key of an OAuth client: a hash of login base, client id and secret (no secret kept as a key). */
function clientKey(loginBase: string, clientId: string, clientSecret: string): string {
  const key = `${loginBase.replace(/\/+$/, '')}\u0000${clientId}\u0000${clientSecret}`;
  return createHash('sha256').update(key).digest('hex');
}

/** A host name for a message: only what parses as a URL host of letters, digits, `.`, `-`, `:`. */
function hostOf(base: string): string | undefined {
  try {
    const host = new URL(base).host;
    return /^[A-Za-z0-9.:[\]-]{1,253}$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the live GrantsReader. Orgs sharing one OAuth client share one token request. Every
 * client of the run uses the run's network (transport.ts `runNetwork`: one proxy-aware undici
 * dispatcher per environment, shared with `catalog: live`); its proxy passwords are masked.
 */
export function liveGrantsReader(opts: LiveOptions): GrantsReader {
  const tokens = new Map<string, { token?: Promise<string> }>();
  const selection = opts.selection ?? [];
  const liveOrgs = opts.liveOrgs ?? [];
  let network: Network | ProxyConfigError | undefined;
  const theNetwork = (): Network | ProxyConfigError => {
    if (network) return network;
    const c = opts.client ?? {};
    try {
      network =
        c.network ??
        runNetwork(opts.env, {
          ...(c.connectTimeoutMs !== undefined ? { connectTimeoutMs: c.connectTimeoutMs } : {}),
          ...(c.lookup ? { lookup: c.lookup } : {}),
          ...(c.ca ? { ca: c.ca } : {}),
        });
      for (const s of network.secrets) opts.setSecret(s);
    } catch (e) {
      if (!(e instanceof ProxyConfigError)) throw e;
      network = e;
    }
    return network;
  };
  return async (org, index, ctx) => {
    const orgLoc = ctx.loaded.locate(['orgs', index]);
    const credsLoc = ctx.loaded.locate(org.credentials ? ['orgs', index, 'credentials'] : ['orgs', index]);
    const single = selectsOneOrg(ctx.loaded.manifest, selection);
    const creds = readCredentials(org, opts.env, single, opts.setSecret);
    if ('missing' in creds) {
      const why = requiredLive(liveOrgs, org.name)
        ? 'the workflow requires a live check (live-orgs), but '
        : creds.partial
          ? ''
          : 'live mode needs credentials: ';
      const set = single ? undefined : cxAsCodeSetNames(opts.env);
      const n = selectedOrgCount(ctx.loaded.manifest, selection);
      const whose = set?.verb === 'apply' ? 'they are' : 'it is';
      const cx = set
        ? `; ${set.names} ${set.verb} only when one org is selected, and ${n} are (whose secret ${whose} ` +
          'would be a guess): select that org (orgs: / --org) or set its own variables'
        : '';
      const fix =
        'set them from your CI secrets (the names are fixed: GENESYS_<ORG>_CLIENT_ID and _CLIENT_SECRET, or ' +
        '_ACCESS_TOKEN; <ORG> is the org name in upper case with - as _)';
      const message = `org ${org.name}: ${why}${describeMissing(creds)}${cx}`;
      return { findings: [fatal('auth-failed', message, creds.partial ? credsLoc : orgLoc, fix)] };
    }
    const region = resolveRegion(org.region)!;
    const apiBase = org.credentials?.apiBase ?? region.apiBase;
    const loginBase = org.credentials?.loginBase ?? region.loginBase;
    for (const [key, base] of [
      ['apiBase', apiBase],
      ['loginBase', loginBase],
    ] as const) {
      if (!allowedHost(base, opts.env)) {
        const host = hostOf(base);
        return {
          findings: [
            fatal(
              'manifest-invalid',
              `org ${org.name}: credentials.${key}${host ? ` (host ${host})` : ''} is not a Genesys Cloud host; ` +
                'the credentials are not sent there',
              ctx.loaded.locate(['orgs', index, 'credentials', key]),
              'use the region (or https://api.{host} / https://login.{host} of a Genesys Cloud region); ' +
                'to allow another host, set GENESYS_PREFLIGHT_ALLOW_HOSTS to its name',
            ),
          ],
        };
      }
    }
    const findings: Finding[] = [];
    if (creds.region) {
      const credRegion = resolveRegion(creds.region);
      if (credRegion && credRegion.id !== region.id) {
        findings.push({
          severity: 'error',
          code: 'region-mismatch',
          message: `org ${org.name}: GENESYSCLOUD_REGION is ${credRegion.id} but the manifest says ${region.id}; the deploy would call ${credRegion.host}`,
          fix: `make GENESYSCLOUD_REGION and orgs[].region agree`,
          location: ctx.loaded.locate(['orgs', index, 'region']),
        });
      }
    }
    const net = theNetwork();
    if (net instanceof ProxyConfigError) {
      const fix = `set ${net.variable} to http://host:port (or http://user:password@host:port), or unset it`;
      return { findings: [...findings, fatal('unverifiable', `org ${org.name}: ${net.message}`, orgLoc, fix)] };
    }
    const clientOptions: GenesysClientOptions = { ...opts.client, network: net, onSecret: opts.setSecret };
    let client: GenesysClient;
    if (creds.kind === 'client-credentials') {
      const key = clientKey(loginBase, creds.clientId, creds.clientSecret);
      let shared = tokens.get(key);
      if (!shared) tokens.set(key, (shared = {}));
      const config = { apiBase, loginBase, clientId: creds.clientId, clientSecret: creds.clientSecret };
      client = new SharedTokenClient(config, clientOptions, shared);
    } else {
      // No token request; clients with the same token share its budget (GenesysClient keys budgets by token).
      client = new GenesysClient({ apiBase, accessToken: creds.accessToken }, clientOptions);
    }
    try {
      const result = await readOrg(
        client,
        org,
        index,
        ctx,
        creds.kind,
        { host: new URL(apiBase).host, loginHost: new URL(loginBase).host, source: creds.source },
        opts,
      );
      return { ...result, findings: [...findings, ...result.findings] };
    } catch (e) {
      if (e instanceof StepFailure) return { findings: [...findings, e.finding] };
      throw e;
    } finally {
      opts.onClient?.(org.name, client);
      await client.close();
    }
  };
}

interface Where {
  host: string;
  loginHost: string;
  source: string;
}

/** Runs one inspection GET; failures become a StepFailure with a finding explaining the step. */
async function step<T>(
  what: string,
  template: string,
  org: OrgDecl,
  where: Where,
  at: SourceLocation,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new StepFailure(explainFailure(e, what, template, org, where, at));
  }
}

function explainFailure(
  e: unknown,
  what: string,
  template: string,
  org: OrgDecl,
  where: Where,
  at: SourceLocation,
): Finding {
  if (e instanceof GenesysProxyError) {
    // The proxy by host:port and variable only (its URL may carry user:password).
    const via = `the proxy ${e.proxy} (${e.variable})`;
    if (e.proxyStatus === 407) {
      return fatal(
        'auth-failed',
        `org ${org.name}: ${via} answered 407 (proxy authentication required) while ${what}: ${e.host} was not reached`,
        at,
        `check the user and password in ${e.variable} (http://user:password@host:port), or name ${e.host} in NO_PROXY`,
      );
    }
    if (e.proxyStatus !== undefined) {
      return fatal(
        'unverifiable',
        `org ${org.name}: ${via} answered ${e.proxyStatus} instead of connecting to ${e.host} while ${what}`,
        at,
        `check that the proxy lets ${e.host} through, or name ${e.host} in NO_PROXY`,
      );
    }
    return fatal(
      'unverifiable',
      `org ${org.name}: could not reach ${e.host} through ${via} while ${what} ` +
        `(${e.causeKind}${e.code ? `: ${e.code}` : ''})`,
      at,
      `check ${e.variable} and that the proxy is running, or name ${e.host} in NO_PROXY`,
    );
  }
  if (e instanceof GenesysAuthError) {
    return fatal(
      'auth-failed',
      `org ${org.name}: ${where.loginHost} rejected the credentials from ${where.source} (${e.status}${e.error ? ` ${e.error}` : ''})`,
      at,
      `check the client id and secret, and that the OAuth client belongs to an org in region ${org.region} (${where.loginHost})`,
    );
  }
  if (e instanceof GenesysApiError) {
    if (e.status === 401)
      return fatal(
        'auth-failed',
        `org ${org.name}: the token was rejected by ${where.host} while ${what} (401 ${e.code ?? ''})`.trim(),
        at,
        'check the credentials and the region',
      );
    if (e.status === 403) {
      const need = STEP_NEEDS[template] ?? 'OAuth scope `authorization:readonly` (user tokens)';
      return fatal(
        'unverifiable',
        `org ${org.name}: this client cannot read its own grants: ${template} answered 403 while ${what}`,
        at,
        `add ${need} to the preflight's OAuth client`,
      );
    }
    return fatal(
      'unverifiable',
      `org ${org.name}: could not read grants from ${where.host} while ${what}: ${e.status} ${e.code ?? ''}`.trim(),
      at,
      'retry later; Genesys Cloud answered with an error',
    );
  }
  if (e instanceof GenesysNetworkError) {
    return fatal(
      'unverifiable',
      `org ${org.name}: could not reach ${where.host} while ${what} (${e.causeKind}${e.code ? `: ${e.code}` : ''})`,
      at,
      `check the region (${org.region}) and the network`,
    );
  }
  return fatal('unverifiable', `org ${org.name}: ${what} failed: ${(e as Error)?.message ?? String(e)}`, at);
}

async function readOrg(
  client: GenesysClient,
  org: OrgDecl,
  index: number,
  ctx: { loaded: LoadedManifest; requirements: Requirement[]; requiredPermissions: string[]; resources: Resource[] },
  kind: 'client-credentials' | 'access-token',
  where: Where,
  opts: LiveOptions,
): Promise<OrgGrants> {
  const at = ctx.loaded.locate(['orgs', index, 'credentials']);
  const findings: Finding[] = [];
  const token = await step('reading the token (GET /api/v2/tokens/me)', 'GET /api/v2/tokens/me', org, where, at, () =>
    client.get<TokenInfo>('/api/v2/tokens/me'),
  );
  const orgId = token.organization?.id ?? null;
  if (org.orgId && orgId && org.orgId.toLowerCase() !== orgId.toLowerCase()) {
    findings.push({
      severity: 'error',
      code: 'org-mismatch',
      message: `org ${org.name}: the credentials belong to org ${orgId}${token.organization?.name ? ` (${token.organization.name})` : ''}, not ${org.orgId}; a deploy with them would change the wrong org`,
      fix: `use the ${org.name} credentials, or correct orgs[].orgId`,
      location: ctx.loaded.locate(['orgs', index, 'orgId']),
    });
    return { findings, orgId };
  }
  if (token.homeOrganization?.id && orgId && token.homeOrganization.id !== orgId) {
    findings.push({
      severity: 'notice',
      code: 'org-mismatch',
      message: `org ${org.name}: the token is a trustee (partner) token from home org ${token.homeOrganization.id}${token.homeOrganization.name ? ` (${token.homeOrganization.name})` : ''}; its grants come from the trust`,
      location: at,
    });
  }
  const grantType =
    token.OAuthClient?.authorizedGrantType === 'CLIENT_CREDENTIALS' || kind === 'client-credentials'
      ? 'client-credentials'
      : 'user';

  // Everything below depends only on the token: read it in parallel (the critical path is
  // token → tokens/me → one round of GETs).
  const [divisions, subjectRoles, catalog, permittedList, typeFindings] = await Promise.all([
    step('listing divisions', 'GET /api/v2/authorization/divisions', org, where, at, () =>
      client.getAllPages<AuthzDivision>('/api/v2/authorization/divisions', {}, { pageSize: 100 }),
    ),
    readRoles(client, token, grantType, org, where, at),
    step('reading the permission catalog', 'GET /api/v2/authorization/permissions', org, where, at, () =>
      client.getAllPages<DomainPermissionCollection>('/api/v2/authorization/permissions', {}, { pageSize: 100 }),
    ),
    mapLimit(
      opts.naive ? ctx.requirements.flatMap((q) => q.permissions?.values ?? []) : ctx.requiredPermissions,
      opts.perOrgConcurrency ?? 8,
      (permission) =>
        step(
          `reading the divisions permitted for ${permission}`,
          'GET /api/v2/authorization/divisionspermitted/paged/me',
          org,
          where,
          at,
          () => readPermitted(client, permission),
        ),
    ),
    integrationTypeFindings(client, ctx.resources, org, where, at),
  ]);
  findings.push(...typeFindings);
  const home = divisions.find((d) => d.homeDivision);
  const refOf = (d: { id: string; name?: string }): DivisionRef[] => {
    if (d.id === '*') return [{ name: '*', id: '*' }];
    const name = d.name ?? divisions.find((x) => x.id === d.id)?.name ?? d.id;
    const refs: DivisionRef[] = [{ name, id: d.id }];
    if (home && d.id === home.id && name.toLowerCase() !== 'home') refs.push({ name: 'Home', id: d.id });
    return refs;
  };
  findings.push(...unknownDivisions(ctx.requirements, divisions, org));
  const roles = subjectRoles;
  for (const r of roles)
    r.divisions = r.divisions.flatMap((d) =>
      refOf({ id: d.id ?? d.name, ...(d.name !== d.id ? { name: d.name } : {}) }),
    );

  const available = new Set<string>();
  const divisionUnaware = new Set<string>();
  for (const c of catalog) {
    for (const list of Object.values(c.permissionMap ?? {})) {
      for (const p of list) {
        const name = `${p.domain}:${p.entityType}:${p.action}`;
        available.add(name);
        if (p.divisionAware === false) divisionUnaware.add(name);
      }
    }
  }
  const unavailable = new Set(ctx.requiredPermissions.filter((p) => !available.has(p)));
  findings.push(...entitlementFindings(ctx.requirements, unavailable, org));

  const permitted: NonNullable<Principal['permitted']> = {};
  (opts.naive ? ctx.requirements.flatMap((q) => q.permissions?.values ?? []) : ctx.requiredPermissions).forEach(
    (permission, i) => {
      const pages = permittedList[i]!;
      permitted[permission] = { all: pages.all, divisions: pages.divisions.flatMap((d) => refOf(d)) };
    },
  );

  const principal: Principal = {
    grant: grantType,
    scopes: token.authorizedScope ?? [],
    roles,
    source: 'live',
    permitted,
    unavailable,
    divisionUnaware,
  };
  return { principal, findings, orgId };
}

/** The subject's roles: subjects/me, or for a client-credentials client that cannot read it, its roleDivisions + roles. */
async function readRoles(
  client: GenesysClient,
  token: TokenInfo,
  grantType: string,
  org: OrgDecl,
  where: Where,
  at: SourceLocation,
): Promise<RoleGrant[]> {
  try {
    return rolesFromGrants(await client.get<AuthzSubject>('/api/v2/authorization/subjects/me'));
  } catch (e) {
    const roleDivisions = token.OAuthClient?.roleDivisions;
    if (!(e instanceof GenesysApiError) || grantType !== 'client-credentials' || !roleDivisions) {
      throw new StepFailure(
        explainFailure(e, 'reading its grants', 'GET /api/v2/authorization/subjects/me', org, where, at),
      );
    }
    return rolesFromRoleDivisions(client, roleDivisions, org, where, at);
  }
}

/** `entitlement-missing` for premium apps whose integration type the org does not have (404). */
async function integrationTypeFindings(
  client: GenesysClient,
  resources: Resource[],
  org: OrgDecl,
  where: Where,
  at: SourceLocation,
): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const r of resources) {
    if (r.kind !== 'premiumApp' || !r.orgs.includes(org.name)) continue;
    const typeId = String(r.details.integrationType);
    try {
      await client.get(`/api/v2/integrations/types/${encodeURIComponent(typeId)}`);
    } catch (e) {
      if (!(e instanceof GenesysApiError) || e.status !== 404) {
        throw new StepFailure(
          explainFailure(
            e,
            `checking integration type ${typeId}`,
            'GET /api/v2/integrations/types/{typeId}',
            org,
            where,
            at,
          ),
        );
      }
      out.push({
        severity: 'error',
        code: 'entitlement-missing',
        resource: `premiumApp:${r.name}`,
        message: `org ${org.name}: integration type ${typeId} is not available (GET /api/v2/integrations/types/${typeId} answered 404): the premium app is not enabled for this org`,
        fix: 'enable the premium app for the org (AppFoundry subscription) before installing it',
        location: r.location,
      });
    }
  }
  return out;
}

async function readPermitted(
  client: GenesysClient,
  permission: string,
): Promise<{ all: boolean; divisions: AuthzDivision[] }> {
  const divisions: AuthzDivision[] = [];
  let all = false;
  for (let page = 1; page <= 50; page++) {
    const listing = await client.get<DivsPermittedEntityListing>('/api/v2/authorization/divisionspermitted/paged/me', {
      permission,
      pageNumber: page,
      pageSize: 100,
    });
    all ||= listing.allDivsPermitted === true;
    divisions.push(...(listing.entities ?? []));
    if (!listing.pageCount || page >= listing.pageCount) break;
  }
  return { all, divisions };
}

/** Folds AuthzGrants (one per role × division) into RoleGrants with the role's policies. */
export function rolesFromGrants(subject: AuthzSubject): RoleGrant[] {
  const byRole = new Map<string, RoleGrant>();
  for (const g of subject.grants ?? []) {
    let r = byRole.get(g.role.id);
    if (!r) {
      r = {
        role: g.role.name,
        roleId: g.role.id,
        permissions: policiesToPermissions(g.role.policies ?? []),
        divisions: [],
      };
      byRole.set(g.role.id, r);
    }
    r.divisions.push({ name: g.division.name ?? g.division.id, id: g.division.id });
  }
  return [...byRole.values()];
}

function policiesToPermissions(
  policies: Array<{
    domain: string;
    entityName: string;
    actions?: string[];
    actionSet?: string[];
    condition?: string;
    resourceConditionNode?: unknown;
  }>,
): PolicyPermission[] {
  const out: PolicyPermission[] = [];
  for (const p of policies) {
    const conditional = Boolean(p.condition) || Boolean(p.resourceConditionNode);
    for (const a of p.actions ?? p.actionSet ?? [])
      out.push({ permission: `${p.domain}:${p.entityName}:${a}`, ...(conditional ? { conditional } : {}) });
  }
  return out;
}

async function rolesFromRoleDivisions(
  client: GenesysClient,
  roleDivisions: Array<{ roleId: string; divisionId: string }>,
  org: OrgDecl,
  where: Where,
  at: SourceLocation,
): Promise<RoleGrant[]> {
  const byRole = new Map<string, RoleGrant>();
  for (const rd of roleDivisions) {
    let r = byRole.get(rd.roleId);
    if (!r) {
      const role = await step(
        `reading role ${rd.roleId}`,
        'GET /api/v2/authorization/roles/{roleId}',
        org,
        where,
        at,
        () => client.get<DomainOrganizationRole>(`/api/v2/authorization/roles/${encodeURIComponent(rd.roleId)}`),
      );
      // Legacy single-name permissions (`admin`) appear only in the model's `permissions` list.
      const legacy = (role.permissions ?? []).filter((p) => !p.includes(':')).map((permission) => ({ permission }));
      r = {
        role: role.name,
        roleId: role.id,
        permissions: [...policiesToPermissions(role.permissionPolicies ?? []), ...legacy],
        divisions: [],
      };
      byRole.set(rd.roleId, r);
    }
    r.divisions.push({ name: rd.divisionId, id: rd.divisionId });
  }
  return [...byRole.values()];
}

function unknownDivisions(requirements: Requirement[], divisions: AuthzDivision[], org: OrgDecl): Finding[] {
  const names = new Set(divisions.map((d) => d.name.toLowerCase()));
  if (divisions.some((d) => d.homeDivision)) names.add('home');
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const q of requirements) {
    if (
      q.division === null ||
      q.division === '*' ||
      names.has(q.division.toLowerCase()) ||
      seen.has(`${q.resource}\u0000${q.division}`)
    )
      continue;
    seen.add(`${q.resource}\u0000${q.division}`);
    out.push(
      fatal(
        'manifest-invalid',
        `${q.resource}: division "${q.division}" does not exist in org ${org.name} (divisions: ${divisions.map((d) => d.name).join(', ')})`,
        q.divisionLocation ?? q.location,
        'create the division first, or correct the division name',
      ),
    );
  }
  return out;
}

function entitlementFindings(requirements: Requirement[], unavailable: Set<string>, org: OrgDecl): Finding[] {
  if (unavailable.size === 0) return [];
  const out: Finding[] = [];
  for (const q of requirements) {
    if (!q.permissions) continue;
    const { mode, values } = q.permissions;
    const missing = values.filter((p) => unavailable.has(p));
    if (missing.length === 0 || (mode === 'ANY' && missing.length < values.length)) continue;
    out.push({
      severity: 'error',
      code: 'entitlement-missing',
      resource: q.resource,
      operation: q.operation,
      division: q.division,
      missing,
      message: `${q.resource}: ${q.operation} needs ${missing.join(', ')}, which org ${org.name}'s permission catalog does not have: the product is not enabled, so no role can grant it`,
      fix: 'enable the Genesys Cloud product (licence/add-on) that provides it',
      location: q.location,
    });
  }
  return out;
}
