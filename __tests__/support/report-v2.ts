/**
 * Reads a JSON report v2 the way a consumer would: expands each org's resource ranges into its
 * requirements, and resolves each finding's requirement id. Used to check that v2 loses nothing
 * of the in-memory report (what v1 wrote inline per org).
 */
import type { Finding, Requirement } from '../../src/types.js';

type Range = [number, number];
export interface ReportV2 {
  version: 2;
  requirements: Array<Requirement & { id: number }>;
  resources: Array<{ id: number; resource: string; requirements: Range }>;
  orgs: Array<{
    name: string;
    requirementCount: number;
    resources: Range[];
    summary: { errors: number; warnings: number; notices: number };
    findings: Array<Finding & { requirement?: number }>;
  }>;
  findings: Finding[];
  [key: string]: unknown;
}

const ids = (ranges: Range[]) => ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));

/** Per org: its requirement ids (ascending), the requirements without ids, and findings with their requirement. */
export function expandOrgs(r: ReportV2) {
  return r.orgs.map((o) => {
    const requirementIds = ids(o.resources).flatMap((g) => ids([r.resources[g]!.requirements]));
    const requirements = requirementIds.map((id) => {
      const { id: _id, ...q } = r.requirements[id]!;
      return q as Requirement;
    });
    const findings = o.findings.map(({ requirement, ...f }) => ({
      finding: f as Finding,
      requirement: requirement === undefined ? undefined : r.requirements[requirement],
      inOrg: requirement === undefined ? undefined : requirementIds.includes(requirement),
    }));
    return { name: o.name, requirementIds, requirements, findings };
  });
}

/** The JSON text of each item, sorted: compares lists as multisets. */
export const bag = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
