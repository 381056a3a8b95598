/**
 * The diagnosis of a failed deploy: every permission failure read from its log (./parse.ts), put in
 * the manifest's terms when a check report of the same manifest is given: the fix exactly as `check`
 * words it (the org's declared principal evaluated against the failed call), and whether `check`
 * predicted the failure. A 403 no finding predicted is `unpredicted-403`: a gap in the plans, to be
 * reported. Pure.
 */
import type { Finding, Principal, Requirement, SourceLocation } from '../types.js';
import type { Report } from '../report/model.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { LogFailure } from './model.js';

/** One failure of the log, explained. */
export interface Diagnosis {
  failure: LogFailure;
  /** The org the failure is put in (the selected org; else the manifest's only org). */
  org?: string;
  /** `check` reported a finding for this call (same operation, and a missing permission it names). */
  predicted: boolean;
  /** What to do, as findings in `check`'s words (the org's principal against the failed call). */
  findings: Finding[];
}

const ERRORS = new Set(['missing-permission', 'missing-division-grant', 'missing-scope', 'entitlement-missing']);

/**
 * Explains `failures` against a check `report` of the manifest. `principals` are the orgs' principals
 * the check used (declared, or read live), by org name; `logFile` names the log in locations.
 */
export function explainFailures(
  failures: readonly LogFailure[],
  logFile: string,
  report?: Report,
  principals: ReadonlyMap<string, Principal> = new Map(),
  selectedOrg?: string,
): Diagnosis[] {
  const org = report ? pickOrg(report, selectedOrg) : undefined;
  const orgReport = org ? report!.orgs.find((o) => o.name === org) : undefined;
  return failures.map((failure) => {
    const at: SourceLocation = { file: logFile, line: failure.line, column: 1 };
    const what = failure.operation ?? (failure.method && failure.path ? `${failure.method} ${failure.path}` : 'a call');
    const perms = failure.permissions;
    const predictedBy =
      orgReport?.findings.filter(
        (f) =>
          ERRORS.has(f.code) &&
          f.operation !== undefined &&
          f.operation === failure.operation &&
          (!perms || !f.missing || f.missing.some((m) => perms.values.includes(m)) || perms.values.length === 0),
      ) ?? [];
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
      const requirement: Requirement | undefined = perms
        ? {
            resource: failure.resource ?? 'deploy',
            action: 'deploy',
            operation: what,
            purpose: 'the call that failed in the deploy log',
            scopes: [],
            scopesUnknown: true,
            permissions: perms,
            division: failure.division ?? null,
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
          ? `${what} was refused (403, deploy log line ${failure.line}) and check did not predict it: it needs ${need}. Please report this gap with the log excerpt`
          : `${what} was refused (403, deploy log line ${failure.line}): it needs ${need}`,
        operation: what,
        location: at,
        ...(perms ? { missing: perms.values } : {}),
        ...(failure.division ? { division: failure.division } : {}),
        ...(failure.resource ? { resource: failure.resource } : {}),
      };
      if (wording[0]?.fix) base.fix = wording[0].fix;
      else if (perms)
        base.fix = `add ${perms.mode === 'ANY' ? `one of ${perms.values.join(', ')}` : perms.values.join(', ')} to a role the deploy principal holds${failure.division ? `, granted in division ${failure.division}` : ''}`;
      if (wording[0]?.remedy) base.remedy = wording[0].remedy;
      findings = [base];
    }
    return { failure, ...(org ? { org } : {}), predicted, findings };
  });
}

function pickOrg(report: Report, selected?: string): string | undefined {
  if (selected) return report.orgs.find((o) => o.name.toLowerCase() === selected.toLowerCase())?.name;
  return report.orgs.length === 1 ? report.orgs[0]!.name : undefined;
}
