export const id = 504;
export const ids = [504];
export const modules = {

/***/ 8504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ GITHUB_COMMENT_LIMIT),
/* harmony export */   fitComment: () => (/* binding */ fitComment)
/* harmony export */ });
/* unused harmony export DEFAULT_TRUNCATION_POINTER */
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4329);
/**
 * Fits a markdown comment under GitHub's size limit without breaking its rendering.
 */

/** GitHub's maximum comment body, in characters (the API answers 422 above it). */
const GITHUB_COMMENT_LIMIT = 65536;
/** Pointer appended by {@link fitComment} when the caller gives none. */
const DEFAULT_TRUNCATION_POINTER = 'Truncated: the full report is in the job summary of this run.';
/**
 * Returns `body` unchanged when it has at most `limit` characters (UTF-16 code units,
 * which never undercounts GitHub's count); otherwise a shortened copy of at most `limit`
 * characters that:
 * - is cut at the end of a line (a hard cut, never inside a surrogate pair, only when the
 *   first line alone is too long);
 * - closes what the cut left open: a code fence (same fence characters), an HTML comment,
 *   and `<summary>` / `<details>` elements, innermost first;
 * - ends with `pointer` as its own paragraph (e.g. "Truncated: the full report is in the
 *   job summary of https://github.com/o/r/actions/runs/1");
 * - still contains every sticky marker ({@link MARKER_PATTERN}) of the original body:
 *   markers cut away are re-appended at the very end.
 *
 * @throws RangeError when `limit` cannot even hold the pointer and the markers.
 */
function fitComment(body, limit = GITHUB_COMMENT_LIMIT, pointer = DEFAULT_TRUNCATION_POINTER) {
    if (body.length <= limit)
        return body;
    const markers = [...new Set(body.match(_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .MARKER_PATTERN */ .Qk) ?? [])];
    const tail = `\n\n${pointer}`;
    let budget = limit - tail.length;
    while (budget > 0) {
        const kept = cutAtLine(body, budget);
        const lost = markers.filter((marker) => !kept.includes(marker));
        const out = kept + closersFor(kept) + tail + lost.map((marker) => `\n${marker}`).join('');
        if (out.length <= limit)
            return out;
        budget -= out.length - limit;
    }
    throw new RangeError(`A comment limit of ${limit} characters cannot hold the truncation pointer and the sticky marker.`);
}
/** The longest prefix of at most `budget` characters ending at a line end, trailing blank lines dropped. */
function cutAtLine(body, budget) {
    const newline = body.lastIndexOf('\n', budget);
    let end = newline;
    if (newline <= 0) {
        end = budget;
        const code = body.charCodeAt(end - 1);
        if (code >= 0xd800 && code <= 0xdbff)
            end -= 1;
    }
    return body.slice(0, end).replace(/\s+$/, '');
}
/** Text that closes whatever `text` leaves open, in the order markdown needs. */
function closersFor(text) {
    const state = scan(text);
    let out = '';
    if (state.fence)
        out += `\n${state.fence.char.repeat(state.fence.length)}`;
    if (state.inComment)
        out += ' -->';
    for (const element of [...state.elements].reverse())
        out += element === 'summary' ? '</summary>' : '\n\n</details>';
    return out;
}
const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const TAG = /<!--|-->|<(\/?)(details|summary)\b[^>]*>/gi;
function scan(text) {
    const state = { inComment: false, elements: [] };
    for (const line of text.split('\n')) {
        const fence = FENCE.exec(line);
        if (state.fence) {
            const closes = fence && fence[1][0] === state.fence.char && fence[1].length >= state.fence.length && !fence[2].trim();
            if (closes)
                state.fence = undefined;
            continue;
        }
        if (fence && !state.inComment && !(fence[1][0] === '`' && fence[2].includes('`'))) {
            state.fence = { char: fence[1][0], length: fence[1].length };
            continue;
        }
        for (const match of line.matchAll(TAG)) {
            const token = match[0];
            if (token === '<!--')
                state.inComment = true;
            else if (token === '-->')
                state.inComment = false;
            else if (!state.inComment)
                track(state.elements, match[2].toLowerCase(), match[1] === '/');
        }
    }
    return state;
}
function track(elements, name, closing) {
    if (!closing) {
        elements.push(name);
        return;
    }
    const index = elements.lastIndexOf(name);
    if (index >= 0)
        elements.splice(index);
}


/***/ }),

/***/ 4329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qk: () => (/* binding */ MARKER_PATTERN),
/* harmony export */   YL: () => (/* binding */ stickyMarker)
/* harmony export */ });
/* unused harmony export MARKER_PREFIX */
/**
 * The hidden marker that identifies this tool's sticky PR comment: an HTML comment such as
 * `<!-- genesys-preflight:Deploy:genesys-preflight.yml -->`, invisible once rendered.
 */
/** Every marker starts with this text. */
const MARKER_PREFIX = '<!-- genesys-preflight:';
/** Matches any marker built by {@link stickyMarker} (global: use with `match`/`matchAll`). */
const MARKER_PATTERN = /<!-- genesys-preflight:[^\n<>]*? -->/g;
/**
 * Builds the marker for one workflow and manifest, so two workflows (or two manifests in
 * one workflow) keep separate comments on the same PR.
 *
 * Safe for any input: characters outside `A-Z a-z 0-9 . _ / @ + , = ( ) ~ space` are
 * percent-encoded (UTF-8), as are `-` following another `-`, `%` and `:`. So the marker is
 * one line, never contains `--` or `>` (no `-->` injection, no early comment end), and
 * distinct inputs give distinct markers. The manifest path is normalised first (`\` → `/`,
 * leading `./` dropped) so `./a.yml` and `a.yml` share a comment.
 *
 * @example stickyMarker('Deploy', './genesys-preflight.yml')
 *   // '<!-- genesys-preflight:Deploy:genesys-preflight.yml -->'
 */
function stickyMarker(workflow, manifestPath) {
    const manifest = manifestPath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    return `${MARKER_PREFIX}${encodePart(workflow)}:${encodePart(manifest)} -->`;
}
const SAFE = /[A-Za-z0-9._/@+,=()~ ]/;
function encodePart(text) {
    let out = '';
    let previous = '';
    for (const char of text) {
        if (SAFE.test(char) || (char === '-' && previous !== '-'))
            out += char;
        else
            out += percentEncode(char);
        previous = char;
    }
    return out;
}
function percentEncode(char) {
    let out = '';
    for (const byte of Buffer.from(char, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return out;
}


/***/ })

};
