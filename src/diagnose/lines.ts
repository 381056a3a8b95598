/**
 * Line-shaped failures: Archy's console lines, HTTP status lines, and the Genesys permission message
 * printed as plain text.
 *
 * Archy (closed source; only its documentation and third-party observations are public):
 * - documented: Architect Scripting reserves exit code 99 for "an unhandled exception … or a problem
 *   encountered prior to execution", e.g. startup failing because the client lacks the permission
 *   Architect Scripting requires (purecloud-flow-scripting-api-sdk-javascript @ a8d8a5d
 *   docs/ArchSession.html l.646–649 and l.805; `architect:ui:view` is "needed to use Architect
 *   Scripting itself", docs/index.html l.104);
 * - assumed (seen only in third-party code, not in Genesys docs): the console line
 *   "Architect Scripting session ended in error ( code: 99 )" (also matched without the inner
 *   spaces), a permission line near it such as "the 'architect:flow:add' permission is required",
 *   and step lines naming the flow ("Error publishing flow 'Main IVR'", "failed to create flow
 *   \"X\""). A session error counts only with a permission, a 403 or "not authorized" nearby: exit
 *   code 99 alone also means any other startup problem.
 *
 * HTTP (formats of the tools, not Genesys-specific): curl -v (`> GET /api/v2/... HTTP/1.1`, then
 * `< HTTP/1.1 403 Forbidden` or `< HTTP/2 403`); the Go SDK's error text "API Error: 403 - <message>
 * (<correlation id>)" (platform-client-sdk-go `platformclientv2/apiresponse.go`); the JavaScript SDK's
 * debug trace "[RESPONSE] 403: GET <url>" (platform-client-sdk-javascript `ApiClient.js`); the Python
 * SDK's `ApiException` text "(403)" / "Reason: Forbidden"; and any line with "HTTP 403", "403
 * Forbidden", "status code 403" or `ApiException … 403` plus, when present, a method and URL.
 */
import type { Candidate } from './model.js';
import { divisionIn, excerptOf, pathOf, permissionNamesIn, permissionsFromMessage, trimEnd } from './text.js';

/** Where another detector already read the text: a whole line, or a character of it. */
export interface Coverage {
  lineTaken(k: number): boolean;
  /** True when character `col` of line `k` is inside an object that yielded a failure. */
  covered(k: number, col: number): boolean;
  /** True when some of line `k` is inside an object that yielded a failure. */
  touched(k: number): boolean;
}

const SESSION = /Architect Scripting session ended in error\s*\(\s*code\s*:\s*(\d+)\s*\)/i;
const SESSION_BEFORE = 15;
const SESSION_AFTER = 5;
const STEP_WINDOW = 3;

const FLOW_QUOTED = /\bflow\b[^'"\n]{0,60}?(['"])([^'"\n]{1,200})\1/i;
const FLOW_NAMED = /\bflow ?name\s*[:=]\s*([^,;\n]{1,200})/i;
const DENIED = /\b403\b|\bforbidden\b|\bnot[ .]authori[sz]ed\b|\bpermission denied\b/i;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CONTEXT_ID = new RegExp(`\\b(?:context|correlation)[ _-]?id\\b["']?\\s*[:=]\\s*["']?(${UUID})`, 'i');
const TRAILING_ID = new RegExp(`\\((${UUID})\\)`);

/** The flow an Archy step line names, when the line reports a failed step on a flow. */
export function failedFlowStep(line: string): string | undefined {
  if (!/\bflow/i.test(line)) return undefined;
  if (!/fail|error|unable|could not|denied/i.test(line)) return undefined;
  if (!/publish|creat|sav|check|updat|delet|import/i.test(line)) return undefined;
  const name = FLOW_QUOTED.exec(line)?.[2] ?? FLOW_NAMED.exec(line)?.[1];
  return name?.trim() || undefined;
}

/** Permissions a free-text line names: a Genesys message, or "permission" with permission names. */
function permissionLine(line: string): { mode: 'ANY' | 'ALL'; values: string[]; code?: string } | undefined {
  const said = permissionsFromMessage(line);
  if (said?.values.length) return { mode: said.mode, values: said.values, code: said.code };
  if (!/permission/i.test(line)) return undefined;
  const values = permissionNamesIn(line);
  if (!values.length) return undefined;
  return { mode: /at least one|any of|one of/i.test(line) ? 'ANY' : 'ALL', values };
}

