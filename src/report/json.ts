/**
 * The JSON report, contract version 3 (docs/DESIGN.md, "JSON report v3"), serialised piece by
 * piece from the in-memory {@link Report}.
 *
 * Every distinct requirement is written once, in the top-level `requirements` array, and what it
 * asks of the API (action, operation, purpose, scopes, permissions, source...) once per distinct
 * planned call in `calls`; top-level `resources` group consecutive requirements into deployed
 * resources (`requirements: [first, last]`, inclusive id range); each org lists the resources that
 * apply to it as inclusive ranges of resource ids. Findings about orgs are written once each in
 * `orgFindings` (a finding many orgs share, such as the same missing grant in 100 orgs with the same
 * roles, once), with the `requirement` id it is about where it has one; each org lists its own as
 * inclusive ranges of finding ids, in its order. The size grows with resources + orgs + distinct
 * findings, not resources × orgs. The engine plans each resource once and shares its Requirement
 * objects with every org it goes to, so requirements are deduplicated by identity (equal copies
 * stay distinct requirements); findings and calls by content.
 */
import { closeSync, copyFileSync, openSync, readSync, statSync, writeSync, type Stats } from 'node:fs';
import { summarize, type Report } from './model.js';
import { cached } from '../util/memo.js';
import type { Finding, Requirement, SourceLocation } from '../types.js';

/** An inclusive range of ids, `[first, last]`. */
export type IdRange = [number, number];

/** The requirement table of a report: distinct requirements, their resource groups, per-org membership. */
export interface RequirementIndex {
  /** Distinct requirements; the id of each is its index. */
  requirements: Requirement[];
  /** Resource groups in id order: `resource` (`kind:name`) and the inclusive requirement id range. */
  resources: Array<{ resource: string; requirements: IdRange }>;
  /** Per org (report order): its distinct requirement ids, ascending. */
  orgIds: Int32Array[];
  /** Per org: inclusive ranges of the resource ids that apply to it, ascending. */
  orgResources: IdRange[][];
}

/**
 * Builds the requirement table of `r`: ids in order of first appearance (org by org), resource
 * groups as maximal runs of consecutive ids with the same `resource` and the same set of orgs.
 * Time and memory linear in the total length of the orgs' requirement lists.
 */
export function indexRequirements(r: Report): RequirementIndex {
  const ids = new Map<Requirement, number>();
  const requirements: Requirement[] = [];
  // Orgs that deploy the same resources share one requirement array (src/engine.ts): index it once.
  const seen = new Map<readonly Requirement[], Int32Array>();
  const orgIds: Int32Array[] = r.orgs.map((o) =>
    cached(seen, o.requirements, () => {
      const own = new Int32Array(o.requirements.length);
      let n = 0;
      for (let i = 0; i < o.requirements.length; i++) {
        const q = o.requirements[i]!;
        let id = ids.get(q);
        if (id === undefined) {
          id = requirements.length;
          ids.set(q, id);
          requirements.push(q);
        }
        own[n++] = id;
      }
      own.sort();
      // the same object twice in one org counts once
      let k = 0;
      for (let i = 0; i < n; i++) if (i === 0 || own[i] !== own[k - 1]) own[k++] = own[i]!;
      return own.subarray(0, k);
    }),
  );
  const n = requirements.length;
  // A group starts where the resource name changes or where any org's membership changes.
  const starts = new Uint8Array(n + 1);
  starts[0] = 1;
  for (let i = 1; i < n; i++) if (requirements[i]!.resource !== requirements[i - 1]!.resource) starts[i] = 1;
  for (const own of new Set(orgIds)) {
    for (let i = 0; i < own.length; i++) {
      if (i === 0 || own[i] !== own[i - 1]! + 1) starts[own[i]!] = 1;
      if (i === own.length - 1 || own[i + 1] !== own[i]! + 1) starts[own[i]! + 1] = 1;
    }
  }
  const groupOf = new Int32Array(n);
  const resources: RequirementIndex['resources'] = [];
  for (let i = 0; i < n; i++) {
    if (starts[i]) resources.push({ resource: requirements[i]!.resource, requirements: [i, i] });
    const g = resources.length - 1;
    groupOf[i] = g;
    resources[g]!.requirements[1] = i;
  }
  const rangesOf = new Map<Int32Array, IdRange[]>();
  const orgResources = orgIds.map((own) =>
    cached(rangesOf, own, () => {
      const ranges: IdRange[] = [];
      for (let i = 0; i < own.length; i++) {
        if (!starts[own[i]!]) continue;
        const g = groupOf[own[i]!]!;
        const last = ranges[ranges.length - 1];
        if (last && last[1] === g - 1) last[1] = g;
        else ranges.push([g, g]);
      }
      return ranges;
    }),
  );
  return { requirements, resources, orgIds, orgResources };
}

