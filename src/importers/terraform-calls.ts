/**
 * Terraform resource type × action → the Platform API calls the genesyscloud provider makes, for the
 * types not yet read from the provider's code (those are in ./provider-calls/): the fallback.
 *
 * Source: the CX-as-Code table (src/catalog/data/cx-as-code.generated.ts), which lists per resource
 * type the operations named in the provider docs' "API Usage" section, without saying which one
 * serves which Terraform action. The mapping below derives that from the operations themselves:
 *
 * - lookups: every GET, and POSTs that only read (`.../search`, `.../query`, `.../export`); the
 *   provider finds objects by name, reads them back after a write and refreshes them, whatever the
 *   action;
 * - the type's *main* collection is the path of its create call (the shortest POST path that does
 *   not end in a `{parameter}`; for types without one, the shortest written path); `main` calls act on it or on one of its items (`C`, `C/{id}`);
 *   `sub` calls act under an item (`C/{id}/members`); `other` calls act elsewhere (a user's
 *   routing utilization, the extension pools a user's phone numbers come from);
 * - create → lookups + the main POST (or the main PUT/PATCH where the type has no POST) + the
 *   non-main writes other than DELETE (made when the configuration sets those parts);
 * - update → lookups + the main PUT/PATCH (or the main POST where there is none) + every non-main
 *   write (members, wrap-up codes... are added and removed as the change touches them);
 * - delete → lookups + the main DELETE (or any DELETE); a type with no DELETE at all is a
 *   singleton/settings object whose destroy resets or leaves it: its PUT/PATCH is kept as a
 *   conditional call, so a destroy is never a silent pass.
 *
 * Main and sub calls act on the object, so they are bound to its division; other calls are not.
 * Calls the bundled catalog does not know stay in the list: the require stage reports them as
 * `unverifiable`.
 */
import { CX_AS_CODE } from '../catalog/data/cx-as-code.generated.js';
import type { CallSource, PlannedCall } from '../types.js';
import { PROVIDER } from '../plan/sources.js';
import { step } from '../plan/step.js';

/** The Terraform actions the importer plans (replace = delete + create). */
export type TerraformAction = 'create' | 'update' | 'delete';

/**
 * Types whose objects live in a division: without `division_id` they are created in (and found
 * in) the Home division.
 *
 * Source: Genesys Cloud Resource Center, "Divisions overview"
 * (https://help.mypurecloud.com/articles/divisions-overview/), "You can configure a division with
 * these object types": call routing objects (IVR configurations), contact lists, data tables, Do
 * Not Contact lists, emergencies (emergency groups), flows, flow milestones, flow outcomes,
 * learning modules, management units, outbound campaigns, queues, schedules, schedule groups,
 * users; and "Move objects between divisions" (https://help.mypurecloud.com/?p=177143): business
 * units. Scripts, skill groups, teams, workbins and worktypes are division-aware through their
 * `division_id` argument (provider docs; design card §3 puts scripts in divisions).
 *
 * Deliberately absent: wrap-up codes and secondary statuses, which Genesys may place in the "All"
 * division when none is given (https://help.mypurecloud.com/?p=309599): without `division_id`
 * their division is unknown, so they are not division-bound. When a plan states a `division_id`
 * for any type, that division is used.
 */
export const DIVISION_AWARE_TYPES: ReadonlySet<string> = new Set([
  'genesyscloud_architect_datatable',
  'genesyscloud_architect_emergencygroup',
  'genesyscloud_architect_ivr',
  'genesyscloud_architect_schedulegroups',
  'genesyscloud_architect_schedules',
  'genesyscloud_flow',
  'genesyscloud_flow_milestone',
  'genesyscloud_flow_outcome',
  'genesyscloud_learning_modules',
  'genesyscloud_outbound_campaign',
  'genesyscloud_outbound_contact_list',
  'genesyscloud_outbound_dnclist',
  'genesyscloud_outbound_messagingcampaign',
  'genesyscloud_routing_queue',
  'genesyscloud_routing_skill_group',
  'genesyscloud_script',
  'genesyscloud_task_management_workbin',
  'genesyscloud_task_management_worktype',
  'genesyscloud_team',
  'genesyscloud_user',
  'genesyscloud_workforcemanagement_businessunits',
  'genesyscloud_workforcemanagement_managementunit',
]);

