export const id = 556;
export const ids = [556];
export const modules = {

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readRunContext: () => (/* binding */ readRunContext)
/* harmony export */ });
/* unused harmony export GitHubContextError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Where the action runs: the repository, the pull request (if any) and the run URL,
 * read from the GitHub Actions runner's environment and event payload file.
 *
 * Pure apart from reading the payload file: the caller passes the environment
 * (normally `process.env`), so tests can feed any event.
 */

/** Thrown by {@link readRunContext} when the environment does not describe a usable run. */
class GitHubContextError extends Error {
    name = 'GitHubContextError';
}
const DEFAULT_SERVER_URL = 'https://github.com';
const DEFAULT_API_URL = 'https://api.github.com';
/**
 * Builds the {@link RunContext} from a runner environment.
 *
 * Reads `GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH` (the JSON payload file; no file → empty
 * payload), `GITHUB_REPOSITORY` (`owner/repo`, else the payload's `repository`),
 * `GITHUB_API_URL`, `GITHUB_SERVER_URL`, `GITHUB_RUN_ID`, `GITHUB_WORKFLOW`, `GITHUB_SHA`.
 * When `GITHUB_API_URL` is missing it is derived from the server URL (github.com →
 * api.github.com, `*.ghe.com` → `api.` host, any other host → `/api/v3`, as on GHES).
 *
 * @throws GitHubContextError when the payload file cannot be read or is not a JSON
 *   object, or when no repository can be determined.
 */
function readRunContext(env) {
    const eventName = (env.GITHUB_EVENT_NAME ?? '').trim();
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const { owner, repo } = repositoryOf(env.GITHUB_REPOSITORY, payload);
    const serverUrl = trimSlashes(env.GITHUB_SERVER_URL) ?? DEFAULT_SERVER_URL;
    const apiUrl = trimSlashes(env.GITHUB_API_URL) ?? apiUrlFor(serverUrl);
    const runId = (env.GITHUB_RUN_ID ?? '').trim();
    const pr = pullRequestOf(eventName, payload);
    const context = {
        eventName,
        owner,
        repo,
        isFork: pr?.isFork ?? false,
        apiUrl,
        serverUrl,
        workflow: (env.GITHUB_WORKFLOW ?? '').trim(),
    };
    if (pr)
        context.pullNumber = pr.number;
    if (/^\d+$/.test(runId)) {
        context.runUrl = `${serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/runs/${runId}`;
    }
    const sha = (env.GITHUB_SHA ?? '').trim();
    if (sha)
        context.sha = sha;
    return context;
}
function readPayload(path) {
    if (!path || !path.trim())
        return {};
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'read error';
        throw new GitHubContextError(`Cannot read the event payload file GITHUB_EVENT_PATH=${path} (${code}).`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new GitHubContextError(`The event payload file GITHUB_EVENT_PATH=${path} is not valid JSON.`);
    }
    if (!isObject(parsed)) {
        throw new GitHubContextError(`The event payload file GITHUB_EVENT_PATH=${path} does not hold a JSON object.`);
    }
    return parsed;
}
function repositoryOf(fullName, payload) {
    const fromEnv = splitFullName(fullName);
    if (fromEnv)
        return fromEnv;
    const repository = payload.repository;
    if (isObject(repository)) {
        const fromPayload = splitFullName(typeof repository.full_name === 'string' ? repository.full_name : undefined);
        if (fromPayload)
            return fromPayload;
        const owner = isObject(repository.owner) ? repository.owner.login : undefined;
        if (typeof owner === 'string' && owner && typeof repository.name === 'string' && repository.name) {
            return { owner, repo: repository.name };
        }
    }
    throw new GitHubContextError("Cannot tell which repository this run belongs to: set GITHUB_REPOSITORY to 'owner/repo'.");
}
function splitFullName(fullName) {
    const match = /^\s*([^/\s]+)\/([^/\s]+)\s*$/.exec(fullName ?? '');
    return match ? { owner: match[1], repo: match[2] } : undefined;
}
/** PR number and fork flag, from `pull_request*` payloads or an `issue_comment` on a PR. */
function pullRequestOf(eventName, payload) {
    if (eventName.startsWith('pull_request')) {
        const pr = payload.pull_request;
        if (!isObject(pr) || !isPositiveInteger(pr.number))
            return undefined;
        return { number: pr.number, isFork: isForkPullRequest(pr) };
    }
    if (eventName === 'issue_comment') {
        const issue = payload.issue;
        if (!isObject(issue) || !isObject(issue.pull_request) || !isPositiveInteger(issue.number))
            return undefined;
        return { number: issue.number, isFork: false };
    }
    return undefined;
}
/** Head repo ≠ base repo (compared by full name, case-insensitively); a deleted head repo counts as a fork. */
function isForkPullRequest(pr) {
    const base = fullNameOf(isObject(pr.base) ? pr.base.repo : undefined);
    if (!isObject(pr.head))
        return false;
    const head = fullNameOf(pr.head.repo);
    if (head === undefined)
        return pr.head.repo === null;
    return base !== undefined && head.toLowerCase() !== base.toLowerCase();
}
function fullNameOf(repo) {
    return isObject(repo) && typeof repo.full_name === 'string' ? repo.full_name : undefined;
}
function apiUrlFor(serverUrl) {
    let url;
    try {
        url = new URL(serverUrl);
    }
    catch {
        return DEFAULT_API_URL;
    }
    const host = url.hostname.toLowerCase();
    if (host === 'github.com')
        return DEFAULT_API_URL;
    if (host.endsWith('.ghe.com'))
        return `${url.protocol}//api.${url.host}`;
    return `${serverUrl}/api/v3`;
}
function trimSlashes(value) {
    const trimmed = (value ?? '').trim().replace(/\/+$/, '');
    return trimmed || undefined;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0;
}


/***/ })

};
