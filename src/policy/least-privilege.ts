/**
 * Least-privilege role(s) for one org: the smallest permission set, per division, that satisfies
 * every requirement of the deploy (`genesys-preflight policy`).
 *
 * 1. ALL sets and single-permission ANY sets are needed as they are.
 * 2. Each other ANY set is satisfied by a permission already chosen when one covers it, else by its
 *    least-privileged member (verb ranking in evaluate/permissions.ts); the choice is recorded.
 * 3. Pruning: every (permission, division) pair whose removal leaves all requirements satisfied is
 *    removed, most privileged first. The result is irredundant: removing any single permission from
 *    any division makes some requirement fail.
 * 4. Permissions needed in the same set of divisions share one role (a role is granted per division).
 * Org-wide requirements (no division) are satisfied by a grant in any division; new ones go to Home.
 */
import type { Requirement } from '../types.js';
import { leastPrivileged, privilegeRank } from '../evaluate/permissions.js';
import { HOME as HOME_DIVISION } from '../domain/divisions.js';

/** One generated role: its permissions and the divisions to grant it in. */
export interface PolicyRole {
  name: string;
  permissions: string[];
  divisions: string[];
}

/** A recorded choice among the members of an ANY set. */
export interface AnyChoice {
  operation: string;
  among: string[];
  chosen: string;
  why: string;
}

/** The least-privilege result for one org. */
export interface OrgPolicy {
  org: string;
  roles: PolicyRole[];
  /** OAuth scopes a user-grant client needs (ignored by client credentials). */
  scopes: string[];
  choices: AnyChoice[];
  /** Calls with no published requirement: the roles cannot cover them (check them by hand). */
  notCovered: string[];
  /** Distinct permissions the policy grants. */
  size: number;
  /** Distinct permissions named by all the operations' requirement lists (the naive union). */
  union: number;
}

type Need = { mode: 'ANY' | 'ALL'; values: string[]; division: string | null; operation: string };

/** `div` key for org-wide needs. */
const ANYWHERE = '\u0000any';

