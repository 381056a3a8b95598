/**
 * The diagnosis of a failed deploy: every permission failure read from its log (./parse.ts), put in
 * the manifest's terms when a check report of the same manifest is given: the org (the one whose
 * org id the log names, else the selected one), the manifest resource the log names and the
 * division the manifest places it in (./resolve.ts), the fix exactly as `check` words it (the org's
 * principal evaluated against the failed call), and whether `check` predicted the failure. A 403 no
 * finding predicted is `unpredicted-403`, with its cause (./cause.ts: no plan makes the call, the
 * deploy ran with other grants, another division, the catalog differs, ...). A refusal naming no
 * permission (`not.authorized`) gets the OAuth scopes the catalog admits the call with. Pure.
 */
import type { Catalog, CatalogOperation } from '../catalog/catalog.js';
import { bundledCatalog } from '../catalog/bundled.js';
import type { Finding, PermissionSet, Principal, Requirement, Resource, SourceLocation } from '../types.js';
import type { OrgReport, Report } from '../report/model.js';
import { evaluate } from '../evaluate/evaluate.js';
import {
  type CatalogEntry,
  type ScopeFacts,
  scopeAdvice,
  scopeFacts,
  type UnpredictedCause,
  unpredictedCause,
} from './cause.js';
import type { LogFailure } from './model.js';
import { matchResource, namedResources } from './resolve.js';

export type { CatalogEntry, ScopeFacts, UnpredictedCause } from './cause.js';

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
  /** Why check did not predict it (only for an `unpredicted-403`: a report was given, no finding predicted it). */
  cause?: UnpredictedCause;
  /** {@link cause} in words: what the log, the plans, the catalog and the principal show. */
  reason?: string;
  /** The catalog's entry of the failed call (swagger `x-inin-requires-permissions`, `security`), when it has one. */
  catalog?: CatalogEntry;
  /** A refusal that names no permission (`not.authorized`): the scopes that admit the call, and the principal's. */
  scopes?: ScopeFacts;
}

const ERRORS = new Set(['missing-permission', 'missing-division-grant', 'missing-scope', 'entitlement-missing']);

/**
 * Explains `failures` against a check `report` of the manifest. `principals` are the orgs' principals
 * the check used (declared, or read live), by org name; `logFile` names the log in locations;
 * `resources` (the expanded manifest, when the caller has it) lets a Terraform address name a flow or
 * script imported from a plan; `catalog` gives each call's entry (default: the bundled one).
 */