/**
 * The source of a docs-table call: the type's provider docs page ("API Usage") at the pinned commit;
 * findings and docs/FIDELITY.md say "from the provider docs, not its code".
 */
export function providerDocs(type: string): CallSource {
  const page = type.replace(/^genesyscloud_/, '');
  return { kind: 'provider-docs', type, url: `https://github.com/${PROVIDER.repo}/blob/${PROVIDER.commit}/docs/resources/${page}.md` };
}

/** True when the CX-as-Code table knows the type (and lists at least one operation for it). */
export function isKnownType(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(CX_AS_CODE, type) && (CX_AS_CODE[type]?.apis.length ?? 0) > 0;
}

type Scope = 'main' | 'sub' | 'other';

interface Api {
  method: string;
  path: string;
  lookup: boolean;
  scope: Scope;
}

const READ_ONLY_POST = /\/(search|query|export)$/;
const ENDS_WITH_PARAM = /\/\{[^}/]+\}$/;

/** Parses and classifies a type's operations; undefined for a type the table does not list. */
function classify(type: string): Api[] | undefined {
  const entry = Object.prototype.hasOwnProperty.call(CX_AS_CODE, type) ? CX_AS_CODE[type] : undefined;
  if (!entry) return undefined;
  const apis = entry.apis.map((a) => {
    const i = a.indexOf(' ');
    const method = a.slice(0, i).toUpperCase();
    const path = a.slice(i + 1);
    return { method, path, lookup: method === 'GET' || (method === 'POST' && READ_ONLY_POST.test(path)) };
  });
  const creates = apis.filter((a) => a.method === 'POST' && !a.lookup && !ENDS_WITH_PARAM.test(a.path)).map((a) => a.path);
  // Without a create call: the shortest written path (then any path) once a trailing {id} is dropped.
  const stripped = (list: typeof apis) => list.map((a) => a.path.replace(ENDS_WITH_PARAM, ''));
  const collection =
    shortest(creates) ?? shortest(stripped(apis.filter((a) => !a.lookup && a.method !== 'DELETE'))) ?? shortest(stripped(apis)) ?? '';
  const item = new RegExp(`^${escape(collection)}/\\{[^}/]+\\}$`);
  return apis.map((a) => ({
    ...a,
    scope: a.path === collection || item.test(a.path) ? 'main' : a.path.startsWith(`${collection}/`) ? 'sub' : 'other',
  }));
}

