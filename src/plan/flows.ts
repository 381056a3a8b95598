/**
 * Flow deploy plans per deployer, each call with its source (docs/FIDELITY.md lists them).
 *
 * - api: the public Architect flow endpoints a script of your own calls (find by name, create, check
 *   out, save a configuration version, check in, publish); sources: the Platform API reference.
 * - archy: Archy runs on Architect Scripting, whose session needs `architect:ui:view` before any call.
 *   Archy and the Architect Scripting runtime are closed source and the docs name no REST call, so
 *   the steps Architect Scripting documents (find by name, create in a division, check out, save,
 *   check in, publish, delete a same-name flow) are modelled on the public endpoints they correspond
 *   to; each cites the Architect Scripting docs and says it is not confirmed.
 * - cx-as-code: `genesyscloud_flow` from the provider's code (v1.84.1): an Architect import job
 *   (`POST /api/v2/flows/jobs`, polled with `GET /api/v2/flows/jobs/{jobId}`), the flow read back;
 *   `force_unlock` unlocks before an update or a delete, never on create; no lookup by name.
 */
import type { CallSource, Deployer, FlowReference, FlowResource, PlannedCall } from '../types.js';
import { groupReferencesByLookup } from './references.js';
import { always, apiStep, requiresAll, step, type ActionPlan, type StepOptions } from './step.js';
import { apiReference, architectScriptingDocs, providerCode } from './sources.js';

const ref = (call: string) => apiReference(call.slice(0, call.indexOf(' ')), call.slice(call.indexOf(' ') + 1));
const api = apiStep;

// --- api: the user's own code calling the documented endpoints ---------------------------------
const find = api('GET /api/v2/flows', 'find the flow by name and type');
const create = api('POST /api/v2/flows', 'create the flow', {
  when: 'if the flow does not exist yet',
  branch: 'absent',
});
const checkout = api('POST /api/v2/flows/actions/checkout', 'lock the flow for editing');
const save = api('POST /api/v2/flows/{flowId}/versions', 'save the flow configuration');
const checkin = api('POST /api/v2/flows/actions/checkin', 'unlock the flow after saving');
const publish = api('POST /api/v2/flows/actions/publish', 'publish the flow');
const remove = api('DELETE /api/v2/flows/{flowId}', 'delete the flow');
const unlock = api('POST /api/v2/flows/actions/unlock', 'force-unlock a flow locked by someone else', {
  when: 'with forceUnlock',
});

const API: ActionPlan = {
  deploy: [find, create, checkout, save, checkin, publish],
  create: [find, always(create), save, checkin],
  update: [find, checkout, save, checkin],
  publish: [find, publish],
  delete: [find, remove],
};

// --- archy: Architect Scripting (docs) ---------------------------------------------------------
/** Note on every Archy call that stands for an Architect Scripting step (FIDELITY.md, "Not confirmed"). */
export const ARCHY_UNCONFIRMED =
  'Archy and Architect Scripting are closed source and document no REST call: this endpoint stands for the documented step';

const AS = {
  session: architectScriptingDocs(
    'index.html',
    98,
    105,
    "One thing to remember is that the 'architect:ui:view' permission is needed to use Architect Scripting itself.",
  ),
  nameLookup: architectScriptingDocs(
    'index.html',
    273,
    276,
    'Architect looks to see if there is a flow that already exists with this name. If so, it will delete that flow first then publish this one.',
  ),
  nameClashDelete: architectScriptingDocs(
    'index.html',
    273,
    276,
    'make sure that the user associated with this session has the architect:flow:delete permission.',
  ),
  division: architectScriptingDocs(
    'ArchFactoryFlows.html',
    184,
    263,
    "This must be a division where the division's ArchDivision#canAddFlow property returns true",
  ),
  canAddFlow: architectScriptingDocs(
    'ArchDivision.html',
    388,
    390,
    'they must have the architect:flow:add, architect:flow:edit and architect:flow:view permissions in this division.',
  ),
  create: architectScriptingDocs(
    'ArchBaseFlow.html',
    3458,
    3460,
    'Creates a new flow on the server and saves its configuration',
  ),
  checkout: architectScriptingDocs(
    'ArchBaseFlow.html',
    3243,
    3321,
    'checkoutAsync(forceUnlock): if true, will force an unlock of the flow.',
  ),
  save: architectScriptingDocs(
    'ArchBaseFlow.html',
    5624,
    5626,
    'Save the current flow configuration, creating the flow if needed.',
  ),
  checkin: architectScriptingDocs(
    'ArchBaseFlow.html',
    3073,
    3087,
    'Checks in and unlocks the flow for the current user, does a save first',
  ),
  publish: architectScriptingDocs(
    'ArchBaseFlow.html',
    5281,
    5297,
    'This will do a validate, save, checkin and then publish last.',
  ),
  unlock: architectScriptingDocs(
    'ArchFactoryFlows.html',
    739,
    739,
    'Remember, the architect:flow:unlock permission is needed to unlock a flow locked to another user.',
  ),
  references: architectScriptingDocs(
    'index.html',
    77,
    81,
    "if the authenticated user or OAuth client you're using for Scripting does not have permission to search queues, then calls to set a queue by name will fail.",
  ),
} as const;

