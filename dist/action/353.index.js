export const id = 353;
export const ids = [353];
export const modules = {

/***/ 5353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fitComment: () => (/* reexport */ fit/* fitComment */.pI),
  stickyMarker: () => (/* reexport */ marker/* stickyMarker */.YL),
  upsertStickyComment: () => (/* binding */ upsertStickyComment)
});

// UNUSED EXPORTS: ACTIONS_BOT_LOGIN, DEFAULT_TRUNCATION_POINTER, GITHUB_COMMENT_LIMIT, GitHubApiError, MARKER_PATTERN, MARKER_PREFIX, startsWithMarker

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(1351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 20 modules
var utils = __webpack_require__(8665);
;// CONCATENATED MODULE: ./src/github/errors.ts
/**
 * The one error type the GitHub helpers throw, and the translation from octokit's errors.
 * Messages are built here from the status and GitHub's own message only, with the token
 * redacted, so they are safe to log.
 */
/** A failed GitHub API call. `message` never contains the token or URL credentials. */
class GitHubApiError extends Error {
    kind;
    status;
    requestId;
    name = 'GitHubApiError';
    constructor(message, 
    /** See {@link GitHubApiErrorKind}. */
    kind, 
    /** HTTP status, when GitHub answered. */
    status, 
    /** GitHub's `x-github-request-id`, for support requests. */
    requestId) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.requestId = requestId;
    }
}
/** Status, response headers and GitHub's message of a thrown octokit error (no response → network). */
function describeFailure(error) {
    const e = (typeof error === 'object' && error !== null ? error : { message: String(error) });
    const name = typeof e.name === 'string' ? e.name : '';
    const fallback = typeof e.message === 'string' ? e.message : 'unknown error';
    if (!e.response) {
        const message = withCauses(e, fallback);
        const timedOut = name === 'AbortError' || name === 'TimeoutError' || /aborted|timeout/i.test(message);
        return { headers: {}, message, timedOut };
    }
    const data = e.response.data;
    const message = typeof data === 'object' && data !== null && typeof data.message === 'string'
        ? data.message
        : fallback;
    return {
        status: typeof e.status === 'number' ? e.status : undefined,
        headers: e.response.headers ?? {},
        message,
        timedOut: false,
    };
}
/** `message` followed by the messages (or codes) of its `cause` chain, e.g. "fetch failed: connect ECONNREFUSED 127.0.0.1:1". */
function withCauses(error, message) {
    const parts = [message];
    let cause = error.cause;
    for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth++) {
        const { message: text, code } = cause;
        const detail = typeof text === 'string' && text ? text : typeof code === 'string' ? code : undefined;
        if (detail && !parts.some((part) => part.includes(detail)))
            parts.push(detail);
        cause = cause.cause;
    }
    return parts.join(': ');
}
/** True for GitHub's primary and secondary rate-limit answers. */
function isRateLimited(status, headers, message) {
    if (status === 429)
        return true;
    return status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message));
}
/** Removes `secret` from `text` and collapses it to one short line. */
function redact(text, secret) {
    let out = secret ? text.split(secret).join('[REDACTED]') : text;
    out = out.replace(/\s+/g, ' ').trim();
    return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}
/** `apiUrl` without user info, query or fragment, for messages; the raw text is never echoed. */
function safeUrl(apiUrl) {
    try {
        const url = new URL(apiUrl);
        return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    }
    catch {
        return '(invalid API URL)';
    }
}

// EXTERNAL MODULE: ./src/github/fit.ts
var fit = __webpack_require__(8504);
// EXTERNAL MODULE: ./src/github/marker.ts
var marker = __webpack_require__(4329);
;// CONCATENATED MODULE: ./src/github/comment.ts
/**
 * One sticky PR comment per workflow and manifest: created on the first run, edited in
 * place afterwards, found again by its hidden marker (see ./marker.ts) at the start of a
 * comment written by the token's own identity. A comment by anyone else is never edited,
 * whatever it contains.
 */





