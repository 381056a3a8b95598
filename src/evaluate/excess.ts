/**
 * Excess privilege: what the deploy principal holds that no planned call of the manifest(s) needs
 * (issue 15; the analogue of IAM Access Analyzer's unused-access findings). Pure: requirements ×
 * principal → findings with the exact removal step, and the sizes for the summary.
 *
 * Rules, per role grant (role × its divisions), against the requirements' permission sets:
 * - a policy entry is *used* when it covers (evaluate/permissions.ts `policyCovers`) a member of a
 *   needed set in a division the role is granted in (an org-wide need: any division);
 * - a role none of whose entries is used is not needed at all: one `excess-permission` finding for
 *   the role (remove the grant), not one per entry;
 * - an unused entry of a used role: `excess-permission` (remove it from the role);
 * - a used wildcard entry (`architect:*:*`, `*:*:*`): `wildcard-grant`, narrowed to the needed
 *   permissions it covers (for an ANY set, its least-privileged covered member);
 * - a division the role is granted in where none of its used entries is needed: `excess-division`;
 *   a grant in all divisions (`*`): `wildcard-grant`, narrowed to the divisions the needs name;
 * - a role named like a Genesys default administrator role: `admin-role`.
 * Conditional policy entries (conditions cannot be evaluated offline) are reported like the others.
 */
import type { DivisionRef, Finding, Principal, Requirement, RoleGrant, Severity } from '../types.js';
import { leastPrivileged, policyCovers } from './permissions.js';

/**
 * Default administrator roles of a Genesys Cloud org, by name (Resource Center, "Default roles and
 * permissions", https://help.mypurecloud.com/articles/default-roles-and-permissions/: "Master Admin"
 * holds every permission; "Admin" is the legacy administrator role). Compared case-insensitively.
 */
export const ADMIN_ROLE_NAMES: readonly string[] = ['Master Admin', 'Admin'];

/** Options of the excess analysis. */
export interface ExcessOptions {
  /** Severity of the findings (`notice` by default; the workflow may raise them to warnings). */
  severity?: Extract<Severity, 'notice' | 'warning'>;
  /**
   * Concrete permission names wildcards are counted against for the summary sizes (the bundled
   * vocabulary offline, the org's permission catalog live).
   */
  vocabulary?: ReadonlySet<string>;
}

/** The summary sizes: "holds 1,412 permissions in 6 divisions; this manifest needs 23 in 2". */
export interface ExcessSizes {
  held: { permissions: number; divisions: number | 'all' };
  needed: { permissions: number; divisions: number };
}

/** What the excess analysis found for one org. */
export interface ExcessResult {
  findings: Finding[];
  sizes: ExcessSizes;
}

interface Need {
  values: readonly string[];
  mode: 'ANY' | 'ALL';
  /** Null: org-wide (a grant in any division serves it). */
  division: string | null;
}

const WILDCARD_DIVISION = (d: DivisionRef) => d.name === '*' || d.id === '*';
const sameDivision = (d: DivisionRef, name: string) =>
  d.name.toLowerCase() === name.toLowerCase() || (d.id !== undefined && d.id === name);

