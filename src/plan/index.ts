/**
 * Plan stage: Resource → the API calls its deployer makes, in order (pure; no I/O).
 */
import type { Finding, PlannedCall, Resource } from '../types.js';
import { fatal } from '../util/errors.js';
import { planFlow } from './flows.js';
import { planScript } from './scripts.js';
import { planScheduleGroup } from './schedule-groups.js';
import { planAgentAssignment, planWfmSchedule } from './wfm.js';
import { planPremiumApp } from './premium-apps.js';
import { planTerraform } from './terraform/index.js';

/** Display label of a resource in reports: `kind:name`. */
export function resourceLabel(r: Resource): string {
  return `${r.kind}:${r.name}`;
}

/**
 * Plans one resource: the calls its deployer makes, in order, and warnings (a Terraform type neither
 * table knows); or a located error when the action does not apply to the kind.
 */
export function planResource(r: Resource): { calls: PlannedCall[]; warnings?: Finding[] } | { errors: Finding[] } {
  let calls: PlannedCall[] | undefined;
  let warnings: Finding[] | undefined;
  switch (r.kind) {
    case 'flow':
      calls = planFlow(r);
      break;
    case 'script':
      calls = planScript(r);
      break;
    case 'scheduleGroup':
      calls = planScheduleGroup(r);
      break;
    case 'wfmAgentAssignment':
      calls = planAgentAssignment(r);
      break;
    case 'wfmSchedule':
      calls = planWfmSchedule(r);
      break;
    case 'premiumApp':
      calls = planPremiumApp(r);
      break;
    case 'terraform': {
      const p = planTerraform(r);
      calls = p.calls;
      if (p.warnings.length) warnings = p.warnings;
      break;
    }
  }
  if (!calls) {
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `action "${r.action}" does not apply to a ${r.kind} (${resourceLabel(r)})`,
          r.location,
        ),
      ],
    };
  }
  // `exists: true|false` on the resource settles the create-or-update branch; unknown keeps both.
  const exists = 'exists' in r.details ? r.details.exists : undefined;
  if (exists === true || exists === false) calls = calls.filter((c) => c.branch !== (exists ? 'absent' : 'present'));
  // Plan tables override `when` with undefined for unconditional variants: drop the key once, here.
  // Copies are made without the dropped keys (a `delete` would turn each copy into a slow dictionary).
  const planned = calls.map((c) => {
    const dropWhen = c.when === undefined || (exists !== undefined && !!c.branch);
    const dropBranch = c.branch === undefined || exists !== undefined;
    if (dropWhen && dropBranch) {
      const { when: _when, branch: _branch, ...copy } = c;
      return copy;
    }
    if (dropWhen) {
      const { when: _when, ...copy } = c;
      return copy;
    }
    if (dropBranch) {
      const { branch: _branch, ...copy } = c;
      return copy;
    }
    return { ...c };
  });
  return warnings ? { calls: planned, warnings } : { calls: planned };
}
