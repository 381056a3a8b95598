export const id = 723;
export const ids = [723];
export const modules = {

/***/ 4723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diagnose: () => (/* binding */ diagnose)
});

// UNUSED EXPORTS: parseDeployLog

;// CONCATENATED MODULE: ./src/diagnose/lenient-json.ts
/**
 * A lenient, linear reader of the object notations deploy logs print: JSON (compact or
 * pretty-printed) and Node's `util.inspect` output of SDK errors (unquoted keys, single-quoted
 * strings, `[Object]`, `AxiosHeaders {`, `... 3 more items`, `'a' +` string continuations).
 *
 * Log text is untrusted: nothing is evaluated, every loop advances, strings stop at a raw line
 * break (neither JSON nor JS strings contain one), nesting stops at {@link MAX_DEPTH}, and objects
 * are built without a prototype (a `__proto__` key is an ordinary key).
 */
/** A token the reader keeps but does not interpret (`[Object]`, `Forbidden`, `[Function: x]`). */
class Opaque {
    text;
    constructor(text) {
        this.text = text;
    }
}
const MAX_DEPTH = 64;
const FAIL = Symbol('fail');
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_$][\w$]*/y;
const KEY = /[A-Za-z0-9_$-]+/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const HEX2 = /^[0-9a-fA-F]{2}$/;
/** Reads the object starting at `s[start] === '{'`. Linear in the characters it reads. */
function readObjectAt(s, start) {
    const r = new Reader(s, start);
    const v = r.value(0);
    const ok = v !== FAIL && typeof v === 'object' && v !== null && !(v instanceof Opaque) && !Array.isArray(v);
    return {
        ok,
        end: Math.max(r.i, start + 1),
        value: ok ? v : undefined,
        completed: r.completed,
        strings: r.strings,
    };
}
/** The completed objects of a read that are not inside another one. */
function outermost(completed) {
    const out = [];
    let minStart = Infinity;
    for (let k = completed.length - 1; k >= 0; k--) {
        const o = completed[k];
        if (o.end <= minStart) {
            out.push(o);
            minStart = o.start;
        }
    }
    return out.reverse();
}
/**
 * Undoes one level of JSON/JS string escaping (`\"` → `"`, `\\` → `\`, `\n`, `\uXXXX`), for JSON
 * logged inside a string (`"{\"message\":...}"`).
 */
function unescapeOnce(s) {
    let out = '';
    let run = 0;
    for (let i = 0; i < s.length; i++) {
        if (s.charCodeAt(i) !== 92)
            continue;
        out += s.slice(run, i);
        const [text, next] = escapeAt(s, i);
        out += text;
        i = next - 1;
        run = next;
    }
    return out + s.slice(run);
}
/** The text of the escape at `s[i] === '\\'` and the index after it. */
function escapeAt(s, i) {
    const e = s[i + 1];
    switch (e) {
        case undefined:
            return ['\\', i + 1];
        case 'n':
            return ['\n', i + 2];
        case 't':
            return ['\t', i + 2];
        case 'r':
            return ['\r', i + 2];
        case 'b':
            return ['\b', i + 2];
        case 'f':
            return ['\f', i + 2];
        case 'v':
            return ['\v', i + 2];
        case 'u': {
            const h = s.slice(i + 2, i + 6);
            return HEX4.test(h) ? [String.fromCharCode(parseInt(h, 16)), i + 6] : ['u', i + 2];
        }
        case 'x': {
            const h = s.slice(i + 2, i + 4);
            return HEX2.test(h) ? [String.fromCharCode(parseInt(h, 16)), i + 4] : ['x', i + 2];
        }
        default:
            return [e, i + 2];
    }
}
class Reader {
    s;
    i;
    completed = [];
    strings = [];
    n;
    constructor(s, start) {
        this.s = s;
        this.i = start;
        this.n = s.length;
    }
    ws() {
        const s = this.s;
        while (this.i < this.n) {
            const c = s.charCodeAt(this.i);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                this.i++;
            else
                break;
        }
    }
    sticky(re) {
        re.lastIndex = this.i;
        const m = re.exec(this.s);
        if (!m)
            return undefined;
        this.i = re.lastIndex;
        return m[0];
    }
    /** Skips a bracketed token on the current line (`[Object]`, `<ref *1>`), at most 200 characters. */
    bracketed(close) {
        const from = this.i;
        const limit = Math.min(this.n, from + 200);
        for (let j = from + 1; j < limit; j++) {
            const c = this.s[j];
            if (c === close) {
                this.i = j + 1;
                return new Opaque(this.s.slice(from, j + 1));
            }
            if (c === '\n')
                break;
        }
        return FAIL;
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            return FAIL;
        this.ws();
        const c = this.s[this.i];
        if (c === undefined)
            return FAIL;
        if (c === '{')
            return this.object(depth);
        if (c === '[') {
            const next = this.s[this.i + 1] ?? '';
            if (!/[A-Za-z]/.test(next))
                return this.array(depth);
            const tag = this.bracketed(']'); // `[Object]`, or a tag before an object: `[Object: null prototype] {`
            if (tag === FAIL)
                return FAIL;
            const save = this.i;
            this.ws();
            if (this.s[this.i] === '{')
                return this.value(depth + 1);
            this.i = save;
            return tag;
        }
        if (c === '"' || c === "'" || c === '`')
            return this.stringWithContinuations(c);
        if (c === '<') {
            const ref = this.bracketed('>');
            return ref === FAIL ? FAIL : this.value(depth + 1);
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
            const num = this.sticky(NUMBER);
            return num === undefined ? FAIL : Number(num);
        }
        const word = this.sticky(IDENT);
        if (word === undefined)
            return FAIL;
        switch (word) {
            case 'true':
                return true;
            case 'false':
                return false;
            case 'null':
                return null;
            case 'undefined':
                return undefined;
        }
        // A class-name prefix (`AxiosHeaders {`, `Object [AxiosHeaders] {`) or a call (`Symbol(x)`).
        const save = this.i;
        this.ws();
        if (this.s[this.i] === '[' && /[A-Za-z]/.test(this.s[this.i + 1] ?? '')) {
            if (this.bracketed(']') === FAIL)
                return FAIL;
            this.ws();
        }
        if (this.s[this.i] === '{' || this.s[this.i] === '[')
            return this.value(depth + 1);
        if (this.s[this.i] === '(' && this.i === save)
            return this.bracketed(')');
        this.i = save;
        return new Opaque(word);
    }
    stringWithContinuations(q) {
        const start = this.i;
        const out = this.continued(q);
        if (typeof out === 'string' && out.length > 8 && out.includes('{'))
            this.strings.push({ text: out, start });
        return out;
    }
    continued(q) {
        let out = this.string(q);
        if (out === FAIL)
            return FAIL;
        // Older Node versions split long strings: 'first part ' +\n  'second part'
        for (;;) {
            const save = this.i;
            this.ws();
            if (this.s[this.i] !== '+') {
                this.i = save;
                return out;
            }
            this.i++;
            this.ws();
            const q2 = this.s[this.i];
            if (q2 !== '"' && q2 !== "'" && q2 !== '`')
                return FAIL;
            const more = this.string(q2);
            if (more === FAIL)
                return FAIL;
            out += more;
        }
    }
    string(q) {
        const s = this.s;
        const qc = q.charCodeAt(0);
        this.i++;
        let out = '';
        let run = this.i;
        while (this.i < this.n) {
            const c = s.charCodeAt(this.i);
            if (c === qc) {
                out += s.slice(run, this.i);
                this.i++;
                return out;
            }
            if (c === 10 || c === 13)
                return FAIL;
            if (c === 92) {
                out += s.slice(run, this.i);
                if (this.i + 1 < this.n && (s.charCodeAt(this.i + 1) === 10 || s.charCodeAt(this.i + 1) === 13))
                    return FAIL;
                const [text, next] = escapeAt(s, this.i);
                out += text;
                this.i = next;
                run = next;
                continue;
            }
            this.i++;
        }
        return FAIL;
    }
    /** `... 95 more items` / `... 3 more properties`: skipped to the next `,` or closer on the line. */
    ellipsis() {
        if (!this.s.startsWith('...', this.i))
            return false;
        const limit = Math.min(this.n, this.i + 200);
        let j = this.i + 3;
        while (j < limit && !',]}\n'.includes(this.s[j]))
            j++;
        this.i = j;
        return true;
    }
    array(depth) {
        this.i++;
        const out = [];
        this.ws();
        if (this.s[this.i] === ']') {
            this.i++;
            return out;
        }
        for (;;) {
            this.ws();
            if (this.s[this.i] === ']') {
                this.i++;
                return out; // trailing comma
            }
            if (!this.ellipsis()) {
                const v = this.value(depth + 1);
                if (v === FAIL)
                    return FAIL;
                out.push(v);
            }
            this.ws();
            const c = this.s[this.i];
            if (c === ',')
                this.i++;
            else if (c === ']') {
                this.i++;
                return out;
            }
            else
                return FAIL;
        }
    }
    key() {
        const c = this.s[this.i];
        if (c === '"' || c === "'")
            return this.string(c);
        if (c === '[') {
            const k = this.bracketed(']');
            return k === FAIL ? FAIL : k.text;
        }
        return this.sticky(KEY) ?? FAIL;
    }
    object(depth) {
        const start = this.i;
        this.i++;
        const out = Object.create(null);
        this.ws();
        if (this.s[this.i] === '}') {
            this.i++;
            this.completed.push({ value: out, start, end: this.i });
            return out;
        }
        for (;;) {
            this.ws();
            if (this.s[this.i] === '}')
                break; // trailing comma
            if (!this.ellipsis()) {
                const k = this.key();
                if (k === FAIL)
                    return FAIL;
                this.ws();
                if (this.s[this.i] !== ':')
                    return FAIL;
                this.i++;
                const v = this.value(depth + 1);
                if (v === FAIL)
                    return FAIL;
                out[k] = v;
            }
            this.ws();
            const c = this.s[this.i];
            if (c === ',')
                this.i++;
            else if (c === '}')
                break;
            else
                return FAIL;
        }
        this.i++;
        this.completed.push({ value: out, start, end: this.i });
        return out;
    }
}

