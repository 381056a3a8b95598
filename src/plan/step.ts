/** Building blocks of deploy plans: one Step per API call a deployer makes. */
import type { CallSource, PermissionSet, PlannedCall } from '../types.js';
import { apiReference } from './sources.js';

/** Options of a step: org-wide, the condition, a create-or-update branch, an explanatory note. */
export interface StepOptions {
  /** The call is org-wide (not bound to the resource's division). */
  org?: boolean;
  /** When the deployer makes the call ("with force_unlock"). */
  when?: string;
  /** Text for a call the catalog does not describe: why it cannot be verified. */
  note?: string;
  /** Why the call itself is not confirmed, or how it is inferred (PlannedCall.unconfirmed). */
  unconfirmed?: string;
  branch?: 'absent' | 'present';
}

/** `'METHOD /path'`, why the call is made, and where the fact that the deployer makes it comes from. */
export function step(call: string, purpose: string, source: CallSource, opts: StepOptions = {}): PlannedCall {
  const i = call.indexOf(' ');
  const c: PlannedCall = {
    source,
    method: call.slice(0, i),
    path: call.slice(i + 1),
    purpose,
    divisionBound: opts.org !== true,
  };
  if (opts.when) c.when = opts.when;
  if (opts.branch) c.branch = opts.branch;
  if (opts.note) c.note = opts.note;
  if (opts.unconfirmed) c.unconfirmed = opts.unconfirmed;
  return c;
}

/** `step` whose source is the Platform API reference of the call: deployer `api` (your own code). */
export function apiStep(call: string, purpose: string, opts: StepOptions = {}): PlannedCall {
  const i = call.indexOf(' ');
  return step(call, purpose, apiReference(call.slice(0, i), call.slice(i + 1)), opts);
}

/** A plan table: for each action, the calls in the order the deployer makes them. Absent = the action does not apply. */
export type ActionPlan = Partial<Record<'deploy' | 'create' | 'update' | 'delete' | 'publish', PlannedCall[]>>;

/**
 * The same call without its condition or branch: the unconditional variant a single-branch action
 * uses (`create` always creates). The plan stage drops the undefined keys.
 */
export const always = (c: PlannedCall): PlannedCall => ({ ...c, when: undefined, branch: undefined }) as PlannedCall;

/** A frozen permission set for a call's `requires`: shared by every requirement made from it. */
export function requiresAll(...values: string[]): PermissionSet {
  return Object.freeze({ mode: 'ALL' as const, values: Object.freeze(values) as string[] });
}
