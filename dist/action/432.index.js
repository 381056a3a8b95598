export const id = 432;
export const ids = [432];
export const modules = {

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Jz: () => (/* binding */ isRateLimited),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Pl: () => (/* binding */ safeUrl)
/* harmony export */ });
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


/***/ }),

/***/ 3432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syncDriftIssue: () => (/* binding */ syncDriftIssue)
/* harmony export */ });
/* unused harmony export DRIFT_LABEL */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);
/* harmony import */ var _fit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8504);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4329);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6702);
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




/** The label every drift issue carries (to find them with one listing call). */
const DRIFT_LABEL = 'genesys-preflight';
class Skipped {
    result;
    constructor(result) {
        this.result = result;
    }
}
/**
 * Creates, updates, closes or leaves alone the drift issue. Never throws for a 403 (a read-only
 * token: give the job `permissions: issues: write`) or a 404: it returns `skipped` with a warning.
 *
 * @throws GitHubApiError for invalid input, 401, rate limiting, other statuses, network failure or
 *   timeout. Messages never contain the token.
 */
async function syncDriftIssue(opts) {
    const body = (0,_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .startsWithMarker */ .Ox)(opts.body, opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
    validate(opts, body);
    const target = `${opts.owner}/${opts.repo}`;
    const deadline = AbortSignal.timeout(opts.timeoutMs ?? 60_000);
    const octokit = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .octokitFor */ .d_)(opts, deadline);
    const ids = { owner: opts.owner, repo: opts.repo };
    const call = async (operation, run) => {
        try {
            return await run();
        }
        catch (error) {
            return classify(error, operation, target, opts, deadline.aborted);
        }
    };
    const listed = await call('list the open issues of', () => octokit.paginate(octokit.rest.issues.listForRepo, { ...ids, state: 'open', labels: DRIFT_LABEL, per_page: 100 }));
    if (listed instanceof Skipped)
        return listed.result;
    const marked = listed.filter((i) => !i.pull_request && (0,_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .startsWithMarker */ .Ox)(i.body ?? '', opts.marker));
    let current;
    if (marked.length) {
        const me = await (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenIdentity */ .sX)(octokit, opts.author, (e) => classify(e, 'identify the user of the token for', target, opts, deadline.aborted));
        current = marked
            .filter((i) => (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .sameLogin */ .Up)(i.user?.login, me))
            .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.number - a.number)[0];
    }
    if (!opts.failing) {
        if (!current)
            return { action: 'none' };
        const open = current;
        if (opts.closingComment) {
            const commented = await call('comment on', () => octokit.rest.issues.createComment({ ...ids, issue_number: open.number, body: opts.closingComment }));
            if (commented instanceof Skipped)
                return commented.result;
        }
        const closed = await call('close an issue of', () => octokit.rest.issues.update({ ...ids, issue_number: open.number, state: 'closed', state_reason: 'completed' }));
        if (closed instanceof Skipped)
            return closed.result;
        return { action: 'closed', number: open.number, url: open.html_url };
    }
    if (!current) {
        const created = await call('open an issue in', () => octokit.rest.issues.create({ ...ids, title: opts.title, body, labels: [DRIFT_LABEL] }));
        if (created instanceof Skipped)
            return created.result;
        return { action: 'created', number: created.data.number, url: created.data.html_url };
    }
    if (normalize(current.body ?? '') === normalize(body) && current.title === opts.title) {
        return { action: 'unchanged', number: current.number, url: current.html_url };
    }
    const open = current;
    const updated = await call('update an issue of', () => octokit.rest.issues.update({ ...ids, issue_number: open.number, title: opts.title, body }));
    if (updated instanceof Skipped)
        return updated.result;
    return { action: 'updated', number: updated.data.number, url: updated.data.html_url };
}
function validate(opts, body) {
    if (!opts.token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS('No GitHub token was given: pass the github-token input.', 'invalid-input');
    if (!(0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .isHttpUrl */ .q$)(opts.apiUrl))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS('The GitHub API URL is not an http(s) URL (check GITHUB_API_URL).', 'invalid-input');
    if (!opts.marker.trim())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS('The drift issue marker is empty.', 'invalid-input');
    if (!opts.title.trim())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS('The drift issue title is empty.', 'invalid-input');
    if (body.length > _fit_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_COMMENT_LIMIT */ ._4) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`The issue body has ${body.length} characters; GitHub accepts at most ${_fit_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_COMMENT_LIMIT */ ._4} (shorten it with fitComment).`, 'invalid-input');
    }
}
function classify(error, operation, target, opts, timedOut) {
    const { status, said } = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyFailure */ .XE)(error, {
        operation,
        target,
        token: opts.token,
        apiUrl: opts.apiUrl,
        ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        timedOut,
    });
    return new Skipped(status === 403
        ? {
            action: 'skipped',
            reason: 'forbidden',
            warning: `Drift issue skipped: the token may not ${operation} ${target} (GitHub answered 403: ${said}). Give the job "permissions: issues: write".`,
        }
        : {
            action: 'skipped',
            reason: 'not-found',
            warning: `Drift issue skipped: GitHub answered 404 when trying to ${operation} ${target} (${said}). Check that the token can see the repository and that issues are enabled.`,
        });
}
const normalize = (text) => text.replace(/\r\n/g, '\n');


