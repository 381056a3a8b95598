/**
 * Workforce Management plans.
 * - Agent assignments: agents move between management units with `POST /api/v2/workforcemanagement/agents`
 *   (`wfm:agent:edit`), not the PATCH on a management unit's agents (design card §1, known gaps).
 * - Schedules: imported or updated through an upload URL; there is no publish endpoint: the
 *   `published` flag rides on the import/update request (design card §1).
 * Deployer `api` only (your own code): every call's source is its Platform API reference.
 */
import type { WfmAgentAssignmentResource, WfmScheduleResource } from '../types.js';
import { always, apiStep as step, type ActionPlan } from './step.js';

const findBu = step('GET /api/v2/workforcemanagement/businessunits', 'find the business unit by name');
const findMu = step(
  'GET /api/v2/workforcemanagement/businessunits/{businessUnitId}/managementunits',
  'find the management unit by name',
);
const findUsers = step('POST /api/v2/users/search', 'resolve the agents by email', { org: true });
const move = step('POST /api/v2/workforcemanagement/agents', 'move the agents into the management unit');
const moveOut = step('POST /api/v2/workforcemanagement/agents', 'move the agents out of the management unit');

const ASSIGNMENT: ActionPlan = {
  deploy: [findBu, findMu, findUsers, move],
  create: [findBu, findMu, findUsers, move],
  update: [findBu, findMu, findUsers, move],
  delete: [findBu, findMu, findUsers, moveOut],
};

const weeks = '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules';
const findSchedule = step(`GET ${weeks}`, "find the week's schedules");
const importUrl = step(`POST ${weeks}/import/uploadurl`, 'get an upload URL for the schedule import', {
  when: 'if the week has no schedule yet',
  branch: 'absent',
});
const importRun = step(`POST ${weeks}/import`, 'import the uploaded schedule', {
  when: 'if the week has no schedule yet',
  branch: 'absent',
});
const updateUrl = step(`POST ${weeks}/{scheduleId}/update/uploadurl`, 'get an upload URL for the schedule update', {
  when: 'if the week has a schedule',
  branch: 'present',
});
const updateRun = step(`POST ${weeks}/{scheduleId}/update`, 'apply the uploaded schedule update', {
  when: 'if the week has a schedule',
  branch: 'present',
});
const removeSchedule = step(`DELETE ${weeks}/{scheduleId}`, 'delete the schedule');

const SCHEDULE: ActionPlan = {
  deploy: [findBu, findSchedule, importUrl, importRun, updateUrl, updateRun],
  create: [findBu, findSchedule, always(importUrl), always(importRun)],
  update: [findBu, findSchedule, always(updateUrl), always(updateRun)],
  publish: [
    findBu,
    findSchedule,
    always(updateUrl),
    { ...always(updateRun), purpose: 'publish the schedule (published flag on the update)' },
  ],
  delete: [findBu, findSchedule, removeSchedule],
};

/** The WFM plan tables (deployer `api`). */
export const WFM_PLANS = { wfmAgentAssignment: ASSIGNMENT, wfmSchedule: SCHEDULE } as const;

/** The calls for one agent assignment; undefined for `publish`. */
export function planAgentAssignment(r: WfmAgentAssignmentResource) {
  return ASSIGNMENT[r.action]?.map((c) => ({ ...c }));
}

/** The calls for one WFM schedule. */
export function planWfmSchedule(r: WfmScheduleResource) {
  return SCHEDULE[r.action]?.map((c) => ({ ...c }));
}
