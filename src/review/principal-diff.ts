/**
 * What a pull request changes in the principals its manifest declares.
 *
 * Offline verdicts rest on `orgs[].principal` and `roles:`, which the pull request itself can
 * edit: a PR can make its own check pass by granting itself more. This module compares the
 * declared principals of the base branch's manifest with the PR's and lists every change, so
 * the PR comment and job summary can show a reviewer exactly what the PR grants itself.
 *
 * Pure: both sides are validated manifests ({@link ManifestV1}); reading the base is `base.ts`.
 */
import type { ManifestV1, PermissionDecl } from '../manifest/types.js';

/** Genesys grants a role in the Home division unless told otherwise (same default as offline grants). */
const DEFAULT_DIVISION = 'Home';

/** One change to an org's declared principal. `widens` is true when the PR grants more than the base. */
export type PrincipalChange =
  | { org: string; kind: 'org-added'; widens: true; grant: string }
  | { org: string; kind: 'org-removed'; widens: false }
  | { org: string; kind: 'principal-added'; widens: true; grant: string }
  | { org: string; kind: 'principal-removed'; widens: false }
  | { org: string; kind: 'grant-type'; widens: boolean; from: string; to: string }
  | { org: string; kind: 'scopes-added' | 'scopes-removed'; widens: boolean; scopes: string[] }
  /** An `accept:` entry (org `*`: every org) added, widened (a matcher dropped, a later expiry) or removed. */
  | {
      org: string;
      kind: 'accept-added' | 'accept-widened' | 'accept-removed';
      widens: boolean;
      entry: string;
      reason: string;
    }
  | {
      org: string;
      kind: 'permissions-added' | 'permissions-removed' | 'conditions-removed' | 'conditions-added';
      widens: boolean;
      role: string;
      /** Permission policies as written (`architect:flow:*`), sorted. */
      permissions: string[];
      /** Division names as written (`*` = all divisions), sorted. */
      divisions: string[];
    };

/** The comparison of two manifests' declared principals. */
export interface PrincipalDiff {
  /** Every change, widening ones first, then by org name. */
  changes: PrincipalChange[];
  /** True when at least one change grants more than the base declared. */
  widens: boolean;
}

interface Held {
  role: string;
  permission: string;
  division: string;
  conditional: boolean;
}

interface OrgView {
  grant: string | undefined;
  scopes: Set<string>;
  /** Keyed by role, permission and division (NUL-separated: names cannot contain NUL). */
  held: Map<string, Held>;
}

/**
 * Compares the declared principals of `base` (the base branch's manifest) and `head` (the PR's).
 * Orgs are matched by name; a role's effective permissions come from `roles:` on each side, so
 * a PR that edits a role's definition shows up as permissions added to or removed from each org
 * that holds it, in each division it is granted in.
 * @param orgs when given, only these org names are compared (the run's org selection)
 */
export function diffPrincipals(base: ManifestV1, head: ManifestV1, orgs?: readonly string[]): PrincipalDiff {
  const wanted = orgs && orgs.length ? new Set(orgs.map((o) => o.toLowerCase())) : undefined;
  const pick = (m: ManifestV1) => {
    const out = new Map<string, OrgView | null>();
    for (const org of Array.isArray(m.orgs) ? m.orgs : []) {
      if (wanted && !wanted.has(org.name.toLowerCase())) continue;
      out.set(org.name, viewOf(m, org.principal));
    }
    return out;
  };
  const before = pick(base);
  const after = pick(head);
  const changes: PrincipalChange[] = [];
  for (const [org, now] of after) {
    if (!before.has(org)) {
      if (now) changes.push({ org, kind: 'org-added', widens: true, grant: now.grant ?? 'client-credentials' });
      else changes.push({ org, kind: 'org-added', widens: true, grant: 'none declared' });
      if (now) changes.push(...heldChanges(org, emptyView(), now));
      continue;
    }
    const was = before.get(org) ?? null;
    if (!was && now) {
      changes.push({ org, kind: 'principal-added', widens: true, grant: now.grant ?? 'client-credentials' });
      changes.push(...heldChanges(org, emptyView(), now));
      continue;
    }
    if (was && !now) {
      changes.push({ org, kind: 'principal-removed', widens: false });
      continue;
    }
    if (!was || !now) continue;
    if ((was.grant ?? '') !== (now.grant ?? '')) {
      // A user grant is limited by scopes; client credentials are not: moving to them widens.
      changes.push({
        org,
        kind: 'grant-type',
        widens: now.grant === 'client-credentials',
        from: was.grant ?? '',
        to: now.grant ?? '',
      });
    }
    const added = [...now.scopes].filter((s) => !was.scopes.has(s)).sort();
    const removed = [...was.scopes].filter((s) => !now.scopes.has(s)).sort();
    if (added.length) changes.push({ org, kind: 'scopes-added', widens: true, scopes: added });
    if (removed.length) changes.push({ org, kind: 'scopes-removed', widens: false, scopes: removed });
    changes.push(...heldChanges(org, was, now));
  }
  for (const org of before.keys()) if (!after.has(org)) changes.push({ org, kind: 'org-removed', widens: false });
  changes.push(...acceptChanges(base, head, wanted));
  changes.sort((a, b) => Number(b.widens) - Number(a.widens) || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));
  return { changes, widens: changes.some((c) => c.widens) };
}

const MATCHERS = ['code', 'org', 'resource', 'operation', 'permission'] as const;
type Entry = Partial<Record<(typeof MATCHERS)[number] | 'expires' | 'reason', string>>;