/**
 * The login of the comments written with a workflow's `GITHUB_TOKEN`. An App installation
 * token writes as `<app-slug>[bot]` instead: pass that as `author` (GitHub lets an installation
 * token read neither `GET /user` nor, without the App's JWT, `GET /app`).
 */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';



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
async function upsertStickyComment(opts) {
    const body = (0,marker/* startsWithMarker */.Ox)(opts.body, opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
    validate(opts, body);
    const target = `${opts.owner}/${opts.repo}#${opts.issueNumber}`;
    const deadline = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
    const octokit = client(opts, deadline);
    const ids = { owner: opts.owner, repo: opts.repo };
    const call = async (operation, run) => {
        try {
            return await run();
        }
        catch (error) {
            return classify(error, operation, target, opts, deadline.aborted);
        }
    };
    const listed = await call('list the comments of', () => octokit.paginate(octokit.rest.issues.listComments, { ...ids, issue_number: opts.issueNumber, per_page: 100 }));
    if (listed instanceof Skipped)
        return listed.result;
    const marked = listed.filter((c) => (0,marker/* startsWithMarker */.Ox)(c.body ?? '', opts.marker));
    let matches = [];
    if (marked.length) {
        const me = await identity(octokit, opts, target, deadline);
        matches = marked.filter((comment) => sameLogin(comment.user?.login, me)).sort(newestFirst);
    }
    const [current, ...older] = matches;
    const create = async () => {
        const created = await call('create a comment on', () => octokit.rest.issues.createComment({ ...ids, issue_number: opts.issueNumber, body }));
        if (created instanceof Skipped)
            return created.result;
        return { action: 'created', id: created.data.id, url: created.data.html_url };
    };
    let result;
    if (!current) {
        if (opts.onlyUpdate)
            return { action: 'not-needed' };
        result = await create();
    }
    else if (normalize(current.body ?? '') === normalize(body)) {
        result = { action: 'unchanged', id: current.id, url: current.html_url };
    }
    else {
        const updated = await call('update the comment on', () => octokit.rest.issues.updateComment({ ...ids, comment_id: current.id, body }));
        if (updated instanceof Skipped) {
            result = updated.status === 404 ? await create() : updated.result;
        }
        else {
            result = { action: 'updated', id: updated.data.id, url: updated.data.html_url };
        }
    }
    if (opts.deleteDuplicates && result.action !== 'skipped') {
        // Best effort: the sticky comment is already right, so a failed clean-up is not an error.
        for (const extra of older) {
            try {
                await octokit.rest.issues.deleteComment({ ...ids, comment_id: extra.id });
            }
            catch {
                break;
            }
        }
    }
    return result;
}
/**
 * The login whose comments are candidates: `opts.author`, else what `GET /user` says, else
 * (401/403/404: an installation token) {@link ACTIONS_BOT_LOGIN}. Rate limiting, network
 * failures and other statuses throw like any other call.
 */
async function identity(octokit, opts, target, deadline) {
    if (opts.author?.trim())
        return opts.author.trim();
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return typeof data.login === 'string' && data.login ? data.login : ACTIONS_BOT_LOGIN;
    }
    catch (error) {
        const failure = describeFailure(error);
        const { status } = failure;
        const forbidden = status === 403 && !isRateLimited(status, failure.headers, failure.message);
        if (status === 401 || status === 404 || forbidden)
            return ACTIONS_BOT_LOGIN;
        classify(error, 'identify the user of the token for', target, opts, deadline.aborted);
        return ACTIONS_BOT_LOGIN;
    }
}
function sameLogin(login, me) {
    return typeof login === 'string' && login.toLowerCase() === me.toLowerCase();
}
/** A 403/404 turned into a `skipped` result (internal: lets callers tell it from data). */
class Skipped {
    status;
    result;
    constructor(status, result) {
        this.status = status;
        this.result = result;
    }
}
function validate(opts, body) {
    if (!opts.token)
        throw new GitHubApiError('No GitHub token was given: pass the github-token input.', 'invalid-input');
    if (!isHttpUrl(opts.apiUrl)) {
        throw new GitHubApiError('The GitHub API URL is not an http(s) URL (check GITHUB_API_URL).', 'invalid-input');
    }
    if (!Number.isInteger(opts.issueNumber) || opts.issueNumber <= 0) {
        throw new GitHubApiError(`Invalid pull request number: ${String(opts.issueNumber)}.`, 'invalid-input');
    }
    if (!opts.marker.trim())
        throw new GitHubApiError('The sticky comment marker is empty.', 'invalid-input');
    if (body.length > fit/* GITHUB_COMMENT_LIMIT */._4) {
        throw new GitHubApiError(`The comment body has ${body.length} characters; GitHub accepts at most ${fit/* GITHUB_COMMENT_LIMIT */._4} (shorten it with fitComment).`, 'invalid-input');
    }
}
function client(opts, signal) {
    const request = {
        ...utils/* defaults */.NT.request,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        signal,
    };
    return (0,github/* getOctokit */.Q)(opts.token, { baseUrl: opts.apiUrl.replace(/\/+$/, ''), userAgent: 'genesys-preflight', request });
}
/** Maps a thrown octokit error to `Skipped` (403 not rate-limited, 404) or throws a GitHubApiError. */
function classify(error, operation, target, opts, timedOut) {
    const failure = describeFailure(error);
    const said = redact(failure.message, opts.token);
    const requestId = failure.headers['x-github-request-id'];
    const { status } = failure;
    if (status === undefined) {
        const why = timedOut || failure.timedOut ? `timed out after ${opts.timeoutMs ?? 60_000} ms` : said;
        throw new GitHubApiError(`Could not reach the GitHub API at ${safeUrl(opts.apiUrl)} to ${operation} ${target}: ${why}.`, 'network');
    }
    if (isRateLimited(status, failure.headers, said)) {
        const reset = failure.headers['retry-after'] ? ` Retry after ${failure.headers['retry-after']} s.` : '';
        throw new GitHubApiError(`GitHub rate-limited the request to ${operation} ${target} (${status}: ${said}).${reset}`, 'rate-limited', status, requestId);
    }
    if (status === 403) {
        return new Skipped(403, {
            action: 'skipped',
            reason: 'forbidden',
            warning: `PR comment skipped: the token may not ${operation} ${target} (GitHub answered 403: ${said}). ` +
                'On pull requests from forks GITHUB_TOKEN is read-only; otherwise give the job ' +
                '"permissions: pull-requests: write". The full report is in the job summary.',
        });
    }
    if (status === 404) {
        return new Skipped(404, {
            action: 'skipped',
            reason: 'not-found',
            warning: `PR comment skipped: GitHub answered 404 when trying to ${operation} ${target} (${said}). ` +
                'Check the pull request number and that the token can see the repository. The full report is in the job summary.',
        });
    }
    if (status === 401) {
        throw new GitHubApiError(`GitHub rejected the token (401: ${said}) when trying to ${operation} ${target}.`, 'auth', status, requestId);
    }
    throw new GitHubApiError(`GitHub answered ${status} when trying to ${operation} ${target}: ${said}.`, 'http', status, requestId);
}
function isHttpUrl(text) {
    try {
        return ['http:', 'https:'].includes(new URL(text).protocol);
    }
    catch {
        return false;
    }
}
function newestFirst(a, b) {
    return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}
function normalize(text) {
    return text.replace(/\r\n/g, '\n');
}


/***/ })

};
