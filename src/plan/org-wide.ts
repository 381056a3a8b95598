/** Operations the plans make org-wide (not bound to the resource's division), collected from every plan. */
import { DEPLOYERS, RESOURCE_ACTIONS, type ResourceKind } from '../types.js';
import { planResource } from './index.js';
import { sampleResource } from './matrix.js';

function collect(): Set<string> {
  const out = new Set<string>();
  const kinds: ResourceKind[] = ['flow', 'script', 'scheduleGroup', 'wfmAgentAssignment', 'wfmSchedule', 'premiumApp'];
  for (const kind of kinds)
    for (const action of RESOURCE_ACTIONS)
      for (const deployer of DEPLOYERS) {
        const p = planResource(sampleResource(kind, action, deployer));
        if ('calls' in p) for (const c of p.calls) if (!c.divisionBound) out.add(`${c.method} ${c.path}`);
      }
  return out;
}

/** `METHOD /path` of every call some plan makes org-wide. */
export const ORG_WIDE_OPERATIONS: ReadonlySet<string> = collect();
