/**
 * Platform API error bodies anywhere in a log (kind `error-body`, or `http-status` for an SDK error
 * object that carries a 403 but no body).
 *
 * Shapes (sources):
 * - the body itself, SDK `ErrorBody` (src/genesys/models.ts): `message`, `code`, `status`,
 *   `messageWithParams`, `messageParams` {`permissions`: "a:b:c, d:e:f"}, `contextId`, `details`,
 *   `errors`; the two permission messages and codes as the fake sends them
 *   (test-support/fake-genesys/authz.ts), and `not.authorized` bodies without permissions;
 * - compact, pretty-printed over several lines, or escaped inside a string (`{\"message\":...}`,
 *   one level of escaping per pass, up to {@link MAX_NESTING} levels);
 * - the Go SDK's `APIResponse`/`APIError` JSON (platform-client-sdk-go `platformclientv2/apiresponse.go`:
 *   `statusCode`, `error` {status, message, messageParams, code, contextId, details});
 * - the JavaScript SDK's rejection (platform-client-sdk-javascript `ApiClient.js`, `callApi`): the body,
 *   or with `returnExtended` `{ status, statusText, headers, body, text, error }`, printed by
 *   `console.log` in Node's `util.inspect` notation; axios-style `{ config: {method, url}, response:
 *   {status, data} }` wrappers give the method and URL.
 *
 * The scan is one forward pass: each read starts at a `{` at or after where the previous read stopped
 * (a broken object still yields the objects completed inside it), so the work is linear in the log.
 */
import { Opaque, outermost, readObjectAt, unescapeOnce, type LObject, type LValue } from './lenient-json.js';
import type { Candidate } from './model.js';
import {
  divisionIn,
  excerptOf,
  methodOf,
  pathOf,
  permissionsFromMessage,
  permissionsFromParam,
  PERMISSION_CODES,
  statusOf,
} from './text.js';

/** Levels of escaped JSON followed (`{\"...` inside `"{\\\"...`). */
export const MAX_NESTING = 4;

/** A failure found in an object, with the text span it came from (top-level scan only). */
export interface BodyCandidate extends Candidate {
  spanStart: number;
  spanEnd: number;
}

interface ScanContext {
  includeAuth: boolean;
  /** Line of an offset of the scanned text. */
  lineAt(offset: number): number;
  /** The line every failure gets (escaped or embedded text: the line of the string it came from). */
  fixedLine?: number;
}

const isObject = (v: LValue): v is LObject =>
  typeof v === 'object' && v !== null && !(v instanceof Opaque) && !Array.isArray(v);
const str = (v: LValue): string | undefined => (typeof v === 'string' ? v : undefined);

/** True when the text after `{` (spaces skipped) starts an escaped key: `\"` or `\\\"`. */
function escapedStart(s: string, p: number): boolean {
  let j = p + 1;
  while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
  return s[j] === '\\' && (s[j + 1] === '"' || (s[j + 1] === '\\' && (s[j + 2] === '"' || s[j + 2] === '\\')));
}

/** End of an escaped region: the first unescaped `"` (it closes the enclosing string) or line end. */
function escapedEnd(s: string, p: number): number {
  let j = p;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34 || c === 10) return j;
    else j++;
  }
  return s.length;
}

/** Scans `text` for error bodies. Linear: the cursor only moves forward. */
export function scanBodies(text: string, ctx: ScanContext, nesting = 0): BodyCandidate[] {
  const out: BodyCandidate[] = [];
  let i = 0;
  for (;;) {
    const p = text.indexOf('{', i);
    if (p < 0) break;
    if (escapedStart(text, p)) {
      const end = escapedEnd(text, p);
      if (nesting < MAX_NESTING) {
        const line = ctx.fixedLine ?? ctx.lineAt(p);
        for (const c of scanBodies(unescapeOnce(text.slice(p, end)), { ...ctx, fixedLine: line }, nesting + 1)) {
          out.push({ ...c, spanStart: p, spanEnd: end, endLine: ctx.fixedLine ?? ctx.lineAt(end) });
        }
      }
      i = Math.max(end, p + 1);
      continue;
    }
    const r = readObjectAt(text, p);
    const roots = r.ok && r.value ? [{ value: r.value, start: p, end: r.end }] : outermost(r.completed);
    if (!r.ok && nesting < MAX_NESTING) {
      // A broken object: the escaped JSON in its strings outside the objects kept.
      for (const { text: inner, start } of r.strings) {
        if (roots.some((o) => start >= o.start && start < o.end)) continue;
        const line = ctx.fixedLine ?? ctx.lineAt(start);
        for (const c of scanBodies(inner, { ...ctx, fixedLine: line }, nesting + 1)) {
          out.push({ ...c, endLine: line, spanStart: start, spanEnd: start + 1 });
        }
      }
    }
    for (const root of roots) {
      const line = ctx.fixedLine ?? ctx.lineAt(root.start);
      const endLine = ctx.fixedLine ?? ctx.lineAt(Math.max(root.start, root.end - 1));
      const excerpt = () => excerptOf(text.slice(root.start, Math.min(root.end, root.start + 2000)));
      for (const c of interpret(root.value, ctx, nesting, line, excerpt)) {
        out.push({ ...c, endLine: Math.max(endLine, c.endLine), spanStart: root.start, spanEnd: root.end });
      }
    }
    i = r.end;
  }
  return out;
}

interface HttpContext {
  method?: string;
  path?: string;
  status?: number;
}