/***/ }),

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Up: () => (/* binding */ sameLogin),
/* harmony export */   XE: () => (/* binding */ classifyFailure),
/* harmony export */   d_: () => (/* binding */ octokitFor),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   sX: () => (/* binding */ tokenIdentity)
/* harmony export */ });
/* unused harmony export ACTIONS_BOT_LOGIN */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8665);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3116);
/**
 * What the sticky comment and the drift issue share: the octokit client (proxy-aware fetch from
 * @actions/github, a deadline), the token's identity (whose comments/issues may be updated), and
 * input checks. Messages never contain the token.
 */



/**
 * The login of the comments and issues written with a workflow's `GITHUB_TOKEN`. An App
 * installation token writes as `<app-slug>[bot]` instead: pass that as `author` (GitHub lets an
 * installation token read neither `GET /user` nor, without the App's JWT, `GET /app`).
 */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/** An octokit for `target`, every request bound to `signal`. */
function octokitFor(target, signal) {
    const request = { ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request, ...(target.fetch ? { fetch: target.fetch } : {}), signal };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(target.token, {
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
async function tokenIdentity(octokit, author, onError) {
    if (author?.trim())
        return author.trim();
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return typeof data.login === 'string' && data.login ? data.login : ACTIONS_BOT_LOGIN;
    }
    catch (error) {
        const failure = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFailure */ .Ic)(error);
        const { status } = failure;
        const forbidden = status === 403 && !(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isRateLimited */ .Jz)(status, failure.headers, failure.message);
        if (status === 401 || status === 404 || forbidden)
            return ACTIONS_BOT_LOGIN;
        onError(error);
        return ACTIONS_BOT_LOGIN;
    }
}
/** Logins compare case-insensitively. */
function sameLogin(login, me) {
    return typeof login === 'string' && login.toLowerCase() === me.toLowerCase();
}
/** True for an http(s) URL. */
function isHttpUrl(text) {
    try {
        return ['http:', 'https:'].includes(new URL(text).protocol);
    }
    catch {
        return false;
    }
}
/**
 * Classifies a thrown octokit error: a 403 (not rate limiting) or a 404 is returned with GitHub's
 * message (token redacted) for the caller to turn into a warning; anything else throws.
 *
 * @throws GitHubApiError `network` (no answer, timeout), `rate-limited`, `auth` (401), `http` (other).
 */
function classifyFailure(error, ctx) {
    const failure = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFailure */ .Ic)(error);
    const said = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(failure.message, ctx.token);
    const requestId = failure.headers['x-github-request-id'];
    const { status } = failure;
    const what = `${ctx.operation} ${ctx.target}`;
    if (status === undefined) {
        const why = ctx.timedOut || failure.timedOut ? `timed out after ${ctx.timeoutMs ?? 60_000} ms` : said;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`Could not reach the GitHub API at ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .safeUrl */ .Pl)(ctx.apiUrl)} to ${what}: ${why}.`, 'network');
    }
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isRateLimited */ .Jz)(status, failure.headers, said)) {
        const reset = failure.headers['retry-after'] ? ` Retry after ${failure.headers['retry-after']} s.` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`GitHub rate-limited the request to ${what} (${status}: ${said}).${reset}`, 'rate-limited', status, requestId);
    }
    if (status === 403 || status === 404)
        return { status, said };
    if (status === 401)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`GitHub rejected the token (401: ${said}) when trying to ${what}.`, 'auth', status, requestId);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GitHubApiError */ .OS(`GitHub answered ${status} when trying to ${what}: ${said}.`, 'http', status, requestId);
}


/***/ })

};
