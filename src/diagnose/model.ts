/** Types of `genesys-preflight diagnose`: the permission failures read from a failed deploy's log. */
import type { PermissionSet } from '../types.js';

/**
 * Which shape of the log carried the failure:
 * - `error-body`: a Platform API error body (SDK `ErrorBody`), raw, escaped, pretty-printed, in an
 *   SDK error object, or its message alone;
 * - `provider`: a terraform-provider-genesyscloud diagnostic as `terraform apply` prints it;
 * - `archy-session`: Archy's "Architect Scripting session ended in error" with a permission nearby;
 * - `archy-step`: an Archy line saying a step on a named flow failed, with a permission nearby;
 * - `http-status`: an HTTP 403 (curl -v, SDK exception, request log) without an error body.
 */
export type LogFailureKind = 'error-body' | 'provider' | 'archy-session' | 'archy-step' | 'http-status';

/** One permission failure found in a deploy log. */
export interface LogFailure {
  kind: LogFailureKind;
  /**
   * 1-based line of the log where the failure's report starts: the body's first line, the "Error:"
   * line of a Terraform diagnostic, the HTTP status line of a status followed by its body (curl -v:
   * `< HTTP/2 403`), the first line of an Archy failure's lines.
   */
  line: number;
  method?: string;
  /** The concrete path as logged (host and query string removed), e.g. `/api/v2/flows/abc-123`. */
  path?: string;
  /** `METHOD /api/v2/template`: the catalog operation the path matches (only with a catalog). */
  operation?: string;
  /** `missing.any.permissions`, `missing.permissions`, `not.authorized`, or what the body says. */
  code?: string;
  /** The HTTP status; 403 when the log shows a permission failure without one (Archy). */
  status: number;
  /** The permissions named: ANY = one of them is enough, ALL = every one is missing. */
  permissions?: PermissionSet;
  contextId?: string;
  /** The org id, when a log line before the failure names one. */
  orgId?: string;
  /** The division, when the body or message names one. */
  division?: string;
  /** A Terraform address (`genesyscloud_flow.main`) or an Archy flow name, when the log names it. */
  resource?: string;
  /** The matched text, whitespace collapsed, control characters removed, at most 300 characters. */
  excerpt: string;
}

/** Options of {@link parseDeployLog}. */
export interface ParseLogOptions {
  /** Matches each path to its operation template (`catalog.lookup(method, path)`). */
  catalog?: { lookup(method: string, path: string): { method: string; path: string } | undefined };
  /**
   * Also report 401s (status 401, kind as found). Off by default: a 401 is an authentication
   * failure (bad or expired credentials), which no role or division grant fixes.
   */
  includeAuth?: boolean;
}

/** A failure while it is being read: the record plus where its report ends. */
export interface Candidate extends LogFailure {
  /** Last line of the failure's report (for "printed twice on adjacent lines"). */
  endLine: number;
  /** An SDK error object read whole: never joined with a body printed near it. */
  standalone?: boolean;
}
