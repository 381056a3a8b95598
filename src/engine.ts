/**
 * The engine shared by the CLI and the action: manifest → report. Pure stages, plus the
 * `grants` stage supplied by the caller (declared principal offline, Genesys Cloud live).
 */
import type { Catalog } from './catalog/catalog.js';
import { bundledCatalog } from './catalog/bundled.js';
import { loadManifest, type LoadedManifest } from './manifest/load.js';
import { expandResources } from './resources/expand.js';
import { planResource } from './plan/index.js';
import { NOT_IN_CATALOG, requirementsFor } from './plan/require.js';
import { loadCatalogOption } from './catalog/option.js';
import { declaredGrants } from './grants/declared.js';
import type { GrantsReader } from './grants/types.js';
import { evaluate } from './evaluate/evaluate.js';
import { lintDeclaredNames, lintPrincipal } from './evaluate/lint.js';
import { REPORT_VERSION, compareFindings, summarize, type Mode, type OrgReport, type Report } from './report/model.js';
import type { Finding, Principal, Requirement, Resource, SourceLocation } from './types.js';
import { cached } from './util/memo.js';
import { PreflightError, fatal } from './util/errors.js';
import type { OrgDecl } from './manifest/types.js';

import { mapLimit } from './genesys/concurrency.js';
import { checkResourceOrgPairs } from './limits.js';
import { leastPrivilegePolicy, type OrgPolicy } from './policy/least-privilege.js';
import { describeSizes, excessFor, type ExcessResult } from './evaluate/excess.js';
import { applyAcceptances } from './evaluate/accept.js';
import { acceptancesOf } from './manifest/accept.js';
import { addCrossedFindings, crossedOrgs, orgIdentity, type OrgIdentity } from './grants/crossed.js';

