/**
 * Lookups of the names a flow file references: for each reference kind, the read that resolves a
 * name, and the grouping of a flow's references by that read (one call per group).
 */
import type { FlowReference, ReferenceKind } from '../types.js';

/**
 * For each kind, the read the deploy makes to resolve a referenced name (`METHOD /api/v2/...`, every
 * one in the bundled catalog), and why. Permissions come from the catalog (swagger
 * `x-inin-requires-permissions`); two of these reads need none beyond a valid token
 * (`GET /api/v2/routing/languages`, `GET /api/v2/groups`).
 */
export const REFERENCE_LOOKUPS: Record<ReferenceKind, { call: string; purpose: string }> = {
  queue: { call: 'GET /api/v2/routing/queues', purpose: 'resolve a queue the flow names' },
  dataAction: {
    call: 'GET /api/v2/integrations/actions',
    purpose: 'resolve a data action the flow calls (by category and name)',
  },
  dataTable: { call: 'GET /api/v2/flows/datatables', purpose: 'resolve a data table the flow looks up' },
  userPrompt: { call: 'GET /api/v2/architect/prompts', purpose: 'resolve a user prompt the flow plays' },
  systemPrompt: { call: 'GET /api/v2/architect/systemprompts', purpose: 'resolve a system prompt the flow plays' },
  scheduleGroup: {
    call: 'GET /api/v2/architect/schedulegroups',
    purpose: 'resolve a schedule group the flow evaluates',
  },
  schedule: { call: 'GET /api/v2/architect/schedules', purpose: 'resolve a schedule the flow evaluates' },
  emergencyGroup: {
    call: 'GET /api/v2/architect/emergencygroups',
    purpose: 'resolve an emergency group the flow evaluates',
  },
  botFlow: { call: 'GET /api/v2/flows', purpose: 'resolve a bot flow the flow calls' },
  digitalBotFlow: { call: 'GET /api/v2/flows', purpose: 'resolve a digital bot flow the flow calls' },
  commonModule: { call: 'GET /api/v2/flows', purpose: 'resolve a common module the flow calls' },
  inqueueFlow: { call: 'GET /api/v2/flows', purpose: 'resolve the in-queue flow a transfer uses' },
  flow: { call: 'GET /api/v2/flows', purpose: 'resolve a flow the flow transfers to' },
  secureFlow: { call: 'GET /api/v2/flows', purpose: 'resolve a secure call flow the flow transfers to' },
  skill: { call: 'GET /api/v2/routing/skills', purpose: 'resolve an ACD skill the flow routes with' },
  language: { call: 'GET /api/v2/routing/languages', purpose: 'resolve a language skill the flow routes with' },
  wrapupCode: { call: 'GET /api/v2/routing/wrapupcodes', purpose: 'resolve a wrap-up code the flow sets' },
  user: { call: 'POST /api/v2/users/search', purpose: 'resolve a user the flow transfers to' },
  group: { call: 'GET /api/v2/groups', purpose: 'resolve a group the flow transfers to' },
  script: { call: 'GET /api/v2/scripts/published', purpose: 'resolve a published script the flow pops' },
  contactList: {
    call: 'GET /api/v2/outbound/contactlists',
    purpose: 'resolve the outbound contact list the flow uses',
  },
  knowledgeBase: {
    call: 'GET /api/v2/knowledge/knowledgebases',
    purpose: 'resolve the knowledge base the bot searches',
  },
  worktype: {
    call: 'POST /api/v2/taskmanagement/worktypes/query',
    purpose: 'resolve the worktype of the workitem flow',
  },
  flowOutcome: { call: 'GET /api/v2/flows/outcomes', purpose: 'resolve a flow outcome the flow sets' },
  flowMilestone: { call: 'GET /api/v2/flows/milestones', purpose: 'resolve a flow milestone the flow records' },
};

/**
 * References grouped by the lookup call that resolves them (REFERENCE_LOOKUPS[kind].call), in
 * first-seen order of the calls and document order within each group. Linear in the number of
 * references (the planner makes one call per group; a flow file can reference 40,000 objects).
 */
export function groupReferencesByLookup(refs: readonly FlowReference[]): Map<string, FlowReference[]> {
  const byCall = new Map<string, FlowReference[]>();
  for (const r of refs) {
    const call = REFERENCE_LOOKUPS[r.kind].call;
    const list = byCall.get(call);
    if (list) list.push(r);
    else byCall.set(call, [r]);
  }
  return byCall;
}
