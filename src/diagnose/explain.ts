/**
 * The diagnosis of a failed deploy: every permission failure read from its log (./parse.ts), put in
 * the manifest's terms when a check report of the same manifest is given: the org (the one whose
 * org id the log names, else the selected one), the manifest resource the log names and the
 * division the manifest places it in (./resolve.ts), the fix exactly as `check` words it (the org's
 * principal evaluated against the failed call), and whether `check` predicted the failure. A 403 no
 * finding predicted is `unpredicted-403`: a gap in the plans, to be reported. Pure.
 */
import type { Finding, Principal, Requirement, Resource, SourceLocation } from '../types.js';
import type { OrgReport, Report } from '../report/model.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { LogFailure } from './model.js';
import { matchResource } from './resolve.js';

/** One failure of the log, explained. */
export interface Diagnosis {
  failure: LogFailure;
  /** The org the failure is put in (the selected org; else the manifest's only org). */
  org?: string;
  /**
   * The manifest resource (`kind:name`) the failure is about: the one the log names (Terraform
   * address, Archy flow name), else the only one whose plan makes the failed call. Absent when no
   * resource, or more than one, matches.
   */
  resource?: string;
  /**
   * The division of the failed call: named in the log (`from: 'log'`), else where the manifest
   * places {@link resource} (`from: 'manifest'`, with the place that says so). Absent when neither
   * tells it unambiguously, or the call is not division-bound.
   */
  division?: { name: string; from: 'log' | 'manifest'; location?: SourceLocation };
  /**
   * `check` reported a finding for this call: same operation (or, when the log names no call, same
   * resource) and a missing permission the log names.
   */
  predicted: boolean;
  /** What to do, as findings in `check`'s words (the org's principal against the failed call). */
  findings: Finding[];
}

const ERRORS = new Set(['missing-permission', 'missing-division-grant', 'missing-scope', 'entitlement-missing']);

/**
 * Explains `failures` against a check `report` of the manifest. `principals` are the orgs' principals
 * the check used (declared, or read live), by org name; `logFile` names the log in locations;
 * `resources` (the expanded manifest, when the caller has it) lets a Terraform address name a flow or
 * script imported from a plan.
 */
export function explainFailures(
  failures: readonly LogFailure[],
  logFile: string,
  report?: Report,
  principals: ReadonlyMap<string, Principal> = new Map(),
  selectedOrg?: string,
  resources: readonly Resource[] = [],
): Diagnosis[] {
  const fallback = report ? pickOrg(report, selectedOrg) : undefined;
  return failures.map((failure) => {
    const orgReport = report
      ? (orgOfId(report, failure.orgId) ?? report.orgs.find((o) => o.name === fallback))
      : undefined;
    const org = orgReport?.name;
    const at: SourceLocation = { file: logFile, line: failure.line, column: 1 };
    const what = failure.operation ?? (failure.method && failure.path ? `${failure.method} ${failure.path}` : 'a call');
    const perms = failure.permissions;
    const match = orgReport ? matchResource(failure, orgReport, resources) : {};
    const division: Diagnosis['division'] = failure.division
      ? { name: failure.division, from: 'log' }
      : match.division
        ? { ...match.division, from: 'manifest' }
        : undefined;
    const predictedBy = orgReport ? predictors(orgReport, failure, match.resource, division?.name) : [];
    const predicted = predictedBy.length > 0;
    let findings: Finding[] = [];
    if (predicted) {
      findings = predictedBy.map((f) => ({
        ...f,
        location: at,
        message: `${f.message} (the deploy log, line ${failure.line}, shows this 403; check predicted it)`,
      }));
    } else {
      const principal = org ? principals.get(org) : undefined;
      const resource = match.resource ?? failure.resource;
      const requirement: Requirement | undefined = perms
        ? {
            resource: resource ?? 'deploy',
            action: 'deploy',
            operation: what,
            purpose: 'the call that failed in the deploy log',
            scopes: [],
            scopesUnknown: true,
            permissions: perms,
            division: division?.name ?? null,
            location: at,
          }
        : undefined;
      const wording =
        requirement && principal ? evaluate([requirement], principal, org!).filter((f) => f.severity === 'error') : [];
      const need = perms
        ? `${perms.mode === 'ANY' ? 'one of' : 'all of'} ${perms.values.map((v) => `\`${v}\``).join(', ')}`
        : 'a permission the log does not name';
      const base: Finding = {
        severity: 'error',
        code: report ? 'unpredicted-403' : 'missing-permission',
        message: report
          ? `${what} was refused (403, deploy log line ${failure.line}) and check did not predict it: ` +
            `it needs ${need}. Please report this gap with the log excerpt`
          : `${what} was refused (403, deploy log line ${failure.line}): it needs ${need}`,
        operation: what,
        location: at,
        ...(perms ? { missing: perms.values } : {}),
        ...(division ? { division: division.name } : {}),
        ...(resource ? { resource } : {}),
      };
      if (wording[0]?.fix) base.fix = wording[0].fix;
      else if (perms) {
        const add =
          perms.mode === 'ANY' && perms.values.length > 1
            ? `one of ${perms.values.join(', ')}`
            : perms.values.join(', ');
        const where = division ? `, granted in division ${division.name}` : '';
        base.fix = `add ${add} to a role the deploy principal holds${where}`;
      }
      if (wording[0]?.remedy) base.remedy = wording[0].remedy;
      findings = [base];
    }
    return {
      failure,
      ...(org ? { org } : {}),
      ...(match.resource ? { resource: match.resource } : {}),
      ...(division ? { division } : {}),
      predicted,
      findings,
    };
  });
}

/**
 * The check's error findings that predicted `failure`: same operation (or, when the log names no
 * call, same resource) and a missing permission the log names; narrowed to the failure's resource
 * and division when some of them are about it.
 */
function predictors(
  orgReport: OrgReport,
  failure: LogFailure,
  resource: string | undefined,
  division: string | undefined,
): Finding[] {
  const perms = failure.permissions;
  const overlaps = (f: Finding) =>
    !perms || !f.missing || perms.values.length === 0 || f.missing.some((m) => perms.values.includes(m));
  let found = orgReport.findings.filter(
    (f) =>
      ERRORS.has(f.code) &&
      f.operation !== undefined &&
      (failure.operation !== undefined
        ? f.operation === failure.operation && overlaps(f)
        : resource !== undefined && f.resource === resource && !!perms?.values.length && overlaps(f)),
  );
  const narrow = (keep: (f: Finding) => boolean) => {
    const some = found.filter(keep);
    if (some.length) found = some;
  };
  if (resource) narrow((f) => f.resource === resource);
  if (division) narrow((f) => f.division === division);
  return found;
}

/** The org of the report whose org id the log names. */
function orgOfId(report: Report, orgId: string | undefined): OrgReport | undefined {
  if (!orgId) return undefined;
  return report.orgs.find((o) => o.orgId?.toLowerCase() === orgId.toLowerCase());
}

function pickOrg(report: Report, selected?: string): string | undefined {
  if (selected) return report.orgs.find((o) => o.name.toLowerCase() === selected.toLowerCase())?.name;
  return report.orgs.length === 1 ? report.orgs[0]!.name : undefined;
}
