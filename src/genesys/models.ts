/**
 * Response/request shapes of the Genesys Cloud Platform API v2, after the official SDK
 * models (MyPureCloud/platform-client-sdk-*, `build/docs/<Model>.md`; JSON keys as in the
 * models' attribute maps). Only the fields this project reads are declared; every field
 * is optional in the SDK unless noted, so readers must tolerate absence.
 */

/** SDK `NamedEntity`: `{id, name}` reference. */
export interface NamedEntity {
  id: string;
  name?: string;
}

/** SDK `RoleDivision`: one role granted to an OAuth client in one division (`*` = all). */
export interface RoleDivision {
  /** Role to be associated with the given division which forms a grant. */
  roleId: string;
  /** Division associated with the given role which forms a grant; `*` means all divisions. */
  divisionId: string;
}

/** SDK `OrgOAuthClient` enum `authorizedGrantType`. */
export type OAuthGrantType = 'CODE' | 'TOKEN' | 'SAML2BEARER' | 'PASSWORD' | 'CLIENT_CREDENTIALS';

/**
 * SDK `OrgOAuthClient` (the `OAuthClient` of `TokenInfo`).
 * "Scopes only apply to clients not using the client_credential grant";
 * "Roles and divisions only apply to clients using the client_credential grant".
 */
export interface OrgOAuthClient {
  id?: string;
  name: string;
  authorizedGrantType?: OAuthGrantType | string;
  /** Scopes requested by the client (non-client-credentials grants only). */
  scope?: string[];
  /** Roles × divisions of the client (client-credentials grant only). */
  roleDivisions?: RoleDivision[];
  /** `active` | `disabled` | `inactive`. */
  state?: string;
  organization?: NamedEntity;
}

/** SDK `TokenInfo`, returned by `GET /api/v2/tokens/me`. Note the JSON key `OAuthClient`. */
export interface TokenInfo {
  /** The current organization. */
  organization?: NamedEntity;
  /** The token's home organization (differs from `organization` for trustee/cloned users). */
  homeOrganization?: NamedEntity;
  /** The list of scopes authorized for the OAuth client. */
  authorizedScope?: string[];
  /** Only present when a user is a clone of a trustee user in the trustor org (SDK `TokenInfoClonedUser`). */
  clonedUser?: { id?: string; organization?: NamedEntity };
  /** ISO-8601 date/time when the token is due to expire. */
  dateTokenIdles?: string;
  OAuthClient?: OrgOAuthClient;
}

/** SDK `AuthzDivision`. */
export interface AuthzDivision {
  id: string;
  name: string;
  description?: string;
  /** True for the org's "Home" (default) division. */
  homeDivision?: boolean;
  /** Count of objects in this division, grouped by type (only with `objectCount=true`). */
  objectCounts?: Record<string, number>;
  selfUri?: string;
}

/** SDK `AuthzGrantPolicy`: one permission policy of a granted role. */
export interface AuthzGrantPolicy {
  /** Actions, `*` = any. */
  actions: string[];
  /** Condition expression, when the policy is conditional (cannot be verified statically). */
  condition?: string;
  domain: string;
  /** Entity name, `*` = any. */
  entityName: string;
}

/** SDK `AuthzGrantRole`: the role of a grant, with its policies. */
export interface AuthzGrantRole {
  id: string;
  name: string;
  description?: string;
  policies?: AuthzGrantPolicy[];
  default?: boolean;
  selfUri?: string;
}

/** SDK `AuthzGrant`: one role granted in one division. */
export interface AuthzGrant {
  subjectId: string;
  division: AuthzDivision;
  role: AuthzGrantRole;
  /** ISO-8601. */
  grantMadeAt?: string;
}

/** SDK `AuthzSubject`, returned by `GET /api/v2/authorization/subjects/me`. */
export interface AuthzSubject {
  id: string;
  name?: string;
  grants: AuthzGrant[];
  version?: number;
  selfUri?: string;
}

/** Common paging fields of SDK `*EntityListing` models. */
export interface PagedListing<T> {
  entities: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  firstUri?: string;
  selfUri?: string;
  nextUri?: string;
  previousUri?: string;
  lastUri?: string;
}

