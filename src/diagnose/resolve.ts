/**
 * Which manifest resource a logged failure is about, and the division the manifest places it in
 * (issue 14: "the division when the log or the manifest tells it"). Pure.
 *
 * The log names the object three ways:
 * - a Terraform address (`genesyscloud_flow.main`, `module.ivr.genesyscloud_routing_queue.x["a"]`): the
 *   "with <address>," line of a provider diagnostic (./terraform.ts). It is the resource's
 *   `address` in the plan (`terraform show -json`, src/resources/terraform.ts), or the name of a
 *   `terraform:` resource;
 * - an Archy flow name (`Error publishing flow 'Main IVR'`, ./lines.ts): the name of a `flow:` resource;
 * - nothing, but the failed call's operation: the one resource of the org whose plan makes that call.
 * A name that matches no resource, or more than one, gives no resource: nothing is guessed. The
 * division is then the one the resource's requirements for the failed call are bound to (the
 * operation's, else those needing a permission the log names, else the resource's own division);
 * none when they disagree or the call is not division-bound.
 */
import type { OrgReport } from '../report/model.js';
import type { Requirement, Resource, SourceLocation } from '../types.js';
import type { LogFailure } from './model.js';

/** The manifest resource a failure is about, and its division when the manifest says it unambiguously. */
export interface ResourceMatch {
  /** `kind:name` of the manifest resource (as `check` labels it). */
  resource?: string;
  /** The division the manifest puts the failed call in, and where it says so. */
  division?: { name: string; location?: SourceLocation };
}

/** A Terraform resource address of the Genesys provider (any module path and instance key). */
const TERRAFORM_ADDRESS = /(?:^|\.)genesyscloud_[a-z0-9_]+\.[A-Za-z_]/;

/** True when `name` is a Terraform address of a `genesyscloud_*` resource. */
export function isTerraformAddress(name: string): boolean {
  return TERRAFORM_ADDRESS.test(name);
}

const nameOf = (label: string) => label.slice(label.indexOf(':') + 1);

/**
 * Address → resource labels of the org's resources that carry a Terraform address (flows and
 * scripts imported from a plan are labelled by their own name, not by their address).
 */
function addressLabels(resources: readonly Resource[], org: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of resources) {
    if (!r.orgs.includes(org)) continue;
    const address = 'address' in r.details ? r.details.address : undefined;
    if (typeof address !== 'string' || address === '') continue;
    const set = out.get(address) ?? new Set<string>();
    set.add(`${r.kind}:${r.name}`);
    out.set(address, set);
  }
  return out;
}

/** The labels of `orgReport`'s resources the failure names (or whose plan alone makes its call). */
function candidates(
  failure: LogFailure,
  byLabel: ReadonlyMap<string, Requirement[]>,
  addresses: ReadonlyMap<string, Set<string>>,
): Set<string> {
  const out = new Set<string>();
  const named = failure.resource;
  if (named !== undefined && isTerraformAddress(named)) {
    for (const label of addresses.get(named) ?? []) if (byLabel.has(label)) out.add(label);
    for (const label of byLabel.keys()) if (nameOf(label) === named) out.add(label);
  } else if (named !== undefined) {
    // Archy names the flow it failed on.
    if (byLabel.has(`flow:${named}`)) out.add(`flow:${named}`);
  } else if (failure.operation !== undefined) {
    for (const [label, reqs] of byLabel) if (reqs.some((q) => q.operation === failure.operation)) out.add(label);
  }
  return out;
}

/** The division of the failed call among `reqs` (one resource's requirements), when there is exactly one. */
function divisionOf(failure: LogFailure, reqs: readonly Requirement[]): ResourceMatch['division'] {
  const perms = failure.permissions?.values ?? [];
  const byOperation = failure.operation ? reqs.filter((q) => q.operation === failure.operation) : [];
  const byPermission = perms.length
    ? reqs.filter((q) => q.permissions?.values.some((p) => perms.includes(p)) ?? false)
    : [];
  const bound = byOperation.length ? byOperation : byPermission;
  if (bound.length) {
    // The requirements of this very call: all in one division, or it is not known (or not division-bound).
    const names = new Set(bound.map((q) => q.division));
    const only = names.size === 1 ? bound[0]! : undefined;
    if (!only?.division) return undefined;
    return { name: only.division, ...(only.divisionLocation ? { location: only.divisionLocation } : {}) };
  }
  // Not a call of its plan: the division the resource lives in, when its bound requirements agree.
  const placed = reqs.filter((q) => q.division !== null);
  const names = new Set(placed.map((q) => q.division));
  if (names.size !== 1) return undefined;
  const first = placed.find((q) => q.divisionLocation) ?? placed[0]!;
  return { name: first.division!, ...(first.divisionLocation ? { location: first.divisionLocation } : {}) };
}

function requirementsByLabel(orgReport: Pick<OrgReport, 'requirements'>): Map<string, Requirement[]> {
  const byLabel = new Map<string, Requirement[]>();
  for (const q of orgReport.requirements) {
    const list = byLabel.get(q.resource) ?? [];
    list.push(q);
    byLabel.set(q.resource, list);
  }
  return byLabel;
}

/**
 * The labels of the org's resources the log's name for the object (`failure.resource`: a Terraform
 * address or an Archy flow name) designates: none when it is no resource of the org. `conclusive` is
 * false when the caller could not tell: a Terraform address of a flow or script is only matched
 * through the expanded manifest (`resources`), and none was given.
 */
export function namedResources(
  failure: LogFailure,
  orgReport: Pick<OrgReport, 'name' | 'requirements'>,
  resources: readonly Resource[] = [],
): { labels: Set<string>; conclusive: boolean } {
  const labels =
    failure.resource === undefined
      ? new Set<string>()
      : candidates(failure, requirementsByLabel(orgReport), addressLabels(resources, orgReport.name));
  const conclusive =
    failure.resource !== undefined &&
    (labels.size > 0 || !isTerraformAddress(failure.resource) || resources.length > 0);
  return { labels, conclusive };
}

/**
 * The manifest resource `failure` is about, in `orgReport` (its requirements, labelled `kind:name`),
 * and the division the manifest places the failed call in. `resources` (the expanded manifest, when
 * the caller has it) maps Terraform addresses of flows and scripts to their labels.
 */
export function matchResource(
  failure: LogFailure,
  orgReport: Pick<OrgReport, 'name' | 'requirements'>,
  resources: readonly Resource[] = [],
): ResourceMatch {
  const byLabel = requirementsByLabel(orgReport);
  const found = candidates(failure, byLabel, addressLabels(resources, orgReport.name));
  if (found.size !== 1) return {};
  const [resource] = [...found] as [string];
  const division = divisionOf(failure, byLabel.get(resource)!);
  return { resource, ...(division ? { division } : {}) };
}
