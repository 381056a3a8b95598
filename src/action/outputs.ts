/**
 * The action's outputs derived from a report (action.yml: passed, errors, warnings, report, sarif,
 * missing-permissions, orgs); the file outputs (`report`, `sarif`) are written by src/action/run.ts.
 */
import type { Report } from '../report/model.js';

/** One entry of the `missing-permissions` output. */
export interface MissingPermission {
  permission: string;
  divisions: string[];
}

/**
 * `missing-permissions`: per org, the permissions (and scopes) its findings say are missing,
 * with the divisions they are needed in: `{ "prod-eu": [{"permission": "...", "divisions": ["Support"]}] }`;
 * `"any"` means a grant in any one division will do (not `*`, which in Genesys means all divisions).
 *
 * The result has a null prototype, so every org name is an own key that `JSON.stringify`
 * writes, `__proto__`, `constructor` and `toString` included (a plain `{}` would turn
 * `out['__proto__'] = …` into a prototype change and drop the org from the output).
 */
export function missingPermissions(r: Report): Record<string, MissingPermission[]> {
  const out = Object.create(null) as Record<string, MissingPermission[]>;
  for (const o of r.orgs) {
    const by = new Map<string, Set<string>>();
    for (const f of o.findings) {
      for (const r of [f.remedy, f.alsoRemedy]) {
        if (!r) continue;
        for (const p of r.permissions) {
          const set = by.get(p) ?? new Set<string>();
          set.add(r.division ?? 'any');
          by.set(p, set);
        }
      }
    }
    const sorted = [...by.entries()].sort(([a], [b]) => a.localeCompare(b));
    out[o.name] = sorted.map(([permission, d]) => ({ permission, divisions: [...d].sort() }));
  }
  return out;
}
