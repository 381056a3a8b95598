/**
 * Reads a JSON report v3 the way a consumer would: expands each org's resource ranges into its
 * requirements (each merged with its call), and its finding ranges into findings with their
 * requirement. Used to check that v3 loses nothing of the in-memory report (what v1 wrote inline
 * per org).
 */
import type { Finding, Requirement } from '../../src/types.js';

type Range = [number, number];
type Call = Omit<Requirement, 'resource' | 'division' | 'location' | 'divisionLocation'>;
export interface ReportV3 {
  version: 3;
  calls: Array<Call & { id: number }>;
  requirements: Array<
    Pick<Requirement, 'resource' | 'division' | 'location' | 'divisionLocation'> & { id: number; call: number }
  >;
  resources: Array<{ id: number; resource: string; requirements: Range }>;
  orgFindings: Array<Finding & { id: number; requirement?: number }>;
  orgs: Array<{
    name: string;
    requirementCount: number;
    resources: Range[];
    summary: { errors: number; warnings: number; notices: number };
    findings: Range[];
  }>;
  findings: Finding[];
  [key: string]: unknown;
}

const ids = (ranges: Range[]) => ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));

/** Requirement `id` as v2 wrote it: its own fields and its call's (the call's id dropped). */
export function requirementOf(r: ReportV3, id: number): Requirement & { id: number } {
  const { call, ...own } = r.requirements[id]!;
  const { id: _call, ...c } = r.calls[call]!;
  return { ...c, ...own } as Requirement & { id: number };
}

/** Per org: its requirement ids (ascending), the requirements without ids, and findings with their requirement. */
export function expandOrgs(r: ReportV3) {
  return r.orgs.map((o) => {
    const requirementIds = ids(o.resources).flatMap((g) => ids([r.resources[g]!.requirements]));
    const requirements = requirementIds.map((id) => {
      const { id: _id, ...q } = requirementOf(r, id);
      return q as Requirement;
    });
    const findings = ids(o.findings).map((k) => {
      const { id: _id, requirement, ...f } = r.orgFindings[k]!;
      return {
        finding: f as Finding,
        requirement: requirement === undefined ? undefined : requirementOf(r, requirement),
        inOrg: requirement === undefined ? undefined : requirementIds.includes(requirement),
      };
    });
    return { name: o.name, requirementIds, requirements, findings };
  });
}

/** JSON with object keys sorted (recursively): the same text for equal values, property order aside. */
const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** The canonical JSON text of each item, sorted: compares lists as multisets. */
export const bag = (xs: readonly unknown[]) => xs.map(canonical).sort();

/**
 * The findings of org `i` of a parsed JSON report: v3 lists them as ranges of `orgFindings` ids
 * (expanded here, without their `id`); v2 (the committed dist/ bundles until rebuilt) inline.
 */
export function findingsOf(report: unknown, i: number): Array<Finding & { requirement?: number }> {
  const r = report as {
    orgs?: Array<{ findings?: unknown[] }>;
    orgFindings?: Array<Finding & { id: number; requirement?: number }>;
  };
  const own = r.orgs?.[i]?.findings ?? [];
  if (!r.orgFindings) return own as Finding[];
  return ids(own as Range[]).map((k) => {
    const { id: _id, ...f } = r.orgFindings![k]!;
    return f;
  });
}
