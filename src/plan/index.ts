/**
 * Plan stage: Resource → the API calls its deployer makes, in order (pure; no I/O).
 */
import type { Finding, PlannedCall, Resource } from '../types.js';
import { fatal } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { planFlow } from './flows.js';
import { planScript } from './scripts.js';
import { planScheduleGroup } from './schedule-groups.js';
import { planAgentAssignment, planWfmSchedule } from './wfm.js';
import { planPremiumApp, WIZARD_MODULE_CALLS } from './premium-apps.js';

/** Display label of a resource in reports: `kind:name`. */
export function resourceLabel(r: Resource): string {
  return `${r.kind}:${r.name}`;
}

/** Plans one resource. Returns the calls, or located errors (action not applicable, unknown wizard module). */
export function planResource(r: Resource): { calls: PlannedCall[] } | { errors: Finding[] } {
  let calls: PlannedCall[] | undefined;
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
    case 'premiumApp': {
      const p = planPremiumApp(r);
      if (p && p.unknownModules.length) {
        return {
          errors: p.unknownModules.map((m) =>
            fatal('manifest-invalid', `unknown premium-app wizard module "${m}"${didYouMean(m, Object.keys(WIZARD_MODULE_CALLS))}`, r.location, `modules: ${Object.keys(WIZARD_MODULE_CALLS).join(', ')}`),
          ),
        };
      }
      calls = p?.calls;
      break;
    }
    case 'terraform':
      calls = (r.details.calls as PlannedCall[] | undefined) ?? [];
      break;
  }
  if (!calls) {
    return { errors: [fatal('manifest-invalid', `action "${r.action}" does not apply to a ${r.kind} (${resourceLabel(r)})`, r.location)] };
  }
  // `exists: true|false` on the resource settles the create-or-update branch; unknown keeps both.
  const exists = r.details.exists;
  if (exists === true || exists === false) calls = calls.filter((c) => c.branch !== (exists ? 'absent' : 'present'));
  // Plan tables override `when` with undefined for unconditional variants: drop the key once, here.
  return {
    calls: calls.map((c) => {
      const copy = { ...c };
      if (copy.when === undefined || (exists !== undefined && copy.branch)) delete copy.when;
      if (copy.branch === undefined || exists !== undefined) delete copy.branch;
      return copy;
    }),
  };
}