;// CONCATENATED MODULE: ./src/diagnose/text.ts
/**
 * Text helpers of the log reader: line cleaning, the Genesys permission messages, paths, excerpts.
 * Every regular expression here is linear: no two adjacent quantifiers can match the same
 * characters, and unanchored searches start at a literal.
 */
/** The error codes of a permission failure (SDK `ErrorBody.code`, test-support/fake-genesys/authz.ts). */
const PERMISSION_CODES = new Set(['missing.any.permissions', 'missing.permissions']);
/**
 * The two Genesys permission messages (the fake mirrors them, test-support/fake-genesys/authz.ts):
 * ANY: "[Unable to perform the requested action. ]You must have at least one of the following
 * permissions assigned: %s" (`missing.any.permissions`); ALL: "You are missing the following
 * permission(s): %s" (`missing.permissions`). `%s` is the list joined with ", ".
 */
const ANY_MESSAGE = /at least one of the following permissions assigned:/i;
const ALL_MESSAGE = /missing the following permission\(s\):/i;
const PERMISSION_TOKEN = /[ \t]*([A-Za-z0-9_*.-]+(?::[A-Za-z0-9_*.-]+)*)/y;
const LIST_SEPARATOR = /[ \t]*,/y;
const PERMISSION_NAME = /^[A-Za-z0-9_*-]+(?::[A-Za-z0-9_*-]+)*$/;
const MAX_PERMISSIONS = 200;
/** `s` without the trailing characters in `chars` (a loop: `/[…]+$/` is quadratic on long runs). */
function trimEnd(s, chars) {
    let end = s.length;
    while (end > 0 && chars.includes(s[end - 1]))
        end--;
    return s.slice(0, end);
}
/** Reads "name, name, name" at `from`; stops at the first thing that is not a permission name. */
function readList(text, from) {
    const out = [];
    let i = from;
    while (out.length < MAX_PERMISSIONS) {
        PERMISSION_TOKEN.lastIndex = i;
        const m = PERMISSION_TOKEN.exec(text);
        if (!m)
            break;
        const name = trimEnd(m[1], '.'); // a sentence's full stop
        if (name && PERMISSION_NAME.test(name) && !out.includes(name))
            out.push(name);
        i = PERMISSION_TOKEN.lastIndex;
        LIST_SEPARATOR.lastIndex = i;
        if (!LIST_SEPARATOR.exec(text))
            break;
        i = LIST_SEPARATOR.lastIndex;
    }
    return out;
}
/** The permission message in `text`, if any (the values may be empty when the list is cut off). */
function permissionsFromMessage(text) {
    const any = ANY_MESSAGE.exec(text);
    if (any) {
        const values = readList(text, any.index + any[0].length);
        return { mode: 'ANY', code: 'missing.any.permissions', values, at: any.index };
    }
    const all = ALL_MESSAGE.exec(text);
    if (all) {
        const values = readList(text, all.index + all[0].length);
        return { mode: 'ALL', code: 'missing.permissions', values, at: all.index };
    }
    return undefined;
}
/** `messageParams.permissions`: "a:b:c, d:e:f" (the fake joins with ", ") or an array of names. */
function permissionsFromParam(value) {
    const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
    if (!list)
        return undefined;
    const out = [];
    for (const item of list) {
        if (typeof item !== 'string')
            continue;
        const name = item.trim();
        if (name && PERMISSION_NAME.test(name) && !out.includes(name) && out.length < MAX_PERMISSIONS)
            out.push(name);
    }
    return out.length ? out : undefined;
}
/** Three-part permission names (`architect:ui:view`) written anywhere in free text. */
function permissionNamesIn(text) {
    const out = [];
    // One character class, maximal runs: each character is visited once.
    const RUN = /[A-Za-z0-9_*:-]+/g;
    for (let m = RUN.exec(text); m && out.length < MAX_PERMISSIONS; m = RUN.exec(text)) {
        const run = m[0];
        if (/^[A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+$/.test(run) && !out.includes(run))
            out.push(run);
    }
    return out;
}
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
const ACTIONS_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
const BRACKET_TIMESTAMP = /^\[\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\] ?/;
const ACTIONS_COMMAND = /^##\[[a-z]+\]/;
/**
 * One log line without what the runner and the terminal add: ANSI colour codes, the GitHub Actions
 * timestamp (`2026-12-02T10:00:00.1234567Z `), a bracketed ISO timestamp, `##[group]`-style
 * markers, and a trailing `\r`.
 */
function cleanLine(raw) {
    let s = raw.includes('\x1b') ? raw.replace(ANSI, '') : raw;
    if (s.endsWith('\r'))
        s = s.slice(0, -1);
    s = s.replace(ACTIONS_TIMESTAMP, '');
    if (s.startsWith('['))
        s = s.replace(BRACKET_TIMESTAMP, '');
    if (s.startsWith('##['))
        s = s.replace(ACTIONS_COMMAND, '');
    return s;
}
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** The path of a logged URL or path: host, query string and fragment removed; undefined if not a path. */
function pathOf(url) {
    let s = url.trim();
    const scheme = /^https?:\/\/[^/\s]*/i.exec(s);
    if (scheme)
        s = s.slice(scheme[0].length);
    const cut = s.search(/[?#\s]/);
    if (cut >= 0)
        s = s.slice(0, cut);
    if (!s.startsWith('/') || s.length > 2000)
        return undefined;
    return s;
}
/** An HTTP method, upper-cased, or undefined. */
function methodOf(value) {
    if (typeof value !== 'string')
        return undefined;
    const m = value.trim().toUpperCase();
    return HTTP_METHODS.has(m) ? m : undefined;
}
/** The short, single-line excerpt of a failure: control characters out, whitespace collapsed, ≤ 300. */
function excerptOf(text) {
    return text
        .slice(0, 2000)
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\s]+/g, ' ')
        .trim()
        .slice(0, 300);
}
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ORG_ID = new RegExp(`\\borg(?:anization)?[ _-]?id\\b["']?\\s*[:=]\\s*["']?(${UUID})`, 'i');
/** The org id a line names (`orgId: …`, `Organization ID = …`, `"organizationId":"…"`), if any. */
function orgIdIn(line) {
    if (!/org/i.test(line))
        return undefined;
    return ORG_ID.exec(line)?.[1]?.toLowerCase();
}
const DIVISION_TEXT = /\bdivision(?:Name)?\b["']?\s*(?:[:=]\s*)?["']([^"'\n]{1,100})["']/i;
/** A division named in a message (`division 'Sales'`, `divisionName: "Sales"`); assumed wording. */
function divisionIn(text) {
    return DIVISION_TEXT.exec(text)?.[1]?.trim() || undefined;
}
/** A status code out of a number or a numeric string. */
function statusOf(value) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599)
        return value;
    if (typeof value === 'string' && /^\d{3}$/.test(value.trim()))
        return Number(value.trim());
    return undefined;
}

