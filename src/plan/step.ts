/** Building blocks of deploy plans: one Step per API call a deployer makes. */
import type { PlannedCall } from '../types.js';

/** `'METHOD /path'` plus why the call is made. */
export function step(call: string, purpose: string, opts: { org?: boolean; when?: string; note?: string; branch?: 'absent' | 'present' } = {}): PlannedCall {
  const i = call.indexOf(' ');
  const c: PlannedCall = { method: call.slice(0, i), path: call.slice(i + 1), purpose, divisionBound: opts.org !== true };
  if (opts.when) c.when = opts.when;
  if (opts.branch) c.branch = opts.branch;
  if (opts.note) c.note = opts.note;
  return c;
}

/** A plan table: for each action, the calls in the order the deployer makes them. Absent = the action does not apply. */
export type ActionPlan = Partial<Record<'deploy' | 'create' | 'update' | 'delete' | 'publish', PlannedCall[]>>;
