/** Groups the structured fixes of findings into one line per role and division. */
import type { Finding } from '../types.js';
import { cached } from '../util/memo.js';

/** One grouped fix: e.g. role Flow Deployer, add [p1, p2], division Support. */
export interface GroupedRemedy {
  kind: 'add-permission' | 'new-role' | 'grant-division' | 'add-scope';
  role?: string;
  division: string | null;
  permissions: string[];
  /** Resources that need it. */
  resources: string[];
}

const grouped = new WeakMap<readonly Finding[], GroupedRemedy[]>();

/**
 * Groups remedies by (kind, role, division); permissions and resources are de-duplicated and
 * sorted. Memoised per findings array (the text, summary and comment renderers each ask).
 */
export function groupRemedies(findings: readonly Finding[]): GroupedRemedy[] {
  return cached(grouped, findings, () => computeGroups(findings));
}

function computeGroups(findings: readonly Finding[]): GroupedRemedy[] {
  const groups = new Map<string, { g: GroupedRemedy; perms: Set<string>; res: Set<string> }>();
  for (const f of findings) {
    // An accepted finding needs no fix (src/evaluate/accept.ts): the report lists it apart.
    if (f.accepted) continue;
    for (const r of f.alsoRemedy ? [f.remedy, f.alsoRemedy] : [f.remedy]) {
      if (!r) continue;
      const key =
        r.role === undefined
          ? `${r.kind}\u0000\u0000${r.division ?? ''}`
          : `${r.kind}\u0000${r.role}\u0000${r.division ?? ''}`;
      let e = groups.get(key);
      if (!e) {
        const g: GroupedRemedy = { kind: r.kind, division: r.division, permissions: [], resources: [] };
        if (r.role) g.role = r.role;
        e = { g, perms: new Set(), res: new Set() };
        groups.set(key, e);
      }
      for (const p of r.permissions) e.perms.add(p);
      if (f.resource) e.res.add(f.resource);
    }
  }
  const order = { 'add-permission': 0, 'new-role': 1, 'grant-division': 2, 'add-scope': 3 } as const;
  return [...groups.values()]
    .map(({ g, perms, res }) => {
      // A scope admits its read-only variant: `architect` makes `architect:readonly` redundant.
      const list =
        g.kind === 'add-scope'
          ? [...perms].filter((p) => !(p.endsWith(':readonly') && perms.has(p.slice(0, -':readonly'.length))))
          : [...perms];
      return { ...g, permissions: list.sort(), resources: [...res].sort() };
    })
    .sort(
      (a, b) =>
        order[a.kind] - order[b.kind] ||
        (a.role ?? '').localeCompare(b.role ?? '') ||
        (a.division ?? '').localeCompare(b.division ?? ''),
    );
}

/** Plain-language sentence for a grouped fix (`fmt` wraps names, e.g. in backticks). */
export function remedySentence(
  g: GroupedRemedy,
  fmt: (s: string) => string = (s) => s,
  name: (s: string) => string = (s) => s,
): string {
  const perms = g.permissions.map(fmt).join(', ');
  const role = g.role === undefined ? '' : name(g.role);
  const division = g.division === null ? null : name(g.division);
  const where = division === null ? '' : ` in division ${division}`;
  switch (g.kind) {
    case 'add-permission':
      return `add ${perms} to role ${role}${division === null ? '' : `, granted in division ${division}`}`;
    case 'new-role':
      return `create a role with ${perms} and grant it to the deploy principal${where}`;
    case 'grant-division':
      return `grant role ${role} in division ${division} (for ${perms})`;
    case 'add-scope':
      return `add OAuth scope${g.permissions.length > 1 ? 's' : ''} ${perms} to the deploy token's client`;
  }
}