;// CONCATENATED MODULE: ./src/diagnose/bodies.ts
/**
 * Platform API error bodies anywhere in a log (kind `error-body`, or `http-status` for an SDK error
 * object that carries a 403 but no body).
 *
 * Shapes (sources):
 * - the body itself, SDK `ErrorBody` (src/genesys/models.ts): `message`, `code`, `status`,
 *   `messageWithParams`, `messageParams` {`permissions`: "a:b:c, d:e:f"}, `contextId`, `details`,
 *   `errors`; the two permission messages and codes as the fake sends them
 *   (test-support/fake-genesys/authz.ts), and `not.authorized` bodies without permissions;
 * - compact, pretty-printed over several lines, or escaped inside a string (`{\"message\":...}`,
 *   one level of escaping per pass, up to {@link MAX_NESTING} levels);
 * - the Go SDK's `APIResponse`/`APIError` JSON (platform-client-sdk-go `platformclientv2/apiresponse.go`:
 *   `statusCode`, `error` {status, message, messageParams, code, contextId, details});
 * - the JavaScript SDK's rejection (platform-client-sdk-javascript `ApiClient.js`, `callApi`): the body,
 *   or with `returnExtended` `{ status, statusText, headers, body, text, error }`, printed by
 *   `console.log` in Node's `util.inspect` notation; axios-style `{ config: {method, url}, response:
 *   {status, data} }` wrappers give the method and URL.
 *
 * The scan is one forward pass: each read starts at a `{` at or after where the previous read stopped
 * (a broken object still yields the objects completed inside it), so the work is linear in the log.
 */


