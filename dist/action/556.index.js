export const id = 556;
export const ids = [556];
export const modules = {

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readRunContext: () => (/* binding */ readRunContext)
/* harmony export */ });
/* unused harmony exports GitHubContextError, newGitHubContext */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/**
 * Where the action runs. `@actions/github`'s `context` reads the runner's environment and event
 * payload file: event name, payload, repository, sha, workflow, run id, server and API URLs
 * (defaults github.com). This module uses it for those and adds only what it lacks:
 * - the pull request number by event: `context.issue.number` is the payload's number for any
 *   event (a plain issue's too), so only `pull_request*` events and an `issue_comment` on a PR
 *   have one here;
 * - whether that PR comes from a fork (head repository ≠ base repository, or deleted): then the
 *   `GITHUB_TOKEN` of a `pull_request` run is read-only. The toolkit has no such flag;
 * - the run's web URL (`SERVER/OWNER/REPO/actions/runs/RUN_ID`), which the toolkit does not compose;
 * - URLs without a trailing slash (paths are appended to them);
 * - failures as GitHubContextError with a message of ours: the toolkit throws JSON.parse's error
 *   for a payload file that is not JSON, a plain Error when no repository is known, and gives an
 *   empty owner or name for a malformed `GITHUB_REPOSITORY`.
 */

/** Thrown when the environment does not describe a usable run. */
class GitHubContextError extends Error {
    name = 'GitHubContextError';
}
/**
 * A context read now from `process.env` and the event file (the package's own `context` is read
 * once, when it is first imported): for tests, which set the environment first.
 * @throws GitHubContextError when the payload file cannot be read or is not JSON
 */
function newGitHubContext() {
    const Context = context.constructor;
    try {
        return new Context();
    }
    catch (error) {
        // Not the error's message: JSON.parse quotes the file.
        const code = error.code;
        const why = typeof code === 'string' ? `cannot be read (${code})` : 'is not valid JSON';
        const path = process.env.GITHUB_EVENT_PATH ?? '';
        throw new GitHubContextError(`The event payload file GITHUB_EVENT_PATH=${path} ${why}.`);
    }
}
/**
 * The {@link RunContext} of `github` (default: `@actions/github`'s `context`).
 * @throws GitHubContextError when no repository can be determined, or the payload is not a JSON object
 */
function readRunContext(github = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._) {
    if (!isObject(github.payload)) {
        throw new GitHubContextError('The event payload file GITHUB_EVENT_PATH does not hold a JSON object.');
    }
    const { owner, repo } = repositoryOf(github);
    const serverUrl = trimSlashes(github.serverUrl);
    const run = { github, owner, repo, isFork: false, apiUrl: trimSlashes(github.apiUrl) };
    const pr = pullRequestOf(github);
    if (pr) {
        run.pullNumber = pr.number;
        run.isFork = pr.isFork;
    }
    if (Number.isSafeInteger(github.runId) && github.runId > 0) {
        run.runUrl = `${serverUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/actions/runs/${github.runId}`;
    }
    return run;
}
/** `context.repo`, checked: both parts present, no slash or space in them. */
function repositoryOf(github) {
    let found;
    try {
        found = github.repo;
    }
    catch {
        found = undefined;
    }
    const part = (s) => typeof s === 'string' && /^[^/\s]+$/.test(s);
    if (found && part(found.owner) && part(found.repo))
        return { owner: found.owner, repo: found.repo };
    throw new GitHubContextError("Cannot tell which repository this run belongs to: set GITHUB_REPOSITORY to 'owner/repo'.");
}
/** PR number and fork flag, from `pull_request*` payloads or an `issue_comment` on a PR. */
function pullRequestOf(github) {
    const payload = github.payload;
    const event = github.eventName ?? '';
    if (event.startsWith('pull_request')) {
        const pr = payload.pull_request;
        if (!isObject(pr) || !isPositiveInteger(pr.number))
            return undefined;
        return { number: pr.number, isFork: isForkPullRequest(pr) };
    }
    if (event === 'issue_comment') {
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
function trimSlashes(value) {
    return value.trim().replace(/\/+$/, '');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0;
}


/***/ })

};
