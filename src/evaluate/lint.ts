/**
 * Lint of declared permission and scope names (`unknown-permission` / `unknown-scope`, warnings).
 *
 * Offline, a name is checked against the bundled vocabulary (src/catalog/vocabulary.ts: swagger, provider
 * resource_permissions, CX-as-Code docs, wizard config, Architect Scripting docs, JS SDK docs, Resource
 * Center) and the operation catalog in use. A name outside them is "not in the bundled vocabulary", never
 * "does not exist": the bundled sources do not list every permission of every product. In live mode the
 * org's own permission catalog (GET /api/v2/authorization/permissions) settles it.
 *
 * Did-you-mean only fixes spelling (vocabulary.ts suggestPermission): a known action is never swapped for
 * another. An invented scope (`architect:flow:write`) points at its real family (`architect`,
 * `architect:readonly`).
 */
import type { Catalog } from '../catalog/catalog.js';
import { bundledCatalog } from '../catalog/bundled.js';
import { bundledVocabulary, scopeFamily, suggestPermission } from '../catalog/vocabulary.js';
import type { DeclaredName, Finding, Principal, Resource, SourceLocation } from '../types.js';
import { closest, MAX_SUGGESTIONS } from '../util/suggest.js';
import { isKnownPermission, isPermissionShape, policyCovers } from './permissions.js';

/** What the lint knows about the org being checked. */
export interface LintContext {
  /** The org's name, for messages. */
  org?: string;
  /**
   * Live mode: every permission of the org's permission catalog (GET /api/v2/authorization/permissions,
   * `domain:entityType:action` of each DomainPermission). When given, it decides instead of the vocabulary.
   */
  orgPermissions?: ReadonlySet<string>;
}

/** Per-call memo of suggestions, bounded: after MAX_SUGGESTIONS distinct names no more are computed. */
type Suggest = (value: string, known: ReadonlySet<string>) => string | undefined;

function memoSuggest(): Suggest {
  const memo = new Map<ReadonlySet<string>, Map<string, string | undefined>>();
  let count = 0;
  return (value, known) => {
    let m = memo.get(known);
    if (!m) memo.set(known, (m = new Map()));
    if (m.has(value)) return m.get(value);
    if (count >= MAX_SUGGESTIONS) return undefined;
    count++;
    const s = suggestPermission(value, known);
    m.set(value, s);
    return s;
  };
}

/** True when the org's catalog has the permission (a wildcard: covers one of its permissions). */
function inOrgCatalog(value: string, org: ReadonlySet<string>): boolean {
  if (org.has(value)) return true;
  if (!value.includes('*')) return false;
  for (const p of org) if (policyCovers(value, p)) return true;
  return false;
}

/** ` nor in the operation catalog X` when the run uses another catalog than the bundled one. */
function otherCatalog(catalog: Catalog): string {
  return catalog === bundledCatalog() ? '' : ` nor in the operation catalog (${catalog.version})`;
}

/**
 * The finding for one permission name used somewhere (`where` says where, for the message), or undefined
 * when the name is known. Offline: known = in the vocabulary or the catalog (a wildcard: covers a known
 * name), or a premium app's own `integration:<app>:view`. Live (`ctx.orgPermissions`): known = in the org's
 * catalog. Always a warning.
 */