/** Levels of escaped JSON followed (`{\"...` inside `"{\\\"...`). */
const MAX_NESTING = 4;
const isObject = (v) => typeof v === 'object' && v !== null && !(v instanceof Opaque) && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
/** True when the text after `{` (spaces skipped) starts an escaped key: `\"` or `\\\"`. */
function escapedStart(s, p) {
    let j = p + 1;
    while (j < s.length && (s[j] === ' ' || s[j] === '\t'))
        j++;
    return s[j] === '\\' && (s[j + 1] === '"' || (s[j + 1] === '\\' && (s[j + 2] === '"' || s[j + 2] === '\\')));
}
/** End of an escaped region: the first unescaped `"` (it closes the enclosing string) or line end. */
function escapedEnd(s, p) {
    let j = p;
    while (j < s.length) {
        const c = s.charCodeAt(j);
        if (c === 92)
            j += 2;
        else if (c === 34 || c === 10)
            return j;
        else
            j++;
    }
    return s.length;
}
/** Scans `text` for error bodies. Linear: the cursor only moves forward. */
function scanBodies(text, ctx, nesting = 0) {
    const out = [];
    let i = 0;
    for (;;) {
        const p = text.indexOf('{', i);
        if (p < 0)
            break;
        if (escapedStart(text, p)) {
            const end = escapedEnd(text, p);
            if (nesting < MAX_NESTING) {
                const line = ctx.fixedLine ?? ctx.lineAt(p);
                for (const c of scanBodies(unescapeOnce(text.slice(p, end)), { ...ctx, fixedLine: line }, nesting + 1)) {
                    out.push({ ...c, spanStart: p, spanEnd: end, endLine: ctx.fixedLine ?? ctx.lineAt(end) });
                }
            }
            i = Math.max(end, p + 1);
            continue;
        }
        const r = readObjectAt(text, p);
        const roots = r.ok && r.value ? [{ value: r.value, start: p, end: r.end }] : outermost(r.completed);
        if (!r.ok && nesting < MAX_NESTING) {
            // A broken object: the escaped JSON in its strings outside the objects kept.
            for (const { text: inner, start } of r.strings) {
                if (roots.some((o) => start >= o.start && start < o.end))
                    continue;
                const line = ctx.fixedLine ?? ctx.lineAt(start);
                for (const c of scanBodies(inner, { ...ctx, fixedLine: line }, nesting + 1)) {
                    out.push({ ...c, endLine: line, spanStart: start, spanEnd: start + 1 });
                }
            }
        }
        for (const root of roots) {
            const line = ctx.fixedLine ?? ctx.lineAt(root.start);
            const endLine = ctx.fixedLine ?? ctx.lineAt(Math.max(root.start, root.end - 1));
            const excerpt = () => excerptOf(text.slice(root.start, Math.min(root.end, root.start + 2000)));
            for (const c of interpret(root.value, ctx, nesting, line, excerpt)) {
                out.push({ ...c, endLine: Math.max(endLine, c.endLine), spanStart: root.start, spanEnd: root.end });
            }
        }
        i = r.end;
    }
    return out;
}
/** Method, path and status an ancestor object states (`config: {method, url}`, `request`, `statusCode`). */
function contextOf(node) {
    const ctx = {};
    const from = (o) => {
        ctx.method ??= methodOf(o['method']) ?? methodOf(o['httpMethod']);
        const url = str(o['url']) ?? str(o['path']) ?? str(o['uri']) ?? str(o['requestUrl']);
        if (url && !ctx.path)
            ctx.path = pathOf(url);
    };
    from(node);
    for (const k of ['config', 'request', 'options']) {
        const sub = node[k];
        if (isObject(sub))
            from(sub);
    }
    ctx.status = statusOf(node['status']) ?? statusOf(node['statusCode']);
    const response = node['response'];
    if (ctx.status === undefined && isObject(response))
        ctx.status = statusOf(response['status']);
    return ctx;
}
function merged(ancestors) {
    const out = {};
    for (const a of ancestors) {
        const c = contextOf(a);
        out.method ??= c.method;
        out.path ??= c.path;
        out.status ??= c.status;
    }
    return out;
}
function fromErrorBody(node, ancestors, ctx) {
    const message = str(node['message']) ?? '';
    let code = str(node['code']);
    const ownStatus = statusOf(node['status']);
    const params = node['messageParams'];
    let values = isObject(params) ? permissionsFromParam(params['permissions']) : undefined;
    const said = permissionsFromMessage(message);
    values ??= said?.values.length ? said.values : undefined;
    let mode = code === 'missing.any.permissions' ? 'ANY' : code === 'missing.permissions' ? 'ALL' : (said?.mode ?? 'ALL');
    let contextId = str(node['contextId']) ?? str(node['correlationId']);
    // Assumed keys: no documented Genesys body names a division; these are the likely ones.
    let division = isObject(params)
        ? (str(params['division']) ?? str(params['divisionName']) ?? str(params['divisionId']))
        : undefined;
    division ??= divisionIn(message);
    // A body without permissions may nest the one that has them (`errors`).
    if (!values && Array.isArray(node['errors'])) {
        for (const e of node['errors']) {
            if (!isObject(e))
                continue;
            const inner = fromErrorBody(e, [node, ...ancestors], ctx);
            if (inner?.permissions) {
                values = inner.permissions.values;
                mode = inner.permissions.mode;
                code = inner.code ?? code;
                contextId ??= inner.contextId;
                division ??= inner.division;
                break;
            }
        }
    }
    code ??= said?.code;
    const http = merged(ancestors);
    const status = ownStatus ?? http.status ?? (values || (code && PERMISSION_CODES.has(code)) ? 403 : undefined);
    const permissionFailure = status === 403 || !!values || (code !== undefined && PERMISSION_CODES.has(code));
    const authFailure = status === 401 && ctx.includeAuth;
    if (!permissionFailure && !authFailure)
        return undefined;
    if (status === undefined || (status !== 403 && status !== 401))
        return undefined;
    return {
        method: http.method,
        path: http.path,
        code,
        status,
        permissions: values ? { mode, values } : undefined,
        contextId,
        division,
    };
}
const looksLikeErrorBody = (node) => typeof node['message'] === 'string' && (typeof node['code'] === 'string' || statusOf(node['status']) !== undefined);
/** Failures in one object tree (ancestors give the method, path and status). */
function interpret(root, ctx, nesting, line, excerptOfRoot) {
    let cached;
    const excerpt = () => (cached ??= excerptOfRoot());
    const out = [];
    const visit = (node, ancestors, depth) => {
        if (depth > 64)
            return 0;
        if (looksLikeErrorBody(node)) {
            const found = fromErrorBody(node, ancestors, ctx);
            if (found) {
                out.push({ kind: 'error-body', line, endLine: line, excerpt: excerpt(), ...found });
                return 1;
            }
        }
        let count = 0;
        const chain = [node, ...ancestors];
        for (const key of Object.keys(node)) {
            const v = node[key];
            const children = Array.isArray(v) ? v : [v];
            for (const child of children) {
                if (isObject(child))
                    count += visit(child, chain, depth + 1);
                else if (typeof child === 'string' && nesting < MAX_NESTING && child.length > 8 && child.includes('{')) {
                    const embedded = scanBodies(child, { ...ctx, fixedLine: line }, nesting + 1);
                    const http = merged(chain);
                    for (const c of embedded) {
                        out.push({ ...c, method: c.method ?? http.method, path: c.path ?? http.path, line, endLine: line });
                    }
                    count += embedded.length;
                }
            }
        }
        // An SDK error object with a 403 and no readable body: `{ status: 403, statusText: 'Forbidden', body: {} }`.
        if (count === 0) {
            const c = contextOf(node);
            const wrapper = ['statusText', 'body', 'data', 'response', 'config'].some((k) => k in node);
            const status = statusOf(node['status']) ?? statusOf(node['statusCode']);
            if (wrapper && (status === 403 || (status === 401 && ctx.includeAuth))) {
                const http = merged(ancestors);
                out.push({
                    kind: 'http-status',
                    standalone: true,
                    line,
                    endLine: line,
                    excerpt: excerpt(),
                    status,
                    method: c.method ?? http.method,
                    path: c.path ?? http.path,
                });
                count = 1;
            }
        }
        return count;
    };
    visit(root, [], 0);
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/lines.ts

const SESSION = /Architect Scripting session ended in error\s*\(\s*code\s*:\s*(\d+)\s*\)/i;
const SESSION_BEFORE = 15;
const SESSION_AFTER = 5;
const STEP_WINDOW = 3;
const FLOW_QUOTED = /\bflow\b[^'"\n]{0,60}?(['"])([^'"\n]{1,200})\1/i;
const FLOW_NAMED = /\bflow ?name\s*[:=]\s*([^,;\n]{1,200})/i;
const DENIED = /\b403\b|\bforbidden\b|\bnot[ .]authori[sz]ed\b|\bpermission denied\b/i;
const lines_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CONTEXT_ID = new RegExp(`\\b(?:context|correlation)[ _-]?id\\b["']?\\s*[:=]\\s*["']?(${lines_UUID})`, 'i');
const TRAILING_ID = new RegExp(`\\((${lines_UUID})\\)`);
/** The flow an Archy step line names, when the line reports a failed step on a flow. */
function failedFlowStep(line) {
    if (!/\bflow/i.test(line))
        return undefined;
    if (!/fail|error|unable|could not|denied/i.test(line))
        return undefined;
    if (!/publish|creat|sav|check|updat|delet|import/i.test(line))
        return undefined;
    const name = FLOW_QUOTED.exec(line)?.[2] ?? FLOW_NAMED.exec(line)?.[1];
    return name?.trim() || undefined;
}
/** Permissions a free-text line names: a Genesys message, or "permission" with permission names. */
function permissionLine(line) {
    const said = permissionsFromMessage(line);
    if (said?.values.length)
        return { mode: said.mode, values: said.values, code: said.code };
    if (!/permission/i.test(line))
        return undefined;
    const values = permissionNamesIn(line);
    if (!values.length)
        return undefined;
    return { mode: /at least one|any of|one of/i.test(line) ? 'ANY' : 'ALL', values };
}
function contextIdIn(line) {
    return CONTEXT_ID.exec(line)?.[1] ?? TRAILING_ID.exec(line)?.[1];
}
/** The candidates of `sorted` (by line) with a line in [from, to]. */
function bodiesBetween(sorted, from, to) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].line < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    const out = [];
    for (let j = lo; j < sorted.length && sorted[j].line <= to; j++)
        out.push(sorted[j]);
    return out;
}
/** Archy failures: session errors and failed flow steps with a permission (or a 403) nearby. */
function findArchy(lines, cov, bodiesByLine) {
    const failures = [];
    const taken = new Set();
    const usable = (k) => k >= 0 && k < lines.length && !cov.lineTaken(k) && !taken.has(k);
    const evidence = (from, to) => {
        let perms;
        let denied = false;
        const used = [];
        for (let k = Math.max(0, from); k <= Math.min(lines.length - 1, to); k++) {
            if (!usable(k))
                continue;
            const l = lines[k];
            const p = permissionLine(l);
            if (p && !cov.touched(k) && !perms) {
                perms = p;
                used.push(k);
            }
            else if (DENIED.test(l)) {
                denied = true;
                used.push(k);
            }
        }
        return { perms, denied, used };
    };
    const stepIn = (from, to) => {
        for (let k = Math.max(0, from); k <= Math.min(lines.length - 1, to); k++) {
            if (!usable(k))
                continue;
            const name = failedFlowStep(lines[k]);
            if (name)
                return { k, name };
        }
        return undefined;
    };
    for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        if (!usable(k) || !/Architect Scripting session/i.test(l))
            continue;
        const m = SESSION.exec(l);
        if (!m)
            continue;
        const from = k - SESSION_BEFORE;
        const to = k + SESSION_AFTER;
        const step = stepIn(from, to);
        // An error body in the window is the evidence; the flow name goes onto it.
        const nearBodies = bodiesBetween(bodiesByLine, from + 1, to + 1);
        if (nearBodies.length) {
            for (const b of nearBodies)
                b.resource ??= step?.name;
            taken.add(k);
            continue;
        }
        const ev = evidence(from, to);
        if (!ev.perms && !ev.denied)
            continue;
        const lineIdx = Math.min(k, step?.k ?? k, ...ev.used);
        const endIdx = Math.max(k, step?.k ?? k, ...ev.used);
        for (let j = lineIdx; j <= endIdx; j++)
            taken.add(j);
        const text = [step ? lines[step.k] : '', ...ev.used.map((u) => lines[u]), l].filter(Boolean).join(' ');
        failures.push({
            kind: step ? 'archy-step' : 'archy-session',
            line: lineIdx + 1,
            endLine: endIdx + 1,
            code: ev.perms?.code,
            status: 403,
            permissions: ev.perms ? { mode: ev.perms.mode, values: ev.perms.values } : undefined,
            division: divisionIn(text),
            resource: step?.name,
            excerpt: excerptOf(text),
        });
    }
    // Failed steps outside any session window, with the permission on the line or just after it.
    for (let k = 0; k < lines.length; k++) {
        if (!usable(k))
            continue;
        const name = failedFlowStep(lines[k]);
        if (!name)
            continue;
        const ev = evidence(k, k + STEP_WINDOW);
        if (!ev.perms)
            continue;
        const endIdx = Math.max(k, ...ev.used);
        for (let j = k; j <= endIdx; j++)
            taken.add(j);
        const text = [lines[k], ...ev.used.filter((u) => u !== k).map((u) => lines[u])].join(' ');
        failures.push({
            kind: 'archy-step',
            line: k + 1,
            endLine: endIdx + 1,
            code: ev.perms.code,
            status: 403,
            permissions: { mode: ev.perms.mode, values: ev.perms.values },
            division: divisionIn(text),
            resource: name,
            excerpt: excerptOf(text),
        });
    }
    return { failures, taken };
}
const CURL_REQUEST = /^> (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP\/[\d.]+\s*$/;
const CURL_STATUS = /^< HTTP\/[\d.]+ (\d{3})\b/;
const STATUS_PATTERNS = [
    /\bAPI Error: (\d{3})\b/,
    /\[RESPONSE\] (\d{3}):/,
    /\bHTTP(?:\/[\d.]+)? (\d{3})\b/,
    /\b(\d{3}) (?:Forbidden|Unauthorized)\b/,
    /\bstatus(?:[ _]?code)?\s*(?:[:=]\s*)?(\d{3})\b/i,
];
const PYTHON_STATUS = /^\s*\((\d{3})\)\s*$/;
const METHOD_URL = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+((?:https?:\/\/[^\s/"']+)?\/[^\s"'<>]*)/;
const URL_ONLY = /https?:\/\/[^\s/"']+(\/[^\s"'<>]*)/;
const CURL_CONTEXT = 100;
function cleanPath(raw) {
    return pathOf(trimEnd(raw, '.,;:)]'));
}
/**
 * HTTP status lines (403; 401 with `includeAuth`) and the Genesys message as plain text. `taken`
 * lines (Terraform boxes, Archy) are skipped, and so is text inside an object already read.
 */
function findHttpAndMessages(lines, cov, includeAuth) {
    const out = [];
    let request;
    const wanted = (status) => status === 403 || (status === 401 && includeAuth);
    for (let k = 0; k < lines.length; k++) {
        if (cov.lineTaken(k))
            continue;
        const l = lines[k];
        const req = CURL_REQUEST.exec(l);
        if (req) {
            request = { method: req[1], path: cleanPath(req[2]), k };
            continue;
        }
        let status;
        let method;
        let path;
        const curl = CURL_STATUS.exec(l);
        if (curl) {
            status = Number(curl[1]);
            if (request && k - request.k <= CURL_CONTEXT)
                ({ method, path } = request);
        }
        else if (l.includes('403') || (includeAuth && l.includes('401'))) {
            for (const re of STATUS_PATTERNS) {
                const m = re.exec(l);
                if (m && wanted(Number(m[1])) && !cov.covered(k, m.index)) {
                    status = Number(m[1]);
                    break;
                }
            }
            if (status === undefined && l.includes('ApiException')) {
                const at = l.indexOf('ApiException');
                const m = /\b(40[13])\b/.exec(l.slice(at));
                if (m && wanted(Number(m[1])) && !cov.covered(k, at))
                    status = Number(m[1]);
            }
            if (status === undefined) {
                const py = PYTHON_STATUS.exec(l);
                if (py && /^\s*Reason:/.test(lines[k + 1] ?? ''))
                    status = Number(py[1]);
            }
            if (status !== undefined) {
                const mu = METHOD_URL.exec(l);
                if (mu) {
                    method = mu[1];
                    path = cleanPath(mu[2]);
                }
                else {
                    const u = URL_ONLY.exec(l);
                    if (u)
                        path = cleanPath(u[1]);
                }
            }
        }
        const said = permissionsFromMessage(l);
        const saidHere = said && !cov.covered(k, said.at) ? said : undefined;
        if (status !== undefined && wanted(status)) {
            out.push({
                kind: 'http-status',
                line: k + 1,
                endLine: k + 1,
                method,
                path,
                code: saidHere?.code,
                status,
                permissions: saidHere?.values.length ? { mode: saidHere.mode, values: saidHere.values } : undefined,
                contextId: contextIdIn(l),
                division: saidHere ? divisionIn(l) : undefined,
                excerpt: excerptOf(l),
            });
        }
        else if (saidHere) {
            // The message alone (a body's `message` printed as text, or a truncated body).
            out.push({
                kind: 'error-body',
                line: k + 1,
                endLine: k + 1,
                code: saidHere.code,
                status: 403,
                permissions: saidHere.values.length ? { mode: saidHere.mode, values: saidHere.values } : undefined,
                contextId: contextIdIn(l),
                division: divisionIn(l),
                excerpt: excerptOf(l.slice(Math.max(0, saidHere.at - 100))),
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/terraform.ts
/**
 * terraform-provider-genesyscloud diagnostics as `terraform apply` prints them (kind `provider`).
 *
 * The provider (MyPureCloud/terraform-provider-genesyscloud @ f955430e6bd4c0b56708d3abc06fb25a1e9031b7,
 * v1.84.1) builds its errors in `genesyscloud/util/util_diagnostics.go`:
 * - `BuildAPIDiagnosticError(resourceType, summary, apiResponse)` (l.48–67): a diagnostic with
 *   `Summary: summary` and `Detail` = the JSON of `detailedDiagnosticInfo` (l.12–21): `resourceType`,
 *   `method`, `path` (the request URL's path), `statusCode`, `errorMessage`, `errorMessageContext`
 *   (the body's `messageParams`, l.31–33), `errorMessageDetails`, `correlationId`, each `omitempty`;
 * - `BuildDiagnosticError` (l.69–88): the same JSON with `resourceType` and `errorMessage` only;
 * - `BuildWithRetriesApiDiagnosticError` (l.91–99): an error whose text is "%s\n%s\n" (summary, then the
 *   JSON); `util.WithRetries` (`util_retries.go` l.28–30) turns it into a diagnostic with `diag.FromErr`,
 *   whose summary is the whole text (terraform-plugin-sdk v2 `diag/helpers.go`), so the JSON then
 *   follows the summary line.
 * Summaries are the resource's own format strings, e.g. "Failed to create queue %s | error: %s"
 * (`routing_queue/resource_genesyscloud_routing_queue.go` l.152) where the error is the Go SDK's
 * `ErrorMessage`: "API Error: %v - %v (%v)" = status, body message, correlation id
 * (platform-client-sdk-go `platformclientv2/apiresponse.go`, `SetError`).
 *
 * Terraform prints an error diagnostic as a box (hashicorp/terraform `internal/command/format/diagnostic.go`,
 * `DiagnosticFromJSON`): `╷`, then every line prefixed `│ `: "Error: <summary>", a blank line,
 * "  with <address>,", "  on <file> line <n>, in resource ...:", the source snippet ("%4d: %s"), a blank
 * line, the detail word-wrapped at the terminal width (breaks at spaces only), then `╵`. The detail JSON is
 * therefore split over `│ ` lines at the spaces inside its strings; joining the lines with one space
 * restores it. `DiagnosticPlain` prints the same without the box.
 */


const BOX_START = '\u2577'; // ╷
const BOX_LINE = '\u2502'; // │
const BOX_END = '\u2575'; // ╵
const MAX_BOX_LINES = 400;
const ADDRESS = /^\s+with (\S+),\s*$/;
const SOURCE = /^\s+on \S.* line \d+/;
const SNIPPET = /^\s*\d+: /;
const API_ERROR = /API Error: (\d{3})\b/;
const CORRELATION = /\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/;
const terraform_isObject = (v) => typeof v === 'object' && v !== null && !(v instanceof Opaque) && !Array.isArray(v);
const terraform_str = (v) => (typeof v === 'string' ? v : undefined);
/** The content lines of a box starting at `lines[first]` (`╷`), without the `│ ` prefixes, and its last index. */
function boxAt(lines, first) {
    const inner = [];
    let k = first + 1;
    for (; k < lines.length && k - first < MAX_BOX_LINES; k++) {
        const l = lines[k];
        if (l.startsWith(BOX_END))
            return { inner, last: k };
        if (!l.startsWith(BOX_LINE))
            return { inner, last: k - 1 };
        inner.push(l.slice(1).replace(/^ /, ''));
    }
    return { inner, last: k - 1 };
}
/** A plain diagnostic (no box): "Error: …" up to the blank line after its detail. */
function plainAt(lines, first) {
    const inner = [lines[first]];
    let k = first + 1;
    let blanks = 0;
    for (; k < lines.length && k - first < MAX_BOX_LINES; k++) {
        const l = lines[k];
        // The next diagnostic starts after a blank line; a wrapped detail line may also begin "Error: ".
        if ((/^(Error|Warning): /.test(l) && inner[inner.length - 1].trim() === '') || l.startsWith(BOX_START))
            break;
        if (l.trim() === '') {
            blanks++;
            // Summary, blank, with/on/snippet, blank, detail, blank: the third blank ends it.
            if (blanks >= 3)
                break;
        }
        inner.push(l);
    }
    while (inner.length > 1 && inner[inner.length - 1].trim() === '')
        inner.pop();
    return { inner, last: first + inner.length - 1 };
}
/** Reads a diagnostic's content lines. Undefined when it is not the Genesys provider's. */
function readDiagnostic(inner, firstLine, lastLine, boxed, includeAuth) {
    const head = inner[0] ?? '';
    if (!head.startsWith('Error: '))
        return undefined;
    const summary = head.slice('Error: '.length);
    let address;
    const text = [summary];
    for (const l of inner.slice(1)) {
        const a = ADDRESS.exec(l);
        if (a) {
            address ??= a[1];
            continue;
        }
        const t = l.trimStart();
        // Source lines, the snippet, blank lines, and the snippet's value rules (`│`, `├──`).
        if (SOURCE.test(l) || SNIPPET.test(l) || t === '' || t.startsWith(BOX_LINE) || t.startsWith('\u251c'))
            continue;
        text.push(l.trim());
    }
    const joined = text.join(' ');
    let detail;
    const at = joined.indexOf('{"resourceType"');
    if (at >= 0) {
        const r = readObjectAt(joined, at);
        if (r.ok && r.value)
            detail = r.value;
    }
    // Unboxed, only Terraform's own structure counts (an "Error: API Error: 403" line may be anything's).
    const genesys = detail !== undefined || /(^|\.)genesyscloud_/.test(address ?? '') || (boxed && API_ERROR.test(summary));
    if (!genesys)
        return undefined;
    const box = { first: firstLine, last: lastLine };
    const errorMessage = (detail && terraform_str(detail['errorMessage'])) ?? '';
    const said = permissionsFromMessage(errorMessage) ?? permissionsFromMessage(joined);
    const context = detail?.['errorMessageContext'];
    const values = (terraform_isObject(context) ? permissionsFromParam(context['permissions']) : undefined) ??
        (said?.values.length ? said.values : undefined);
    const status = (detail && statusOf(detail['statusCode'])) ??
        statusOf(API_ERROR.exec(errorMessage)?.[1]) ??
        statusOf(API_ERROR.exec(joined)?.[1]);
    const permissionFailure = status === 403 || (status === undefined && !!values);
    if (!permissionFailure && !(status === 401 && includeAuth))
        return box;
    const contextId = (detail && terraform_str(detail['correlationId'])) ?? CORRELATION.exec(errorMessage || summary)?.[1];
    const division = (terraform_isObject(context) ? (terraform_str(context['division']) ?? terraform_str(context['divisionName'])) : undefined) ??
        divisionIn(errorMessage);
    const rawPath = detail && terraform_str(detail['path']);
    box.failure = {
        kind: 'provider',
        // The "Error: …" line (1-based): the box's second line, or the plain diagnostic's first.
        line: boxed ? firstLine + 2 : firstLine + 1,
        endLine: lastLine + 1,
        method: detail ? methodOf(detail['method']) : undefined,
        path: rawPath ? pathOf(rawPath) : undefined,
        code: said?.code,
        status: status ?? 403,
        permissions: values ? { mode: said?.mode ?? 'ALL', values } : undefined,
        contextId,
        division,
        resource: address,
        excerpt: excerptOf(joined),
    };
    return box;
}
/** Every Genesys provider diagnostic in the (cleaned) lines, boxed or plain. */
function findProviderDiagnostics(lines, includeAuth) {
    const out = [];
    for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        const boxed = l.startsWith(BOX_START);
        const found = boxed ? boxAt(lines, k) : l.startsWith('Error: ') ? plainAt(lines, k) : undefined;
        if (!found)
            continue;
        const box = readDiagnostic(found.inner, k, found.last, boxed, includeAuth);
        if (box) {
            out.push(box);
            k = found.last;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/parse.ts
/**
 * `parseDeployLog`: every permission failure a failed deploy printed (issue 14, item 1).
 *
 * The log is untrusted text. It is read in passes, each linear in its length:
 * 1. lines are cleaned (ANSI colours, runner timestamps, `##[group]` markers; text.ts `cleanLine`);
 * 2. terraform-provider-genesyscloud diagnostics (terraform.ts) take their lines; the `│ ` box prefix
 *    is removed from the other lines;
 * 3. error bodies and SDK error objects anywhere in the rest (bodies.ts), one forward scan;
 * 4. Archy lines, HTTP status lines and plain permission messages (lines.ts), skipping what was read;
 * 5. an HTTP status and the body printed with it become one failure; the same failure printed twice
 *    (same contextId, or same call and permissions on adjacent lines) is reported once;
 * 6. each failure gets the org id named last before it, and its catalog operation.
 *
 * 404s and other statuses are ignored; 401s too unless `includeAuth` (authentication, not permission).
 */




const KIND_RANK = {
    'http-status': 1,
    'error-body': 2,
    'archy-session': 3,
    'archy-step': 4,
    provider: 5,
};
/** Lines a body printed after (or just before) its HTTP status line may be away from it. */
const BODY_AFTER_STATUS = 30;
const BODY_BEFORE_STATUS = 3;
/** "Adjacent": the second report starts on the line after the first ends (or on it). */
const ADJACENT = 1;
/** Splits on \n (a trailing \r is removed by cleanLine). */
function splitLines(text) {
    return text.split('\n');
}
/** Fills `into` with what `from` knows and it does not; keeps the stronger kind and the earlier line. */
function absorb(into, from) {
    if (KIND_RANK[from.kind] > KIND_RANK[into.kind]) {
        into.kind = from.kind;
        into.excerpt = from.excerpt;
    }
    into.line = Math.min(into.line, from.line);
    into.endLine = Math.max(into.endLine, from.endLine);
    into.method ??= from.method;
    into.path ??= from.path;
    into.code ??= from.code;
    into.permissions ??= from.permissions;
    into.contextId ??= from.contextId;
    into.division ??= from.division;
    into.resource ??= from.resource;
}
/** First index of `sorted` (by line) whose line is ≥ `line`. */
function firstAtOrAfter(sorted, line) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** An HTTP status line and the body printed with it (after it, or just before it) are one failure. */
function joinStatusAndBody(all) {
    const https = all.filter((c) => c.kind === 'http-status' && !c.standalone).sort((a, b) => a.line - b.line);
    const bodies = all.filter((c) => c.kind === 'error-body').sort((a, b) => a.line - b.line);
    const used = new Set();
    const dropped = new Set();
    for (let h = 0; h < https.length; h++) {
        const H = https[h];
        const nextStatus = https[h + 1]?.line ?? Infinity;
        const fits = (b) => !used.has(b) && b.status === H.status;
        let B;
        const at = firstAtOrAfter(bodies, H.line);
        for (let j = at; j < bodies.length && bodies[j].line - H.line <= BODY_AFTER_STATUS; j++) {
            const b = bodies[j];
            if (b.line > H.line && b.line >= nextStatus)
                break;
            if (fits(b)) {
                B = b;
                break;
            }
        }
        for (let j = at - 1; !B && j >= 0 && H.line - bodies[j].line <= BODY_BEFORE_STATUS + 50; j--) {
            const b = bodies[j];
            if (fits(b) && H.line - b.endLine <= BODY_BEFORE_STATUS)
                B = b;
        }
        if (!B)
            continue;
        used.add(B);
        dropped.add(H);
        absorb(B, H);
        B.kind = 'error-body';
    }
    return all.filter((c) => !dropped.has(c));
}
const sameCall = (a, b) => a.status === b.status &&
    (a.method ?? '') === (b.method ?? '') &&
    (a.path ?? '') === (b.path ?? '') &&
    (a.permissions?.mode ?? '') === (b.permissions?.mode ?? '') &&
    (a.permissions?.values.join(',') ?? '') === (b.permissions?.values.join(',') ?? '');
/** The same failure printed twice: same contextId, or same call and permissions on adjacent lines. */
function dedupe(sorted) {
    const out = [];
    const byContext = new Map();
    for (const c of sorted) {
        const twin = c.contextId ? byContext.get(c.contextId) : undefined;
        if (twin) {
            absorb(twin, c);
            continue;
        }
        const prev = out[out.length - 1];
        const compatible = !prev?.contextId || !c.contextId || prev.contextId === c.contextId;
        if (prev && compatible && sameCall(prev, c) && c.line <= prev.endLine + ADJACENT) {
            absorb(prev, c);
            if (prev.contextId)
                byContext.set(prev.contextId, prev);
            continue;
        }
        out.push(c);
        if (c.contextId)
            byContext.set(c.contextId, c);
    }
    return out;
}
/** Builds the coverage view over the cleaned lines: taken lines and spans of objects that yielded failures. */
function coverage(taken, spans, lineStarts, lineAt) {
    const byLine = new Map();
    const seen = new Set();
    for (const s of spans) {
        // The failures of one object share its span: each span once.
        const key = `${s.spanStart}:${s.spanEnd}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const first = lineAt(s.spanStart) - 1;
        const last = lineAt(Math.max(s.spanStart, s.spanEnd - 1)) - 1;
        for (let k = first; k <= last; k++) {
            const base = lineStarts[k];
            const list = byLine.get(k) ?? [];
            list.push([s.spanStart - base, s.spanEnd - base]);
            byLine.set(k, list);
        }
    }
    return {
        lineTaken: (k) => taken.has(k),
        covered: (k, col) => (byLine.get(k) ?? []).some(([a, b]) => col >= a && col < b),
        touched: (k) => byLine.has(k),
    };
}
/** Every permission failure in a deploy log, in log order (see the module comment). */
function parseDeployLog(text, opts = {}) {
    const includeAuth = opts.includeAuth ?? false;
    const lines = splitLines(text).map(cleanLine);
    // Terraform diagnostics take their lines whatever their status.
    const taken = new Set();
    const found = [];
    for (const box of findProviderDiagnostics(lines, includeAuth)) {
        for (let k = box.first; k <= box.last; k++)
            taken.add(k);
        if (box.failure)
            found.push(box.failure);
    }
    // One text of the remaining lines (taken lines blanked, so line numbers stay).
    const rest = lines.map((l, k) => (taken.has(k) ? '' : l.startsWith('\u2502') ? l.slice(1).replace(/^ /, '') : l));
    const lineStarts = [];
    let offset = 0;
    for (const l of rest) {
        lineStarts.push(offset);
        offset += l.length + 1;
    }
    const lineAt = (o) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lineStarts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
    const bodies = scanBodies(rest.join('\n'), { includeAuth, lineAt });
    const cov = coverage(taken, bodies, lineStarts, lineAt);
    const archy = findArchy(rest, cov, bodies);
    for (const k of archy.taken)
        taken.add(k);
    const lineFound = findHttpAndMessages(rest, cov, includeAuth);
    const all = joinStatusAndBody([...found, ...bodies.map(stripSpan), ...archy.failures, ...lineFound]);
    all.sort((a, b) => a.line - b.line || KIND_RANK[b.kind] - KIND_RANK[a.kind]);
    const failures = dedupe(all);
    // The org id named last before each failure.
    const orgs = [];
    lines.forEach((l, k) => {
        const id = orgIdIn(l);
        if (id)
            orgs.push([k + 1, id]);
    });
    let o = 0;
    let orgId;
    return failures.map((c) => {
        for (; o < orgs.length && orgs[o][0] <= c.line; o++)
            orgId = orgs[o][1];
        const op = opts.catalog && c.method && c.path ? opts.catalog.lookup(c.method, c.path) : undefined;
        return finish(c, orgId, op ? `${op.method} ${op.path}` : undefined);
    });
}
function stripSpan(c) {
    const { spanStart: _s, spanEnd: _e, ...rest } = c;
    return rest;
}
/** The public record, fields in a stable order, undefined ones left out. */
function finish(c, orgId, operation) {
    const out = { kind: c.kind, line: c.line };
    const put = (k, v) => {
        if (v !== undefined && v !== '')
            out[k] = v;
    };
    put('method', c.method);
    put('path', c.path);
    put('operation', operation);
    put('code', c.code);
    out['status'] = c.status;
    put('permissions', c.permissions ? { mode: c.permissions.mode, values: [...c.permissions.values] } : undefined);
    put('contextId', c.contextId);
    put('orgId', orgId);
    put('division', c.division);
    put('resource', c.resource);
    out['excerpt'] = c.excerpt;
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/index.ts


/** The failures in `text`, each path matched to its operation in `catalog` (`operation`). */
function diagnose(text, catalog) {
    return parseDeployLog(text, { catalog });
}


/***/ })

};