export function explainFailures(
  failures: readonly LogFailure[],
  logFile: string,
  report?: Report,
  principals: ReadonlyMap<string, Principal> = new Map(),
  selectedOrg?: string,
  resources: readonly Resource[] = [],
  catalog: Pick<Catalog, 'lookup'> = bundledCatalog(),
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
    const op = failure.operation ? entryOf(catalog, failure.operation) : undefined;
    const entry = op ? catalogEntry(op) : undefined;
    const principal = org ? principals.get(org) : undefined;
    const scopes = !perms?.values.length && failure.operation ? scopeFacts(op, principal) : undefined;
    let findings: Finding[] = [];
    let why: { cause: UnpredictedCause; reason: string } | undefined;
    if (predicted) {
      findings = predictedBy.map((f) => ({
        ...f,
        location: at,
        message: `${f.message} (the deploy log, line ${failure.line}, shows this 403; check predicted it)`,
      }));
    } else {
      const resource = match.resource ?? failure.resource;
      const evaluateIn = (set: PermissionSet, inDivision: string | null): Finding[] => {
        if (!principal || !org) return [];
        const requirement: Requirement = {
          resource: resource ?? 'deploy',
          action: 'deploy',
          operation: what,
          purpose: 'the call that failed in the deploy log',
          scopes: [],
          scopesUnknown: true,
          permissions: set,
          division: inDivision,
          location: at,
        };
        return evaluate([requirement], principal, org).filter(
          (f) => f.severity === 'error' || f.code === 'conditional-permission',
        );
      };
      const need = perms?.values.length
        ? `${perms.mode === 'ANY' ? 'one of' : 'all of'} ${perms.values.map((v) => `\`${v}\``).join(', ')}`
        : undefined;
      const base: Finding = {
        severity: 'error',
        code: report ? 'unpredicted-403' : 'missing-permission',
        message: '',
        operation: what,
        location: at,
        ...(perms?.values.length ? { missing: perms.values } : {}),
        ...(division ? { division: division.name } : {}),
        ...(resource ? { resource } : {}),
      };
      const wording = perms?.values.length ? evaluateIn(perms, division?.name ?? null) : [];
      const refused = `${what} was refused (403, deploy log line ${failure.line})`;
      if (report) {
        const result = unpredictedCause({
          failure,
          ...(orgReport ? { orgReport } : {}),
          orgNames: report.orgs.map((o) => o.name),
          ...(principal ? { principal } : {}),
          named: orgReport ? namedResources(failure, orgReport, resources) : { labels: new Set(), conclusive: false },
          ...(match.resource ? { resource: match.resource } : {}),
          ...(division ? { division } : {}),
          ...(op ? { entry: op } : {}),
          evaluateIn,
        });
        why = { cause: result.cause, reason: result.reason };
        const needs = need ? `it needs ${need}` : noPermission(failure);
        base.message = `${refused} and check did not predict it: ${needs}. ${result.reason}`;
        // With the principal known, a grant is the fix only where evaluating it says one is missing.
        const fix =
          result.fix ??
          wording.find((f) => f.severity === 'error')?.fix ??
          (principal ? undefined : addFix(perms, division?.name));
        if (fix) base.fix = fix;
        const remedy = result.fix ? result.remedy : wording.find((f) => f.severity === 'error')?.remedy;
        if (remedy) base.remedy = remedy;
      } else {
        const advice = scopes ? scopeAdvice(what, scopes, op) : undefined;
        base.message = need
          ? `${refused}: it needs ${need}`
          : `${refused}: ${noPermission(failure)}${advice ? `. ${advice.reason}` : ''}`;
        const fix = wording.find((f) => f.severity === 'error')?.fix ?? addFix(perms, division?.name) ?? advice?.fix;
        if (fix) base.fix = fix;
        const remedy = wording.find((f) => f.severity === 'error')?.remedy ?? advice?.remedy;
        if (remedy) base.remedy = remedy;
      }
      findings = [base];
    }
    return {
      failure,
      ...(org ? { org } : {}),
      ...(match.resource ? { resource: match.resource } : {}),
      ...(division ? { division } : {}),
      predicted,
      findings,
      ...(why ? why : {}),
      ...(entry ? { catalog: entry } : {}),
      ...(scopes ? { scopes } : {}),
    };
  });
}

/** The words for a refusal that names no permission. */
function noPermission(failure: LogFailure): string {
  return failure.code === 'not.authorized'
    ? 'the platform names no permission (not.authorized)'
    : 'the log names no permission';
}

/** The fix when the principal is not known: add the permissions to a role of the deploy principal. */
function addFix(perms: PermissionSet | undefined, division: string | undefined): string | undefined {
  if (!perms?.values.length) return undefined;
  const add =
    perms.mode === 'ANY' && perms.values.length > 1 ? `one of ${perms.values.join(', ')}` : perms.values.join(', ');
  return `add ${add} to a role the deploy principal holds${division ? `, granted in division ${division}` : ''}`;
}

/** The catalog operation of `operation` (`METHOD /template`). */
function entryOf(catalog: Pick<Catalog, 'lookup'>, operation: string) {
  const space = operation.indexOf(' ');
  if (space < 0) return undefined;
  return catalog.lookup(operation.slice(0, space), operation.slice(space + 1));
}

/** The catalog's entry of an operation, as the diagnosis shows it. */
function catalogEntry(op: CatalogOperation): CatalogEntry {
  return {
    permissions: op.permissions ? { mode: op.permissions.mode, values: [...op.permissions.values] } : null,
    scopes: [...op.scopes],
    scopesUnknown: op.scopesUnknown,
  };
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
