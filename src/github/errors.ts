/**
 * The one error type the GitHub helpers throw, and the translation from octokit's errors.
 * Messages are built here from the status and GitHub's own message only, with the token
 * redacted, so they are safe to log.
 */

/**
 * Why a GitHub call failed:
 * - `auth`: 401, the token is wrong or expired;
 * - `rate-limited`: 429, or 403 with an exhausted rate limit;
 * - `network`: no answer (DNS, refused connection, TLS, timeout);
 * - `http`: any other unexpected status (5xx, 410, 422, ...);
 * - `invalid-input`: the call was refused before sending (empty token, body too long, ...).
 */
export type GitHubApiErrorKind = 'auth' | 'rate-limited' | 'network' | 'http' | 'invalid-input';

/** A failed GitHub API call. `message` never contains the token or URL credentials. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    /** See {@link GitHubApiErrorKind}. */
    readonly kind: GitHubApiErrorKind,
    /** HTTP status, when GitHub answered. */
    readonly status?: number,
    /** GitHub's `x-github-request-id`, for support requests. */
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** The parts of an octokit `RequestError` this module reads. */
interface OctokitErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Status, response headers and GitHub's message of a thrown octokit error (no response → network). */
export function describeFailure(error: unknown): {
  status?: number;
  headers: Record<string, string | undefined>;
  message: string;
  timedOut: boolean;
} {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as OctokitErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const fallback = typeof e.message === 'string' ? e.message : 'unknown error';
  if (!e.response) {
    const message = withCauses(e, fallback);
    const timedOut = name === 'AbortError' || name === 'TimeoutError' || /aborted|timeout/i.test(message);
    return { headers: {}, message, timedOut };
  }
  const data = e.response.data;
  const message =
    typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message
      : fallback;
  return {
    status: typeof e.status === 'number' ? e.status : undefined,
    headers: e.response.headers ?? {},
    message,
    timedOut: false,
  };
}

/** `message` followed by the messages (or codes) of its `cause` chain, e.g. "fetch failed: connect ECONNREFUSED 127.0.0.1:1". */
function withCauses(error: object, message: string): string {
  const parts = [message];
  let cause = (error as { cause?: unknown }).cause;
  for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth++) {
    const { message: text, code } = cause as { message?: unknown; code?: unknown };
    const detail = typeof text === 'string' && text ? text : typeof code === 'string' ? code : undefined;
    if (detail && !parts.some((part) => part.includes(detail))) parts.push(detail);
    cause = (cause as { cause?: unknown }).cause;
  }
  return parts.join(': ');
}

/** True for GitHub's primary and secondary rate-limit answers. */
export function isRateLimited(
  status: number | undefined,
  headers: Record<string, string | undefined>,
  message: string,
): boolean {
  if (status === 429) return true;
  return status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message));
}

/** Removes `secret` from `text` and collapses it to one short line. */
export function redact(text: string, secret: string): string {
  let out = secret ? text.split(secret).join('[REDACTED]') : text;
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}

/** `apiUrl` without user info, query or fragment, for messages; the raw text is never echoed. */
export function safeUrl(apiUrl: string): string {
  try {
    const url = new URL(apiUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '(invalid API URL)';
  }
}