export function lintPermission(
  value: string,
  catalog: Catalog,
  where: string,
  location?: SourceLocation,
  ctx: LintContext = {},
  suggest: Suggest = suggestPermission,
): Finding | undefined {
  const vocabulary = bundledVocabulary();
  const shape = isPermissionShape(value);
  let head: string;
  let tail = '';
  let hint: string | undefined;
  if (ctx.orgPermissions) {
    if (inOrgCatalog(value, ctx.orgPermissions)) return undefined;
    hint = shape ? suggest(value, ctx.orgPermissions) : undefined;
    const org = ctx.org ? `org ${ctx.org}'s` : "the org's";
    if (!shape) {
      head = `${where}: "${value}" is not a permission (expected domain:entity:action) nor in ${org} catalog`;
    } else if (isKnownPermission(value, catalog.permissions)) {
      head = `${where}: \`${value}\` is not in ${org} permission catalog (GET /api/v2/authorization/permissions)`;
      tail =
        ", though the bundled vocabulary knows it: the org's products do not include it, so it grants nothing there";
    } else {
      head =
        `${where}: \`${value}\` is not in ${org} permission catalog (GET /api/v2/authorization/permissions) ` +
        `nor in the bundled vocabulary (${vocabulary.describe('permission')})`;
      tail = '; it grants nothing there';
    }
  } else {
    if (isKnownPermission(value, catalog.permissions)) return undefined;
    hint = shape ? suggest(value, catalog.permissions) : closest(value, catalog.permissions);
    if (shape) {
      const names = vocabulary.describe('permission');
      head = `${where}: \`${value}\` is not in the bundled vocabulary (${names})${otherCatalog(catalog)}`;
      tail = "; a live check settles it against the org's permission catalog";
    } else {
      head = `${where}: "${value}" is not a permission (expected domain:entity:action)`;
    }
  }
  const message = `${head}${hint ? ` (did you mean "${hint}"?)` : ''}${tail}`;
  const f: Finding = { severity: 'warning', code: 'unknown-permission', message, missing: [value] };
  if (hint) f.fix = `if it is a typo, replace "${value}" with "${hint}"`;
  if (location) f.location = location;
  return f;
}

/**
 * The finding for one OAuth scope name, or undefined when the vocabulary or the catalog knows it. An
 * invented scope whose first segment is a known scope points at that family and its `:readonly` twin;
 * otherwise a close known scope is suggested. Always a warning.
 */
export function lintScope(
  value: string,
  catalog: Catalog,
  where: string,
  location?: SourceLocation,
): Finding | undefined {
  if (catalog.scopes.has(value)) return undefined;
  const vocabulary = bundledVocabulary();
  const family = scopeFamily(value, catalog.scopes);
  const head = `${where}: "${value}" is not an OAuth scope in the bundled vocabulary (${vocabulary.describe('scope')})`;
  const f: Finding = { severity: 'warning', code: 'unknown-scope', message: '', missing: [value] };
  if (family) {
    const [rw, ro] = family;
    const options = ro ? `"${rw}" (read-write) or "${ro}" (read-only)` : `"${rw}"`;
    f.message = `${head}; scopes name a family, not an object or action: use ${options}`;
    f.fix = `replace "${value}" with ${options}`;
  } else {
    const hint = closest(value, catalog.scopes);
    f.message = `${head}${hint ? ` (did you mean "${hint}"?)` : ''}; it admits nothing`;
    if (hint) f.fix = `replace "${value}" with "${hint}"`;
  }
  if (location) f.location = location;
  return f;
}

/**
 * Lints a principal's role permissions and scopes. Each distinct (role, permission) is reported once.
 * `ctx.orgPermissions` (live) settles the permissions against the org's catalog.
 */
export function lintPrincipal(p: Principal, catalog: Catalog, orgName: string, ctx: LintContext = {}): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const suggest = memoSuggest();
  const c: LintContext = { org: orgName, ...ctx };
  for (const r of p.roles) {
    for (const perm of r.permissions) {
      const key = `${r.role}\u0000${perm.permission}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const f = lintPermission(perm.permission, catalog, `role ${r.role}`, perm.location, c, suggest);
      if (f) out.push(f);
    }
  }
  for (const s of p.scopes) {
    const f = lintScope(s, catalog, `org ${orgName} scopes`, p.scopesLocation);
    if (f) out.push(f);
  }
  return out;
}

/**
 * Lints the permission and scope names resources carry from their inputs (wizard configs, plans).
 * `ctx.orgPermissions` (live) settles the permissions against the org's catalog.
 */
export function lintDeclaredNames(resources: readonly Resource[], catalog: Catalog, ctx: LintContext = {}): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const suggest = memoSuggest();
  for (const r of resources) {
    for (const n of ('declaredNames' in r.details ? r.details.declaredNames : undefined) ?? []) {
      const key = `${n.kind}\u0000${n.value}\u0000${n.location.file}:${n.location.line}:${n.location.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const f =
        n.kind === 'permission'
          ? lintPermission(n.value, catalog, n.where, n.location, ctx, suggest)
          : lintScope(n.value, catalog, n.where, n.location);
      if (f) out.push(f);
    }
  }
  return out;
}
