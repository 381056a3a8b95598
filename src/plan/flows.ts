/**
 * Flow deploy plans per deployer.
 *
 * - archy / api: the public Architect flow endpoints (find by name, create, check out, save a
 *   configuration version, check in, publish). Archy (`archy publish|create|update|delete`) performs
 *   the same steps through the Architect scripting SDK, and resolves the division by name first.
 * - cx-as-code: `genesyscloud_flow` imports the YAML through an Architect job
 *   (`POST /api/v2/flows/jobs`, then polls `GET /api/v2/flows/jobs/{jobId}`), per the provider's
 *   docs ("API Usage", docs/resources/flow.md); the job creates or updates and publishes the flow.
 */
import type { Deployer, PlannedCall, Resource } from '../types.js';
import { REFERENCE_LOOKUPS, type FlowReference } from '../expand/references.js';
import { step, type ActionPlan } from './step.js';

const find = step('GET /api/v2/flows', 'find the flow by name and type');
const resolveDivision = step('GET /api/v2/authorization/divisions', 'resolve the division name to its id', { org: true });
const create = step('POST /api/v2/flows', 'create the flow', { when: 'if the flow does not exist yet', branch: 'absent' });
const checkout = step('POST /api/v2/flows/actions/checkout', 'lock the flow for editing');
const save = step('POST /api/v2/flows/{flowId}/versions', 'save the flow configuration');
const checkin = step('POST /api/v2/flows/actions/checkin', 'unlock the flow after saving');
const publish = step('POST /api/v2/flows/actions/publish', 'publish the flow');
const remove = step('DELETE /api/v2/flows/{flowId}', 'delete the flow');
const unlock = step('POST /api/v2/flows/actions/unlock', 'force-unlock a flow locked by someone else', { when: 'with forceUnlock' });
const job = step('POST /api/v2/flows/jobs', 'register an Architect import job for the YAML (the job creates or updates and publishes the flow)');
const jobStatus = step('GET /api/v2/flows/jobs/{jobId}', 'poll the import job');
const readBack = step('GET /api/v2/flows/{flowId}', 'read the deployed flow');
/**
 * The Architect job creates or updates and publishes the flow inside Genesys Cloud, on the caller's
 * behalf; which flow permissions it checks there is not published (the provider docs list only the
 * job permissions), so it is reported as a call that cannot be verified, never as a pass.
 */
const jobWrites = step('POST /api/v2/flows/jobs (flow import)', 'the import job creates or updates and publishes the flow', {
  note: "the job's own flow checks (add, edit, publish in the flow's division, as a direct deploy needs) are not published; make sure the client holds them",
});

function editing(lookups: ReturnType<typeof step>[]): ActionPlan {
  return {
    deploy: [...lookups, create, checkout, save, checkin, publish],
    create: [...lookups, { ...create, when: undefined } as ReturnType<typeof step>, save, checkin],
    update: [...lookups, checkout, save, checkin],
    publish: [find, publish],
    delete: [find, remove],
  };
}

const PLANS: Record<Deployer, ActionPlan> = {
  archy: editing([find, resolveDivision]),
  api: editing([find]),
  'cx-as-code': {
    deploy: [find, job, jobStatus, jobWrites, readBack],
    create: [find, job, jobStatus, jobWrites, readBack],
    update: [find, job, jobStatus, jobWrites, readBack],
    publish: [find, job, jobStatus, jobWrites, readBack],
    delete: [find, remove],
  },
};

/**
 * Lookups of the objects a flow file references by name: publishing resolves each name, so the
 * deploy principal needs view access to it (design card §1). One call per lookup operation,
 * located at the first reference in the flow file. The referenced object's division is not known
 * before the deploy: a grant in any division is accepted.
 */
export function referenceCalls(refs: readonly FlowReference[]): PlannedCall[] {
  const byCall = new Map<string, FlowReference[]>();
  for (const r of refs) {
    const call = REFERENCE_LOOKUPS[r.kind].call;
    byCall.set(call, [...(byCall.get(call) ?? []), r]);
  }
  return [...byCall.entries()].map(([call, list]) => {
    const names = list.slice(0, 3).map((r) => `${r.kind} "${r.name.trim()}"`).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
    return { ...step(call, `resolve ${names} referenced by the flow`, { org: true }), location: list[0]!.location };
  });
}

/** The calls for one flow resource; undefined when the action does not apply. */
export function planFlow(r: Resource): ReturnType<typeof step>[] | undefined {
  const calls = PLANS[r.deployer][r.action];
  if (!calls) return undefined;
  const list = calls.map((c) => ({ ...c }));
  if (r.details.forceUnlock === true && r.action !== 'delete') list.splice(1, 0, unlock);
  const refs = r.details.references as FlowReference[] | undefined;
  if (refs?.length && r.action !== 'delete') list.push(...referenceCalls(refs));
  return list;
}
