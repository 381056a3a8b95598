/**
 * Authorization logic of the fake: wildcard policy matching, divisions where a principal
 * holds a permission, and requirement checks that yield the real 403 `ErrorBody`s
 * (`missing.any.permissions` / `missing.permissions`, design §1).
 */
import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '../../src/genesys/models.js';
import { ALL_DIVISIONS, type FakePrincipal, type OrgState } from './state.js';
import type { FakePolicy, FakeRequirement } from './types.js';

/** True when `policy` grants `permission` (`domain:entity:action`); `*` matches any domain, entity or action. */
export function policyGrants(policy: FakePolicy, permission: string): boolean {
  const [domain, entity, action] = permission.split(':');
  if (!domain || !entity || !action) return false;
  const domainOk = policy.domain === '*' || policy.domain === domain;
  const entityOk = policy.entityName === '*' || policy.entityName === entity;
  const actionOk = policy.actionSet.includes('*') || policy.actionSet.includes(action);
  return domainOk && entityOk && actionOk;
}

/** Divisions where `principal` holds `permission`: `all` when a `*` grant carries it, else the division ids. */
export function permittedDivisions(
  org: OrgState,
  principal: FakePrincipal,
  permission: string,
): { all: boolean; ids: Set<string> } {
  const ids = new Set<string>();
  let all = false;
  for (const g of principal.grants) {
    const role = org.roles.get(g.roleId);
    if (
      !role ||
      !(
        role.permissionPolicies.some((p) => policyGrants(p, permission)) || role.legacyPermissions?.includes(permission)
      )
    )
      continue;
    if (g.divisionId === ALL_DIVISIONS) all = true;
    else ids.add(g.divisionId);
  }
  if (all) for (const d of org.divisions) ids.add(d.id);
  return { all, ids };
}

/** True when `principal` holds `permission` in `division` (`'any'` = in at least one division). */
export function holds(org: OrgState, principal: FakePrincipal, permission: string, division: string | 'any'): boolean {
  const p = permittedDivisions(org, principal, permission);
  if (division === 'any') return p.all || p.ids.size > 0;
  return p.all || p.ids.has(division);
}

/** A fresh context id, as Genesys puts in every ErrorBody. */
export function contextId(): string {
  return randomUUID();
}

/**
 * Checks a requirement for `principal` in `division`. Returns null when allowed, else the
 * 403 ErrorBody Genesys sends: ANY → `missing.any.permissions` "You must have at least one of
 * the following permissions assigned: ..."; ALL → `missing.permissions` "You are missing the
 * following permission(s): ..." (listing only the missing ones).
 */
export function checkRequirement(
  org: OrgState,
  principal: FakePrincipal,
  req: FakeRequirement,
  division: string | 'any',
): ErrorBody | null {
  if (!req.permissions.length) return null;
  const held = (p: string) => holds(org, principal, p, division);
  if (req.mode === 'ANY') {
    if (req.permissions.some(held)) return null;
    const list = req.permissions.join(', ');
    return {
      message: `You must have at least one of the following permissions assigned: ${list}`,
      code: 'missing.any.permissions',
      status: 403,
      messageWithParams: 'You must have at least one of the following permissions assigned: {permissions}',
      messageParams: { permissions: list },
      contextId: contextId(),
      details: [],
      errors: [],
    };
  }
  const missing = req.permissions.filter((p) => !held(p));
  if (!missing.length) return null;
  const list = missing.join(', ');
  return {
    message: `You are missing the following permission(s): ${list}`,
    code: 'missing.permissions',
    status: 403,
    messageWithParams: 'You are missing the following permission(s): {permissions}',
    messageParams: { permissions: list },
    contextId: contextId(),
    details: [],
    errors: [],
  };
}

/**
 * Scope check for user tokens (client-credentials tokens are not limited by scopes, SDK
 * `OrgOAuthClient`). A scope `X` also admits `X:readonly`. Returns a 403 `not.authorized`
 * ErrorBody when no listed scope is held (the fake's wording; Genesys' exact text for a
 * missing scope is not documented in the SDK).
 */
export function checkScopes(principal: FakePrincipal, scopes: string[] | undefined): ErrorBody | null {
  if (principal.kind !== 'user' || !scopes?.length) return null;
  const held = new Set(principal.scopes);
  const ok = scopes.some((s) => held.has(s) || (s.endsWith(':readonly') && held.has(s.slice(0, -':readonly'.length))));
  if (ok) return null;
  return {
    message: `The OAuth client's scopes do not admit this operation; it needs one of: ${scopes.join(', ')}`,
    code: 'not.authorized',
    status: 403,
    messageParams: { scopes: scopes.join(', ') },
    contextId: contextId(),
    details: [],
    errors: [],
  };
}
