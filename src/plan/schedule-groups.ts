/**
 * Schedule group plans. Schedule groups live under /api/v2/architect/schedulegroups but need
 * `routing:scheduleGroup:*` permissions, not `architect:*` (swagger; design card §1).
 */
import type { Resource } from '../types.js';
import { step, type ActionPlan } from './step.js';

const find = step('GET /api/v2/architect/schedulegroups', 'find the schedule group by name');
const create = step('POST /api/v2/architect/schedulegroups', 'create the schedule group', { when: 'if it does not exist yet', branch: 'absent' });
const update = step('PUT /api/v2/architect/schedulegroups/{scheduleGroupId}', 'update the schedule group', { when: 'if it exists', branch: 'present' });
const remove = step('DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}', 'delete the schedule group');

const PLAN: ActionPlan = {
  deploy: [find, create, update],
  create: [find, { ...create, when: undefined }],
  update: [find, { ...update, when: undefined }],
  delete: [find, remove],
};

/** The calls for one schedule group; undefined for `publish` (schedule groups are not published). */
export function planScheduleGroup(r: Resource) {
  return PLAN[r.action]?.map((c) => ({ ...c }));
}
