/** The action's outputs derived from a report (action.yml: passed, errors, warnings, report, missing-permissions). */
import type { Report } from '../report/model.js';

/**
 * `missing-permissions`: per org, the permissions (and scopes) its findings say are missing,
 * with the divisions they are needed in: `{ "prod-eu": [{"permission": "...", "divisions": ["Support"]}] }`;
 * `"any"` means a grant in any one division will do (not `*`, which in Genesys means all divisions).
 */
export function missingPermissions(r: Report): Record<string, Array<{ permission: string; divisions: string[] }>> {
  const out: Record<string, Array<{ permission: string; divisions: string[] }>> = {};
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
    out[o.name] = [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([permission, d]) => ({ permission, divisions: [...d].sort() }));
  }
  return out;
}
