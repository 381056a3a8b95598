/**
 * The report model: the in-memory form of the JSON report (contract: docs/DESIGN.md, "JSON report
 * v2"), also the input of every other report format. Here each org holds its own list of
 * (shared) requirement objects; the JSON serialisation (src/report/json.ts) lists each once.
 */
import type { Finding, Requirement, Severity } from '../types.js';

export type Mode = 'offline' | 'live';

/** The JSON report's contract version, written by src/report/json.ts whatever the model says. */
export const REPORT_VERSION = 2;

/** One org's result. */
export interface OrgReport {
  name: string;
  orgId: string | null;
  region: string;
  /** How the principal was obtained: declared in the manifest, or read from Genesys Cloud. */
  principal: 'declared' | 'live' | 'none';
  passed: boolean;
  requirements: Requirement[];
  findings: Finding[];
  /**
   * With `--excess` (input `excess`): what the principal holds against what the manifest(s) need,
   * e.g. "holds 1,412 permissions in all divisions; this manifest needs 23 in 2 divisions".
   */
  excess?: {
    held: { permissions: number; divisions: number | 'all' };
    needed: { permissions: number; divisions: number };
    summary: string;
  };
}

/** The whole report. `findings` holds problems not tied to one org (invalid manifest, missing file). */
export interface Report {
  /**
   * The model's version. The JSON report always says {@link REPORT_VERSION}; 1 is still accepted
   * from producers written for v1 (the model itself did not change).
   */
  version: 1 | typeof REPORT_VERSION;
  mode: Mode;
  passed: boolean;
  manifest: string;
  summary: { errors: number; warnings: number; notices: number };
  orgs: OrgReport[];
  findings: Finding[];
  catalog?: { source: string; operations: number };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Most severe first, then fatal first, then by location (file, line, column), then code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    Number(b.fatal === true) - Number(a.fatal === true) ||
    cmp(a.location?.file ?? '', b.location?.file ?? '') ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    cmp(a.code, b.code)
  );
}

/** Every finding of the report (global first, then per org). */
export function allFindings(r: Report): Finding[] {
  return [...r.findings, ...r.orgs.flatMap((o) => o.findings)];
}

/** Counts findings by severity. */
export function summarize(findings: readonly Finding[]): Report['summary'] {
  const s = { errors: 0, warnings: 0, notices: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.notices++;
  }
  return s;
}

export type FailOn = 'error' | 'warning' | 'never';

/**
 * Exit code per the contract: 2 when the check could not be done (any fatal finding),
 * 1 when a finding is at or above `failOn`, else 0.
 */
export function exitCode(r: Report, failOn: FailOn): 0 | 1 | 2 {
  // Read list by list, not copied into one (760,000 org findings at 10,000 resources x 100 orgs).
  const lists = [r.findings, ...r.orgs.map((o) => o.findings)];
  if (lists.some((l) => l.some((f) => f.fatal))) return 2;
  if (failOn === 'never') return 0;
  const fails = (f: Finding) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning');
  return lists.some((l) => l.some(fails)) ? 1 : 0;
}
