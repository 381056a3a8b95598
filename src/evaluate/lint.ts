/**
 * Lint of declared permissions and scopes: every name must exist in the catalog
 * (`unknown-permission` / `unknown-scope`, with did-you-mean). Invented names such as
 * `architect:flow:write`, `wfm:schedule:write` or `apps:manage` grant nothing.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { DeclaredName, Finding, Principal, Resource, SourceLocation } from '../types.js';
import { closest } from '../util/suggest.js';
import { isKnownPermission, isPermissionShape } from './permissions.js';

/** Findings for one permission name used somewhere (`where` says where, for the message). */
export function lintPermission(value: string, catalog: Catalog, where: string, location?: SourceLocation): Finding | undefined {
  if (isKnownPermission(value, catalog.permissions)) return undefined;
  const shape = isPermissionShape(value);
  const hint = closest(value, catalog.permissions);
  const f: Finding = {
    severity: 'warning',
    code: 'unknown-permission',
    message: shape
      ? `${where}: "${value}" is not a Genesys Cloud permission${hint ? ` (did you mean "${hint}"?)` : ''}; it grants nothing`
      : `${where}: "${value}" is not a permission (expected domain:entity:action)${hint ? `; did you mean "${hint}"?` : ''}`,
    missing: [value],
  };
  if (hint) f.fix = `replace "${value}" with "${hint}"`;
  if (location) f.location = location;
  return f;
}

/** Findings for one OAuth scope name. */
export function lintScope(value: string, catalog: Catalog, where: string, location?: SourceLocation): Finding | undefined {
  if (catalog.scopes.has(value)) return undefined;
  const hint = closest(value, catalog.scopes);
  const f: Finding = {
    severity: 'warning',
    code: 'unknown-scope',
    message: `${where}: "${value}" is not a Genesys Cloud OAuth scope${hint ? ` (did you mean "${hint}"?)` : ''}; it admits nothing`,
    missing: [value],
  };
  if (hint) f.fix = `replace "${value}" with "${hint}"`;
  if (location) f.location = location;
  return f;
}

/** Lints a principal's role permissions and scopes. Each distinct (role, permission) is reported once. */
export function lintPrincipal(p: Principal, catalog: Catalog, orgName: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of p.roles) {
    for (const perm of r.permissions) {
      const key = `${r.role}\u0000${perm.permission}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const f = lintPermission(perm.permission, catalog, `role ${r.role}`, perm.location);
      if (f) out.push(f);
    }
  }
  for (const s of p.scopes) {
    const f = lintScope(s, catalog, `org ${orgName} scopes`, p.scopesLocation);
    if (f) out.push(f);
  }
  return out;
}

/** Lints the permission and scope names resources carry from their inputs (wizard configs, plans). */
export function lintDeclaredNames(resources: readonly Resource[], catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    for (const n of (r.details.declaredNames as DeclaredName[] | undefined) ?? []) {
      const key = `${n.kind}\u0000${n.value}\u0000${n.location.file}:${n.location.line}:${n.location.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const f = n.kind === 'permission' ? lintPermission(n.value, catalog, n.where, n.location) : lintScope(n.value, catalog, n.where, n.location);
      if (f) out.push(f);
    }
  }
  return out;
}