function needsOf(requirements: readonly Requirement[]): Need[] {
  const seen = new Set<string>();
  const out: Need[] = [];
  for (const q of requirements) {
    if (!q.permissions || q.unverifiable || q.permissions.values.length === 0) continue;
    const key = `${q.permissions.mode}|${q.permissions.values.join(',')}|${q.division ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ values: q.permissions.values, mode: q.permissions.mode, division: q.division });
  }
  return out;
}

/** Whether role grant `g` applies where need `n` is checked. */
function servesDivision(g: RoleGrant, n: Need): boolean {
  if (n.division === null) return g.divisions.length > 0;
  return g.divisions.some((d) => WILDCARD_DIVISION(d) || sameDivision(d, n.division!));
}

const code = (s: string) => `\`${s}\``;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The excess of one org's principal over what `requirements` need. `org` names the org in messages.
 * Findings carry `remedy`-free fixes in words ("remove `x` from role R") and the role in `resource`
 * (`role:<name>`), so the report groups them per role.
 */
export function excessFor(
  org: string,
  principal: Principal,
  requirements: readonly Requirement[],
  opts: ExcessOptions = {},
): ExcessResult {
  const severity = opts.severity ?? 'notice';
  const needs = needsOf(requirements);
  const findings: Finding[] = [];
  const push = (f: Omit<Finding, 'severity'>) => findings.push({ severity, ...f });

  for (const g of principal.roles) {
    const where = `org ${org}: role ${g.role}`;
    const base = { resource: `role:${g.role}`, ...(g.location ? { location: g.location } : {}) };
    if (ADMIN_ROLE_NAMES.some((n) => n.toLowerCase() === g.role.toLowerCase())) {
      push({
        ...base,
        code: 'admin-role',
        message: `${where} is a Genesys default administrator role: the deploy client can change anything in the org`,
        fix: `replace role ${g.role} with the least-privilege roles (genesys-preflight policy)`,
      });
    }
    // Per entry: the needs it serves in this grant's divisions, and the members it covers there.
    const used = new Map<string, { covered: Set<string>; divisions: Set<string | null> }>();
    for (const n of needs) {
      if (!servesDivision(g, n)) continue;
      for (const pp of g.permissions) {
        const covered = n.values.filter((v) => policyCovers(pp.permission, v));
        if (covered.length === 0) continue;
        const u = used.get(pp.permission) ?? { covered: new Set<string>(), divisions: new Set<string | null>() };
        // An ANY set needs one member: the least-privileged one this entry covers.
        for (const v of n.mode === 'ANY' ? [leastPrivileged(covered)] : covered) u.covered.add(v);
        u.divisions.add(n.division);
        used.set(pp.permission, u);
      }
    }
    if (used.size === 0) {
      if (g.permissions.length === 0) continue;
      push({
        ...base,
        code: 'excess-permission',
        message: `${where} (${plural(g.permissions.length, 'permission')}) is not needed by any planned call of this manifest`,
        fix: `remove the grant of role ${g.role} from the deploy client`,
        missing: g.permissions.map((p) => p.permission),
      });
      continue;
    }
    for (const pp of g.permissions) {
      const u = used.get(pp.permission);
      if (!u) {
        push({
          ...base,
          code: 'excess-permission',
          message: `${where} grants ${code(pp.permission)}, which no planned call of this manifest needs`,
          fix: `remove ${code(pp.permission)} from role ${g.role}`,
          missing: [pp.permission],
        });
      } else if (pp.permission.includes('*')) {
        const narrow = [...u.covered].sort();
        push({
          ...base,
          code: 'wildcard-grant',
          message: `${where} grants ${code(pp.permission)}; the planned calls need only ${narrow.map(code).join(', ')} of it`,
          fix: `replace ${code(pp.permission)} in role ${g.role} with ${narrow.map(code).join(', ')}`,
          missing: narrow,
        });
      }
    }
    // Divisions: the ones the used entries are needed in (org-wide needs: any one division).
    const neededIn = new Set<string>();
    let orgWide = false;
    for (const u of used.values()) for (const d of u.divisions) d === null ? (orgWide = true) : neededIn.add(d);
    if (g.divisions.some(WILDCARD_DIVISION)) {
      const list = [...neededIn].sort();
      const target = list.length ? list : ['Home'];
      push({
        ...base,
        code: 'wildcard-grant',
        message: `${where} is granted in all divisions (*); the planned calls need it in ${target.map(code).join(', ')}${list.length ? '' : ' (org-wide calls only: any one division)'}`,
        fix: `grant role ${g.role} in ${target.join(', ')} instead of *`,
        division: '*',
      });
      continue;
    }
    const named = g.divisions.filter((d) => [...neededIn].some((n) => sameDivision(d, n)));
    // Org-wide needs alone are served by one division: keep the first granted one.
    const keep = named.length === 0 && orgWide ? g.divisions.slice(0, 1) : named;
    for (const d of g.divisions) {
      if (keep.includes(d)) continue;
      push({
        ...base,
        code: 'excess-division',
        message: `${where} is granted in division ${d.name}, where no planned call of this manifest needs it`,
        fix: `remove the grant of role ${g.role} in division ${d.name}`,
        division: d.name,
      });
    }
  }
  return { findings, sizes: sizesOf(principal, needs, opts.vocabulary) };
}

function sizesOf(principal: Principal, needs: readonly Need[], vocabulary?: ReadonlySet<string>): ExcessSizes {
  const held = new Set<string>();
  for (const g of principal.roles) {
    for (const pp of g.permissions) {
      if (!pp.permission.includes('*') || !vocabulary) held.add(pp.permission);
      else for (const v of vocabulary) if (policyCovers(pp.permission, v)) held.add(v);
    }
  }
  const all = principal.roles.some((g) => g.divisions.some(WILDCARD_DIVISION));
  const divisions = new Set(principal.roles.flatMap((g) => g.divisions.map((d) => d.name.toLowerCase())));
  const needed = new Set<string>();
  for (const n of needs) needed.add(n.mode === 'ANY' ? leastPrivileged(n.values) : n.values.join('\u0000'));
  const neededPerms = new Set([...needed].flatMap((k) => k.split('\u0000')));
  const neededDivs = new Set(needs.filter((n) => n.division !== null).map((n) => n.division!.toLowerCase()));
  return {
    held: { permissions: held.size, divisions: all ? 'all' : divisions.size },
    needed: { permissions: neededPerms.size, divisions: Math.max(neededDivs.size, needs.length ? 1 : 0) },
  };
}

/** "holds 1,412 permissions in 6 divisions; this manifest needs 23 in 2" */
export function describeSizes(s: ExcessSizes): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const held = `holds ${plural(s.held.permissions, 'permission').replace(/^\d+/, n(s.held.permissions))} in ${s.held.divisions === 'all' ? 'all divisions' : plural(s.held.divisions, 'division')}`;
  return `${held}; this manifest needs ${n(s.needed.permissions)} in ${plural(s.needed.divisions, 'division')}`;
}