const archy = (call: string, purpose: string, source: CallSource, opts: StepOptions = {}) =>
  step(call, purpose, source, { unconfirmed: ARCHY_UNCONFIRMED, ...opts });

/**
 * Architect Scripting refuses to start a session for a user or OAuth client without
 * `architect:ui:view` (any grant type; org-wide). Not an API operation: a `SESSION` step whose
 * requirement is stated by the docs; it needs no OAuth scope of its own.
 */
export const ARCHY_SESSION: PlannedCall = {
  ...step('SESSION /architect-scripting', 'start the Architect Scripting session Archy runs on', AS.session, {
    org: true,
  }),
  requires: requiresAll('architect:ui:view'),
  scopes: [],
};
const archyFind = archy('GET /api/v2/flows', 'find the flow by name and type', AS.nameLookup);
const archyDivision = archy('GET /api/v2/authorization/divisions', 'resolve the division name to its id', AS.division, {
  org: true,
});
/** Creating a flow in a division needs add, edit and view there (ArchDivision#canAddFlow). */
const archyCreate: PlannedCall = {
  ...archy('POST /api/v2/flows', 'create the flow in its division (needs add, edit and view there)', AS.canAddFlow, {
    when: 'if the flow does not exist yet',
    branch: 'absent',
  }),
  requires: requiresAll('architect:flow:add', 'architect:flow:edit', 'architect:flow:view'),
};
const archyCheckout = archy('POST /api/v2/flows/actions/checkout', 'lock the flow for editing', AS.checkout);
const archySave = archy('POST /api/v2/flows/{flowId}/versions', 'save the flow configuration', AS.save);
const archyCheckin = archy('POST /api/v2/flows/actions/checkin', 'unlock the flow after saving', AS.checkin);
const archyPublish = archy('POST /api/v2/flows/actions/publish', 'publish the flow', AS.publish);
/** Publishing a flow whose name exists deletes that flow first (Architect Scripting docs). */
const archyNameClash = archy(
  'DELETE /api/v2/flows/{flowId}',
  'delete the existing flow of the same name before publishing',
  AS.nameClashDelete,
  {
    when: 'if a flow with this name exists (Architect Scripting deletes it first when it publishes a new one)',
    branch: 'present',
  },
);
const archyRemove = archy('DELETE /api/v2/flows/{flowId}', 'delete the flow', AS.nameClashDelete, {
  unconfirmed: `${ARCHY_UNCONFIRMED}; Architect Scripting documents no delete method (only the same-name delete on publish)`,
});
const archyUnlock = archy(
  'POST /api/v2/flows/actions/unlock',
  'force-unlock a flow locked by someone else',
  AS.unlock,
  { when: 'with forceUnlock' },
);

const ARCHY: ActionPlan = {
  deploy: [
    ARCHY_SESSION,
    archyFind,
    archyDivision,
    archyCreate,
    archyCheckout,
    archySave,
    archyCheckin,
    archyNameClash,
    archyPublish,
  ],
  create: [ARCHY_SESSION, archyFind, archyDivision, always(archyCreate), archySave, archyCheckin],
  update: [ARCHY_SESSION, archyFind, archyDivision, archyCheckout, archySave, archyCheckin],
  publish: [ARCHY_SESSION, archyFind, archyNameClash, archyPublish],
  delete: [ARCHY_SESSION, archyFind, archyRemove],
};

// --- cx-as-code: genesyscloud_flow (provider code) ---------------------------------------------
const FLOW = 'architect_flow/resource_genesyscloud_flow.go';
const job = step(
  'POST /api/v2/flows/jobs',
  'register an Architect import job for the YAML (the job creates or updates and publishes the flow)',
  providerCode(FLOW, 'L92-L95,L148'),
);
const jobStatus = step('GET /api/v2/flows/jobs/{jobId}', 'poll the import job', providerCode(FLOW, 'L189-L239'));
/**
 * The Architect job creates or updates and publishes the flow inside Genesys Cloud, on the caller's
 * behalf; which flow permissions it checks there is not published (the provider docs list only the
 * job permissions), so it is reported as a call that cannot be verified, never as a pass.
 */