function contextIdIn(line: string): string | undefined {
  return CONTEXT_ID.exec(line)?.[1] ?? TRAILING_ID.exec(line)?.[1];
}

/** The candidates of `sorted` (by line) with a line in [from, to]. */
function bodiesBetween(sorted: Candidate[], from: number, to: number): Candidate[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.line < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Candidate[] = [];
  for (let j = lo; j < sorted.length && sorted[j]!.line <= to; j++) out.push(sorted[j]!);
  return out;
}

/** Archy failures: session errors and failed flow steps with a permission (or a 403) nearby. */
export function findArchy(
  lines: string[],
  cov: Coverage,
  bodiesByLine: Candidate[],
): { failures: Candidate[]; taken: Set<number> } {
  const failures: Candidate[] = [];
  const taken = new Set<number>();
  const usable = (k: number) => k >= 0 && k < lines.length && !cov.lineTaken(k) && !taken.has(k);

  const evidence = (from: number, to: number) => {
    let perms: ReturnType<typeof permissionLine>;
    let denied = false;
    const used: number[] = [];
    for (let k = Math.max(0, from); k <= Math.min(lines.length - 1, to); k++) {
      if (!usable(k)) continue;
      const l = lines[k]!;
      const p = permissionLine(l);
      if (p && !cov.touched(k) && !perms) {
        perms = p;
        used.push(k);
      } else if (DENIED.test(l)) {
        denied = true;
        used.push(k);
      }
    }
    return { perms, denied, used };
  };
  const stepIn = (from: number, to: number) => {
    for (let k = Math.max(0, from); k <= Math.min(lines.length - 1, to); k++) {
      if (!usable(k)) continue;
      const name = failedFlowStep(lines[k]!);
      if (name) return { k, name };
    }
    return undefined;
  };

  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (!usable(k) || !/Architect Scripting session/i.test(l)) continue;
    const m = SESSION.exec(l);
    if (!m) continue;
    const from = k - SESSION_BEFORE;
    const to = k + SESSION_AFTER;
    const step = stepIn(from, to);
    // An error body in the window is the evidence; the flow name goes onto it.
    const nearBodies = bodiesBetween(bodiesByLine, from + 1, to + 1);
    if (nearBodies.length) {
      for (const b of nearBodies) b.resource ??= step?.name;
      taken.add(k);
      continue;
    }
    const ev = evidence(from, to);
    if (!ev.perms && !ev.denied) continue;
    const lineIdx = Math.min(k, step?.k ?? k, ...ev.used);
    const endIdx = Math.max(k, step?.k ?? k, ...ev.used);
    for (let j = lineIdx; j <= endIdx; j++) taken.add(j);
    const text = [step ? lines[step.k]! : '', ...ev.used.map((u) => lines[u]!), l].filter(Boolean).join(' ');
    failures.push({
      kind: step ? 'archy-step' : 'archy-session',
      line: lineIdx + 1,
      endLine: endIdx + 1,
      code: ev.perms?.code,
      status: 403,
      permissions: ev.perms ? { mode: ev.perms.mode, values: ev.perms.values } : undefined,
      division: divisionIn(text),
      resource: step?.name,
      excerpt: excerptOf(text),
    });
  }

  // Failed steps outside any session window, with the permission on the line or just after it.
  for (let k = 0; k < lines.length; k++) {
    if (!usable(k)) continue;
    const name = failedFlowStep(lines[k]!);
    if (!name) continue;
    const ev = evidence(k, k + STEP_WINDOW);
    if (!ev.perms) continue;
    const endIdx = Math.max(k, ...ev.used);
    for (let j = k; j <= endIdx; j++) taken.add(j);
    const text = [lines[k]!, ...ev.used.filter((u) => u !== k).map((u) => lines[u]!)].join(' ');
    failures.push({
      kind: 'archy-step',
      line: k + 1,
      endLine: endIdx + 1,
      code: ev.perms.code,
      status: 403,
      permissions: { mode: ev.perms.mode, values: ev.perms.values },
      division: divisionIn(text),
      resource: name,
      excerpt: excerptOf(text),
    });
  }
  return { failures, taken };
}

