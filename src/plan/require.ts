/**
 * Require stage: planned calls → Requirements, joined with the operation catalog (pure).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { PlannedCall, Requirement, Resource } from '../types.js';
import { resourceLabel } from './index.js';

function lookupCall(catalog: Catalog, call: string) {
  const i = call.indexOf(' ');
  return catalog.lookup(call.slice(0, i), call.slice(i + 1));
}

/** `unverifiable` text of a call the catalog does not describe. */
export const NOT_IN_CATALOG = 'the operation is not in the catalog';

/**
 * What each call of a resource needs. Calls the catalog does not know (or outside /api/v2) become
 * requirements with `unverifiable` set, never silently dropped, unless the call states what it
 * `requires` (a documented rule, e.g. the Architect Scripting session's `architect:ui:view`).
 * Duplicate operations of one resource (same method, path, division and `requires`) are folded
 * into the first. Each requirement carries its call's `source`.
 */
export function requirementsFor(r: Resource, calls: readonly PlannedCall[], catalog: Catalog): Requirement[] {
  const out: Requirement[] = [];
  const seen = new Set<string>();
  const label = resourceLabel(r);
  for (const c of calls) {
    // A fixed division (e.g. Home, where an object without one is created) wins over the resource's.
    const division = c.division ?? (c.divisionBound ? r.division : null);
    const operation = `${c.method} ${c.path}`;
    const key = `${operation}@${division ?? ''}${c.requires ? `#${c.requires.values.join(',')}` : ''}${c.requiresOf ? `#${c.requiresOf}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const req: Requirement = {
      resource: label,
      action: r.action,
      operation,
      purpose: c.purpose,
      scopes: [],
      scopesUnknown: false,
      permissions: null,
      division,
      location: c.location ?? r.location,
    };
    if (c.when) req.when = c.when;
    if (division !== null && c.division === undefined && r.divisionLocation) req.divisionLocation = r.divisionLocation;
    if (c.source) req.source = c.source;
    const op = c.path.startsWith('/api/v2/') ? catalog.lookup(c.method, c.path) : undefined;
    const of = !c.requires && c.requiresOf ? lookupCall(catalog, c.requiresOf) : undefined;
    if (of) {
      // A division move: the object's edit permission (its update's), under the move's own scopes.
      req.scopes = op?.scopes ?? of.scopes;
      req.scopesUnknown = op ? op.scopesUnknown : of.scopesUnknown;
      req.permissions = of.permissions;
    } else if (c.requires) {
      // A step the catalog does not describe (an Archy SESSION) may state its scopes: [] = none of its own.
      req.scopes = op?.scopes ?? c.scopes ?? [];
      req.scopesUnknown = op ? op.scopesUnknown : c.scopes === undefined;
      // A plan table's frozen set is shared like the catalog's (verdicts are memoised per set).
      req.permissions = Object.isFrozen(c.requires)
        ? c.requires
        : { mode: c.requires.mode, values: [...c.requires.values] };
    } else if (!op) {
      req.unverifiable =
        c.note ??
        (c.path.startsWith('/api/v2/')
          ? NOT_IN_CATALOG
          : 'the call is outside /api/v2 and has no published permission requirement');
      req.scopesUnknown = true;
    } else {
      req.scopes = op.scopes;
      req.scopesUnknown = op.scopesUnknown;
      // Shared with the catalog (frozen): the evaluator memoises verdicts per permission set.
      req.permissions = op.permissions;
    }
    out.push(req);
  }
  return out;
}
