/**
 * The drift issue: one open GitHub issue per workflow and manifest, kept up to date by a scheduled
 * live check (issue 15, "Drift watch"). A failing run creates it (or updates it in place); a passing
 * run closes it with a short comment; nothing is written when nothing changed. Found again by the
 * same hidden marker as the PR comment (./marker.ts) at the start of an issue opened by the token's
 * own identity, so nobody can make a run edit or close their issue.
 *
 * REST endpoints (docs.github.com/rest/issues/issues): `GET /repos/{owner}/{repo}/issues`
 * (`state=open`, `labels`, paginated; pull requests are filtered out by their `pull_request`
 * key), `POST /repos/{owner}/{repo}/issues`, `PATCH /repos/{owner}/{repo}/issues/{issue_number}`
 * (`state: closed`, `state_reason: completed`), `POST .../issues/{issue_number}/comments`.
 */
import { GitHubApiError } from './errors.js';
import { GITHUB_COMMENT_LIMIT } from './fit.js';
import { startsWithMarker } from './marker.js';
import { classifyFailure, isHttpUrl, octokitFor, sameLogin, tokenIdentity, type GitHubTarget } from './octokit.js';

/** The label every drift issue carries (to find them with one listing call). */
export const DRIFT_LABEL = 'genesys-preflight';

/** Input of {@link syncDriftIssue}. */
export interface SyncDriftIssueOptions extends GitHubTarget {
  owner: string;
  repo: string;
  /** Hidden marker from `stickyMarker(...)`; prepended to `body` unless the body starts with it. */
  marker: string;
  /** Issue title, e.g. "genesys-preflight: permission drift in genesys-preflight.yml". */
  title: string;
  /** Markdown body of the failing report (at most 65,536 characters: fit it first). */
  body: string;
  /** The run failed (create or update the issue) or passed (close it). */
  failing: boolean;
  /** Text of the comment that closes a resolved issue. */
  closingComment?: string;
  /** Login whose issues may be the drift issue (default: the token's, see ./octokit.ts). */
  author?: string;
  /** Deadline for the whole operation, in milliseconds. Default 60,000. */
  timeoutMs?: number;
}

/** What {@link syncDriftIssue} did. */
export type SyncDriftIssueResult =
  | { action: 'created' | 'updated' | 'unchanged' | 'closed'; number: number; url: string }
  | { action: 'none' }
  | { action: 'skipped'; reason: 'forbidden' | 'not-found'; warning: string };

interface Issue {
  number: number;
  title: string;
  body?: string | null;
  html_url: string;
  created_at: string;
  pull_request?: unknown;
  user?: { login?: string | null } | null;
}

class Skipped {
  constructor(readonly result: Extract<SyncDriftIssueResult, { action: 'skipped' }>) {}
}

/**
 * Creates, updates, closes or leaves alone the drift issue. Never throws for a 403 (a read-only
 * token: give the job `permissions: issues: write`) or a 404: it returns `skipped` with a warning.
 *
 * @throws GitHubApiError for invalid input, 401, rate limiting, other statuses, network failure or
 *   timeout. Messages never contain the token.
 */
export async function syncDriftIssue(opts: SyncDriftIssueOptions): Promise<SyncDriftIssueResult> {
  const body = startsWithMarker(opts.body, opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
  validate(opts, body);
  const target = `${opts.owner}/${opts.repo}`;
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

  const listed = await call('list the open issues of', () =>
    octokit.paginate(octokit.rest.issues.listForRepo, { ...ids, state: 'open', labels: DRIFT_LABEL, per_page: 100 }),
  );
  if (listed instanceof Skipped) return listed.result;
  const marked = (listed as Issue[]).filter((i) => !i.pull_request && startsWithMarker(i.body ?? '', opts.marker));
  let current: Issue | undefined;
  if (marked.length) {
    const me = await tokenIdentity(octokit, opts.author, (e) =>
      classify(e, 'identify the user of the token for', target, opts, deadline.aborted),
    );
    current = marked
      .filter((i) => sameLogin(i.user?.login, me))
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.number - a.number)[0];
  }

  if (!opts.failing) {
    if (!current) return { action: 'none' };
    const open = current;
    if (opts.closingComment) {
      const commented = await call('comment on', () =>
        octokit.rest.issues.createComment({ ...ids, issue_number: open.number, body: opts.closingComment! }),
      );
      if (commented instanceof Skipped) return commented.result;
    }
    const closed = await call('close an issue of', () =>
      octokit.rest.issues.update({ ...ids, issue_number: open.number, state: 'closed', state_reason: 'completed' }),
    );
    if (closed instanceof Skipped) return closed.result;
    return { action: 'closed', number: open.number, url: open.html_url };
  }
  if (!current) {
    const created = await call('open an issue in', () =>
      octokit.rest.issues.create({ ...ids, title: opts.title, body, labels: [DRIFT_LABEL] }),
    );
    if (created instanceof Skipped) return created.result;
    return { action: 'created', number: created.data.number, url: created.data.html_url };
  }
  if (normalize(current.body ?? '') === normalize(body) && current.title === opts.title) {
    return { action: 'unchanged', number: current.number, url: current.html_url };
  }
  const open = current;
  const updated = await call('update an issue of', () =>
    octokit.rest.issues.update({ ...ids, issue_number: open.number, title: opts.title, body }),
  );
  if (updated instanceof Skipped) return updated.result;
  return { action: 'updated', number: updated.data.number, url: updated.data.html_url };
}

function validate(opts: SyncDriftIssueOptions, body: string): void {
  if (!opts.token) throw new GitHubApiError('No GitHub token was given: pass the github-token input.', 'invalid-input');
  if (!isHttpUrl(opts.apiUrl))
    throw new GitHubApiError('The GitHub API URL is not an http(s) URL (check GITHUB_API_URL).', 'invalid-input');
  if (!opts.marker.trim()) throw new GitHubApiError('The drift issue marker is empty.', 'invalid-input');
  if (!opts.title.trim()) throw new GitHubApiError('The drift issue title is empty.', 'invalid-input');
  if (body.length > GITHUB_COMMENT_LIMIT) {
    throw new GitHubApiError(
      `The issue body has ${body.length} characters; GitHub accepts at most ${GITHUB_COMMENT_LIMIT} (shorten it with fitComment).`,
      'invalid-input',
    );
  }
}

function classify(
  error: unknown,
  operation: string,
  target: string,
  opts: SyncDriftIssueOptions,
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
  return new Skipped(
    status === 403
      ? {
          action: 'skipped',
          reason: 'forbidden',
          warning: `Drift issue skipped: the token may not ${operation} ${target} (GitHub answered 403: ${said}). Give the job "permissions: issues: write".`,
        }
      : {
          action: 'skipped',
          reason: 'not-found',
          warning: `Drift issue skipped: GitHub answered 404 when trying to ${operation} ${target} (${said}). Check that the token can see the repository and that issues are enabled.`,
        },
  );
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n');