/** SDK `DivsPermittedEntityListing`, returned by `GET /api/v2/authorization/divisionspermitted/paged/me?permission=P`. */
export interface DivsPermittedEntityListing extends PagedListing<AuthzDivision> {
  /** True when the subject holds the permission in all divisions (a `*` grant). */
  allDivsPermitted?: boolean;
}

/** SDK `AuthzDivisionEntityListing`, returned by `GET /api/v2/authorization/divisions`. */
export type AuthzDivisionEntityListing = PagedListing<AuthzDivision>;

/** SDK `DomainPermissionPolicy`: a policy of an organization role. */
export interface DomainPermissionPolicy {
  domain: string;
  /** `*` = any entity. */
  entityName: string;
  policyName?: string;
  policyDescription?: string;
  /** Actions, `*` = any. */
  actionSet: string[];
  namedResources?: string[];
  allowConditions?: boolean;
  /** SDK `DomainResourceConditionNode` (opaque here): present when the policy is conditional. */
  resourceConditionNode?: Record<string, unknown>;
}

/** SDK `DomainOrganizationRole`, returned by `GET /api/v2/authorization/roles/{roleId}`. */
export interface DomainOrganizationRole {
  id: string;
  name: string;
  description?: string;
  defaultRoleId?: string;
  /** Flattened `domain:entity:action` strings. */
  permissions?: string[];
  permissionPolicies: DomainPermissionPolicy[];
  userCount?: number;
  base?: boolean;
  default?: boolean;
  selfUri?: string;
}

/** SDK `DomainPermission`: one permission of the catalog. */
export interface DomainPermission {
  domain: string;
  entityType: string;
  action: string;
  label?: string;
  allowsConditions?: boolean;
  divisionAware?: boolean;
}

/** SDK `DomainPermissionCollection`: the permissions of one domain; `permissionMap` is keyed by entity type. */
export interface DomainPermissionCollection {
  /** The domain name, e.g. `architect`. */
  id: string;
  name?: string;
  domain?: string;
  permissionMap: Record<string, DomainPermission[]>;
  selfUri?: string;
}

/** SDK `PermissionCollectionEntityListing`, returned by `GET /api/v2/authorization/permissions`. */
export type PermissionCollectionEntityListing = PagedListing<DomainPermissionCollection>;

/** SDK `DomainOrganizationProduct`. */
export interface DomainOrganizationProduct {
  id: string;
}

/** SDK `OrganizationProductEntityListing`, returned by `GET /api/v2/authorization/products`. */
export type OrganizationProductEntityListing = PagedListing<DomainOrganizationProduct>;

/** SDK `IntegrationType`, returned by `GET /api/v2/integrations/types/{typeId}` (404 when not available). */
export interface IntegrationType {
  id: string;
  name?: string;
  description?: string;
  provider?: string;
  category?: string;
  nonInstallable?: boolean;
  maxInstances?: number;
  /** Permissions required to permit user access to the integration type. */
  userPermissions?: string[];
  /** OAuth client ids that must be authorized when the integration is created. */
  vendorOAuthClientIds?: string[];
  selfUri?: string;
}

/** SDK `Detail` of an `ErrorBody`. */
export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

/**
 * SDK `ErrorBody`: the body of every Platform API error. 403 codes include
 * `missing.any.permissions`, `missing.permissions`, `not.authorized`; 429 codes
 * `too.many.requests.retry.after`, `too.many.requests`.
 */
export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  entityId?: string;
  entityName?: string;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  contextId?: string;
  details?: ErrorDetail[];
  errors?: ErrorBody[];
  /** SDK `Limit` (rate-limit details), opaque here. */
  limit?: Record<string, unknown>;
}

/** Error body of `POST /oauth/token` (OAuth 2.0 style, RFC 6749 §5.2; Genesys also sends `description`). */
export interface OAuthErrorBody {
  error: string;
  description?: string;
  error_description?: string;
}

/** Success body of `POST https://login.{host}/oauth/token` (RFC 6749 §5.1). `expires_in` is in seconds. */
export interface AccessTokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}