/** Method, path and status an ancestor object states (`config: {method, url}`, `request`, `statusCode`). */
function contextOf(node: LObject): HttpContext {
  const ctx: HttpContext = {};
  const from = (o: LObject) => {
    ctx.method ??= methodOf(o['method']) ?? methodOf(o['httpMethod']);
    const url = str(o['url']) ?? str(o['path']) ?? str(o['uri']) ?? str(o['requestUrl']);
    if (url && !ctx.path) ctx.path = pathOf(url);
  };
  from(node);
  for (const k of ['config', 'request', 'options']) {
    const sub = node[k];
    if (isObject(sub)) from(sub);
  }
  ctx.status = statusOf(node['status']) ?? statusOf(node['statusCode']);
  const response = node['response'];
  if (ctx.status === undefined && isObject(response)) ctx.status = statusOf(response['status']);
  return ctx;
}

function merged(ancestors: LObject[]): HttpContext {
  const out: HttpContext = {};
  for (const a of ancestors) {
    const c = contextOf(a);
    out.method ??= c.method;
    out.path ??= c.path;
    out.status ??= c.status;
  }
  return out;
}

/** What an `ErrorBody`-like object says about permissions, or undefined when it is not a failure. */
type BodyFields = Omit<Candidate, 'line' | 'endLine' | 'excerpt' | 'kind'>;

function fromErrorBody(node: LObject, ancestors: LObject[], ctx: ScanContext): BodyFields | undefined {
  const message = str(node['message']) ?? '';
  let code = str(node['code']);
  const ownStatus = statusOf(node['status']);
  const params = node['messageParams'];
  let values = isObject(params) ? permissionsFromParam(params['permissions']) : undefined;
  const said = permissionsFromMessage(message);
  values ??= said?.values.length ? said.values : undefined;
  let mode: 'ANY' | 'ALL' =
    code === 'missing.any.permissions' ? 'ANY' : code === 'missing.permissions' ? 'ALL' : (said?.mode ?? 'ALL');
  let contextId = str(node['contextId']) ?? str(node['correlationId']);
  // Assumed keys: no documented Genesys body names a division; these are the likely ones.
  let division = isObject(params)
    ? (str(params['division']) ?? str(params['divisionName']) ?? str(params['divisionId']))
    : undefined;
  division ??= divisionIn(message);
  // A body without permissions may nest the one that has them (`errors`).
  if (!values && Array.isArray(node['errors'])) {
    for (const e of node['errors']) {
      if (!isObject(e)) continue;
      const inner = fromErrorBody(e, [node, ...ancestors], ctx);
      if (inner?.permissions) {
        values = inner.permissions.values;
        mode = inner.permissions.mode;
        code = inner.code ?? code;
        contextId ??= inner.contextId;
        division ??= inner.division;
        break;
      }
    }
  }
  code ??= said?.code;
  const http = merged(ancestors);
  const status = ownStatus ?? http.status ?? (values || (code && PERMISSION_CODES.has(code)) ? 403 : undefined);
  const permissionFailure = status === 403 || !!values || (code !== undefined && PERMISSION_CODES.has(code));
  const authFailure = status === 401 && ctx.includeAuth;
  if (!permissionFailure && !authFailure) return undefined;
  if (status === undefined || (status !== 403 && status !== 401)) return undefined;
  return {
    method: http.method,
    path: http.path,
    code,
    status,
    permissions: values ? { mode, values } : undefined,
    contextId,
    division,
  };
}

const looksLikeErrorBody = (node: LObject) =>
  typeof node['message'] === 'string' && (typeof node['code'] === 'string' || statusOf(node['status']) !== undefined);

/** Failures in one object tree (ancestors give the method, path and status). */
function interpret(
  root: LObject,
  ctx: ScanContext,
  nesting: number,
  line: number,
  excerptOfRoot: () => string,
): Candidate[] {
  let cached: string | undefined;
  const excerpt = () => (cached ??= excerptOfRoot());
  const out: Candidate[] = [];
  const visit = (node: LObject, ancestors: LObject[], depth: number): number => {
    if (depth > 64) return 0;
    if (looksLikeErrorBody(node)) {
      const found = fromErrorBody(node, ancestors, ctx);
      if (found) {
        out.push({ kind: 'error-body', line, endLine: line, excerpt: excerpt(), ...found });
        return 1;
      }
    }
    let count = 0;
    const chain = [node, ...ancestors];
    for (const key of Object.keys(node)) {
      const v = node[key];
      const children = Array.isArray(v) ? v : [v];
      for (const child of children) {
        if (isObject(child)) count += visit(child, chain, depth + 1);
        else if (typeof child === 'string' && nesting < MAX_NESTING && child.length > 8 && child.includes('{')) {
          const embedded = scanBodies(child, { ...ctx, fixedLine: line }, nesting + 1);
          const http = merged(chain);
          for (const c of embedded) {
            out.push({ ...c, method: c.method ?? http.method, path: c.path ?? http.path, line, endLine: line });
          }
          count += embedded.length;
        }
      }
    }
    // An SDK error object with a 403 and no readable body: `{ status: 403, statusText: 'Forbidden', body: {} }`.
    if (count === 0) {
      const c = contextOf(node);
      const wrapper = ['statusText', 'body', 'data', 'response', 'config'].some((k) => k in node);
      const status = statusOf(node['status']) ?? statusOf(node['statusCode']);
      if (wrapper && (status === 403 || (status === 401 && ctx.includeAuth))) {
        const http = merged(ancestors);
        out.push({
          kind: 'http-status',
          standalone: true,
          line,
          endLine: line,
          excerpt: excerpt(),
          status,
          method: c.method ?? http.method,
          path: c.path ?? http.path,
        });
        count = 1;
      }
    }
    return count;
  };
  visit(root, [], 0);
  return out;
}
