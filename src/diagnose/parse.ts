/**
 * `parseDeployLog`: every permission failure a failed deploy printed (issue 14, item 1).
 *
 * The log is untrusted text. It is read in passes, each linear in its length:
 * 1. lines are cleaned (ANSI colours, runner timestamps, `##[group]` markers; text.ts `cleanLine`);
 * 2. terraform-provider-genesyscloud diagnostics (terraform.ts) take their lines; the `│ ` box prefix
 *    is removed from the other lines;
 * 3. error bodies and SDK error objects anywhere in the rest (bodies.ts), one forward scan;
 * 4. Archy lines, HTTP status lines and plain permission messages (lines.ts), skipping what was read;
 * 5. an HTTP status and the body printed with it become one failure; the same failure printed twice
 *    (same contextId, or same call and permissions on adjacent lines) is reported once;
 * 6. each failure gets the org id named last before it, and its catalog operation.
 *
 * 404s and other statuses are ignored; 401s too unless `includeAuth` (authentication, not permission).
 */
import { scanBodies, type BodyCandidate } from './bodies.js';
import { findArchy, findHttpAndMessages, type Coverage } from './lines.js';
import type { Candidate, LogFailure, LogFailureKind, ParseLogOptions } from './model.js';
import { findProviderDiagnostics } from './terraform.js';
import { cleanLine, orgIdIn } from './text.js';

export type { LogFailure, LogFailureKind, ParseLogOptions } from './model.js';

const KIND_RANK: Record<LogFailureKind, number> = {
  'http-status': 1,
  'error-body': 2,
  'archy-session': 3,
  'archy-step': 4,
  provider: 5,
};

/** Lines a body printed after (or just before) its HTTP status line may be away from it. */
const BODY_AFTER_STATUS = 30;
const BODY_BEFORE_STATUS = 3;
/** "Adjacent": the second report starts on the line after the first ends (or on it). */
const ADJACENT = 1;

/** Splits on \n (a trailing \r is removed by cleanLine). */
function splitLines(text: string): string[] {
  return text.split('\n');
}

/** Fills `into` with what `from` knows and it does not; keeps the stronger kind and the earlier line. */
function absorb(into: Candidate, from: Candidate): void {
  if (KIND_RANK[from.kind] > KIND_RANK[into.kind]) {
    into.kind = from.kind;
    into.excerpt = from.excerpt;
  }
  into.line = Math.min(into.line, from.line);
  into.endLine = Math.max(into.endLine, from.endLine);
  into.method ??= from.method;
  into.path ??= from.path;
  into.code ??= from.code;
  into.permissions ??= from.permissions;
  into.contextId ??= from.contextId;
  into.division ??= from.division;
  into.resource ??= from.resource;
}

