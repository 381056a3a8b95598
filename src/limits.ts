/**
 * Bounds on one run's work and output, whatever the manifest asks for. Security issue 10: a
 * 290 KB manifest naming 1,000 orgs and 10,000 resources made 10 million resource-org pairs to
 * plan, evaluate and report (an 11 GB JSON report in contract v1).
 */
import type { Resource, SourceLocation } from './types.js';
import { PreflightError, fatal } from './util/errors.js';

/**
 * Most (resource, org) pairs one run checks. Each pair costs every requirement of the resource
 * (about 6 on average) in the evaluation, the text and markdown reports and the findings.
 * 10,000 resources × 100 orgs (1,000,000 pairs) is the largest benchmarked size (bench/RESULTS.md).
 */
export const MAX_RESOURCE_ORG_PAIRS = 2_000_000;

/**
 * How many (resource, org) pairs the run checks: each resource counts once per checked org it is
 * deployed to. Resources sharing one `orgs` array (the default: every org) are counted once per array.
 */
export function resourceOrgPairs(resources: readonly Resource[], checkedOrgs: readonly string[]): number {
  const checked = new Set(checkedOrgs);
  const perList = new Map<readonly string[], number>();
  let pairs = 0;
  for (const r of resources) {
    let n = perList.get(r.orgs);
    if (n === undefined) {
      n = 0;
      for (const o of new Set(r.orgs)) if (checked.has(o)) n++;
      perList.set(r.orgs, n);
    }
    pairs += n;
  }
  return pairs;
}

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * Refuses a run of more than `limit` (resource, org) pairs before anything is planned.
 * Returns the number of pairs; throws {@link PreflightError} with one fatal `manifest-invalid`
 * finding located at `at` (the manifest's `orgs` node) otherwise. The message holds counts only.
 */
export function checkResourceOrgPairs(
  resources: readonly Resource[],
  checkedOrgs: readonly string[],
  at: SourceLocation | undefined,
  limit = MAX_RESOURCE_ORG_PAIRS,
): number {
  const pairs = resourceOrgPairs(resources, checkedOrgs);
  if (pairs <= limit) return pairs;
  throw new PreflightError([
    fatal(
      'manifest-invalid',
      `the manifest deploys ${thousands(resources.length)} resources to ${thousands(checkedOrgs.length)} orgs: ` +
        `${thousands(pairs)} resource-org pairs to check, more than the limit of ${thousands(limit)}`,
      at,
      'check fewer orgs per run (--org NAME or the action input orgs; one job per org with ' +
        '`genesys-preflight orgs`), or split the manifest',
    ),
  ]);
}
