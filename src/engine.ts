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
import type { Finding, Requirement, Resource } from './types.js';
import { PreflightError, fatal } from './util/errors.js';
import type { OrgDecl } from './manifest/types.js';

import { mapLimit } from './genesys/concurrency.js';
import { checkResourceOrgPairs } from './limits.js';
import { leastPrivilegePolicy, type OrgPolicy } from './policy/least-privilege.js';
import { describeSizes, excessFor, type ExcessResult } from './evaluate/excess.js';
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
  /** Environment (allowed hosts for `catalog: live`). Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Plans every resource and joins the catalog: requirements per resource. The plan stage's warnings
 * (a Terraform type neither table knows) are appended to `warnings`. Throws PreflightError on plan errors.
 */
export function requirementsByResource(resources: Resource[], catalog: Catalog, warnings: Finding[] = []): Map<Resource, Requirement[]> {
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
  const report: Report = { version: REPORT_VERSION, mode: opts.mode, passed: false, manifest: opts.manifestPath, summary: { errors: 0, warnings: 0, notices: 0 }, orgs: [], findings: [] };
  try {
    const loaded = opts.loaded ?? loadManifest(opts.manifestPath);
    const selected = selectOrgs(loaded, opts.orgs ?? []);
    const catalog =
      opts.catalog ??
      (opts.catalogOption && opts.catalogOption !== 'bundled'
        ? await loadCatalogOption(opts.catalogOption, loaded, { ...(selected[0] ? { org: selected[0].org.name } : {}), env: opts.env ?? process.env })
        : bundledCatalog());
    report.catalog = { source: catalog.version, operations: catalog.size };
    const { resources, findings: importFindings } = expandResources(loaded, {
      ...(opts.terraformPlan ? { terraformPlan: opts.terraformPlan } : {}),
      selectedOrgs: selected.map(({ org }) => org.name),
    });
    for (const f of importFindings) report.findings.push(f);
    checkResourceOrgPairs(resources, selected.map(({ org }) => org.name), loaded.locate(['orgs']));
    const byResource = requirementsByResource(resources, catalog, report.findings);
    catalogCoverage(byResource, catalog, report);
    const alsoNeeded = opts.excess?.alsoNeeded?.length ? neededByOrg(opts.excess.alsoNeeded, catalog) : new Map<string, Requirement[]>();
    const grants = opts.grants ?? (opts.mode === 'live' ? undefined : declaredGrants);
    if (!grants) throw new Error('live mode needs a grants reader');
    const identities: OrgIdentity[] = new Array(selected.length);
    report.orgs = await mapLimit(
      selected,
      opts.concurrency ?? 16,
      async ({ org, index }) => {
        const requirements = resources.filter((r) => r.orgs.includes(org.name)).flatMap((r) => byResource.get(r) ?? []);
        const requiredPermissions = [...new Set(requirements.flatMap((q) => q.permissions?.values ?? []))].sort();
        const g = await grants(org, index, { loaded, requirements, requiredPermissions, resources });
        identities[selected.findIndex((s) => s.index === index)] = orgIdentity(org, g, loaded.locate(['orgs', index]));
        const findings = [...g.findings];
        let excess: ExcessResult | undefined;
        if (requirements.length === 0) {
          findings.push({ severity: 'warning', code: 'unverifiable', message: `org ${org.name}: the manifest deploys nothing to this org, so nothing was checked`, location: loaded.locate(['orgs', index]) });
        }
        if (g.principal) {
          if (g.principal.source === 'declared') for (const f of lintPrincipal(g.principal, catalog, org.name)) findings.push(f);
          for (const f of lintDeclaredNames(resources.filter((r) => r.orgs.includes(org.name)), catalog)) findings.push(f);
          // Permissions the org's products lack are reported once, as entitlement-missing (live).
          for (const f of evaluate(requirements, g.principal, org.name)) findings.push(f);
          if (opts.excess) {
            const needed = requirements.concat(alsoNeeded.get(org.name.toLowerCase()) ?? []);
            excess = excessFor(org.name, g.principal, needed, { severity: opts.excess.severity ?? 'notice', vocabulary: catalog.permissions });
            for (const f of excess.findings) findings.push(f);
          }
        }
        findings.sort(compareFindings);
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
      },
    );
    // Two manifest orgs whose credentials reach the same Genesys org (src/grants/crossed.ts).
    addCrossedFindings(report.orgs, crossedOrgs(identities.filter(Boolean)));
  } catch (e) {
    if (!(e instanceof PreflightError)) throw e;
    for (const f of e.findings) report.findings.push(f);
  }
  report.findings.sort(compareFindings);
  const all = report.findings.concat(...report.orgs.map((o) => o.findings));
  report.summary = summarize(all);
  report.passed = report.summary.errors === 0 && report.orgs.length > 0;
  return report;
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
    for (const q of reqs) {
      if (!q.operation.includes(' /api/v2/')) continue;
      planned++;
      if (q.unverifiable === NOT_IN_CATALOG) unknown++;
    }
  }
  if (planned > 0 && unknown * 2 > planned) {
    throw new PreflightError([
      fatal('unverifiable', `the catalog (${catalog.version}, ${catalog.size} operations) does not describe ${unknown} of the ${planned} calls the deploy makes; the check would rest on warnings alone`, undefined,
        'use catalog: bundled, or the full Platform API swagger'),
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
      unknown.map((n) => fatal('manifest-invalid', `--org ${n}: no such org in ${loaded.file} (orgs: ${all.map(({ org }) => org.name).join(', ')})`, loaded.locate(['orgs']))),
    );
  }
  return all.filter(({ org }) => wanted.has(org.name.toLowerCase()));
}

/**
 * `genesys-preflight policy`: the least-privilege role of every org (or the named ones), from the
 * same stages as the check (load → resources → plan → require). Throws PreflightError on manifest problems.
 */
export function runPolicy(opts: { manifestPath: string; loaded?: LoadedManifest; catalog: Catalog; orgs?: string[]; terraformPlan?: string }): OrgPolicy[] {
  const loaded = opts.loaded ?? loadManifest(opts.manifestPath);
  const selected = selectOrgs(loaded, opts.orgs ?? []);
  const { resources } = expandResources(loaded, {
    ...(opts.terraformPlan ? { terraformPlan: opts.terraformPlan } : {}),
    selectedOrgs: selected.map(({ org }) => org.name),
  });
  const byResource = requirementsByResource(resources, opts.catalog);
  return selected.map(({ org }) =>
    leastPrivilegePolicy(org.name, resources.filter((r) => r.orgs.includes(org.name)).flatMap((r) => byResource.get(r) ?? [])),
  );
}
