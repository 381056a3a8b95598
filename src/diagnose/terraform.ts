/**
 * terraform-provider-genesyscloud diagnostics as `terraform apply` prints them (kind `provider`).
 *
 * The provider (MyPureCloud/terraform-provider-genesyscloud @ f955430e6bd4c0b56708d3abc06fb25a1e9031b7,
 * v1.84.1) builds its errors in `genesyscloud/util/util_diagnostics.go`:
 * - `BuildAPIDiagnosticError(resourceType, summary, apiResponse)` (l.48–67): a diagnostic with
 *   `Summary: summary` and `Detail` = the JSON of `detailedDiagnosticInfo` (l.12–21): `resourceType`,
 *   `method`, `path` (the request URL's path), `statusCode`, `errorMessage`, `errorMessageContext`
 *   (the body's `messageParams`, l.31–33), `errorMessageDetails`, `correlationId`, each `omitempty`;
 * - `BuildDiagnosticError` (l.69–88): the same JSON with `resourceType` and `errorMessage` only;
 * - `BuildWithRetriesApiDiagnosticError` (l.91–99): an error whose text is "%s\n%s\n" (summary, then the
 *   JSON); `util.WithRetries` (`util_retries.go` l.28–30) turns it into a diagnostic with `diag.FromErr`,
 *   whose summary is the whole text (terraform-plugin-sdk v2 `diag/helpers.go`), so the JSON then
 *   follows the summary line.
 * Summaries are the resource's own format strings, e.g. "Failed to create queue %s | error: %s"
 * (`routing_queue/resource_genesyscloud_routing_queue.go` l.152) where the error is the Go SDK's
 * `ErrorMessage`: "API Error: %v - %v (%v)" = status, body message, correlation id
 * (platform-client-sdk-go `platformclientv2/apiresponse.go`, `SetError`).
 *
 * Terraform prints an error diagnostic as a box (hashicorp/terraform `internal/command/format/diagnostic.go`,
 * `DiagnosticFromJSON`): `╷`, then every line prefixed `│ `: "Error: <summary>", a blank line,
 * "  with <address>,", "  on <file> line <n>, in resource ...:", the source snippet ("%4d: %s"), a blank
 * line, the detail word-wrapped at the terminal width (breaks at spaces only), then `╵`. The detail JSON is
 * therefore split over `│ ` lines at the spaces inside its strings; joining the lines with one space
 * restores it. `DiagnosticPlain` prints the same without the box.
 */
import { readObjectAt, type LObject, type LValue, Opaque } from './lenient-json.js';
import type { Candidate } from './model.js';
import {
  divisionIn,
  excerptOf,
  methodOf,
  pathOf,
  permissionsFromMessage,
  permissionsFromParam,
  statusOf,
} from './text.js';

/** A provider diagnostic found in the log: the failure (when it is one) and the lines it spans. */
export interface ProviderBox {
  /** 0-based first and last line index of the box. */
  first: number;
  last: number;
  failure?: Candidate;
}

const BOX_START = '\u2577'; // ╷
const BOX_LINE = '\u2502'; // │
const BOX_END = '\u2575'; // ╵
const MAX_BOX_LINES = 400;

const ADDRESS = /^\s+with (\S+),\s*$/;
const SOURCE = /^\s+on \S.* line \d+/;
const SNIPPET = /^\s*\d+: /;
const API_ERROR = /API Error: (\d{3})\b/;
const CORRELATION = /\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/;

const isObject = (v: LValue): v is LObject =>
  typeof v === 'object' && v !== null && !(v instanceof Opaque) && !Array.isArray(v);
const str = (v: LValue): string | undefined => (typeof v === 'string' ? v : undefined);

/** The content lines of a box starting at `lines[first]` (`╷`), without the `│ ` prefixes, and its last index. */
function boxAt(lines: string[], first: number): { inner: string[]; last: number } {
  const inner: string[] = [];
  let k = first + 1;
  for (; k < lines.length && k - first < MAX_BOX_LINES; k++) {
    const l = lines[k]!;
    if (l.startsWith(BOX_END)) return { inner, last: k };
    if (!l.startsWith(BOX_LINE)) return { inner, last: k - 1 };
    inner.push(l.slice(1).replace(/^ /, ''));
  }
  return { inner, last: k - 1 };
}

