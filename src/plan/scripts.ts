/**
 * Script deploy plans, each call with its source (docs/FIDELITY.md lists them).
 *
 * - api: your own code: find by name, the import upload, its status, the division move, publish.
 * - cx-as-code: `genesyscloud_script` from the provider's code (v1.84.1): the upload, its status,
 *   the lookup of the new id by name through `GET /api/v2/scripts` and `GET /api/v2/scripts/published`,
 *   the division move whenever `division_id` is set (on create and on every update; the manifest's
 *   division counts as set), publish (always), the read-back; delete is one DELETE.
 *
 * The import is a multipart upload to `POST /uploads/v2/scripter`, outside /api/v2: it has no
 * published permission requirement, so it is reported `unverifiable` (design card §1, known gaps).
 *
 * A division move needs the script's edit permission in the division it leaves and the one it
 * enters (Resource Center, "Move objects from one division to another"). A new script is created
 * in Home and then moved: edit in Home too. An existing script leaves the division it is in now,
 * which is the target unless it was moved since (not known offline: FIDELITY.md).
 */
import type { CallSource, Deployer, PlannedCall, ScriptResource } from '../types.js';
import { always, apiStep, requiresAll, step, type ActionPlan } from './step.js';
import { providerCode } from './sources.js';
import { HOME, RC_MOVE_OBJECTS, RC_MOVE_QUOTE } from '../domain/divisions.js';

const api = apiStep;
const PROXY = 'scripts/genesyscloud_scripts_proxy.go';
const RESOURCE = 'scripts/resource_genesyscloud_script.go';
const MOVE = 'POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}';
const UPLOAD_NOTE = 'script import upload is outside /api/v2 and has no published permission requirement';
/** The permission a script move needs in each division (inferred: the move pages name no script permission). */
export const SCRIPT_EDIT = 'scripter:script:edit';
/** The rule every move requirement rests on: edit in the divisions moved from and to. */
const MOVE_RULE: CallSource = { kind: 'docs', url: RC_MOVE_OBJECTS, quote: RC_MOVE_QUOTE };

/** The move call into the target division, needing script edit there. */
function moveInto(call: PlannedCall, when: string): PlannedCall {
  return { ...call, when, requires: requiresAll(SCRIPT_EDIT), requiresSource: MOVE_RULE };
}
/** The same move seen from Home: a new script is created in Home, so it leaves Home. */
const moveFromHome: PlannedCall = {
  ...step(
    MOVE,
    'move the new script out of Home, where the import creates it (needs script edit in Home too)',
    MOVE_RULE,
    { when: 'if the script is new (created in Home, then moved)', branch: 'absent' },
  ),
  division: HOME,
  requires: requiresAll(SCRIPT_EDIT),
};

// --- api ------------------------------------------------------------------------------------------
const find = api('GET /api/v2/scripts', 'find the script by name');
const upload = step(
  'POST /uploads/v2/scripter',
  'upload the script export as a multipart import',
  providerCode(PROXY, 'L274-L286'),
  { note: UPLOAD_NOTE },
);
const uploadStatus = api('GET /api/v2/scripts/uploads/{uploadId}/status', 'wait for the import to finish');
const move = moveInto(
  api(MOVE, 'move the script into its division (needs script edit there)'),
  'when the script is not in the home division',
);
const publish = api('POST /api/v2/scripts/published', 'publish the script');
const remove = api('DELETE /api/v2/scripts/{scriptId}', 'delete the script');

const API: ActionPlan = {
  deploy: [find, upload, uploadStatus, move, moveFromHome, publish],
  create: [find, upload, uploadStatus, move, always(moveFromHome)],
  update: [find, upload, uploadStatus],
  publish: [find, publish],
  delete: [find, remove],
};

// --- cx-as-code: genesyscloud_script (provider code) ------------------------------------------------
const tf = {
  upload: step(
    'POST /uploads/v2/scripter',
    'upload the script export as a multipart import (apps host)',
    providerCode(PROXY, 'L450'),
    { note: UPLOAD_NOTE },
  ),
  status: step(
    'GET /api/v2/scripts/uploads/{uploadId}/status',
    'wait for the import to finish',
    providerCode(PROXY, 'L454'),
  ),
  byName: step('GET /api/v2/scripts', 'look up the new script id by name', providerCode(PROXY, 'L461')),
  byNamePublished: step(
    'GET /api/v2/scripts/published',
    'look up the script by name among the published scripts',
    providerCode(PROXY, 'L461'),
  ),
  move: moveInto(
    step(MOVE, 'move the script into its division (needs script edit there)', providerCode(PROXY, 'L466')),
    'whenever division_id is set (the manifest division counts): on create and on every update',
  ),
  publish: step('POST /api/v2/scripts/published', 'publish the script (always)', providerCode(PROXY, 'L471')),
  readBack: step('GET /api/v2/scripts/{scriptId}', 'read the script back', providerCode(RESOURCE, 'L74,L122')),
  remove: step('DELETE /api/v2/scripts/{scriptId}', 'delete the script', providerCode(RESOURCE, 'L153')),
};
const tfUpdate = [
  step(
    'POST /uploads/v2/scripter',
    'upload the script export to replace the script (apps host)',
    providerCode(PROXY, 'L489'),
    { note: UPLOAD_NOTE },
  ),
  step('GET /api/v2/scripts/uploads/{uploadId}/status', 'wait for the import to finish', providerCode(PROXY, 'L494')),
  step('GET /api/v2/scripts', 'look up the script id by name', providerCode(PROXY, 'L501')),
  step(
    'GET /api/v2/scripts/published',
    'look up the script by name among the published scripts',
    providerCode(PROXY, 'L501'),
  ),
  { ...tf.move, source: providerCode(PROXY, 'L505') },
  step('POST /api/v2/scripts/published', 'publish the script (always)', providerCode(PROXY, 'L510')),
  step('GET /api/v2/scripts/{scriptId}', 'read the script back', providerCode(RESOURCE, 'L112')),
];

const CX_AS_CODE: ActionPlan = {
  deploy: [tf.upload, tf.status, tf.byName, tf.byNamePublished, tf.move, moveFromHome, tf.publish, tf.readBack],
  create: [tf.upload, tf.status, tf.byName, tf.byNamePublished, tf.move, always(moveFromHome), tf.publish, tf.readBack],
  update: tfUpdate,
  publish: tfUpdate,
  delete: [tf.remove],
};

/** The script plan tables: deployer → action → calls (`archy` does not deploy scripts). */
export const SCRIPT_PLANS: Readonly<Partial<Record<Deployer, ActionPlan>>> = { api: API, 'cx-as-code': CX_AS_CODE };

const isMove = (c: PlannedCall) => c.method === 'POST' && c.path === MOVE.slice(5);

/**
 * The calls for one script. api: the move only out of Home; `publish: false` drops the publish
 * step of deploy. cx-as-code: the provider always publishes and moves whenever a division is set.
 */
export function planScript(r: ScriptResource): PlannedCall[] | undefined {
  const calls = (SCRIPT_PLANS[r.deployer] ?? API)[r.action];
  if (!calls) return undefined;
  const home = r.division === null || r.division.toLowerCase() === HOME.toLowerCase();
  let list = calls.filter((c) => !(isMove(c) && (r.division === null || (r.deployer !== 'cx-as-code' && home))));
  if (r.deployer !== 'cx-as-code' && r.action === 'deploy' && r.details.publish === false)
    list = list.filter((c) => c !== publish);
  return list.map((c) => ({ ...c }));
}