/** First index of `sorted` (by line) whose line is ≥ `line`. */
function firstAtOrAfter(sorted: Candidate[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An HTTP status line and the body printed with it (after it, or just before it) are one failure. */
function joinStatusAndBody(all: Candidate[]): Candidate[] {
  const https = all.filter((c) => c.kind === 'http-status' && !c.standalone).sort((a, b) => a.line - b.line);
  const bodies = all.filter((c) => c.kind === 'error-body').sort((a, b) => a.line - b.line);
  const used = new Set<Candidate>();
  const dropped = new Set<Candidate>();
  for (let h = 0; h < https.length; h++) {
    const H = https[h]!;
    const nextStatus = https[h + 1]?.line ?? Infinity;
    const fits = (b: Candidate) => !used.has(b) && b.status === H.status;
    let B: Candidate | undefined;
    const at = firstAtOrAfter(bodies, H.line);
    for (let j = at; j < bodies.length && bodies[j]!.line - H.line <= BODY_AFTER_STATUS; j++) {
      const b = bodies[j]!;
      if (b.line > H.line && b.line >= nextStatus) break;
      if (fits(b)) {
        B = b;
        break;
      }
    }
    for (let j = at - 1; !B && j >= 0 && H.line - bodies[j]!.line <= BODY_BEFORE_STATUS + 50; j--) {
      const b = bodies[j]!;
      if (fits(b) && H.line - b.endLine <= BODY_BEFORE_STATUS) B = b;
    }
    if (!B) continue;
    used.add(B);
    dropped.add(H);
    absorb(B, H);
    B.kind = 'error-body';
  }
  return all.filter((c) => !dropped.has(c));
}

const sameCall = (a: Candidate, b: Candidate) =>
  a.status === b.status &&
  (a.method ?? '') === (b.method ?? '') &&
  (a.path ?? '') === (b.path ?? '') &&
  (a.permissions?.mode ?? '') === (b.permissions?.mode ?? '') &&
  (a.permissions?.values.join(',') ?? '') === (b.permissions?.values.join(',') ?? '');

/** The same failure printed twice: same contextId, or same call and permissions on adjacent lines. */
function dedupe(sorted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const byContext = new Map<string, Candidate>();
  for (const c of sorted) {
    const twin = c.contextId ? byContext.get(c.contextId) : undefined;
    if (twin) {
      absorb(twin, c);
      continue;
    }
    const prev = out[out.length - 1];
    const compatible = !prev?.contextId || !c.contextId || prev.contextId === c.contextId;
    if (prev && compatible && sameCall(prev, c) && c.line <= prev.endLine + ADJACENT) {
      absorb(prev, c);
      if (prev.contextId) byContext.set(prev.contextId, prev);
      continue;
    }
    out.push(c);
    if (c.contextId) byContext.set(c.contextId, c);
  }
  return out;
}

/** Builds the coverage view over the cleaned lines: taken lines and spans of objects that yielded failures. */
function coverage(
  taken: Set<number>,
  spans: BodyCandidate[],
  lineStarts: number[],
  lineAt: (o: number) => number,
): Coverage {
  const byLine = new Map<number, Array<[number, number]>>();
  const seen = new Set<string>();
  for (const s of spans) {
    // The failures of one object share its span: each span once.
    const key = `${s.spanStart}:${s.spanEnd}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const first = lineAt(s.spanStart) - 1;
    const last = lineAt(Math.max(s.spanStart, s.spanEnd - 1)) - 1;
    for (let k = first; k <= last; k++) {
      const base = lineStarts[k]!;
      const list = byLine.get(k) ?? [];
      list.push([s.spanStart - base, s.spanEnd - base]);
      byLine.set(k, list);
    }
  }
  return {
    lineTaken: (k) => taken.has(k),
    covered: (k, col) => (byLine.get(k) ?? []).some(([a, b]) => col >= a && col < b),
    touched: (k) => byLine.has(k),
  };
}

/** Every permission failure in a deploy log, in log order (see the module comment). */
export function parseDeployLog(text: string, opts: ParseLogOptions = {}): LogFailure[] {
  const includeAuth = opts.includeAuth ?? false;
  const lines = splitLines(text).map(cleanLine);

  // Terraform diagnostics take their lines whatever their status.
  const taken = new Set<number>();
  const found: Candidate[] = [];
  for (const box of findProviderDiagnostics(lines, includeAuth)) {
    for (let k = box.first; k <= box.last; k++) taken.add(k);
    if (box.failure) found.push(box.failure);
  }

  // One text of the remaining lines (taken lines blanked, so line numbers stay).
  const rest = lines.map((l, k) => (taken.has(k) ? '' : l.startsWith('\u2502') ? l.slice(1).replace(/^ /, '') : l));
  const lineStarts: number[] = [];
  let offset = 0;
  for (const l of rest) {
    lineStarts.push(offset);
    offset += l.length + 1;
  }
  const lineAt = (o: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const bodies = scanBodies(rest.join('\n'), { includeAuth, lineAt });
  const cov = coverage(taken, bodies, lineStarts, lineAt);
  const archy = findArchy(rest, cov, bodies);
  for (const k of archy.taken) taken.add(k);
  const lineFound = findHttpAndMessages(rest, cov, includeAuth);

  const all = joinStatusAndBody([...found, ...bodies.map(stripSpan), ...archy.failures, ...lineFound]);
  all.sort((a, b) => a.line - b.line || KIND_RANK[b.kind] - KIND_RANK[a.kind]);
  const failures = dedupe(all);

  // The org id named last before each failure.
  const orgs: Array<[number, string]> = [];
  lines.forEach((l, k) => {
    const id = orgIdIn(l);
    if (id) orgs.push([k + 1, id]);
  });
  let o = 0;
  let orgId: string | undefined;
  return failures.map((c) => {
    for (; o < orgs.length && orgs[o]![0] <= c.line; o++) orgId = orgs[o]![1];
    const op = opts.catalog && c.method && c.path ? opts.catalog.lookup(c.method, c.path) : undefined;
    return finish(c, orgId, op ? `${op.method} ${op.path}` : undefined);
  });
}

function stripSpan(c: BodyCandidate): Candidate {
  const { spanStart: _s, spanEnd: _e, ...rest } = c;
  return rest;
}

/** The public record, fields in a stable order, undefined ones left out. */
function finish(c: Candidate, orgId: string | undefined, operation: string | undefined): LogFailure {
  const out: Record<string, unknown> = { kind: c.kind, line: c.line };
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== '') out[k] = v;
  };
  put('method', c.method);
  put('path', c.path);
  put('operation', operation);
  put('code', c.code);
  out['status'] = c.status;
  put('permissions', c.permissions ? { mode: c.permissions.mode, values: [...c.permissions.values] } : undefined);
  put('contextId', c.contextId);
  put('orgId', orgId);
  put('division', c.division);
  put('resource', c.resource);
  out['excerpt'] = c.excerpt;
  return out as unknown as LogFailure;
}