function needsOf(requirements: readonly Requirement[]): Need[] {
  const seen = new Set<string>();
  const out: Need[] = [];
  for (const q of requirements) {
    if (!q.permissions || q.unverifiable) continue;
    const key = `${q.permissions.mode}|${[...q.permissions.values].sort().join(',')}|${q.division ?? ANYWHERE}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ mode: q.permissions.mode, values: q.permissions.values, division: q.division, operation: q.operation });
  }
  return out;
}

/** chosen: permission → divisions it is granted in. */
type Chosen = Map<string, Set<string>>;

function held(chosen: Chosen, p: string, division: string | null): boolean {
  const divs = chosen.get(p);
  if (!divs || divs.size === 0) return false;
  return division === null || divs.has(division.toLowerCase()) || divs.has('*');
}

function satisfied(chosen: Chosen, n: Need): boolean {
  return n.mode === 'ANY'
    ? n.values.some((p) => held(chosen, p, n.division))
    : n.values.every((p) => held(chosen, p, n.division));
}

function add(chosen: Chosen, p: string, division: string | null, names: Map<string, string>): void {
  const d = division ?? HOME_DIVISION;
  names.set(d.toLowerCase(), names.get(d.toLowerCase()) ?? d);
  const set = chosen.get(p) ?? new Set<string>();
  if (division === null && set.size > 0) return; // any division will do
  set.add(d.toLowerCase());
  chosen.set(p, set);
}

/** Computes the least-privilege policy of one org from its requirements. */
export function leastPrivilegePolicy(org: string, requirements: readonly Requirement[]): OrgPolicy {
  const needs = needsOf(requirements);
  const chosen: Chosen = new Map();
  const names = new Map<string, string>();
  const choices: AnyChoice[] = [];
  // Division-bound needs first: an org-wide need is then often already met.
  const ordered = [...needs].sort(
    (a, b) =>
      Number(a.division === null) - Number(b.division === null) ||
      Number(a.mode === 'ANY' && a.values.length > 1) - Number(b.mode === 'ANY' && b.values.length > 1),
  );
  for (const n of ordered) {
    if (n.mode === 'ALL' || n.values.length === 1) {
      for (const p of n.values) if (!held(chosen, p, n.division)) add(chosen, p, n.division, names);
    }
  }
  for (const n of ordered) {
    if (n.mode !== 'ANY' || n.values.length === 1 || satisfied(chosen, n)) continue;
    const already = n.values.filter((p) => chosen.has(p));
    const pick = already.length ? leastPrivileged(already) : leastPrivileged(n.values);
    const why = already.length
      ? `already granted for another call; extending it avoids a new permission`
      : `least privileged of the set (${[...n.values].sort((a, b) => privilegeRank(a) - privilegeRank(b)).join(' < ')})`;
    if (!choices.some((c) => c.operation === n.operation && c.chosen === pick))
      choices.push({ operation: n.operation, among: n.values, chosen: pick, why });
    add(chosen, pick, n.division, names);
  }
  // Prune redundant (permission, division) pairs, most privileged first.
  const pairs = [...chosen.entries()]
    .flatMap(([p, ds]) => [...ds].map((d) => [p, d] as const))
    .sort((a, b) => privilegeRank(b[0]) - privilegeRank(a[0]) || a[0].localeCompare(b[0]));
  for (const [p, d] of pairs) {
    const ds = chosen.get(p)!;
    ds.delete(d);
    if (!needs.every((n) => satisfied(chosen, n))) ds.add(d);
    if (ds.size === 0) chosen.delete(p);
  }
  for (const c of choices) if (!chosen.has(c.chosen)) c.why += ' (later made redundant by another permission)';
  // Group by division set.
  const byDivisions = new Map<string, string[]>();
  for (const [p, ds] of chosen) {
    const key = [...ds].sort().join('\u0000');
    byDivisions.set(key, [...(byDivisions.get(key) ?? []), p]);
  }
  const roles: PolicyRole[] = [...byDivisions.entries()]
    .map(([key, perms]) => {
      const divisions = key.split('\u0000').map((d) => names.get(d) ?? d);
      return { name: `Deploy (${divisions.join(', ')})`, permissions: perms.sort(), divisions };
    })
    .sort((a, b) => b.permissions.length - a.permissions.length || a.name.localeCompare(b.name));
  const union = new Set(needs.flatMap((n) => n.values)).size;
  const notCovered = [...new Set(requirements.filter((q) => q.unverifiable).map((q) => q.operation))].sort();
  return { org, roles, scopes: scopesFor(requirements), choices, notCovered, size: chosen.size, union };
}

/**
 * A small scope set: one admitting scope per operation. Writes first (their scope, e.g. `architect`,
 * also admits the reads listing it); then reads not yet admitted get their `:readonly` scope.
 * Redundant scopes are pruned.
 */
function scopesFor(requirements: readonly Requirement[]): string[] {
  const chosen = new Set<string>();
  const lists = requirements
    .filter((q) => q.scopes.length > 0 && !q.unverifiable)
    .map((q) => ({ read: q.operation.startsWith('GET '), scopes: q.scopes }));
  const ordered = [...lists].sort((a, b) => Number(a.read) - Number(b.read) || a.scopes.length - b.scopes.length);
  for (const { read, scopes } of ordered) {
    if (scopes.some((s) => chosen.has(s))) continue;
    chosen.add(
      (read ? scopes.find((s) => s.endsWith(':readonly')) : scopes.find((s) => !s.endsWith(':readonly'))) ?? scopes[0]!,
    );
  }
  for (const s of [...chosen]) {
    chosen.delete(s);
    if (!lists.every((l) => l.scopes.some((x) => chosen.has(x)))) chosen.add(s);
  }
  return [...chosen].sort();
}