function shortest(paths: string[]): string | undefined {
  return paths.length ? paths.reduce((a, b) => (b.length < a.length || (b.length === a.length && b < a) ? b : a)) : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a path acts on, in words: the literal segments after its last parameter (or the one before a trailing parameter). */
function partOf(path: string): string {
  const segs = path.replace(/^\/api\/v2\//, '').split('/');
  let last = -1;
  if (!segs.some((s) => s.startsWith('{'))) return segs[segs.length - 1] ?? path;
  segs.forEach((s, i) => {
    if (s.startsWith('{')) last = i;
  });
  if (last === segs.length - 1) return segs[last - 1] ?? path;
  return segs.slice(last + 1).join(' ');
}

function nounOf(type: string): string {
  return type.replace(/^genesyscloud_/, '').replace(/_/g, ' ');
}

function purposeOf(a: Api, noun: string, hasItem: boolean): string {
  const onItem = ENDS_WITH_PARAM.test(a.path);
  const of = `the ${noun}${noun.endsWith('s') ? "'" : "'s"}`;
  if (a.scope === 'other') return `${a.lookup ? 'look up' : a.method === 'DELETE' ? 'remove' : 'write'} ${a.path.replace(/^\/api\/v2\//, '')}`;
  if (a.lookup) {
    if (a.method === 'POST') return `search ${a.scope === 'main' ? `the ${noun}s` : `${of} ${partOf(a.path)}`}`;
    if (a.scope === 'main') return onItem ? `read the ${noun} back` : hasItem ? `find the ${noun} by name` : `read the ${noun}`;
    return `read ${of} ${partOf(a.path)}`;
  }
  if (a.scope === 'main') return a.method === 'DELETE' ? `delete the ${noun}` : a.method === 'POST' ? `create the ${noun}` : `update the ${noun}`;
  return `${a.method === 'DELETE' ? 'remove' : a.method === 'POST' ? 'add' : 'update'} ${of} ${partOf(a.path)}`;
}

/**
 * The calls the provider makes for `action` on a resource of `type`, in the order lookups, main
 * write, other writes; undefined when the table does not know the type. `touches(part)` says
 * whether the change sets (create) or changes (update) the sub-object a write acts on (e.g.
 * "members"); writes it rules out are left out.
 */
export function terraformCalls(type: string, action: TerraformAction, touches: (part: string) => boolean = () => true): PlannedCall[] | undefined {
  const apis = classify(type);
  if (!apis) return undefined;
  const noun = nounOf(type);
  const writes = apis.filter((a) => !a.lookup);
  const mainWrites = (methods: string[]) => writes.filter((a) => a.scope === 'main' && methods.includes(a.method));
  const PUTS = ['PUT', 'PATCH'];

  let main: Api[];
  let extra: Api[];
  let extraWhen: (a: Api) => string;
  switch (action) {
    case 'create':
      main = mainWrites(['POST']);
      if (!main.length) main = mainWrites(PUTS);
      if (!main.length) main = writes.filter((a) => a.method !== 'DELETE' && a.scope !== 'other');
      extra = writes.filter((a) => a.scope !== 'main' && a.method !== 'DELETE' && !main.includes(a));
      extraWhen = (a) => `if the configuration sets the ${partOf(a.path)}`;
      break;
    case 'update':
      main = mainWrites(PUTS);
      if (!main.length) main = mainWrites(['POST']);
      if (!main.length) main = writes.filter((a) => a.method !== 'DELETE' && a.scope !== 'other');
      extra = writes.filter((a) => a.scope !== 'main' && !main.includes(a));
      extraWhen = (a) => `if the change touches the ${partOf(a.path)}`;
      break;
    case 'delete':
      main = mainWrites(['DELETE']);
      if (!main.length) main = writes.filter((a) => a.method === 'DELETE');
      extra = main.length ? [] : mainWrites(PUTS);
      extraWhen = () => 'if destroying resets the object (the provider lists no DELETE for this type)';
      break;
  }
  const hasItem = apis.some((a) => a.scope === 'main' && ENDS_WITH_PARAM.test(a.path));
  const source = providerDocs(type);
  const toCall = (a: Api, when?: string) => step(`${a.method} ${a.path}`, purposeOf(a, noun, hasItem), source, { org: a.scope === 'other', ...(when ? { when } : {}) });
  return [
    ...apis.filter((a) => a.lookup).map((a) => toCall(a)),
    ...main.map((a) => toCall(a)),
    ...extra.filter((a) => action === 'delete' || touches(partOf(a.path))).map((a) => toCall(a, extraWhen(a))),
  ];
}

/**
 * The calls that move an object out of its old division when an update changes `division_id`: the
 * update itself, checked in the division the object leaves. Genesys needs the object's edit
 * permission in both divisions to move it (Resource Center, "Move objects between divisions",
 * https://help.mypurecloud.com/?p=177143: "All divisions you are moving objects to and from assigned
 * to the role that contains the object-based permissions").
 */
export function moveOutCalls(type: string, fromDivision: string): PlannedCall[] {
  const apis = classify(type);
  if (!apis) return [];
  const noun = nounOf(type);
  const updates = apis.filter((a) => !a.lookup && a.scope === 'main' && (a.method === 'PUT' || a.method === 'PATCH'));
  return updates.map((a) => step(`${a.method} ${a.path}`, `move the ${noun} out of division ${fromDivision} (a move needs edit rights in both divisions)`, providerDocs(type)));
}
