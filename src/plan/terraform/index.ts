/**
 * Plans a `genesyscloud_*` change of a Terraform plan: the calls terraform-provider-genesyscloud
 * makes for it, read from the provider's code where the type has been (./tables.ts, conditions
 * tested on the plan's change), else from the provider docs' "API Usage" table (./docs-table.ts,
 * sourced as such). Flows and scripts of a plan are `flow`/`script` resources (../flows.ts, ../scripts.ts).
 */
import { HOME } from '../../domain/divisions.js';
import type { Finding, PlannedCall, TerraformResource } from '../../types.js';
import { isKnownType, moveOutCalls, terraformCalls, touchedBy } from './docs-table.js';
import { divisionMoveCalls, isMove, providerCalls } from './tables.js';

/**
 * The calls of one change, and a warning when the type is in neither table (its calls cannot be
 * checked; never a silent pass). A `movedFrom` resource (the division an update moves the object out
 * of) gets the calls that move it, checked there (a move needs edit rights in both divisions).
 */
export function planTerraform(r: TerraformResource): { calls: PlannedCall[]; warnings: Finding[] } {
  const { type, address, change } = r.details;
  if (r.details.movedFrom) {
    const from = r.division ?? '';
    const update = providerCalls(type, 'update', change);
    const calls = update
      ? divisionMoveCalls(type, update).map((c) => {
          const out: PlannedCall = {
            ...c,
            purpose: `${c.purpose}: moves it out of division ${from} (a move needs edit rights in both divisions)`,
          };
          delete out.when;
          return out;
        })
      : moveOutCalls(type, from);
    return { calls, warnings: [] };
  }
  const fromCode = providerCalls(type, r.action, change);
  const calls =
    fromCode ?? (isKnownType(type) ? terraformCalls(type, r.action, touchedBy(change, r.action)) : undefined) ?? [];
  if (fromCode && r.action === 'create') {
    // Created in Home, then moved: the move needs the edit permission in Home too.
    for (const c of fromCode.filter(isMove)) {
      calls.push({
        ...c,
        division: HOME,
        purpose: `${c.purpose}, out of ${HOME} where it is created (a move needs edit rights in both divisions)`,
      });
    }
  }
  if (calls.length) return { calls, warnings: [] };
  return {
    calls: [],
    warnings: [
      {
        severity: 'warning',
        code: 'unverifiable',
        message: `${address}: resource type ${type} is not in the CX-as-Code table; the Platform API calls it makes (and the permissions they need) cannot be checked`,
        resource: `terraform:${address}`,
        location: r.location,
        fix: `look up the ${type} resource's "API Usage" in the genesyscloud provider docs and check the deploy role holds those operations' permissions`,
      },
    ],
  };
}