const jobWrites = step(
  'POST /api/v2/flows/jobs (flow import)',
  'the import job creates or updates and publishes the flow',
  providerCode(FLOW, 'L148'),
  {
    note: "the job's own flow checks (add, edit, publish in the flow's division, as a direct deploy needs) are not published; make sure the client holds them",
  },
);
const readBack = step('GET /api/v2/flows/{flowId}', 'read the deployed flow', providerCode(FLOW, 'L260,L75'));
const tfUnlockUpdate = step(
  'POST /api/v2/flows/actions/unlock',
  'unlock the flow before the update',
  providerCode(FLOW, 'L140-L146'),
  {
    when: 'with force_unlock',
  },
);
const tfUnlockDelete = step(
  'POST /api/v2/flows/actions/unlock',
  'unlock the flow before deleting it',
  providerCode(FLOW, 'L269-L275'),
  {
    when: 'with force_unlock',
  },
);
const tfRemove = step('DELETE /api/v2/flows/{flowId}', 'delete the flow', providerCode(FLOW, 'L280-L294'));
const tfWrite = [job, jobStatus, jobWrites, readBack];

const CX_AS_CODE: ActionPlan = {
  deploy: [
    { ...tfUnlockUpdate, when: 'with force_unlock, if the flow exists (update)', branch: 'present' },
    ...tfWrite,
  ],
  create: tfWrite,
  update: [tfUnlockUpdate, ...tfWrite],
  publish: [tfUnlockUpdate, ...tfWrite],
  delete: [tfUnlockDelete, tfRemove],
};

/** The flow plan tables: deployer → action → calls (before `forceUnlock` and references apply). */
export const FLOW_PLANS: Readonly<Record<Deployer, ActionPlan>> = { archy: ARCHY, api: API, 'cx-as-code': CX_AS_CODE };

/** Calls a deployer makes only with `forceUnlock` (api, archy: right after the lookup; cx-as-code: see its table). */
const UNLOCK: Record<Exclude<Deployer, 'cx-as-code'>, PlannedCall> = { api: unlock, archy: archyUnlock };

const CX_AS_CODE_UNLOCK = 'force_unlock';

/**
 * Where a lookup of a referenced name comes from, per deployer: the user's code (API reference),
 * Architect Scripting (docs: names resolve with the caller's permissions), or the CX-as-Code
 * import job, which resolves them inside Genesys Cloud (the provider itself makes no lookup).
 */
function referenceSource(deployer: Deployer, call: string): { source: CallSource; unconfirmed?: string } {
  if (deployer === 'api') return { source: ref(call) };
  if (deployer === 'archy') return { source: AS.references, unconfirmed: ARCHY_UNCONFIRMED };
  return {
    source: AS.references,
    unconfirmed:
      "inferred: the provider makes no lookup; the Architect import job resolves the flow's names, as Architect does with the caller's rights",
  };
}

/**
 * Lookups of the objects a flow file references by name: publishing resolves each name, so the
 * deploy principal needs view access to it (design card §1). One call per lookup operation,
 * located at the first reference in the flow file. The referenced object's division is not known
 * before the deploy: a grant in any division is accepted.
 */
export function referenceCalls(refs: readonly FlowReference[], deployer: Deployer = 'api'): PlannedCall[] {
  const byCall = groupReferencesByLookup(refs);
  return [...byCall.entries()].map(([call, list]) => {
    const names =
      list
        .slice(0, 3)
        .map((r) => `${r.kind} "${r.name.trim()}"`)
        .join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
    const { source, unconfirmed } = referenceSource(deployer, call);
    return {
      ...step(call, `resolve ${names} referenced by the flow`, source, {
        org: true,
        ...(unconfirmed ? { unconfirmed } : {}),
      }),
      location: list[0]!.location,
    };
  });
}

/** The calls for one flow resource; undefined when the action does not apply. */
export function planFlow(r: FlowResource): PlannedCall[] | undefined {
  const calls = FLOW_PLANS[r.deployer][r.action];
  if (!calls) return undefined;
  const forceUnlock = r.details.forceUnlock;
  let list = calls.map((c) => ({ ...c }));
  if (r.deployer === 'cx-as-code') {
    // The unlock calls are in the table, made only with force_unlock.
    if (!forceUnlock) list = list.filter((c) => !c.when?.startsWith(`with ${CX_AS_CODE_UNLOCK}`));
  } else if (forceUnlock && r.action !== 'delete') {
    const at = list.findIndex((c) => c.method === 'GET' && c.path === '/api/v2/flows');
    list.splice(at + 1, 0, { ...UNLOCK[r.deployer] });
  }
  const refs = r.details.references;
  if (refs?.length && r.action !== 'delete') list.push(...referenceCalls(refs, r.deployer));
  return list;
}
