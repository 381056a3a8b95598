/** The permission catalog of a fake org (`GET /api/v2/authorization/permissions`, SDK `DomainPermission`). */
import type { DomainPermission, DomainPermissionCollection } from '../../src/genesys/models.js';
import { policyPermissions, type OrgState } from './state.js';

/** Catalog entries of an org: its `permissionCatalog`, or every concrete (wildcard-free) permission of its roles. */
export function catalogOf(org: OrgState): DomainPermission[] {
  const entries =
    org.config.permissionCatalog ??
    [...org.roles.values()].flatMap((r) => r.permissionPolicies.flatMap(policyPermissions));
  const seen = new Map<string, DomainPermission>();
  for (const e of entries) {
    const spec = typeof e === 'string' ? { permission: e } : e;
    const [domain, entityType, action] = spec.permission.split(':');
    if (!domain || !entityType || !action || [domain, entityType, action].includes('*')) continue;
    if (seen.has(spec.permission)) continue;
    seen.set(spec.permission, {
      domain,
      entityType,
      action,
      label: spec.label ?? action,
      allowsConditions: spec.allowsConditions ?? false,
      divisionAware: spec.divisionAware ?? true,
    });
  }
  return [...seen.values()];
}

/** Groups catalog entries into one `DomainPermissionCollection` per domain, sorted by domain. */
export function collections(perms: DomainPermission[]): DomainPermissionCollection[] {
  const byDomain = new Map<string, DomainPermissionCollection>();
  for (const p of perms) {
    let c = byDomain.get(p.domain);
    if (!c) {
      c = {
        id: p.domain,
        name: p.domain,
        domain: p.domain,
        permissionMap: {},
        selfUri: `/api/v2/authorization/permissions/${p.domain}`,
      };
      byDomain.set(p.domain, c);
    }
    (c.permissionMap[p.entityType] ??= []).push(p);
  }
  return [...byDomain.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The `divisionAware` flag of `permission` in the org's catalog, or undefined when not listed. */
export function divisionAwareness(org: OrgState, permission: string): boolean | undefined {
  return catalogOf(org).find((p) => `${p.domain}:${p.entityType}:${p.action}` === permission)?.divisionAware;
}
