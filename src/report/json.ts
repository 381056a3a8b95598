/**
 * The JSON report, contract version 2 (docs/DESIGN.md, "JSON report v2"), serialised piece by
 * piece from the in-memory {@link Report}.
 *
 * Every distinct requirement is written once, in the top-level `requirements` array; top-level
 * `resources` group consecutive requirements into deployed resources (`requirements: [first, last]`,
 * inclusive id range); each org lists the resources that apply to it as inclusive ranges of
 * resource ids, and its findings, each carrying the `requirement` id it is about where it has one.
 * The size grows with resources + orgs + findings, not resources × orgs. The engine plans each
 * resource once and shares its Requirement objects with every org it goes to, so requirements
 * are deduplicated by identity (equal copies stay distinct requirements).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { REPORT_VERSION, summarize, type Report } from './model.js';
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
  const orgIds: Int32Array[] = r.orgs.map((o) => {
    const own = new Int32Array(o.requirements.length);
    let n = 0;
    for (const q of o.requirements) {
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
  });
  const n = requirements.length;
  // A group starts where the resource name changes or where any org's membership changes.
  const starts = new Uint8Array(n + 1);
  starts[0] = 1;
  for (let i = 1; i < n; i++) if (requirements[i]!.resource !== requirements[i - 1]!.resource) starts[i] = 1;
  for (const own of orgIds) {
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
  const orgResources = orgIds.map((own) => {
    const ranges: IdRange[] = [];
    for (let i = 0; i < own.length; i++) {
      if (!starts[own[i]!]) continue;
      const g = groupOf[own[i]!]!;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === g - 1) last[1] = g;
      else ranges.push([g, g]);
    }
    return ranges;
  });
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

const key = (resource: string, operation: string, division: string | null | undefined) =>
  `${resource}\u0000${operation}\u0000${division ?? '\u0001'}`;

/**
 * Finds, for an org's findings, the requirement each one is about: same resource, operation and
 * division, a member of the org, at the requirement's location (or its division's, for a missing
 * division grant); among several, one asking for what the finding says is missing, then the one
 * whose purpose the message names. Findings not about one requirement (lint, grants,
 * scopes-ignored) get none. The engine's evaluator writes one finding per requirement with these
 * fields (src/evaluate/evaluate.ts); the returned function takes the org's index in the report.
 */
export function requirementLinker(index: RequirementIndex): (f: Finding, org: number) => number | undefined {
  let byKey: Map<string, number[]> | undefined;
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
    if (!byKey) {
      byKey = new Map();
      index.requirements.forEach((q, id) => {
        const k = key(q.resource, q.operation, q.division);
        const list = byKey!.get(k);
        if (list) list.push(id);
        else byKey!.set(k, [id]);
      });
    }
    const own = index.orgIds[org]!;
    const candidates = (byKey.get(key(f.resource, f.operation, f.division)) ?? []).filter(
      (id) => has(own, id) && at(f, index.requirements[id]!),
    );
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
 */
const HIDDEN = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const escapeHidden = (text: string) => text.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Yields the report's JSON text (contract version 2) in chunks: valid JSON once concatenated. */
export function* reportJsonChunks(r: Report): Generator<string> {
  for (const chunk of rawChunks(r)) yield escapeHidden(chunk);
}

function* rawChunks(r: Report): Generator<string> {
  const { orgs, findings, ...rest } = r;
  const head = { ...rest, version: REPORT_VERSION };
  const index = indexRequirements(r);
  const link = requirementLinker(index);
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [`;
  yield* list(findings.length, (i) => JSON.stringify(findings[i]), '    ');
  yield '],\n  "requirements": [';
  yield* list(index.requirements.length, (i) => withId(i, JSON.stringify(index.requirements[i])), '    ');
  yield '],\n  "resources": [';
  yield* list(index.resources.length, (i) => withId(i, JSON.stringify(index.resources[i])), '    ');
  yield '],\n  "orgs": [';
  for (let i = 0; i < orgs.length; i++) {
    const { requirements: _requirements, findings: of, ...org } = orgs[i]!;
    const summary = summarize(of);
    const requirementCount = index.orgIds[i]!.length;
    const orgText = JSON.stringify({ ...org, summary, requirementCount, resources: index.orgResources[i] });
    yield `${i ? ',' : ''}\n    ${orgText.slice(0, -1)},"findings":[`;
    yield* list(
      of.length,
      (j) => {
        const f = of[j]!;
        const text = JSON.stringify(f);
        const id = link(f, i);
        return id === undefined ? text : `${text.slice(0, -1)},"requirement":${id}}`;
      },
      '      ',
    );
    yield ']}';
  }
  yield '\n  ]\n}\n';
}

/** `{"id":N,...}` from an object's JSON text. */
const withId = (id: number, text: string) => `{"id":${id},${text.slice(1)}`;

function* list(length: number, item: (i: number) => string, indent: string): Generator<string> {
  const batch: string[] = [];
  for (let i = 0; i < length; i++) {
    batch.push(`${i ? ',' : ''}\n${indent}${item(i)}`);
    if (batch.length === 512) {
      yield batch.join('');
      batch.length = 0;
    }
  }
  if (batch.length) yield batch.join('');
}

/** Writes the JSON report to a file descriptor or path without building it as one string. */
export function writeJsonReport(r: Report, target: string | number): void {
  const fd = typeof target === 'number' ? target : openSync(target, 'w');
  try {
    let buffer = '';
    for (const chunk of reportJsonChunks(r)) {
      buffer += chunk;
      if (buffer.length > 1 << 16) {
        writeAll(fd, buffer);
        buffer = '';
      }
    }
    if (buffer) writeAll(fd, buffer);
  } finally {
    if (typeof target !== 'number') closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
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
