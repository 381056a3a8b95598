/**
 * Script deploy plans (api and cx-as-code `genesyscloud_script`, provider docs "API Usage").
 * The import is a multipart upload to `POST /uploads/v2/scripter`, outside /api/v2: it has no
 * published permission requirement, so it is reported `unverifiable` (design card §1, known gaps).
 */
import type { Resource } from '../types.js';
import { step, type ActionPlan } from './step.js';

const find = step('GET /api/v2/scripts', 'find the script by name');
const upload = step('POST /uploads/v2/scripter', 'upload the script export as a multipart import', {
  note: 'script import upload is outside /api/v2 and has no published permission requirement',
});
const uploadStatus = step('GET /api/v2/scripts/uploads/{uploadId}/status', 'wait for the import to finish');
/**
 * Moving an object between divisions needs its edit permission in the divisions involved
 * (Resource Center, "Move objects between divisions", https://help.mypurecloud.com/?p=177143);
 * the swagger publishes no permission for the move call itself.
 */
const move: ReturnType<typeof step> = {
  ...step('POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}', 'move the script into its division (needs script edit there)', {
    when: 'when the script is not in the home division',
  }),
  requires: { mode: 'ALL', values: ['scripter:script:edit'] },
};
const publish = step('POST /api/v2/scripts/published', 'publish the script');
const remove = step('DELETE /api/v2/scripts/{scriptId}', 'delete the script');

const PLAN: ActionPlan = {
  deploy: [find, upload, uploadStatus, move, publish],
  create: [find, upload, uploadStatus, move],
  update: [find, upload, uploadStatus],
  publish: [find, publish],
  delete: [find, remove],
};

/** The calls for one script; `publish: false` drops the publish step of deploy. */
export function planScript(r: Resource) {
  const calls = PLAN[r.action];
  if (!calls) return undefined;
  let list = calls.filter((c) => !(c === move && (r.division === null || r.division.toLowerCase() === 'home')));
  if (r.action === 'deploy' && r.details.publish === false) list = list.filter((c) => c !== publish);
  return list.map((c) => ({ ...c }));
}