/** A plain diagnostic (no box): "Error: …" up to the blank line after its detail. */
function plainAt(lines: string[], first: number): { inner: string[]; last: number } {
  const inner = [lines[first]!];
  let k = first + 1;
  let blanks = 0;
  for (; k < lines.length && k - first < MAX_BOX_LINES; k++) {
    const l = lines[k]!;
    // The next diagnostic starts after a blank line; a wrapped detail line may also begin "Error: ".
    if ((/^(Error|Warning): /.test(l) && inner[inner.length - 1]!.trim() === '') || l.startsWith(BOX_START)) break;
    if (l.trim() === '') {
      blanks++;
      // Summary, blank, with/on/snippet, blank, detail, blank: the third blank ends it.
      if (blanks >= 3) break;
    }
    inner.push(l);
  }
  while (inner.length > 1 && inner[inner.length - 1]!.trim() === '') inner.pop();
  return { inner, last: first + inner.length - 1 };
}

/** Reads a diagnostic's content lines. Undefined when it is not the Genesys provider's. */
function readDiagnostic(
  inner: string[],
  firstLine: number,
  lastLine: number,
  boxed: boolean,
  includeAuth: boolean,
): ProviderBox | undefined {
  const head = inner[0] ?? '';
  if (!head.startsWith('Error: ')) return undefined;
  const summary = head.slice('Error: '.length);
  let address: string | undefined;
  const text: string[] = [summary];
  for (const l of inner.slice(1)) {
    const a = ADDRESS.exec(l);
    if (a) {
      address ??= a[1];
      continue;
    }
    const t = l.trimStart();
    // Source lines, the snippet, blank lines, and the snippet's value rules (`│`, `├──`).
    if (SOURCE.test(l) || SNIPPET.test(l) || t === '' || t.startsWith(BOX_LINE) || t.startsWith('\u251c')) continue;
    text.push(l.trim());
  }
  const joined = text.join(' ');
  let detail: LObject | undefined;
  const at = joined.indexOf('{"resourceType"');
  if (at >= 0) {
    const r = readObjectAt(joined, at);
    if (r.ok && r.value) detail = r.value;
  }
  // Unboxed, only Terraform's own structure counts (an "Error: API Error: 403" line may be anything's).
  const genesys =
    detail !== undefined || /(^|\.)genesyscloud_/.test(address ?? '') || (boxed && API_ERROR.test(summary));
  if (!genesys) return undefined;
  const box: ProviderBox = { first: firstLine, last: lastLine };

  const errorMessage = (detail && str(detail['errorMessage'])) ?? '';
  const said = permissionsFromMessage(errorMessage) ?? permissionsFromMessage(joined);
  const context = detail?.['errorMessageContext'];
  const values =
    (isObject(context) ? permissionsFromParam(context['permissions']) : undefined) ??
    (said?.values.length ? said.values : undefined);
  const status =
    (detail && statusOf(detail['statusCode'])) ??
    statusOf(API_ERROR.exec(errorMessage)?.[1]) ??
    statusOf(API_ERROR.exec(joined)?.[1]);
  const permissionFailure = status === 403 || (status === undefined && !!values);
  if (!permissionFailure && !(status === 401 && includeAuth)) return box;
  const contextId = (detail && str(detail['correlationId'])) ?? CORRELATION.exec(errorMessage || summary)?.[1];
  const division =
    (isObject(context) ? (str(context['division']) ?? str(context['divisionName'])) : undefined) ??
    divisionIn(errorMessage);
  const rawPath = detail && str(detail['path']);
  box.failure = {
    kind: 'provider',
    // The "Error: …" line (1-based): the box's second line, or the plain diagnostic's first.
    line: boxed ? firstLine + 2 : firstLine + 1,
    endLine: lastLine + 1,
    method: detail ? methodOf(detail['method']) : undefined,
    path: rawPath ? pathOf(rawPath) : undefined,
    code: said?.code,
    status: status ?? 403,
    permissions: values ? { mode: said?.mode ?? 'ALL', values } : undefined,
    contextId,
    division,
    resource: address,
    excerpt: excerptOf(joined),
  };
  return box;
}

/** Every Genesys provider diagnostic in the (cleaned) lines, boxed or plain. */
export function findProviderDiagnostics(lines: string[], includeAuth: boolean): ProviderBox[] {
  const out: ProviderBox[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const boxed = l.startsWith(BOX_START);
    const found = boxed ? boxAt(lines, k) : l.startsWith('Error: ') ? plainAt(lines, k) : undefined;
    if (!found) continue;
    const box = readDiagnostic(found.inner, k, found.last, boxed, includeAuth);
    if (box) {
      out.push(box);
      k = found.last;
    }
  }
  return out;
}
