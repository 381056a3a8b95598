/**
 * One sticky PR comment per workflow and manifest: created on the first run, edited in
 * place afterwards, found again by its hidden marker (see ./marker.ts) at the start of a
 * comment written by the token's own identity. A comment by anyone else is never edited,
 * whatever it contains.
 */
import { GitHubApiError } from './errors.js';
import { GITHUB_COMMENT_LIMIT } from './fit.js';
import { startsWithMarker } from './marker.js';
import { classifyFailure, isHttpUrl, octokitFor, sameLogin, tokenIdentity } from './octokit.js';

export { ACTIONS_BOT_LOGIN } from './octokit.js';

export { stickyMarker, MARKER_PREFIX, MARKER_PATTERN, startsWithMarker } from './marker.js';
export { fitComment, GITHUB_COMMENT_LIMIT, DEFAULT_TRUNCATION_POINTER } from './fit.js';
export { GitHubApiError, type GitHubApiErrorKind } from './errors.js';

/** Input of {@link upsertStickyComment}. */
export interface UpsertStickyCommentOptions {
  /** GitHub token (GITHUB_TOKEN, app or personal token); sent only as the Authorization header. */
  token: string;
  /** REST API base, e.g. `https://api.github.com` or on GHES `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  owner: string;
  repo: string;
  /** Pull request (or issue) number. */
  issueNumber: number;
  /** Hidden marker from `stickyMarker(...)`; prepended to `body` unless the body starts with it. */
  marker: string;
  /** Markdown body, at most 65,536 characters (shorten it with `fitComment` first). */
  body: string;
  /** Fetch implementation; default: @actions/github's proxy-aware fetch. */
  fetch?: typeof fetch;
  /**
   * When several comments carry the marker (left by older versions or concurrent runs), the
   * newest is updated; the older ones are left alone unless this is true, then they are deleted.
   * Default false: deleting is never needed for correctness. Deletion is best effort: a
   * failure stops the clean-up silently.
   */
  deleteDuplicates?: boolean;
  /** Deadline for the whole operation (all pages and writes), in milliseconds. Default 60,000. */
  timeoutMs?: number;
  /** Update an existing comment but never create one (`comment: auto` on a passing run). Default false. */
  onlyUpdate?: boolean;
  /**
   * Login whose comments may be the sticky one (compared case-insensitively), e.g.
   * `my-app[bot]` for an App installation token. Default: asked from GitHub with the token
   * (`GET /user`: a personal or user-to-server token answers with its login); when GitHub
   * answers 401, 403 or 404 (the workflow's `GITHUB_TOKEN` and App installation tokens may
   * not read `/user`), {@link ACTIONS_BOT_LOGIN}. Asked only when some comment starts with the marker.
   */
  author?: string;
}

/** What {@link upsertStickyComment} did: `id`/`url` are the comment's id and `html_url`. */
export type UpsertStickyCommentResult =
  | { action: 'created' | 'updated' | 'unchanged'; id: number; url: string }
  | { action: 'skipped'; reason: 'forbidden' | 'not-found'; warning: string }
  | { action: 'not-needed' };

interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
  created_at: string;
  user?: { login?: string | null; type?: string | null } | null;
}

/**
 * Creates, updates or leaves alone the sticky comment on a PR.
 *
 * Lists every comment of the issue (100 per page, all pages), picks those whose body
 * starts with `marker` (see `startsWithMarker`) and whose author is the token's identity
 * (`opts.author`, else `GET /user`, else {@link ACTIONS_BOT_LOGIN}), and: none → POST a new
 * comment (`created`); the newest differs from `body` (line endings ignored) → PATCH it
 * (`updated`; if it vanished meanwhile, a new one is created); identical → no write
 * (`unchanged`). A comment carrying the marker but written by someone else is left alone, so
 * nobody can make this run overwrite their comment, and a name quoted inside a report (which
 * never starts a body) cannot make another workflow's run take this comment.
 *
 * Never throws for a 403 (read-only token: fork PRs, missing `pull-requests: write`) or a
 * 404 (no such PR/repo, or invisible to the token): it returns `skipped` with a warning
 * to show the user.
 *
 * @throws GitHubApiError for anything else: invalid input (empty token, bad apiUrl, body
 *   over 65,536 characters), 401, rate limiting, 5xx/other statuses, network failure or
 *   timeout. Messages never contain the token.
 */
