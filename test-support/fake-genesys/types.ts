/**
 * Configuration and handle types of the fake Genesys Cloud server (tests and demos only).
 * Org files given to `scripts/fake-genesys.ts` are JSON documents of type {@link FakeOrg}.
 */

/** A role × division grant; `divisionId` `*` = all divisions (present and future). */
export interface FakeRoleDivision {
  roleId: string;
  divisionId: string;
}

/** A client-credentials OAuth client of an org (SDK `OrgOAuthClient` with `roleDivisions`). */
export interface FakeClient {
  clientId: string;
  clientSecret: string;
  name: string;
  roleDivisions: FakeRoleDivision[];
  /** `authorizedScope` reported by `/api/v2/tokens/me` (Genesys ignores scopes for this grant). Default []. */
  scopes?: string[];
}

/** A user with a ready access token (a user-grant token: the user's roles, limited by `scopes`). */
export interface FakeUser {
  id: string;
  name: string;
  accessToken: string;
  scopes: string[];
  grants: FakeRoleDivision[];
  /** Name of the OAuth client the token was issued to (default `Fake user-grant client`). */
  clientName?: string;
}

/** A permission policy of a role (SDK `DomainPermissionPolicy`); `*` allowed for domain, entity and action. */
export interface FakePolicy {
  domain: string;
  entityName: string;
  actionSet: string[];
  /** Condition text; the fake treats conditional policies as satisfied, but reports the condition. */
  conditions?: string;
}

/** A role (SDK `DomainOrganizationRole`). */
export interface FakeRole {
  id: string;
  name: string;
  description?: string;
  permissionPolicies: FakePolicy[];
  /**
   * Legacy single-name permissions the role grants (`admin`, as the swagger's ANY lists name it),
   * listed in the SDK model's `permissions` besides the policy-derived names.
   */
  legacyPermissions?: string[];
}

/** A division (SDK `AuthzDivision`). When no division is `homeDivision`, one named `Home` is, else one is added. */
export interface FakeDivision {
  id: string;
  name: string;
  homeDivision?: boolean;
  description?: string;
}

/** One permission of the org's catalog: `domain:entity:action`, or with flags (SDK `DomainPermission`). */
export type FakeCatalogEntry =
  | string
  | { permission: string; divisionAware?: boolean; allowsConditions?: boolean; label?: string };

/** Existing objects for the deploy endpoints. `division` is a division id or name (default Home). */
export interface FakeObjects {
  flows?: Array<{ id?: string; name: string; type: string; division?: string }>;
  scripts?: Array<{ id?: string; name: string; division?: string; published?: boolean }>;
  scheduleGroups?: Array<{ id?: string; name: string; division?: string }>;
  businessUnits?: Array<{ id?: string; name: string; division?: string }>;
  managementUnits?: Array<{ id?: string; name: string; businessUnitId?: string; division?: string }>;
}

/** One org hosted by the fake. */
export interface FakeOrg {
  id: string;
  name: string;
  /** Home org id reported by `/api/v2/tokens/me` (default: this org). */
  homeOrgId?: string;
  clients: FakeClient[];
  users?: FakeUser[];
  roles: FakeRole[];
  divisions: FakeDivision[];
  /** Permissions the org's products enable; default: every concrete permission appearing in roles. */
  permissionCatalog?: FakeCatalogEntry[];
  /** Integration type ids available (`GET /api/v2/integrations/types/{typeId}` answers 404 for others). */
  integrationTypes?: string[];
  /** Product ids for `GET /api/v2/authorization/products`. */
  products?: string[];
  objects?: FakeObjects;
}

/** What an operation requires (the preflight's catalog entry): swagger `x-inin-requires-permissions`. */
export interface FakeRequirement {
  mode: 'ANY' | 'ALL';
  permissions: string[];
  /** False: checked in any division. Default true (checked in the target division). */
  divisionAware?: boolean;
  /** OAuth scopes admitting the call (any one); enforced for user tokens only, when given. */
  scopes?: string[];
}

/** Looks up the requirement of `METHOD /api/v2/template` (e.g. `POST`, `/api/v2/flows/{flowId}/versions`); null = none. */
export type RequirementLookup = (method: string, pathTemplate: string) => FakeRequirement | null | undefined;

/** Where a fault applies. All given fields must match. */
export interface FaultScope {
  /** Org id (for `/oauth/token`: the org of the client id in the Basic header). */
  org?: string;
  method?: string;
  /** Exact path, or a RegExp tested on the path (no query). */
  path?: string | RegExp;
  /** How many matching requests it hits; omitted = every one. */
  times?: number;
}

/** An injected fault. */
export type FaultSpec = FaultScope &
  (
    | { kind: 'latency'; ms: number }
    | { kind: 'rate-limit'; retryAfterSeconds?: number }
    | { kind: 'server-error'; status?: number }
    | { kind: 'hang' }
    | { kind: 'malformed-json' }
    | { kind: 'reset' }
    | { kind: 'reject-token' }
  );

/** Start options of the fake. */
export interface FakeGenesysConfig {
  orgs: FakeOrg[];
  /** Latency added to every request, ms. */
  latencyMs?: number;
  faults?: FaultSpec[];
  /** Permission requirement per operation; without it no permission is enforced on deploy calls. */
  requirements?: RequirementLookup;
  /**
   * `'METHOD /api/v2/template'` operations the fake does not model, served after enforcement by a
   * generic answer (200 `{}`; 204 for DELETE): a differential replay can then compare every planned
   * call's 403 with the preflight's verdict, whatever the fake models. Modelled routes win.
   */
  enforceOnly?: readonly string[];
  /** Per-token rate limit → 429 `too.many.requests.retry.after` (default none). */
  rateLimit?: { requests: number; windowMs?: number };
  /** `expires_in` of issued tokens, seconds (default 86 400). */
  tokenTtlSeconds?: number;
  /** Served at `GET /api/v2/docs/swagger` without a token (the public API docs); 404 when absent. */
  swagger?: unknown;
  /** Port to bind on 127.0.0.1 (default 0 = ephemeral). */
  port?: number;
}

/** One request as seen by the fake. */
export interface FakeCall {
  method: string;
  path: string;
  /** Query string without `?`. */
  query: string;
  status: number;
  /** Org id, when known (from the token or client id). */
  org?: string;
  /** Operation template matched, e.g. `/api/v2/flows/{flowId}`. */
  template?: string;
  ms: number;
  /** Fault applied, if any. */
  fault?: FaultSpec['kind'];
}

/** A running fake. */
export interface FakeGenesys {
  /** `http://127.0.0.1:PORT` (API base). */
  apiBase: string;
  /** Same origin (login base; `/oauth/token` lives here). */
  loginBase: string;
  url: string;
  port: number;
  /** Every request, in arrival order. */
  calls: FakeCall[];
  /** Adds a fault at runtime; returns a function removing it. */
  setFault(fault: FaultSpec): () => void;
  /** Removes every fault (or those of one org). */
  clearFaults(org?: string): void;
  /** Sets the global latency, ms. */
  setLatency(ms: number): void;
  /** API requests made with `token` (any status). */
  requestsForToken(token: string): number;
  /** Arrival times (ms, `performance.now()`) of API requests made with `token`. */
  requestTimesForToken(token: string): number[];
  /** Tokens issued by `POST /oauth/token`, newest last. */
  issuedTokens(): string[];
  /** Closes the server (and destroys open sockets, hung ones included). */
  close(): Promise<void>;
}
