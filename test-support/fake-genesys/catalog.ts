/** The permission catalog of a fake org (`GET /api/v2/authorization/permissions`, SDK `DomainPermission`). */
import type { DomainPermission, DomainPermissionCollection } from '../../src/genesys/models.js';
import { policyPermissions, type OrgState } from './state.js';

/** Per configured `permissionCatalog` array: its entries, and the division-awareness by permission. */
const built = new WeakMap<object, { perms: DomainPermission[]; aware: Map<string, boolean | undefined> }>();

/**
 * Catalog entries of an org: its `permissionCatalog`, or every concrete (wildcard-free) permission of its roles.
 * The list may be shared between calls: read it, never modify it.
 */
export function catalogOf(org: OrgState): DomainPermission[] {
  return indexed(org).perms;
}

/**
 * The org's catalog and its division-awareness index: built once for a configured
 * `permissionCatalog` (a fixed list; thousands of entries for a scenario org), every time for one
 * derived from the roles (which a test may change).
 */
function indexed(org: OrgState): { perms: DomainPermission[]; aware: Map<string, boolean | undefined> } {
  const configured = org.config.permissionCatalog;
  const hit = configured && built.get(configured);
  if (hit) return hit;
  const perms = build(
    configured ?? [...org.roles.values()].flatMap((r) => r.permissionPolicies.flatMap(policyPermissions)),
  );
  const aware = new Map<string, boolean | undefined>(
    perms.map((p) => [`${p.domain}:${p.entityType}:${p.action}`, p.divisionAware] as const),
  );
  const out = { perms, aware };
  if (configured) built.set(configured, out);
  return out;
}

function build(entries: NonNullable<OrgState['config']['permissionCatalog']>): DomainPermission[] {
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
  return indexed(org).aware.get(permission);
}