const sameLocation = (a: SourceLocation | undefined, b: SourceLocation | undefined) =>
  a !== undefined && b !== undefined && a.line === b.line && a.column === b.column && a.file === b.file;

/** Whether `f` is at `q`'s place: its location, or its division's declaration (missing division grant). */
function at(f: Finding, q: Requirement): boolean {
  return (
    sameLocation(f.location, q.location) ||
    (sameLocation(f.location, q.divisionLocation) && sameLocation(f.related, q.location))
  );
}

/** Whether every permission or scope `f` says is missing is one `q` asks for. */
function names(f: Finding, q: Requirement): boolean {
  return (f.missing ?? []).every((p) => q.permissions?.values.includes(p) === true || q.scopes.includes(p));
}

/**
 * Finds, for an org's findings, the requirement each one is about: same resource, operation and
 * division, a member of the org, at the requirement's location (or its division's, for a missing
 * division grant); among several, one asking for what the finding says is missing, then the one
 * whose purpose the message names. Findings not about one requirement (lint, grants,
 * scopes-ignored) get none. The engine's evaluator writes one finding per requirement with these
 * fields (src/evaluate/evaluate.ts); the returned function takes the org's index in the report.
 */
export function requirementLinker(index: RequirementIndex): (f: Finding, org: number) => number | undefined {
  // The requirement groups of each resource name (a resource's requirements are consecutive ids).
  let byResource: Map<string, IdRange[]> | undefined;
  const has = (own: Int32Array, id: number) => {
    let lo = 0;
    let hi = own.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (own[mid] === id) return true;
      if (own[mid]! < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  return (f, org) => {
    if (f.resource === undefined || f.operation === undefined) return undefined;
    if (!byResource) {
      const all = (byResource = new Map());
      for (const g of index.resources) cached(all, g.resource, (): IdRange[] => []).push(g.requirements);
    }
    const own = index.orgIds[org]!;
    // Same resource, operation and division (null and absent alike), ascending ids.
    const division = f.division ?? null;
    const candidates: number[] = [];
    for (const [first, last] of byResource.get(f.resource) ?? []) {
      for (let id = first; id <= last; id++) {
        const q = index.requirements[id]!;
        if (q.operation === f.operation && (q.division ?? null) === division && has(own, id) && at(f, q))
          candidates.push(id);
      }
    }
    if (candidates.length <= 1) return candidates[0];
    const fits = candidates.filter((id) => names(f, index.requirements[id]!));
    const pool = fits.length ? fits : candidates;
    const named = pool.find((id) => {
      const q = index.requirements[id]!;
      return f.message.startsWith(`${q.resource}: ${q.operation} (${q.purpose})`);
    });
    return named ?? pool[0];
  };
}

/**
 * Characters JSON.stringify leaves raw that a terminal or viewer would act on (C1 controls, line
 * and paragraph separators, bidi and zero-width controls): written as `\uXXXX` escapes instead.
 * Applied once to each distinct piece of text (an item of a table, the head), not to the output.
 */
const HIDDEN = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** The same class, to test for one (a replace copies the text even when nothing matches). */
const ANY_HIDDEN = new RegExp(HIDDEN.source);
const escapeHidden = (text: string) =>
  ANY_HIDDEN.test(text) ? text.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;

/** The JSON report's contract version (the in-memory model keeps its own, src/report/model.ts). */
export const JSON_REPORT_VERSION = 3;

/** Yields the report's JSON text (contract version 3) in chunks: valid JSON once concatenated. */
export function* reportJsonChunks(r: Report): Generator<string> {
  const { orgs, findings, ...rest } = r;
  const head = { ...rest, version: JSON_REPORT_VERSION };
  const index = indexRequirements(r);
  const calls = indexCalls(index.requirements);
  const table = orgFindingTable(r, index);
  yield escapeHidden(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [`);
  yield* list(findings.length, (i) => escapeHidden(JSON.stringify(findings[i])), '    ');
  yield '],\n  "calls": [';
  yield* list(calls.texts.length, (i) => withId(i, calls.texts[i]!), '    ');
  yield '],\n  "requirements": [';
  const requirementText = requirementWriter();
  yield* list(index.requirements.length, (i) => requirementText(i, index.requirements[i]!, calls.callOf[i]!), '    ');
  yield '],\n  "resources": [';
  yield* list(index.resources.length, (i) => escapeHidden(JSON.stringify({ id: i, ...index.resources[i] })), '    ');
  yield '],\n  "orgFindings": [';
  // Written as they are listed (texts are made here and dropped, never all held at once).
  yield* list(table.rows.length, (i) => rowText(i, table.rows[i]!), '    ');
  yield '],\n  "orgs": [';
  for (let i = 0; i < orgs.length; i++) {
    const { requirements: _requirements, findings: of, ...org } = orgs[i]!;
    const summary = summarize(of);
    const requirementCount = index.orgIds[i]!.length;
    const orgText = JSON.stringify({
      ...org,
      summary,
      requirementCount,
      resources: index.orgResources[i],
      findings: table.orgRanges[i],
    });
    yield `${i ? ',' : ''}\n    ${escapeHidden(orgText)}`;
  }
  yield '\n  ]\n}\n';
}

/** `{"id":N,...}` from an object's JSON text. */
const withId = (id: number, text: string) => `{"id":${id},${text.slice(1)}`;

/**
 * The items' texts, joined in chunks of about CHUNK characters: small enough to stay in V8's young
 * generation (a string over 128 KB is allocated on pages of its own), large enough to write few.
 * Each chunk is one joined string (a chunk made of two would be copied whole to be written).
 */
function* list(length: number, item: (i: number) => string, indent: string): Generator<string> {
  if (length === 0) return;
  yield `\n${indent}`;
  const sep = `,\n${indent}`;
  // After the first chunk, a chunk starts with an empty item: the separator before its first item.
  const batch: string[] = [];
  let size = 0;
  for (let i = 0; i < length; i++) {
    const text = item(i);
    batch.push(text);
    size += text.length + sep.length;
    if (size >= CHUNK || i === length - 1) {
      yield batch.join(sep);
      batch.length = 0;
      batch.push('');
      size = 0;
    }
  }
}

/** Characters per chunk of a list (see list). */
const CHUNK = 32_768;

/** The fields of a requirement that describe its planned call, not the resource or its place. */
type CallPart = Omit<Requirement, 'resource' | 'division' | 'location' | 'divisionLocation'>;
/** The fields a requirement keeps for itself. */
const OWN_FIELDS = new Set(['resource', 'division', 'location', 'divisionLocation']);
/** Every field a requirement may have: the call's, then its own. */
const FIELDS = new Set([
  'action',
  'operation',
  'purpose',
  'scopes',
  'scopesUnknown',
  'permissions',
  'when',
  'unverifiable',
  'source',
  ...OWN_FIELDS,
]);

/** A distinct call part, compared field by field: texts as they are (absent as null), objects by number. */
interface CallKey {
  id: number;
  action: unknown;
  operation: unknown;
  scopesUnknown: unknown;
  when: unknown;
  unverifiable: unknown;
  scopes: number | string;
  permissions: number | string;
  source: number | string;
}

/** The call table: each distinct call part once (JSON text), and the call id of each requirement. */
export function indexCalls(requirements: readonly Requirement[]): { texts: string[]; callOf: Int32Array } {
  const texts: string[] = [];
  const callOf = new Int32Array(requirements.length);
  // Nested objects repeat by identity (the catalog's frozen permission sets, the plans' sources):
  // each gets the number of its JSON text (equal texts, equal numbers).
  const objectIds = new Map<object, number>();
  const idsByText = new Map<string, number>();
  const objectId = (o: object | null | undefined) => {
    if (o === null) return 'n';
    if (o === undefined) return 'u';
    let id = objectIds.get(o);
    if (id === undefined) {
      const text = JSON.stringify(o);
      id = idsByText.get(text);
      if (id === undefined) idsByText.set(text, (id = idsByText.size));
      objectIds.set(o, id);
    }
    return id;
  };
  const add = (q: Requirement) => {
    const { resource: _r, division: _d, location: _l, divisionLocation: _dl, ...call } = q;
    return texts.push(escapeHidden(JSON.stringify(callPart(call)))) - 1;
  };
  // Calls by purpose (the plans share these texts), then compared field by field.
  const byPurpose = new Map<unknown, CallKey[]>();
  // A requirement with a field this code does not know: keyed by its JSON text without its own fields.
  const byText = new Map<string, number>();
  requirements.forEach((q, i) => {
    let known = true;
    for (const k in q) if (!FIELDS.has(k)) known = false;
    if (!known) {
      const key = JSON.stringify(q, function (this: unknown, k: string, v: unknown) {
        return this === q && OWN_FIELDS.has(k) ? undefined : v;
      });
      callOf[i] = cached(byText, key, () => add(q));
      return;
    }
    const action = q.action ?? null;
    const operation = q.operation ?? null;
    const scopesUnknown = q.scopesUnknown ?? null;
    const when = q.when ?? null;
    const unverifiable = q.unverifiable ?? null;
    const scopes = objectId(q.scopes);
    const permissions = objectId(q.permissions);
    const source = objectId(q.source);
    let same = byPurpose.get(q.purpose ?? null);
    if (same === undefined) byPurpose.set(q.purpose ?? null, (same = []));
    for (const c of same) {
      if (
        c.operation === operation &&
        c.permissions === permissions &&
        c.scopes === scopes &&
        c.source === source &&
        c.action === action &&
        c.scopesUnknown === scopesUnknown &&
        c.when === when &&
        c.unverifiable === unverifiable
      ) {
        callOf[i] = c.id;
        return;
      }
    }
    const id = add(q);
    same.push({ id, action, operation, scopesUnknown, when, unverifiable, scopes, permissions, source });
    callOf[i] = id;
  });
  return { texts, callOf };
}

/** The call part with its fields in the contract's order (extra fields after them). */
function callPart(c: CallPart): CallPart {
  const { action, operation, purpose, scopes, scopesUnknown, permissions, when, unverifiable, source, ...more } = c;
  const out: CallPart = { action, operation, purpose, scopes, scopesUnknown, permissions, ...more };
  if (when !== undefined) out.when = when;
  if (unverifiable !== undefined) out.unverifiable = unverifiable;
  if (source !== undefined) out.source = source;
  return out;
}

/**
 * Writes requirements' own JSON text (`{id, resource, call, division, location, divisionLocation}`,
 * fields left out when undefined, as JSON.stringify does), reusing the text of values that repeat:
 * a resource's requirements share its name and places.
 */
function requirementWriter(): (id: number, q: Requirement, call: number) => string {
  let resource: string | undefined;
  let resourceText = '';
  const places = new Map<SourceLocation, string>();
  const place = (l: SourceLocation) => cached(places, l, () => escapeHidden(JSON.stringify(l)));
  return (id, q, call) => {
    if (typeof q.resource !== 'string') {
      const own: Record<string, unknown> = {
        id,
        resource: q.resource,
        call,
        division: q.division,
        location: q.location,
      };
      if (q.divisionLocation !== undefined) own.divisionLocation = q.divisionLocation;
      return escapeHidden(JSON.stringify(own));
    }
    if (q.resource !== resource) {
      resource = q.resource;
      resourceText = escapeHidden(JSON.stringify(resource));
    }
    let text = `{"id":${id},"resource":${resourceText},"call":${call}`;
    if (q.division !== undefined) text += `,"division":${escapeHidden(JSON.stringify(q.division))}`;
    if (q.location !== undefined) text += `,"location":${place(q.location)}`;
    if (q.divisionLocation !== undefined) text += `,"divisionLocation":${place(q.divisionLocation)}`;
    return `${text}}`;
  };
}

/** Org finding `id`'s JSON text: the finding, and the requirement it is about (when it links to one). */
function rowText(id: number, row: TableRow): string {
  const f = row.finding;
  // `{"id":N,` before the finding's own fields (a finding has some, and neither of these two);
  // escaped as the finding's text alone (the rest has no character to escape).
  const text = escapeHidden(JSON.stringify(f));
  if (text.length < 3 || 'id' in f || 'requirement' in f)
    return escapeHidden(
      JSON.stringify(row.requirement < 0 ? { id, ...f } : { id, ...f, requirement: row.requirement }),
    );
  const tail = row.requirement < 0 ? text.slice(1) : `${text.slice(1, -1)},"requirement":${row.requirement}}`;
  return `{"id":${id},${tail}`;
}

/** A row of the org finding table: a finding and the requirement id it links to (-1: none). */
interface TableRow {
  finding: Finding;
  requirement: number;
}

/** A distinct org finding: the finding, and its table id per requirement it links to. */
interface TableEntry {
  finding: Finding;
  /** The first linked requirement id (-1: none) and its table id. */
  linked: number;
  id: number;
  /** Table ids for other linked requirement ids (rare: the same finding about another requirement). */
  more?: Map<number, number>;
}

/**
 * The org finding table: each distinct (finding, linked requirement) once, and per org the
 * inclusive ranges of its finding ids in the org's order. Findings
 * are compared by content, through their message and location; each is linked once per set of orgs
 * with the same requirements (a membership class). Orgs evaluated together share finding objects in
 * the same order (src/engine.ts): an org's findings are followed along the first org's that holds
 * the same object, so most of them cost one identity comparison.
 */
export function orgFindingTable(r: Report, index: RequirementIndex): { rows: TableRow[]; orgRanges: IdRange[][] } {
  const link = requirementLinker(index);
  const rows: TableRow[] = [];
  // Distinct findings by message; the same content at the same location object is one entry.
  const byMessage = new Map<string, TableEntry[]>();
  const rowOf = (f: Finding, linked: number): number => {
    const add = () => rows.push({ finding: f, requirement: linked }) - 1;
    const entries = byMessage.get(f.message);
    const entry = entries?.find((e) => e.finding.location === f.location && sameValue(e.finding, f));
    if (!entry) {
      const created: TableEntry = { finding: f, linked, id: add() };
      if (entries) entries.push(created);
      else byMessage.set(f.message, [created]);
      return created.id;
    }
    if (entry.linked === linked) return entry.id;
    entry.more ??= new Map();
    return cached(entry.more, linked, add);
  };
  const classes = new Map<string, number>();
  /** Per membership class: where each finding object was first seen (org, position). */
  const firstSeen: Array<Map<Finding, [number, number]>> = [];
  const idsOf: Int32Array[] = [];
  const orgRanges: IdRange[][] = [];
  r.orgs.forEach((o, i) => {
    // Orgs with the same resource ranges hold the same requirements: one membership class.
    const membership = cached(classes, JSON.stringify(index.orgResources[i]), () => classes.size);
    const seen = (firstSeen[membership] ??= new Map());
    const of = o.findings;
    // The same findings as an org before it (in its class), in the same order: the same ranges.
    const source = of.length ? seen.get(of[0]!) : undefined;
    if (source && source[1] === 0 && sameList(r.orgs[source[0]]!.findings, of)) {
      idsOf.push(idsOf[source[0]]!);
      orgRanges.push(orgRanges[source[0]]!);
      return;
    }
    const ids = new Int32Array(of.length);
    idsOf.push(ids);
    let along: readonly Finding[] = [];
    let alongIds: Int32Array = ids;
    let p = 0;
    for (let k = 0; k < of.length; k++) {
      const f = of[k]!;
      if (along[p] === f) {
        ids[k] = alongIds[p++]!;
        continue;
      }
      const first = seen.get(f);
      if (first) {
        along = r.orgs[first[0]]!.findings;
        alongIds = idsOf[first[0]]!;
        p = first[1] + 1;
        ids[k] = alongIds[first[1]]!;
        continue;
      }
      seen.set(f, [i, k]);
      ids[k] = rowOf(f, link(f, i) ?? -1);
    }
    const ranges: IdRange[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === id - 1) last[1] = id;
      else ranges.push([id, id]);
    }
    orgRanges.push(ranges);
  });
  return { rows, orgRanges };
}

/** Whether two lists hold the same objects in the same order. */
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Deep equality of JSON-like values: the same JSON text, property order aside. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameValue(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** Per report, the file it was last written to: its size and time then, and the report's counts then. */
const lastWritten = new WeakMap<Report, { path: string; size: number; mtimeMs: number; shape: string }>();

/** Counts that change when a report changes after it was written (verdicts, findings, requirements). */
const shape = (r: Report) =>
  `${r.passed}|${r.summary.errors},${r.summary.warnings},${r.summary.notices}|${r.findings.length}|` +
  r.orgs.map((o) => `${o.passed}:${o.findings.length}:${o.requirements.length}`).join(',');

/**
 * Where a JSON report goes: a file path, a file descriptor, or a stream (the CLI's standard
 * output is `process.stdout`, whose writes are synchronous for files and pipes on Linux).
 */
export type JsonTarget = string | number | NodeJS.WritableStream;

/** Writes `bytes` whole to `to` (a stream gets a copy: the caller reuses its buffer). */
function emit(to: number | NodeJS.WritableStream, bytes: Buffer): void {
  if (typeof to === 'number') writeAll(to, bytes);
  else if (bytes.length) to.write(Buffer.from(bytes));
}

/**
 * Writes the JSON report to a path, file descriptor or stream without building it as one string.
 * The same report written again (`--format json` and a report file) is copied from the first file
 * written, when that file and the report's counts are unchanged, instead of being serialised twice.
 */
export function writeJsonReport(r: Report, target: JsonTarget): void {
  const before = lastWritten.get(r);
  if (before && before.path !== target && copyWritten(before, r, target)) return;
  const to = typeof target === 'string' ? openSync(target, 'w') : target;
  try {
    // Chunks are encoded into one reused buffer (a chunk too large for it is written on its own).
    const buffer = Buffer.allocUnsafe(1 << 20);
    let used = 0;
    for (const chunk of reportJsonChunks(r)) {
      if (used + chunk.length * 3 > buffer.length) {
        emit(to, buffer.subarray(0, used));
        used = 0;
      }
      if (chunk.length * 3 > buffer.length) emit(to, Buffer.from(chunk, 'utf8'));
      else used += buffer.write(chunk, used, 'utf8');
    }
    emit(to, buffer.subarray(0, used));
  } finally {
    if (typeof target === 'string') closeSync(to as number);
  }
  if (typeof target === 'string') {
    const st = statSync(target);
    if (st.isFile()) lastWritten.set(r, { path: target, size: st.size, mtimeMs: st.mtimeMs, shape: shape(r) });
  }
}

/** Copies the report's earlier file to `target`; false when that file or the report changed since. */
function copyWritten(
  before: { path: string; size: number; mtimeMs: number; shape: string },
  r: Report,
  target: JsonTarget,
): boolean {
  if (before.shape !== shape(r)) return false;
  let from: Stats;
  try {
    from = statSync(before.path);
  } catch {
    return false;
  }
  if (!from.isFile() || from.size !== before.size || from.mtimeMs !== before.mtimeMs) return false;
  if (typeof target === 'string') {
    const to = statSync(target, { throwIfNoEntry: false });
    if (to && to.dev === from.dev && to.ino === from.ino) return true; // the same file: already written
    copyFileSync(before.path, target);
    return true;
  }
  const fd = openSync(before.path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      emit(target, chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return true;
}

function writeAll(fd: number, bytes: Buffer): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off);
    } catch (e) {
      // stdout may be a non-blocking pipe: retry when it is momentarily full
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}