export async function upsertStickyComment(opts: UpsertStickyCommentOptions): Promise<UpsertStickyCommentResult> {
  const body = startsWithMarker(opts.body, opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
  validate(opts, body);
  const target = `${opts.owner}/${opts.repo}#${opts.issueNumber}`;
  const deadline = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
  const octokit = octokitFor(opts, deadline);
  const ids = { owner: opts.owner, repo: opts.repo };

  const call = async <T>(operation: string, run: () => Promise<T>): Promise<T | Skipped> => {
    try {
      return await run();
    } catch (error) {
      return classify(error, operation, target, opts, deadline.aborted);
    }
  };

  const listed = await call('list the comments of', () =>
    octokit.paginate(octokit.rest.issues.listComments, { ...ids, issue_number: opts.issueNumber, per_page: 100 }),
  );
  if (listed instanceof Skipped) return listed.result;

  const marked = (listed as IssueComment[]).filter((c) => startsWithMarker(c.body ?? '', opts.marker));
  let matches: IssueComment[] = [];
  if (marked.length) {
    const me = await tokenIdentity(octokit, opts.author, (error) =>
      classify(error, 'identify the user of the token for', target, opts, deadline.aborted),
    );
    matches = marked.filter((comment) => sameLogin(comment.user?.login, me)).sort(newestFirst);
  }
  const [current, ...older] = matches;

  const create = async (): Promise<UpsertStickyCommentResult> => {
    const created = await call('create a comment on', () =>
      octokit.rest.issues.createComment({ ...ids, issue_number: opts.issueNumber, body }),
    );
    if (created instanceof Skipped) return created.result;
    return { action: 'created', id: created.data.id, url: created.data.html_url };
  };

  let result: UpsertStickyCommentResult;
  if (!current) {
    if (opts.onlyUpdate) return { action: 'not-needed' };
    result = await create();
  } else if (normalize(current.body ?? '') === normalize(body)) {
    result = { action: 'unchanged', id: current.id, url: current.html_url };
  } else {
    const updated = await call('update the comment on', () =>
      octokit.rest.issues.updateComment({ ...ids, comment_id: current.id, body }),
    );
    if (updated instanceof Skipped) {
      result = updated.status === 404 ? await create() : updated.result;
    } else {
      result = { action: 'updated', id: updated.data.id, url: updated.data.html_url };
    }
  }

  if (opts.deleteDuplicates && result.action !== 'skipped') {
    // Best effort: the sticky comment is already right, so a failed clean-up is not an error.
    for (const extra of older) {
      try {
        await octokit.rest.issues.deleteComment({ ...ids, comment_id: extra.id });
      } catch {
        break;
      }
    }
  }
  return result;
}

/** A 403/404 turned into a `skipped` result (internal: lets callers tell it from data). */
class Skipped {
  constructor(
    readonly status: 403 | 404,
    readonly result: Extract<UpsertStickyCommentResult, { action: 'skipped' }>,
  ) {}
}

function validate(opts: UpsertStickyCommentOptions, body: string): void {
  if (!opts.token) throw new GitHubApiError('No GitHub token was given: pass the github-token input.', 'invalid-input');
  if (!isHttpUrl(opts.apiUrl)) {
    throw new GitHubApiError('The GitHub API URL is not an http(s) URL (check GITHUB_API_URL).', 'invalid-input');
  }
  if (!Number.isInteger(opts.issueNumber) || opts.issueNumber <= 0) {
    throw new GitHubApiError(`Invalid pull request number: ${String(opts.issueNumber)}.`, 'invalid-input');
  }
  if (!opts.marker.trim()) throw new GitHubApiError('The sticky comment marker is empty.', 'invalid-input');
  if (body.length > GITHUB_COMMENT_LIMIT) {
    throw new GitHubApiError(
      `The comment body has ${body.length} characters; GitHub accepts at most ${GITHUB_COMMENT_LIMIT} (shorten it with fitComment).`,
      'invalid-input',
    );
  }
}

/** Maps a thrown octokit error to `Skipped` (403 not rate-limited, 404) or throws a GitHubApiError. */
function classify(
  error: unknown,
  operation: string,
  target: string,
  opts: UpsertStickyCommentOptions,
  timedOut: boolean,
): Skipped {
  const { status, said } = classifyFailure(error, {
    operation,
    target,
    token: opts.token,
    apiUrl: opts.apiUrl,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    timedOut,
  });
  if (status === 403) {
    return new Skipped(403, {
      action: 'skipped',
      reason: 'forbidden',
      warning:
        `PR comment skipped: the token may not ${operation} ${target} (GitHub answered 403: ${said}). ` +
        'On pull requests from forks GITHUB_TOKEN is read-only; otherwise give the job ' +
        '"permissions: pull-requests: write". The full report is in the job summary.',
    });
  }
  return new Skipped(404, {
    action: 'skipped',
    reason: 'not-found',
    warning:
      `PR comment skipped: GitHub answered 404 when trying to ${operation} ${target} (${said}). ` +
      'Check the pull request number and that the token can see the repository. The full report is in the job summary.',
  });
}

function newestFirst(a: IssueComment, b: IssueComment): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