const CURL_REQUEST = /^> (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/[\d.]+\s*$/;
const CURL_STATUS = /^< HTTP\/[\d.]+ (\d{3})\b/;
const STATUS_PATTERNS: RegExp[] = [
  /\bAPI Error: (\d{3})\b/,
  /\[RESPONSE\] (\d{3}):/,
  /\bHTTP(?:\/[\d.]+)? (\d{3})\b/,
  /\b(\d{3}) (?:Forbidden|Unauthorized)\b/,
  /\bstatus(?:[ _]?code)?\s*(?:[:=]\s*)?(\d{3})\b/i,
];
const PYTHON_STATUS = /^\s*\((\d{3})\)\s*$/;
const METHOD_URL = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+((?:https?:\/\/[^\s/"']+)?\/[^\s"'<>]*)/;
const URL_ONLY = /https?:\/\/[^\s/"']+(\/[^\s"'<>]*)/;
const CURL_CONTEXT = 100;

function cleanPath(raw: string): string | undefined {
  return pathOf(trimEnd(raw, '.,;:)]'));
}

/**
 * HTTP status lines (403; 401 with `includeAuth`) and the Genesys message as plain text. `taken`
 * lines (Terraform boxes, Archy) are skipped, and so is text inside an object already read.
 */
export function findHttpAndMessages(lines: string[], cov: Coverage, includeAuth: boolean): Candidate[] {
  const out: Candidate[] = [];
  let request: { method: string; path?: string; k: number } | undefined;
  const wanted = (status: number) => status === 403 || (status === 401 && includeAuth);
  for (let k = 0; k < lines.length; k++) {
    if (cov.lineTaken(k)) continue;
    const l = lines[k]!;
    const req = CURL_REQUEST.exec(l);
    if (req) {
      request = { method: req[1]!, path: cleanPath(req[2]!), k };
      continue;
    }
    let status: number | undefined;
    let method: string | undefined;
    let path: string | undefined;
    const curl = CURL_STATUS.exec(l);
    if (curl) {
      status = Number(curl[1]);
      if (request && k - request.k <= CURL_CONTEXT) ({ method, path } = request);
    } else if (l.includes('403') || (includeAuth && l.includes('401'))) {
      for (const re of STATUS_PATTERNS) {
        const m = re.exec(l);
        if (m && wanted(Number(m[1])) && !cov.covered(k, m.index)) {
          status = Number(m[1]);
          break;
        }
      }
      if (status === undefined && l.includes('ApiException')) {
        const at = l.indexOf('ApiException');
        const m = /\b(40[13])\b/.exec(l.slice(at));
        if (m && wanted(Number(m[1])) && !cov.covered(k, at)) status = Number(m[1]);
      }
      if (status === undefined) {
        const py = PYTHON_STATUS.exec(l);
        if (py && /^\s*Reason:/.test(lines[k + 1] ?? '')) status = Number(py[1]);
      }
      if (status !== undefined) {
        const mu = METHOD_URL.exec(l);
        if (mu) {
          method = mu[1];
          path = cleanPath(mu[2]!);
        } else {
          const u = URL_ONLY.exec(l);
          if (u) path = cleanPath(u[1]!);
        }
      }
    }
    const said = permissionsFromMessage(l);
    const saidHere = said && !cov.covered(k, said.at) ? said : undefined;
    if (status !== undefined && wanted(status)) {
      out.push({
        kind: 'http-status',
        line: k + 1,
        endLine: k + 1,
        method,
        path,
        code: saidHere?.code,
        status,
        permissions: saidHere?.values.length ? { mode: saidHere.mode, values: saidHere.values } : undefined,
        contextId: contextIdIn(l),
        division: saidHere ? divisionIn(l) : undefined,
        excerpt: excerptOf(l),
      });
    } else if (saidHere) {
      // The message alone (a body's `message` printed as text, or a truncated body).
      out.push({
        kind: 'error-body',
        line: k + 1,
        endLine: k + 1,
        code: saidHere.code,
        status: 403,
        permissions: saidHere.values.length ? { mode: saidHere.mode, values: saidHere.values } : undefined,
        contextId: contextIdIn(l),
        division: divisionIn(l),
        excerpt: excerptOf(l.slice(Math.max(0, saidHere.at - 100))),
      });
    }
  }
  return out;
}
