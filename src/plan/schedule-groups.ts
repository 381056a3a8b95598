/**
 * Schedule group plans, each call with its source (docs/FIDELITY.md lists them). Schedule groups
 * live under /api/v2/architect/schedulegroups but need `routing:scheduleGroup:*` permissions, not
 * `architect:*` (swagger; design card §1).
 *
 * - api: your own code: find by name, create or update, delete.
 * - cx-as-code: `genesyscloud_architect_schedulegroups` from the provider's code (v1.84.1): no
 *   lookup by name; create then read back; update reads the version, PUTs, reads back; delete then
 *   polls until it is gone. The division rides in the create/update body (no move call).
 */
import type { Deployer, ScheduleGroupResource } from '../types.js';
import { always, apiStep, step, type ActionPlan } from './step.js';
import { providerCode } from './sources.js';

const api = apiStep;

const find = api('GET /api/v2/architect/schedulegroups', 'find the schedule group by name');
const create = api('POST /api/v2/architect/schedulegroups', 'create the schedule group', {
  when: 'if it does not exist yet',
  branch: 'absent',
});
const update = api('PUT /api/v2/architect/schedulegroups/{scheduleGroupId}', 'update the schedule group', {
  when: 'if it exists',
  branch: 'present',
});
const remove = api('DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}', 'delete the schedule group');

const API: ActionPlan = {
  deploy: [find, create, update],
  create: [find, always(create)],
  update: [find, always(update)],
  delete: [find, remove],
};

const RES = 'architect_schedulegroups/resource_genesyscloud_architect_schedulegroups.go';
const ONE = '/api/v2/architect/schedulegroups/{scheduleGroupId}';
const tf = {
  create: step(
    'POST /api/v2/architect/schedulegroups',
    'create the schedule group (division in the body)',
    providerCode(RES, 'L52'),
    {
      when: 'if it does not exist yet',
      branch: 'absent',
    },
  ),
  readBack: step(
    `GET ${ONE}`,
    'read the schedule group back (and its version before an update)',
    providerCode(RES, 'L64,L76'),
  ),
  update: step(`PUT ${ONE}`, 'update the schedule group (division in the body)', providerCode(RES, 'L120'), {
    when: 'if it exists',
    branch: 'present',
  }),
  remove: step(`DELETE ${ONE}`, 'delete the schedule group', providerCode(RES, 'L142-L151')),
  poll: step(`GET ${ONE}`, 'poll until the schedule group is deleted', providerCode(RES, 'L153-L170')),
};

const CX_AS_CODE: ActionPlan = {
  deploy: [tf.create, tf.readBack, tf.update],
  create: [always(tf.create), tf.readBack],
  update: [{ ...tf.readBack, source: providerCode(RES, 'L120,L131') }, always(tf.update)],
  delete: [tf.remove, tf.poll],
};

/** The schedule group plan tables: deployer → action → calls (`archy` does not deploy schedule groups). */
export const SCHEDULE_GROUP_PLANS: Readonly<Partial<Record<Deployer, ActionPlan>>> = {
  api: API,
  'cx-as-code': CX_AS_CODE,
};

/** The calls for one schedule group; undefined for `publish` (schedule groups are not published). */
export function planScheduleGroup(r: ScheduleGroupResource) {
  return (SCHEDULE_GROUP_PLANS[r.deployer] ?? API)[r.action]?.map((c) => ({ ...c }));
}
