/**
 * Terraform resource type × action → the Platform API calls the genesyscloud provider makes, for the
 * types not yet read from the provider's code (those are in ./tables.ts): the fallback.
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
import { CX_AS_CODE } from '../../catalog/data/cx-as-code.generated.js';
import type { CallSource, PlannedCall, TerraformAction, TerraformChange } from '../../types.js';
import { PROVIDER } from '../sources.js';
import { step } from '../step.js';

/**
 * The source of a docs-table call: the type's provider docs page ("API Usage") at the pinned commit;
 * findings and docs/FIDELITY.md say "from the provider docs, not its code".
 */
export function providerDocs(type: string): CallSource {
  const page = type.replace(/^genesyscloud_/, '');
  return {
    kind: 'provider-docs',
    type,
    url: `https://github.com/${PROVIDER.repo}/blob/${PROVIDER.commit}/docs/resources/${page}.md`,
  };
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
  const creates = apis
    .filter((a) => a.method === 'POST' && !a.lookup && !ENDS_WITH_PARAM.test(a.path))
    .map((a) => a.path);
  // Without a create call: the shortest written path (then any path) once a trailing {id} is dropped.
  const stripped = (list: typeof apis) => list.map((a) => a.path.replace(ENDS_WITH_PARAM, ''));
  const collection =
    shortest(creates) ??
    shortest(stripped(apis.filter((a) => !a.lookup && a.method !== 'DELETE'))) ??
    shortest(stripped(apis)) ??
    '';
  const item = new RegExp(`^${escapeRegExp(collection)}/\\{[^}/]+\\}$`);
  return apis.map((a) => ({
    ...a,
    scope: a.path === collection || item.test(a.path) ? 'main' : a.path.startsWith(`${collection}/`) ? 'sub' : 'other',
  }));
}

function shortest(paths: string[]): string | undefined {
  return paths.length
    ? paths.reduce((a, b) => (b.length < a.length || (b.length === a.length && b < a) ? b : a))
    : undefined;
}

function escapeRegExp(s: string): string {
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
  if (a.scope === 'other')
    return `${a.lookup ? 'look up' : a.method === 'DELETE' ? 'remove' : 'write'} ${a.path.replace(/^\/api\/v2\//, '')}`;
  if (a.lookup) {
    if (a.method === 'POST') return `search ${a.scope === 'main' ? `the ${noun}s` : `${of} ${partOf(a.path)}`}`;
    if (a.scope === 'main')
      return onItem ? `read the ${noun} back` : hasItem ? `find the ${noun} by name` : `read the ${noun}`;
    return `read ${of} ${partOf(a.path)}`;
  }
  if (a.scope === 'main')
    return a.method === 'DELETE'
      ? `delete the ${noun}`
      : a.method === 'POST'
        ? `create the ${noun}`
        : `update the ${noun}`;
  return `${a.method === 'DELETE' ? 'remove' : a.method === 'POST' ? 'add' : 'update'} ${of} ${partOf(a.path)}`;
}

/**
 * The calls the provider makes for `action` on a resource of `type`, in the order lookups, main
 * write, other writes; undefined when the table does not know the type. `touches(part)` says
 * whether the change sets (create) or changes (update) the sub-object a write acts on (e.g.
 * "members"); writes it rules out are left out.
 */
export function terraformCalls(
  type: string,
  action: TerraformAction,
  touches: (part: string) => boolean = () => true,
): PlannedCall[] | undefined {
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
  const toCall = (a: Api, when?: string) =>
    step(`${a.method} ${a.path}`, purposeOf(a, noun, hasItem), source, {
      org: a.scope === 'other',
      ...(when ? { when } : {}),
    });
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
  return updates.map((a) =>
    step(
      `${a.method} ${a.path}`,
      `move the ${noun} out of division ${fromDivision} (a move needs edit rights in both divisions)`,
      providerDocs(type),
    ),
  );
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
/** True when `after_unknown` says `key` (or the whole value) is known only after apply. */
const unknownAfter = (au: unknown, key: string) =>
  au === true || (isObj(au) && Object.hasOwn(au, key) && au[key] === true);

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_\s-]/g, '')
    .replace(/s$/, '');

/**
 * Whether a change sets (create) or changes (update) the attribute behind a sub-object path part
 * ("members" ↔ `members`, "wrapupcodes" ↔ `wrapup_codes`). Plans list every attribute of the
 * resource (null when unset); when no attribute matches, the write is kept (fail closed).
 */
export function touchedBy(c: TerraformChange, action: TerraformAction): (part: string) => boolean {
  const after = isObj(c.after) ? c.after : {};
  const before = isObj(c.before) ? c.before : {};
  const nonEmpty = (v: unknown) =>
    v !== null &&
    v !== undefined &&
    v !== false &&
    !(Array.isArray(v) && v.length === 0) &&
    !(isObj(v) && Object.keys(v).length === 0);
  return (part) => {
    const p = normName(part.split(' ').pop() ?? part);
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((k) => {
      const n = normName(k);
      return n === p || n.endsWith(p) || p.endsWith(n);
    });
    if (keys.length === 0) return true;
    return keys.some(
      (k) =>
        unknownAfter(c.after_unknown, k) ||
        (action === 'create'
          ? nonEmpty(after[k])
          : JSON.stringify(after[k] ?? null) !== JSON.stringify(before[k] ?? null)),
    );
  };
}