function entriesOf(m: ManifestV1): Entry[] {
  const list = (m as { accept?: unknown }).accept;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && !Array.isArray(e))
    .map((e) => {
      const out: Entry = {};
      for (const k of [...MATCHERS, 'expires', 'reason'] as const) {
        const v = e[k];
        if (typeof v === 'string') out[k] = v;
        else if (v instanceof Date) out[k] = v.toISOString().slice(0, 10);
      }
      return out;
    });
}

const describeEntry = (e: Entry) =>
  MATCHERS.filter((k) => e[k] !== undefined)
    .map((k) => `${k} ${e[k]}`)
    .join(', ') + (e.expires ? `, until ${e.expires}` : '');

/** `wide` accepts at least what `narrow` does: its matchers are a subset, its expiry no earlier. */
function covers(wide: Entry, narrow: Entry): boolean {
  if (!MATCHERS.every((k) => wide[k] === undefined || wide[k] === narrow[k])) return false;
  if (wide.expires === undefined) return true;
  return narrow.expires !== undefined && wide.expires >= narrow.expires;
}

/**
 * Changes of the manifest's `accept:` list (an acceptance silences findings, so adding or widening
 * one is called out like a grant). The side file .genesys-preflight-accept.yml is not compared.
 */
function acceptChanges(base: ManifestV1, head: ManifestV1, wanted: Set<string> | undefined): PrincipalChange[] {
  const before = entriesOf(base);
  const after = entriesOf(head);
  const inScope = (e: Entry) => !wanted || e.org === undefined || wanted.has(e.org.toLowerCase());
  const same = (a: Entry, b: Entry) =>
    [...MATCHERS, 'expires'].every((k) => a[k as keyof Entry] === b[k as keyof Entry]);
  const out: PrincipalChange[] = [];
  for (const e of after.filter(inScope)) {
    if (before.some((b) => same(b, e))) continue;
    const widened = before.some((b) => covers(e, b));
    out.push({
      org: e.org ?? '*',
      kind: widened ? 'accept-widened' : 'accept-added',
      widens: true,
      entry: describeEntry(e),
      reason: e.reason ?? '',
    });
  }
  for (const b of before.filter(inScope)) {
    if (after.some((e) => same(b, e) || covers(e, b))) continue;
    out.push({
      org: b.org ?? '*',
      kind: 'accept-removed',
      widens: false,
      entry: describeEntry(b),
      reason: b.reason ?? '',
    });
  }
  return out;
}

function emptyView(): OrgView {
  return { grant: undefined, scopes: new Set(), held: new Map() };
}

function viewOf(m: ManifestV1, decl: ManifestV1['orgs'][number]['principal']): OrgView | null {
  if (!decl) return null;
  const held = new Map<string, Held>();
  const roles = m.roles ?? {};
  for (const grant of decl.roles ?? []) {
    const def = Object.hasOwn(roles, grant.role) ? roles[grant.role] : undefined;
    for (const p of def?.permissions ?? []) {
      const { permission, conditional } = permissionOf(p);
      for (const division of grant.divisions ?? [DEFAULT_DIVISION]) {
        const key = `${grant.role}\0${permission}\0${division}`;
        const prev = held.get(key);
        // The same permission unconditional anywhere in the role wins over a conditional copy.
        held.set(key, {
          role: grant.role,
          permission,
          division,
          conditional: prev ? prev.conditional && conditional : conditional,
        });
      }
    }
  }
  return { grant: decl.grant, scopes: new Set(decl.scopes ?? []), held };
}

function permissionOf(p: PermissionDecl): { permission: string; conditional: boolean } {
  return typeof p === 'string'
    ? { permission: p, conditional: false }
    : { permission: p.permission, conditional: p.condition !== undefined };
}

type Kind = 'permissions-added' | 'permissions-removed' | 'conditions-removed' | 'conditions-added';

/** Held-permission changes of one org, grouped per role and division set (one line per group). */
function heldChanges(org: string, was: OrgView, now: OrgView): PrincipalChange[] {
  // kind → role → permission → divisions
  const groups = new Map<Kind, Map<string, Map<string, string[]>>>();
  const add = (kind: Kind, h: Held) => {
    let byRole = groups.get(kind);
    if (!byRole) groups.set(kind, (byRole = new Map()));
    let byPerm = byRole.get(h.role);
    if (!byPerm) byRole.set(h.role, (byPerm = new Map()));
    const divisions = byPerm.get(h.permission);
    if (divisions) divisions.push(h.division);
    else byPerm.set(h.permission, [h.division]);
  };
  for (const [key, h] of now.held) {
    const prev = was.held.get(key);
    if (!prev) add('permissions-added', h);
    else if (prev.conditional && !h.conditional) add('conditions-removed', h);
    else if (!prev.conditional && h.conditional) add('conditions-added', h);
  }
  for (const [key, h] of was.held) if (!now.held.has(key)) add('permissions-removed', h);

  const out: PrincipalChange[] = [];
  for (const kind of ['permissions-added', 'conditions-removed', 'permissions-removed', 'conditions-added'] as const) {
    const byRole = groups.get(kind);
    if (!byRole) continue;
    const widens = kind === 'permissions-added' || kind === 'conditions-removed';
    for (const [role, byPerm] of [...byRole].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // Permissions that share the same division set read as one line.
      const bySet = new Map<string, { divisions: string[]; permissions: string[] }>();
      for (const [permission, divisions] of byPerm) {
        const sorted = [...new Set(divisions)].sort();
        const k = sorted.join('\0');
        const g = bySet.get(k);
        if (g) g.permissions.push(permission);
        else bySet.set(k, { divisions: sorted, permissions: [permission] });
      }
      for (const g of bySet.values())
        out.push({ org, kind, widens, role, permissions: g.permissions.sort(), divisions: g.divisions });
    }
  }
  return out;
}