export interface CheckOptions {
  manifestPath: string;
  /** The manifest, already loaded by the entry point (loaded once per run); else read from `manifestPath`. */
  loaded?: LoadedManifest;
  mode: Mode;
  /** Org names to check (case-insensitive); empty = all. */
  orgs?: string[];
  catalog?: Catalog;
  /** Grants reader for mode live (or auto); offline uses the declared principal. */
  grants?: GrantsReader;
  /** `--terraform-plan PATH`: a Terraform plan (JSON) imported besides the manifest's inputs. */
  terraformPlan?: string;
  /** Orgs checked at the same time. Default 16. */
  concurrency?: number;
  /** The `catalog` option (`bundled`, `live`, PATH) when no catalog is given; loading errors become findings. */
  catalogOption?: string;
  /**
   * Excess-privilege report (src/evaluate/excess.ts): findings for what the principal holds that no
   * planned call needs, at `severity`; `alsoNeeded` are other manifests whose needs count too (a
   * deploy client shared by several pipelines needs their union).
   */
  excess?: { severity?: 'notice' | 'warning'; alsoNeeded?: string[] };
  /** Today, for the `expires` of accepted findings (tests). Default: now. */
  now?: Date;
  /** Environment (allowed hosts for `catalog: live`). Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Plans every resource and joins the catalog: requirements per resource. The plan stage's warnings
 * (a Terraform type neither table knows) are appended to `warnings`. Throws PreflightError on plan errors.
 */
export function requirementsByResource(
  resources: Resource[],
  catalog: Catalog,
  warnings: Finding[] = [],
): Map<Resource, Requirement[]> {
  const out = new Map<Resource, Requirement[]>();
  const errors: Finding[] = [];
  for (const r of resources) {
    const p = planResource(r);
    if ('errors' in p) errors.push(...p.errors);
    else {
      out.set(r, requirementsFor(r, p.calls, catalog));
      if (p.warnings) warnings.push(...p.warnings);
    }
  }
  if (errors.length) throw new PreflightError(errors);
  return out;
}

/** Runs the check. Never throws for user-caused problems: they become fatal findings in the report. */
export async function runCheck(opts: CheckOptions): Promise<Report> {
  const report: Report = {
    version: REPORT_VERSION,
    mode: opts.mode,
    passed: false,
    manifest: opts.manifestPath,
    summary: { errors: 0, warnings: 0, notices: 0 },
    orgs: [],
    findings: [],
  };
  try {
    const loaded = opts.loaded ?? loadManifest(opts.manifestPath);
    const selected = selectOrgs(loaded, opts.orgs ?? []);
    const catalog =
      opts.catalog ??
      (opts.catalogOption && opts.catalogOption !== 'bundled'
        ? await loadCatalogOption(opts.catalogOption, loaded, {
            ...(selected[0] ? { org: selected[0].org.name } : {}),
            env: opts.env ?? process.env,
          })
        : bundledCatalog());
    report.catalog = { source: catalog.version, operations: catalog.size };
    const { resources, findings: importFindings } = expandResources(loaded, {
      ...(opts.terraformPlan ? { terraformPlan: opts.terraformPlan } : {}),
      selectedOrgs: selected.map(({ org }) => org.name),
    });
    for (const f of importFindings) report.findings.push(f);
    checkResourceOrgPairs(
      resources,
      selected.map(({ org }) => org.name),
      loaded.locate(['orgs']),
    );
    const byResource = requirementsByResource(resources, catalog, report.findings);
    catalogCoverage(byResource, catalog, report);
    const alsoNeeded = opts.excess?.alsoNeeded?.length
      ? neededByOrg(opts.excess.alsoNeeded, catalog)
      : new Map<string, Requirement[]>();
    const grants = opts.grants ?? (opts.mode === 'live' ? undefined : declaredGrants);
    if (!grants) throw new Error('live mode needs a grants reader');
    const identities: OrgIdentity[] = new Array(selected.length);
    const names = selected.map(({ org }) => org.name);
    const perOrg = orgResourceSets(resources, names);
    // Per set of resources (orgs that deploy the same ones share it): its requirements and lint findings.
    const sets = perOrg.sets.map((set) => ({ set, requirements: set.flatMap((r) => byResource.get(r) ?? []) }));
    const requiredPermissionsOf = new Map<number, string[]>();
    const lintOf = new Map<number, Finding[]>();
    // Per (resource set, principal fingerprint): the evaluation of the first org, shared by the others.
    const evaluations = new Map<string, SharedEvaluation | null>();
    report.orgs = await mapLimit(selected, opts.concurrency ?? 16, async ({ org, index }, i) => {
      const setId = perOrg.setOf[i]!;
      const { set, requirements } = sets[setId]!;
      const requiredPermissions = cached(requiredPermissionsOf, setId, () => {
        const all = new Set<string>();
        for (let k = 0; k < requirements.length; k++)
          for (const p of requirements[k]!.permissions?.values ?? []) all.add(p);
        return [...all].sort();
      });
      const g = await grants(org, index, { loaded, requirements, requiredPermissions, resources });
      identities[i] = orgIdentity(org, g, loaded.locate(['orgs', index]));
      // In this order before the sort (it keeps the order of findings that compare equal): the grants
      // reader's, this one, the lint's, the principal-level evaluation's, the shared ones, the excess ones.
      const before = [...g.findings];
      let shared: SharedFindings = { own: [], shared: [], sorted: true };
      const after: Finding[] = [];
      let excess: ExcessResult | undefined;
      if (requirements.length === 0) {
        before.push({
          severity: 'warning',
          code: 'unverifiable',
          message: `org ${org.name}: the manifest deploys nothing to this org, so nothing was checked`,
          location: loaded.locate(['orgs', index]),
        });
      }
      if (g.principal) {
        if (g.principal.source === 'declared')
          for (const f of lintPrincipal(g.principal, catalog, org.name)) before.push(f);
        // Orgs with the same resources share these finding objects (see ownFindings).
        for (const f of cached(lintOf, setId, () => lintDeclaredNames(set, catalog))) before.push(f);
        // Permissions the org's products lack are reported once, as entitlement-missing (live).
        shared = evaluateShared(evaluations, setId, requirements, g.principal, org.name);
        for (const f of shared.own) before.push(f);
        if (opts.excess) {
          const needed = requirements.concat(alsoNeeded.get(org.name.toLowerCase()) ?? []);
          excess = excessFor(org.name, g.principal, needed, {
            severity: opts.excess.severity ?? 'notice',
            vocabulary: catalog.permissions,
          });
          for (const f of excess.findings) after.push(f);
        }
      }
      // Shared findings alone, already in order: a copy (the sort would leave them as they are).
      const findings =
        before.length === 0 && after.length === 0 && shared.sorted
          ? shared.shared.slice()
          : before.concat(shared.shared, after).sort(compareFindings);
      const o: OrgReport = {
        name: org.name,
        orgId: g.orgId ?? org.orgId ?? null,
        region: org.region,
        principal: g.principal ? g.principal.source : 'none',
        passed: !findings.some((f) => f.severity === 'error'),
        requirements,
        findings,
      };
      if (excess) o.excess = { ...excess.sizes, summary: describeSizes(excess.sizes) };
      return o;
    });
    // Two manifest orgs whose credentials reach the same Genesys org (src/grants/crossed.ts).
    addCrossedFindings(report.orgs, crossedOrgs(identities.filter(Boolean)));
    // Accepted findings (manifest `accept:`, .genesys-preflight-accept.yml): notices with their reason.
    const accepted = acceptancesOf(loaded);
    if (accepted.errors.length) throw new PreflightError(accepted.errors);
    if (accepted.acceptances.length) {
      ownFindings(report.orgs); // acceptances change findings in place; orgs may share them
      report.findings.push(...applyAcceptances(report.orgs, accepted.acceptances, opts.now ?? new Date()));
      for (const o of report.orgs) {
        o.findings.sort(compareFindings);
        o.passed = !o.findings.some((f) => f.severity === 'error');
      }
    }
  } catch (e) {
    if (!(e instanceof PreflightError)) throw e;
    for (const f of e.findings) report.findings.push(f);
  }
  report.findings.sort(compareFindings);
  // Counted list by list, not copied into one (760,000 org findings at 10,000 resources x 100 orgs).
  const summary = summarize(report.findings);
  for (const o of report.orgs) {
    const s = summarize(o.findings);
    summary.errors += s.errors;
    summary.warnings += s.warnings;
    summary.notices += s.notices;
  }
  report.summary = summary;
  report.passed = report.summary.errors === 0 && report.orgs.length > 0;
  return report;
}

/**
 * The resources of each org (`names[i]`, exact names as in `Resource.orgs`), worked out once per
 * distinct set of orgs rather than per org (a filter per org was resources × orgs); orgs that get
 * the same resources share one list. `sets[setOf[i]]` is org i's list, in manifest order.
 */
export function orgResourceSets(
  resources: readonly Resource[],
  names: readonly string[],
): { sets: Resource[][]; setOf: number[] } {
  const slot = new Map<string, number>();
  names.forEach((n, i) => {
    if (!slot.has(n)) slot.set(n, i);
  });
  // Resources share their `orgs` arrays (every resource without `orgs:` has the manifest's list):
  // membership is worked out per distinct array, then per org as the arrays that name it.
  const arrays = new Map<readonly string[], number>();
  const arrayOf = new Int32Array(resources.length);
  resources.forEach((r, k) => {
    arrayOf[k] = cached(arrays, r.orgs, () => arrays.size);
  });
  const naming: number[][] = names.map(() => []);
  for (const [list, a] of arrays) {
    for (const i of new Set(list.map((n) => slot.get(n)))) if (i !== undefined) naming[i]!.push(a);
  }
  const sets: Resource[][] = [];
  const bySignature = new Map<string, number>();
  const setOf = names.map((n) => {
    const signature = naming[slot.get(n)!]!.join(',');
    return cached(bySignature, signature, () => {
      const has = new Uint8Array(arrays.size);
      for (const a of naming[slot.get(n)!]!) has[a] = 1;
      sets.push(resources.filter((_, k) => has[arrayOf[k]!] === 1));
      return sets.length - 1;
    });
  });
  return { sets, setOf };
}

/** One evaluation shared by the orgs of a group: its principal and its per-requirement findings, sorted. */
interface SharedEvaluation {
  principal: Principal;
  /** The findings about the requirements (not the principal-level ones, which name the org). */
  findings: Finding[];
  /** Per place in the principal (placeKey): positions in `findings` of those located at or related to it. */
  atPrincipal: Map<string, number[]>;
}

/**
 * What the evaluator reads of a principal, without the places it is declared at: two principals with
 * the same fingerprint get the same verdicts on the same requirements (src/evaluate/evaluate.ts).
 */
export function principalFingerprint(p: Principal): string {
  const set = (s: ReadonlySet<string> | undefined) => (s ? [...s].sort() : null);
  return JSON.stringify([
    p.grant,
    p.source,
    p.scopes,
    p.scopesLocation !== undefined,
    p.roles.map((g) => [
      g.role,
      g.roleId ?? null,
      g.location !== undefined,
      g.roleLocation !== undefined,
      g.permissions.map((q) => [q.permission, q.conditional === true, q.location !== undefined]),
      g.divisions.map((d) => [d.name, d.id ?? null]),
    ]),
    p.permitted ? Object.entries(p.permitted).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null,
    set(p.unavailable),
    set(p.divisionUnaware),
  ]);
}

/** The places a principal is declared at, in a fixed order (same fingerprint, same length). */
function principalLocations(p: Principal): Array<SourceLocation | undefined> {
  const out: Array<SourceLocation | undefined> = [p.scopesLocation];
  for (const g of p.roles) {
    out.push(g.location, g.roleLocation);
    for (const q of g.permissions) out.push(q.location);
  }
  return out;
}

const placeKey = (l: SourceLocation) => `${l.file}\u0000${l.line}\u0000${l.column}`;

/** An org's evaluation: its principal-level findings, and the findings about its requirements. */
interface SharedFindings {
  own: Finding[];
  /** Not to be changed: the group's own list when nothing was copied for this org. */
  shared: readonly Finding[];
  /** Whether `shared` is in report order (compareFindings). */
  sorted: boolean;
}

/**
 * `evaluate(requirements, principal, orgName)`, computed once per group of orgs with the same
 * resources (`setId`) and the same principal fingerprint: the first org's findings about
 * requirements are shared with the others (the same objects, see {@link ownFindings}), except that a
 * finding pointing at a place in the first org's principal (a grant, its scopes) is copied with the
 * same place in theirs. Principal-level findings (they name the org) are evaluated per org. A group
 * whose requirement findings name the first org is not shared.
 */
function evaluateShared(
  cache: Map<string, SharedEvaluation | null>,
  setId: number,
  requirements: readonly Requirement[],
  principal: Principal,
  orgName: string,
): SharedFindings {
  const key = `${setId}\u0000${principalFingerprint(principal)}`;
  const shared = cache.get(key);
  if (shared === null) return { own: [], shared: evaluate(requirements, principal, orgName), sorted: false };
  const own = evaluate([], principal, orgName);
  if (shared === undefined) {
    const findings = evaluate(requirements, principal, orgName).slice(own.length).sort(compareFindings);
    const names = (f: Finding) => f.message.includes(orgName) || f.fix?.includes(orgName) === true;
    const atPrincipal = new Map<string, number[]>();
    for (const l of principalLocations(principal)) if (l) atPrincipal.set(placeKey(l), []);
    findings.forEach((f, i) => {
      const here = f.location && atPrincipal.get(placeKey(f.location));
      here?.push(i);
      const related = f.related && atPrincipal.get(placeKey(f.related));
      if (related && related !== here) related.push(i);
    });
    cache.set(key, findings.some(names) ? null : { principal, findings, atPrincipal });
    return { own, shared: findings, sorted: true };
  }
  // The places that differ: this org's grants and scopes (role definitions are the same places).
  const from = principalLocations(shared.principal);
  const to = principalLocations(principal);
  const moved = new Map<string, SourceLocation | undefined>();
  from.forEach((l, i) => {
    const t = to[i];
    if (l && !moved.has(placeKey(l)) && (t === undefined || placeKey(t) !== placeKey(l))) moved.set(placeKey(l), t);
  });
  // Only the findings at a moved place are copied (a finding at two of them, once).
  let out: Finding[] | undefined;
  for (const place of moved.keys()) {
    for (const i of shared.atPrincipal.get(place) ?? []) {
      out ??= shared.findings.slice();
      if (out[i] === shared.findings[i]) out[i] = movedFinding(shared.findings[i]!, moved);
    }
  }
  // A moved finding may sort elsewhere.
  return out ? { own, shared: out, sorted: false } : { own, shared: shared.findings, sorted: true };
}

/** A copy of `f` at the other org's places where it points at the first org's principal. */
function movedFinding(f: Finding, moved: Map<string, SourceLocation | undefined>): Finding {
  const c: Finding = { ...f };
  for (const field of ['location', 'related'] as const) {
    const l = c[field];
    if (!l || !moved.has(placeKey(l))) continue;
    const m = moved.get(placeKey(l));
    if (m) c[field] = m;
    else delete c[field];
  }
  return c;
}

/**
 * Gives every org its own finding objects: orgs evaluated together share them (runCheck), so a
 * stage that changes findings in place (accepted findings) copies first. Returns how many were copied.
 */
export function ownFindings(orgs: readonly OrgReport[]): number {
  const seen = new Set<Finding>();
  let copied = 0;
  for (const o of orgs) {
    o.findings = o.findings.map((f) => {
      if (!seen.has(f)) {
        seen.add(f);
        return f;
      }
      copied++;
      return { ...f };
    });
  }
  return copied;
}

/**
 * The requirements of other manifests per org name (lower case): what a deploy client shared by
 * several pipelines needs besides this manifest (the excess report's union). Same stages as the check.
 */
function neededByOrg(paths: readonly string[], catalog: Catalog): Map<string, Requirement[]> {
  const out = new Map<string, Requirement[]>();
  for (const path of paths) {
    const loaded = loadManifest(path);
    const { resources } = expandResources(loaded, { selectedOrgs: loaded.manifest.orgs.map((o) => o.name) });
    const byResource = requirementsByResource(resources, catalog);
    for (const org of loaded.manifest.orgs) {
      const key = org.name.toLowerCase();
      const list = out.get(key) ?? [];
      for (const r of resources) if (r.orgs.includes(org.name)) list.push(...(byResource.get(r) ?? []));
      out.set(key, list);
    }
  }
  return out;
}

/**
 * A catalog that does not describe most of the operations the deploy makes cannot vouch for it:
 * the check stops (exit 2) instead of passing on warnings alone.
 */
function catalogCoverage(byResource: Map<Resource, Requirement[]>, catalog: Catalog, report: Report): void {
  let planned = 0;
  let unknown = 0;
  for (const reqs of byResource.values()) {
    for (let i = 0; i < reqs.length; i++) {
      const q = reqs[i]!;
      if (!q.operation.includes(' /api/v2/')) continue;
      planned++;
      if (q.unverifiable === NOT_IN_CATALOG) unknown++;
    }
  }
  if (planned > 0 && unknown * 2 > planned) {
    throw new PreflightError([
      fatal(
        'unverifiable',
        `the catalog (${catalog.version}, ${catalog.size} operations) does not describe ${unknown} of the ${planned} calls the deploy makes; the check would rest on warnings alone`,
        undefined,
        'use catalog: bundled, or the full Platform API swagger',
      ),
    ]);
  }
}

function selectOrgs(loaded: LoadedManifest, names: string[]): Array<{ org: OrgDecl; index: number }> {
  const all = loaded.manifest.orgs.map((org, index) => ({ org, index }));
  if (names.length === 0) return all;
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const unknown = [...wanted].filter((n) => !all.some(({ org }) => org.name.toLowerCase() === n));
  if (unknown.length) {
    throw new PreflightError(
      unknown.map((n) =>
        fatal(
          'manifest-invalid',
          `--org ${n}: no such org in ${loaded.file} (orgs: ${all.map(({ org }) => org.name).join(', ')})`,
          loaded.locate(['orgs']),
        ),
      ),
    );
  }
  return all.filter(({ org }) => wanted.has(org.name.toLowerCase()));
}

/**
 * `genesys-preflight policy`: the least-privilege role of every org (or the named ones), from the
 * same stages as the check (load → resources → plan → require). Throws PreflightError on manifest problems.
 */
export function runPolicy(opts: {
  manifestPath: string;
  loaded?: LoadedManifest;
  catalog: Catalog;
  orgs?: string[];
  terraformPlan?: string;
  /** Other manifests deployed with the same principals: their needs join each org's (the union). */
  alsoNeeded?: string[];
}): OrgPolicy[] {
  const loaded = opts.loaded ?? loadManifest(opts.manifestPath);
  const selected = selectOrgs(loaded, opts.orgs ?? []);
  const { resources } = expandResources(loaded, {
    ...(opts.terraformPlan ? { terraformPlan: opts.terraformPlan } : {}),
    selectedOrgs: selected.map(({ org }) => org.name),
  });
  const byResource = requirementsByResource(resources, opts.catalog);
  const also = opts.alsoNeeded?.length ? neededByOrg(opts.alsoNeeded, opts.catalog) : new Map<string, Requirement[]>();
  return selected.map(({ org }) =>
    leastPrivilegePolicy(
      org.name,
      resources
        .filter((r) => r.orgs.includes(org.name))
        .flatMap((r) => byResource.get(r) ?? [])
        .concat(also.get(org.name.toLowerCase()) ?? []),
    ),
  );
}
