/**
 * What the sticky comment and the drift issue share: the octokit client (proxy-aware fetch from
 * @actions/github, a deadline), the token's identity (whose comments/issues may be updated), and
 * input checks. Messages never contain the token.
 */
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { GitHubApiError, describeFailure, isRateLimited, redact, safeUrl } from './errors.js';

/**
 * The login of the comments and issues written with a workflow's `GITHUB_TOKEN`. An App
 * installation token writes as `<app-slug>[bot]` instead: pass that as `author` (GitHub lets an
 * installation token read neither `GET /user` nor, without the App's JWT, `GET /app`).
 */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** What a GitHub call needs: the token, the REST base, a fetch override (tests) and the deadline. */
export interface GitHubTarget {
  token: string;
  apiUrl: string;
  fetch?: typeof fetch;
}

/** An octokit for `target`, every request bound to `signal`. */
export function octokitFor(target: GitHubTarget, signal: AbortSignal) {
  const request = { ...defaults.request, ...(target.fetch ? { fetch: target.fetch } : {}), signal };
  return getOctokit(target.token, {
    baseUrl: target.apiUrl.replace(/\/+$/, ''),
    userAgent: 'genesys-preflight',
    request,
  });
}

/**
 * The login whose comments or issues are candidates: `author`, else what `GET /user` says, else
 * (401/403/404: an installation token) {@link ACTIONS_BOT_LOGIN}. Other failures are passed to
 * `onError` (which throws), then the default applies.
 */
export async function tokenIdentity(
  octokit: ReturnType<typeof octokitFor>,
  author: string | undefined,
  onError: (error: unknown) => void,
): Promise<string> {
  if (author?.trim()) return author.trim();
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return typeof data.login === 'string' && data.login ? data.login : ACTIONS_BOT_LOGIN;
  } catch (error) {
    const failure = describeFailure(error);
    const { status } = failure;
    const forbidden = status === 403 && !isRateLimited(status, failure.headers, failure.message);
    if (status === 401 || status === 404 || forbidden) return ACTIONS_BOT_LOGIN;
    onError(error);
    return ACTIONS_BOT_LOGIN;
  }
}

/** Logins compare case-insensitively. */
export function sameLogin(login: string | null | undefined, me: string): boolean {
  return typeof login === 'string' && login.toLowerCase() === me.toLowerCase();
}

/** True for an http(s) URL. */
export function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Where a failed call was going, for messages. */
export interface CallContext {
  /** "list the comments of", "open an issue in"... */
  operation: string;
  /** `owner/repo` or `owner/repo#123`. */
  target: string;
  token: string;
  apiUrl: string;
  timeoutMs?: number;
  /** The operation's deadline has passed. */
  timedOut: boolean;
}

/**
 * Classifies a thrown octokit error: a 403 (not rate limiting) or a 404 is returned with GitHub's
 * message (token redacted) for the caller to turn into a warning; anything else throws.
 *
 * @throws GitHubApiError `network` (no answer, timeout), `rate-limited`, `auth` (401), `http` (other).
 */
export function classifyFailure(error: unknown, ctx: CallContext): { status: 403 | 404; said: string } {
  const failure = describeFailure(error);
  const said = redact(failure.message, ctx.token);
  const requestId = failure.headers['x-github-request-id'];
  const { status } = failure;
  const what = `${ctx.operation} ${ctx.target}`;
  if (status === undefined) {
    const why = ctx.timedOut || failure.timedOut ? `timed out after ${ctx.timeoutMs ?? 60_000} ms` : said;
    throw new GitHubApiError(`Could not reach the GitHub API at ${safeUrl(ctx.apiUrl)} to ${what}: ${why}.`, 'network');
  }
  if (isRateLimited(status, failure.headers, said)) {
    const reset = failure.headers['retry-after'] ? ` Retry after ${failure.headers['retry-after']} s.` : '';
    throw new GitHubApiError(
      `GitHub rate-limited the request to ${what} (${status}: ${said}).${reset}`,
      'rate-limited',
      status,
      requestId,
    );
  }
  if (status === 403 || status === 404) return { status, said };
  if (status === 401)
    throw new GitHubApiError(
      `GitHub rejected the token (401: ${said}) when trying to ${what}.`,
      'auth',
      status,
      requestId,
    );
  throw new GitHubApiError(`GitHub answered ${status} when trying to ${what}: ${said}.`, 'http', status, requestId);
}
