export const id = 683;
export const ids = [683,791];
export const modules = {

/***/ 5987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ GenesysAuthError),
/* harmony export */   LW: () => (/* binding */ classifyNetworkError),
/* harmony export */   XX: () => (/* binding */ GenesysNetworkError),
/* harmony export */   n_: () => (/* binding */ GenesysApiError),
/* harmony export */   pO: () => (/* binding */ Redactor),
/* harmony export */   xM: () => (/* binding */ asErrorBody)
/* harmony export */ });
/* unused harmony exports GenesysError, isGenesysError */
/** Replaces known secret values (and their Basic-auth encodings) with `***` in any text. */
class Redactor {
    secrets = new Set();
    /** Registers a value to scrub. Values shorter than 4 characters are ignored (too likely to occur by chance). */
    add(value) {
        if (value && value.length >= 4)
            this.secrets.add(value);
    }
    /** Returns `text` with every registered secret replaced by `***`. */
    redact(text) {
        let out = text;
        for (const s of this.secrets) {
            if (out.includes(s))
                out = out.split(s).join('***');
        }
        return out;
    }
}
/** Base class: every error the client throws. `operation` is `METHOD /path` (no query), `host` the target host. */
class GenesysError extends Error {
    operation;
    host;
    constructor(message, operation, host) {
        super(message);
        this.operation = operation;
        this.host = host;
        this.name = new.target.name;
    }
}
/**
 * The token request was refused: `POST {loginBase}/oauth/token` answered 400 or 401
 * (OAuth body `{error, description | error_description}`), or the answer had no token.
 */
class GenesysAuthError extends GenesysError {
    status;
    error;
    description;
    body;
    kind = 'auth';
    constructor(message, operation, host, 
    /** HTTP status (400/401), or 0 when the answer was unusable. */
    status, 
    /** OAuth `error` (e.g. `invalid_client`), or the Platform `ErrorBody.code` for a rejected bearer token. */
    error, 
    /** `error_description`/`description`, redacted. */
    description, body) {
        super(message, operation, host);
        this.status = status;
        this.error = error;
        this.description = description;
        this.body = body;
    }
}
/** The Platform API answered an HTTP error (after retries, when retryable). Fields mirror SDK `ErrorBody`. */
class GenesysApiError extends GenesysError {
    status;
    code;
    apiMessage;
    contextId;
    body;
    kind = 'api';
    constructor(message, operation, host, status, 
    /** `ErrorBody.code`, e.g. `missing.permissions`; `http.<status>` when the body had none. */
    code, 
    /** `ErrorBody.message`, redacted. */
    apiMessage, contextId, 
    /** The parsed `ErrorBody`, when the body was one. */
    body) {
        super(message, operation, host);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.contextId = contextId;
        this.body = body;
    }
}
/** The request failed below HTTP (timeout, reset, DNS, TLS...) or the answer was not the JSON promised. */
class GenesysNetworkError extends GenesysError {
    causeKind;
    code;
    status;
    kind = 'network';
    constructor(message, operation, host, 
    /** What failed. */
    causeKind, 
    /** Low-level code (`ECONNRESET`, `UND_ERR_CONNECT_TIMEOUT`, ...), when known. */
    code, 
    /** HTTP status, when the failure came after headers (malformed JSON). */
    status) {
        super(message, operation, host);
        this.causeKind = causeKind;
        this.code = code;
        this.status = status;
    }
}
/** Type guard for any error of this module. */
function isGenesysError(e) {
    return e instanceof GenesysError;
}
/** Best-effort `ErrorBody` check. */
function asErrorBody(body) {
    if (body && typeof body === 'object' && typeof body.code === 'string')
        return body;
    return undefined;
}
/** Maps a low-level error (undici / node:net / node:tls) to a {@link NetworkErrorKind}. */
function classifyNetworkError(err) {
    const codes = [];
    let e = err;
    for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
        const c = e.code;
        if (typeof c === 'string')
            codes.push(c);
        e = e.cause;
    }
    const has = (pred) => codes.find(pred);
    let c;
    if ((c = has((x) => /TIMEOUT|ETIMEDOUT/.test(x))))
        return { kind: 'timeout', code: c };
    if ((c = has((x) => x === 'ENOTFOUND' || x === 'EAI_AGAIN' || x === 'EAI_FAIL')))
        return { kind: 'dns', code: c };
    if ((c = has((x) => /^ERR_TLS|^ERR_SSL|CERT|^EPROTO$|SELF_SIGNED|UNABLE_TO_VERIFY/.test(x))))
        return { kind: 'tls', code: c };
    if ((c = has((x) => x === 'ECONNRESET' || x === 'EPIPE' || x === 'UND_ERR_SOCKET' || x === 'UND_ERR_CLOSED' || x === 'ECONNABORTED')))
        return { kind: 'reset', code: c };
    return { kind: 'other', code: codes[0] };
}


/***/ }),

/***/ 2791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T6: () => (/* binding */ ProxyError),
/* harmony export */   Xb: () => (/* binding */ ProxyConfigError),
/* harmony export */   YN: () => (/* binding */ readOnlyGuard),
/* harmony export */   ad: () => (/* binding */ TotalTimeoutError),
/* harmony export */   cP: () => (/* binding */ runNetwork),
/* harmony export */   lt: () => (/* binding */ GenesysProxyError),
/* harmony export */   n8: () => (/* binding */ proxyRefusalStatus),
/* harmony export */   oK: () => (/* binding */ Transport),
/* harmony export */   od: () => (/* binding */ DEFAULT_CONNECT_TIMEOUT_MS),
/* harmony export */   readProxySettings: () => (/* binding */ readProxySettings)
/* harmony export */ });
/* unused harmony exports WriteRequestRefusedError, proxyRouteFor, Network */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5987);
/**
 * The only HTTP the Genesys client can send: a read-only `GET`, or the client-credentials
 * token `POST` to one fixed URL. Requests are described by {@link ReadOnlyRequest}, which has
 * no method field, and the undici dispatcher is wrapped in {@link readOnlyGuard}, which
 * throws for anything else — so no code path can send a write (design §5, "Live mode only
 * ever sends the token request and read-only GETs").
 *
 * Proxies: a run's requests (Platform API, login host, `catalog: live`) go through one
 * {@link Network}, an undici `EnvHttpProxyAgent` configured from the runner's `HTTPS_PROXY`,
 * `HTTP_PROXY` and `NO_PROXY` (lower case first, as undici and curl read them). The proxy comes
 * from the trusted environment, never from the manifest; the host allow-list (hosts.ts) still
 * applies to the target host. A proxy URL may carry `user:password@`: the password is a secret
 * (masked, never printed; the route keeps the URL and the password in non-enumerable properties,
 * so no serialisation of it or of an error carrying it shows them); messages name the proxy by
 * `host:port` and its variable only. A path, query or fragment in a proxy URL is dropped (as curl does).
 */


/** Default TCP/TLS connect timeout of the Genesys client and `catalog: live`, ms. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Thrown by {@link readOnlyGuard} when anything but a GET or the token POST reaches the dispatcher. */
class WriteRequestRefusedError extends Error {
    constructor(method, target) {
        super(`Refused to send ${method} ${target}: the Genesys client only sends GET requests and the token request`);
        this.name = 'WriteRequestRefusedError';
    }
}
/**
 * undici interceptor that lets through only `GET` requests, plus `POST` to
 * exactly `tokenUrl` (origin + path). Everything else throws {@link WriteRequestRefusedError}
 * before a byte is sent.
 */
function readOnlyGuard(tokenUrl) {
    return (dispatch) => (opts, handler) => {
        const method = String(opts.method ?? '').toUpperCase();
        const origin = opts.origin ? new URL(String(opts.origin)).origin : '';
        const path = String(opts.path ?? '').split('?')[0];
        const isToken = method === 'POST' && tokenUrl !== undefined && origin === tokenUrl.origin && path === tokenUrl.pathname;
        if (method !== 'GET' && !isToken)
            throw new WriteRequestRefusedError(method, `${origin}${path}`);
        return dispatch(opts, handler);
    };
}
/** A proxy variable that is not a proxy URL. The message names the variable, never its value. */
class ProxyConfigError extends Error {
    variable;
    constructor(variable, why) {
        super(`${variable} is not a usable proxy URL (${why}; the value is not shown)`);
        this.variable = variable;
        this.name = 'ProxyConfigError';
    }
}
/** The first of `lower`, `UPPER` that is set (even empty), as undici reads them (`??`). */
function proxyVariable(env, lower) {
    const upper = lower.toUpperCase();
    return env[lower] !== undefined ? lower : env[upper] !== undefined ? upper : undefined;
}
function decode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
function proxyRoute(env, lower) {
    const variable = proxyVariable(env, lower);
    const raw = variable ? (env[variable] ?? '').trim() : '';
    if (!variable || raw === '')
        return undefined;
    // `proxy.corp:3128` without a scheme means http, as for curl.
    const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`;
    let u;
    try {
        u = new URL(withScheme);
    }
    catch {
        throw new ProxyConfigError(variable, 'expected http://host:port or http://user:password@host:port');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
        const scheme = u.protocol.replace(/[^a-z0-9+.-]/gi, '');
        throw new ProxyConfigError(variable, `the scheme must be http or https, not ${scheme}`);
    }
    if (!u.hostname)
        throw new ProxyConfigError(variable, 'it names no host');
    // A path, query or fragment means nothing to a CONNECT proxy (curl ignores them); undici refuses
    // a proxy URL with any, which would end the run with an internal error instead of a check.
    u.pathname = '/';
    u.search = '';
    u.hash = '';
    const secrets = [];
    if (u.password) {
        secrets.push(decode(u.password), u.password);
        secrets.push(Buffer.from(`${decode(u.username)}:${decode(u.password)}`).toString('base64'));
    }
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    const host = `${u.hostname}:${port}`;
    const route = { variable, host };
    return Object.defineProperties(route, {
        url: { value: u.href, enumerable: false },
        secrets: { value: [...new Set(secrets.filter(Boolean))], enumerable: false },
    });
}
/**
 * Reads `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (each lower case first, then upper case) from `env`.
 * @throws ProxyConfigError when a proxy variable is set but is not an http(s) proxy URL.
 */
function readProxySettings(env) {
    const http = proxyRoute(env, 'http_proxy');
    const https = proxyRoute(env, 'https_proxy');
    const noProxyVar = proxyVariable(env, 'no_proxy');
    return { ...(http ? { http } : {}), ...(https ? { https } : {}), noProxy: noProxyVar ? (env[noProxyVar] ?? '') : '' };
}
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
/** Whether `NO_PROXY` lets `target` go direct: undici's EnvHttpProxyAgent rule (undici 7, env-http-proxy-agent.js). */
function bypassesProxy(target, noProxy) {
    const entries = noProxy.split(/[,\s]/).filter(Boolean);
    if (entries.length === 0)
        return false;
    if (noProxy === '*')
        return true;
    const hostname = target.host.replace(/:\d*$/, '').toLowerCase();
    const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0;
    return entries.some((entry) => {
        const m = /^(.+):(\d+)$/.exec(entry);
        const host = (m ? m[1] : entry).replace(/^\*?\./, '').toLowerCase();
        const entryPort = m ? Number.parseInt(m[2], 10) : 0;
        if (entryPort && entryPort !== port)
            return false;
        return hostname === host || hostname.endsWith(`.${host}`);
    });
}
/** The proxy a request to `target` goes through under `settings`, or undefined when it goes direct. */
function proxyRouteFor(target, settings) {
    const route = target.protocol === 'https:' ? (settings.https ?? settings.http) : settings.http;
    if (!route || bypassesProxy(target, settings.noProxy))
        return undefined;
    return route;
}
/** `lookup` and `ca` when set (undici rejects explicit undefined options). */
function connectOptions(o) {
    return { ...(o.lookup ? { lookup: o.lookup } : {}), ...(o.ca ? { ca: o.ca } : {}) };
}
/**
 * The HTTP of one run: one undici `EnvHttpProxyAgent` for the Platform API, the login host and
 * `catalog: live`, configured from the proxy variables of `env` (passed explicitly, so undici
 * reads nothing else from `process.env`). Every proxied request goes through a `CONNECT` tunnel
 * (`proxyTunnel: true`), `http:` targets included (loopback test hosts): the proxy never sees a
 * request in absolute form. With no proxy variable set it is a plain undici Agent.
 */
class Network {
    options;
    /** The run's dispatcher (never closed by a client: see {@link Network.close}). */
    dispatcher;
    proxies;
    /** @throws ProxyConfigError (see {@link readProxySettings}). */
    constructor(env, options = {}) {
        this.options = options;
        this.proxies = readProxySettings(env);
        const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
        this.dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
            httpProxy: this.proxies.http?.url ?? '',
            httpsProxy: this.proxies.https?.url ?? '',
            noProxy: this.proxies.noProxy,
            proxyTunnel: true,
            connect: { timeout, ...connectOptions(options) },
            proxyTls: { timeout },
            requestTls: { timeout, ...(options.ca ? { ca: options.ca } : {}) },
            keepAliveTimeout: 4_000,
        });
    }
    /** The proxy a request to `target` goes through, or undefined (direct). */
    routeFor(target) {
        return proxyRouteFor(target, this.proxies);
    }
    /** Secrets of the proxy URLs (passwords), to mask the moment they are read. */
    get secrets() {
        return [...new Set([...(this.proxies.http?.secrets ?? []), ...(this.proxies.https?.secrets ?? [])])];
    }
    /** Closes the pooled connections (idle ones never keep the process alive: undici unrefs them). */
    async close() {
        await this.dispatcher.close();
    }
}
const runNetworks = new WeakMap();
/**
 * The run's {@link Network}: one per environment object and connection settings, so the live
 * grants reader and `catalog: live` of one run (both given the run's environment, `process.env`
 * in the CLI and the action) share one dispatcher and its connections.
 * @throws ProxyConfigError (see {@link readProxySettings}).
 */
function runNetwork(env, options = {}) {
    const settings = readProxySettings(env);
    const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const key = JSON.stringify([settings.http?.url, settings.https?.url, settings.noProxy, timeout]);
    let list = runNetworks.get(env);
    if (!list)
        runNetworks.set(env, (list = []));
    const found = list.find((e) => e.key === key && e.lookup === options.lookup && e.ca === options.ca);
    if (found)
        return found.network;
    const network = new Network(env, options);
    list.push({ key, network, ...connectOptions(options) });
    return network;
}
/** The status of a proxy's refusal in an undici error (`Proxy response (407) !== 200 when HTTP Tunneling`), if any. */
function proxyRefusalStatus(err) {
    for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
        const message = String(e.message ?? '');
        const m = /Proxy response \((\d{3})\)|Proxy Authentication Required \((\d{3})\)/.exec(message);
        if (m)
            return Number(m[1] ?? m[2]);
        e = e.cause;
    }
    return undefined;
}
/** Thrown by {@link Transport.send} when a request through a proxy failed: the proxy, its refusal status, the cause. */
class ProxyError extends Error {
    route;
    cause;
    status;
    constructor(route, cause) {
        const status = proxyRefusalStatus(cause);
        const via = `the proxy ${route.host} (${route.variable})`;
        super(status ? `${via} answered ${status}` : `the request through ${via} failed`);
        this.route = route;
        this.cause = cause;
        this.name = 'ProxyError';
        if (status !== undefined)
            this.status = status;
    }
}
/**
 * A Genesys request that failed at or through a proxy. `proxy` is its `host:port` and `variable`
 * the variable naming it; `proxyStatus` the status of the proxy's refusal (407: the proxy wants
 * credentials; 502/503: it could not or would not connect). Never carries the proxy's credentials.
 */
class GenesysProxyError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GenesysNetworkError */ .XX {
    proxy;
    variable;
    proxyStatus;
    constructor(message, operation, host, causeKind, code, proxy, variable, proxyStatus) {
        super(message, operation, host, causeKind, code);
        this.proxy = proxy;
        this.variable = variable;
        this.proxyStatus = proxyStatus;
        this.name = 'GenesysProxyError';
    }
}
/** Thrown (internally) when a request exceeded its total time budget. */
class TotalTimeoutError extends Error {
    ms;
    code = 'GENESYS_TOTAL_TIMEOUT';
    constructor(ms) {
        super(`timed out after ${ms} ms`);
        this.ms = ms;
    }
}
/** Sends {@link ReadOnlyRequest}s through a guarded undici dispatcher: the run's {@link Network}, or an own Agent. */
class Transport {
    options;
    /** The guarded dispatcher (exposed so tests can prove that it refuses writes). */
    dispatcher;
    /** The Agent this transport owns (none when it uses the run's network, which it never closes). */
    own;
    constructor(options) {
        this.options = options;
        let base;
        if (options.network)
            base = options.network.dispatcher;
        else {
            this.own = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({
                connect: { timeout: options.connectTimeoutMs, ...connectOptions(options) },
                keepAliveTimeout: 4_000,
            });
            base = this.own;
        }
        this.dispatcher = base.compose(readOnlyGuard(options.tokenUrl));
    }
    /**
     * Sends one request and reads the whole body, all within `timeoutMs` (headers + body).
     * Rejects with the low-level error, {@link TotalTimeoutError}, or — when the request went
     * through a proxy — {@link ProxyError} wrapping it; the caller classifies it.
     */
    async send(req, timeoutMs) {
        const controller = new AbortController();
        const timeout = new TotalTimeoutError(timeoutMs);
        const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
        const target = req.kind === 'get' ? req.url : this.options.tokenUrl;
        try {
            if (!target)
                throw new Error('no token URL configured');
            const res = await this.dispatcher.request({
                origin: target.origin,
                path: target.pathname + target.search,
                method: req.kind === 'get' ? 'GET' : 'POST',
                headers: req.headers,
                body: req.kind === 'token' ? req.form : undefined,
                signal: controller.signal,
                headersTimeout: timeoutMs + 1_000,
                bodyTimeout: timeoutMs + 1_000,
            });
            const text = await res.body.text();
            return { status: res.statusCode, headers: res.headers, text };
        }
        catch (e) {
            if (controller.signal.aborted)
                throw timeout;
            const route = target && this.options.network?.routeFor(target);
            if (route && !(e instanceof WriteRequestRefusedError))
                throw new ProxyError(route, e);
            throw e;
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Closes the pooled connections of an own Agent (the run's network stays open for the run's other requests). */
    async close() {
        await this.own?.close();
    }
}


/***/ }),

/***/ 8683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  liveGrantsReader: () => (/* binding */ liveGrantsReader),
  rolesFromGrants: () => (/* binding */ rolesFromGrants)
});

// EXTERNAL MODULE: ./src/genesys/errors.ts
var errors = __webpack_require__(5987);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/genesys/backoff.ts
/**
 * Retry timing: exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter") and `Retry-After` parsing. Genesys Cloud answers 429 with code
 * `too.many.requests.retry.after` and a `Retry-After` header in seconds (Developer Center,
 * "Rate limits").
 */
/** Full-jitter delay for retry number `attempt` (0-based): uniform in [0, min(capMs, baseMs·2^attempt)). */
function fullJitterDelay(attempt, baseMs, capMs, random = Math.random) {
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
    return Math.floor(random() * ceiling);
}
/**
 * Parses a `Retry-After` header value: delta-seconds (`"3"`, `"1.5"`) or an HTTP date.
 * Returns seconds (≥ 0), or `undefined` when absent or unparseable.
 */
function parseRetryAfter(value, now = Date.now()) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v === undefined || v === null)
        return undefined;
    const s = String(v).trim();
    if (!s)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(s))
        return Number(s);
    const date = Date.parse(s);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, (date - now) / 1000);
}

;// CONCATENATED MODULE: ./src/genesys/rate-budget.ts
/**
 * Per-token request budget: a sliding-window log that lets at most `limit` requests
 * start in any window of `windowMs`. Genesys Cloud limits a client-credentials token to
 * 300 requests per minute (Developer Center, "Rate limits": `client.credentials.token.rate.per.minute`);
 * the default budget of 280/min keeps a margin for other users of the same token.
 */
/** Default requests per minute per token. */
const DEFAULT_REQUESTS_PER_MINUTE = 280;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Sliding-window budget. `acquire()` resolves when a request may start, and records it. */
class RateBudget {
    limit;
    windowMs;
    starts = [];
    now;
    sleep;
    queue = Promise.resolve();
    /** Total ms callers waited for the budget. */
    waitedMs = 0;
    constructor(options = {}) {
        this.limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_REQUESTS_PER_MINUTE));
        this.windowMs = Math.max(1, options.windowMs ?? 60_000);
        this.now = options.now ?? (() => performance.now());
        this.sleep = options.sleep ?? realSleep;
    }
    /** Requests started in the current window. */
    inWindow() {
        this.prune(this.now());
        return this.starts.length;
    }
    /**
     * Waits (FIFO) until fewer than `limit` requests started in the last `windowMs`, then
     * records a start. Never throws.
     */
    acquire() {
        const turn = this.queue.then(() => this.take());
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    prune(t) {
        while (this.starts.length && this.starts[0] <= t - this.windowMs)
            this.starts.shift();
    }
    async take() {
        for (;;) {
            const t = this.now();
            this.prune(t);
            if (this.starts.length < this.limit) {
                this.starts.push(t);
                return;
            }
            const wait = Math.ceil(this.starts[0] + this.windowMs - t) + 1;
            this.waitedMs += wait;
            await this.sleep(wait);
        }
    }
}

// EXTERNAL MODULE: ./src/genesys/transport.ts
var transport = __webpack_require__(2791);
;// CONCATENATED MODULE: ./src/genesys/client.ts
/**
 * Read-only Genesys Cloud Platform API client (undici).
 *
 * Sends only the client-credentials token request (`POST {loginBase}/oauth/token`, HTTP
 * Basic auth, form body `grant_type=client_credentials` — Developer Center, "Client
 * Credentials Grant") and `GET`s (see transport.ts for how that is enforced). Handles
 * timeouts, bounded retries (429 with `Retry-After`, 5xx, connection resets), a per-token
 * request budget, paging, a call log, and secret masking.
 */





const DEFAULTS = {
    timeoutMs: 10_000,
    connectTimeoutMs: transport/* DEFAULT_CONNECT_TIMEOUT_MS */.od,
    maxRetries: 3,
    maxRetryWaitMs: 30_000,
    backoffBaseMs: 500,
    backoffMaxMs: 8_000,
    retryAfterUnitMs: 1_000,
    retryTimeouts: false,
    requestsPerWindow: DEFAULT_REQUESTS_PER_MINUTE,
    budgetWindowMs: 60_000,
    shareBudget: true,
    tokenRefreshMarginSeconds: 60,
};
const sharedBudgets = new Map();
function isClientCredentials(c) {
    return typeof c.clientId === 'string';
}
function baseUrl(raw, what) {
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        throw new TypeError(`${what} is not a URL: ${JSON.stringify(raw)}`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        throw new TypeError(`${what} must be http(s): ${raw}`);
    u.pathname = u.pathname.replace(/\/+$/, '');
    u.search = '';
    u.hash = '';
    return u;
}
function buildQuery(query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
        if (v === undefined)
            continue;
        if (Array.isArray(v))
            for (const item of v)
                params.append(k, String(item));
        else
            params.append(k, String(v));
    }
    return params.toString();
}
function header(headers, name) {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
/**
 * Read-only Platform API client. One instance talks to one org as one principal.
 *
 * @example
 *   const c = new GenesysClient({apiBase, loginBase, clientId, clientSecret}, {onSecret: core.setSecret});
 *   const me = await c.get<TokenInfo>('/api/v2/tokens/me');
 */
class GenesysClient {
    /** Every HTTP attempt, in order (token POSTs included). */
    calls = [];
    opts;
    apiBase;
    loginBase;
    transport;
    redactor = new errors/* Redactor */.pO();
    creds;
    cached;
    pendingToken;
    ownBudgets = new Map();
    constructor(config, options = {}) {
        const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
        this.opts = { ...DEFAULTS, ...defined };
        this.apiBase = baseUrl(config.apiBase, 'apiBase');
        if (isClientCredentials(config)) {
            this.loginBase = baseUrl(config.loginBase, 'loginBase');
            const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`, 'utf8').toString('base64');
            this.secret(config.clientSecret);
            this.secret(basic);
            this.creds = { basic };
        }
        else {
            this.secret(config.accessToken);
            this.cached = { token: config.accessToken, expiresAt: Number.POSITIVE_INFINITY };
        }
        const tokenUrl = this.loginBase ? new URL(`${this.loginBase.href.replace(/\/$/, '')}/oauth/token`) : undefined;
        for (const s of options.network?.secrets ?? [])
            this.secret(s);
        this.transport = new transport/* Transport */.oK({
            tokenUrl,
            connectTimeoutMs: this.opts.connectTimeoutMs,
            ...(options.lookup ? { lookup: options.lookup } : {}),
            ...(options.ca ? { ca: options.ca } : {}),
            ...(options.network ? { network: options.network } : {}),
        });
    }
    /** Number of HTTP attempts sent so far (token POSTs and retries included). */
    get requestCount() {
        return this.calls.length;
    }
    /** Host of the API base, e.g. `api.mypurecloud.com` or `127.0.0.1:4567`. */
    get apiHost() {
        return this.apiBase.host;
    }
    /**
     * The access token: the configured one, or a cached client-credentials token, fetched
     * (`POST {loginBase}/oauth/token`) when missing or about to expire. Concurrent callers share one request.
     * @throws GenesysAuthError on 400/401 or an answer without a token; GenesysApiError / GenesysNetworkError otherwise.
     */
    async token() {
        if (this.cached && Date.now() < this.cached.expiresAt)
            return this.cached.token;
        if (!this.creds)
            return this.cached.token;
        this.pendingToken ??= this.fetchToken().finally(() => {
            this.pendingToken = undefined;
        });
        return this.pendingToken;
    }
    /**
     * `GET {apiBase}{path}?{query}` with the bearer token; parses JSON (`undefined` for an empty 2xx body).
     * A 401 with client credentials refreshes the token once.
     * @param path absolute path starting with `/`, e.g. `/api/v2/authorization/subjects/me` (may carry its own `?query`; `query` is appended).
     * @throws GenesysApiError (HTTP error after retries), GenesysNetworkError (timeout, reset, dns, tls, malformed-json, other),
     *   GenesysAuthError (token request refused, or the API answered 401 to the token).
     */
    async get(path, query) {
        if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
            throw new TypeError(`path must start with a single "/": ${JSON.stringify(path)}`);
        }
        const url = new URL(this.apiBase.href.replace(/\/$/, '') + path);
        for (const [k, v] of new URLSearchParams(buildQuery(query)))
            url.searchParams.append(k, v);
        const qs = url.search.replace(/^\?/, '');
        const operation = `GET ${url.pathname}`;
        let refreshed = false;
        for (;;) {
            const token = await this.token();
            const res = await this.withRetries(operation, this.apiBase.host, url.pathname, qs, async () => {
                await this.budget(token).acquire();
                return { kind: 'get', url, headers: this.headers({ Authorization: `Bearer ${token}` }) };
            });
            if (res.status === 401 && this.creds && !refreshed) {
                refreshed = true;
                this.cached = undefined;
                continue;
            }
            if (res.status === 401)
                throw this.rejectedToken(res, operation);
            return this.decode(res, operation, this.apiBase.host);
        }
    }
    /**
     * Fetches every page of a Genesys listing (`entities`, `pageNumber`, `pageCount`/`total`)
     * by `GET`ting `pageNumber=1..pageCount` and concatenating `entities`.
     * @param options.pageSize default 100 (or `query.pageSize`); options.maxPages default 1000 (then RangeError).
     */
    async getAllPages(path, query = {}, options = {}) {
        const pageSize = Number(options.pageSize ?? query.pageSize ?? 100);
        const maxPages = options.maxPages ?? 1000;
        const out = [];
        for (let page = 1;; page++) {
            if (page > maxPages)
                throw new RangeError(`GET ${path}: more than ${maxPages} pages`);
            const listing = await this.get(path, { ...query, pageSize, pageNumber: page });
            const entities = listing?.entities ?? [];
            out.push(...entities);
            const pageCount = listing?.pageCount ?? (typeof listing?.total === 'number' ? Math.ceil(listing.total / pageSize) : undefined);
            const done = pageCount !== undefined ? page >= pageCount : !listing?.nextUri || entities.length < pageSize;
            if (done || entities.length === 0)
                return out;
        }
    }
    /** Closes the client's own connections (a run's shared network stays open); do not use the client afterwards. */
    async close() {
        await this.transport.close();
    }
    // ── internals ─────────────────────────────────────────────────────────────
    secret(value) {
        this.redactor.add(value);
        if (value)
            this.opts.onSecret?.(value);
    }
    headers(extra) {
        return { Accept: 'application/json', 'User-Agent': this.opts.userAgent ?? 'genesys-preflight', ...extra };
    }
    budget(token) {
        const key = `${(0,external_node_crypto_.createHash)('sha256').update(token).digest('hex')}|${this.opts.requestsPerWindow}|${this.opts.budgetWindowMs}`;
        const map = this.opts.shareBudget ? sharedBudgets : this.ownBudgets;
        let b = map.get(key);
        if (!b) {
            b = new RateBudget({
                limit: this.opts.requestsPerWindow,
                windowMs: this.opts.budgetWindowMs,
                sleep: this.opts.sleep,
            });
            map.set(key, b);
        }
        return b;
    }
    sleep(ms) {
        return this.opts.sleep ? this.opts.sleep(ms) : new Promise((r) => setTimeout(r, ms));
    }
    async fetchToken() {
        const login = this.loginBase;
        const operation = 'POST /oauth/token';
        const res = await this.withRetries(operation, login.host, '/oauth/token', '', async () => ({
            kind: 'token',
            headers: this.headers({
                Authorization: `Basic ${this.creds.basic}`,
                'Content-Type': 'application/x-www-form-urlencoded',
            }),
            form: 'grant_type=client_credentials',
        }));
        const parsed = parseJson(res.text);
        const body = parsed.ok ? parsed.value : undefined;
        if (res.status === 400 || res.status === 401 || res.status === 403) {
            const oauth = (body ?? {});
            const error = this.redactor.redact(String(oauth.error ?? oauth.code ?? `http.${res.status}`));
            const description = oauth.error_description ?? oauth.description ?? oauth.message;
            const desc = description ? this.redactor.redact(String(description)) : undefined;
            throw new errors/* GenesysAuthError */.$s(`Genesys Cloud login failed: ${operation} on ${login.host} answered ${res.status} ${error}${desc ? `: ${desc}` : ''}. ` +
                'Check the client id and secret, that the OAuth client uses the Client Credentials grant and is active, and that it belongs to an org in this region.', operation, login.host, res.status, error, desc);
        }
        if (res.status < 200 || res.status >= 300)
            throw this.apiError(res, operation, login.host, body);
        if (!parsed.ok) {
            throw new errors/* GenesysNetworkError */.XX(`Genesys Cloud login ${operation} on ${login.host} answered ${res.status} with a body that is not valid JSON`, operation, login.host, 'malformed-json', undefined, res.status);
        }
        const tok = body;
        if (typeof tok?.access_token !== 'string' || !tok.access_token) {
            throw new errors/* GenesysAuthError */.$s(`Genesys Cloud login ${operation} on ${login.host} answered ${res.status} without an access_token`, operation, login.host, 0, 'no_access_token');
        }
        this.secret(tok.access_token);
        const ttl = typeof tok.expires_in === 'number' && tok.expires_in > 0 ? tok.expires_in : 86_400;
        const margin = Math.min(this.opts.tokenRefreshMarginSeconds, ttl / 2);
        this.cached = { token: tok.access_token, expiresAt: Date.now() + (ttl - margin) * 1000 };
        return tok.access_token;
    }
    /** One attempt: sends and logs. Never throws for network failures; returns them classified. */
    async attempt(req, host, path, query, attempt) {
        const started = performance.now();
        const method = req.kind === 'get' ? 'GET' : 'POST';
        try {
            const res = await this.transport.send(req, this.opts.timeoutMs);
            const ms = performance.now() - started;
            this.calls.push({
                method,
                path,
                query,
                host,
                status: res.status,
                startedAt: performance.timeOrigin + started,
                ms,
                attempt,
            });
            return { ok: true, res };
        }
        catch (e) {
            const ms = performance.now() - started;
            let proxy;
            if (e instanceof transport/* ProxyError */.T6)
                proxy = { route: e.route, ...(e.status !== undefined ? { status: e.status } : {}) };
            // A proxy's refusal (407, 502...) is an answer: never retried. Other failures through a proxy keep their kind.
            const c = e instanceof transport/* TotalTimeoutError */.ad
                ? { kind: 'timeout', code: e.code }
                : proxy?.status !== undefined
                    ? { kind: 'other', code: `PROXY_${proxy.status}` }
                    : (0,errors/* classifyNetworkError */.LW)(e instanceof transport/* ProxyError */.T6 ? e.cause : e);
            this.calls.push({
                method,
                path,
                query,
                host,
                status: 0,
                startedAt: performance.timeOrigin + started,
                ms,
                attempt,
                networkError: c.kind,
            });
            return { ok: false, kind: c.kind, code: c.code, ms, ...(proxy ? { proxy } : {}) };
        }
    }
    /**
     * Runs `prepare` + one attempt, retrying 429 (after `Retry-After`, else backoff), 5xx and
     * resets (and timeouts when enabled) with full-jitter backoff, within `maxRetries` and
     * `maxRetryWaitMs`. Returns the final HTTP answer (any status); throws GenesysNetworkError
     * when the last attempt failed below HTTP, GenesysApiError when a 429/5xx could not be retried further.
     */
    async withRetries(operation, host, path, query, prepare) {
        let waited = 0;
        for (let attempt = 0;; attempt++) {
            const req = await prepare();
            const r = await this.attempt(req, host, path, query, attempt);
            const retriesLeft = attempt < this.opts.maxRetries;
            let delay;
            let mustFail = false;
            if (r.ok) {
                const s = r.res.status;
                if (s === 429) {
                    const ra = parseRetryAfter(r.res.headers['retry-after']);
                    if (ra !== undefined) {
                        delay = Math.ceil(ra * this.opts.retryAfterUnitMs);
                        if (waited + delay > this.opts.maxRetryWaitMs)
                            mustFail = true;
                    }
                }
                else if (s < 500 || s > 599) {
                    return r.res;
                }
                if (!retriesLeft || mustFail) {
                    throw this.apiError(r.res, operation, host, undefined, attempt);
                }
            }
            else {
                const retryable = r.kind === 'reset' || (r.kind === 'timeout' && this.opts.retryTimeouts);
                if (!retryable || !retriesLeft)
                    throw this.networkError(r, operation, host, attempt);
            }
            delay ??= fullJitterDelay(attempt, this.opts.backoffBaseMs, this.opts.backoffMaxMs, this.opts.random);
            delay = Math.min(delay, Math.max(0, this.opts.maxRetryWaitMs - waited));
            waited += delay;
            if (delay > 0)
                await this.sleep(delay);
        }
    }
    /** A 401 on an API call (after one refresh): the bearer token was rejected. */
    rejectedToken(res, operation) {
        const api = this.apiError(res, operation, this.apiBase.host);
        return new errors/* GenesysAuthError */.$s(`Genesys Cloud rejected the access token: ${api.message}`, operation, this.apiBase.host, 401, api.code, api.apiMessage || undefined, api.body);
    }
    decode(res, operation, host) {
        if (res.status < 200 || res.status >= 300) {
            const parsed = parseJson(res.text);
            throw this.apiError(res, operation, host, parsed.ok ? parsed.value : undefined);
        }
        if (res.text.trim() === '')
            return undefined;
        const parsed = parseJson(res.text);
        if (!parsed.ok) {
            throw new errors/* GenesysNetworkError */.XX(`Genesys Cloud ${operation} on ${host} answered ${res.status} with a body that is not valid JSON ` +
                `(content-type ${header(res.headers, 'content-type') ?? 'none'}, ${res.text.length} bytes)`, operation, host, 'malformed-json', undefined, res.status);
        }
        return parsed.value;
    }
    apiError(res, operation, host, body, retries) {
        if (body === undefined) {
            const parsed = parseJson(res.text);
            body = parsed.ok ? parsed.value : undefined;
        }
        const eb = (0,errors/* asErrorBody */.xM)(body);
        const code = this.redactor.redact(eb?.code ?? `http.${res.status}`);
        const apiMessage = this.redactor.redact(eb?.message ?? (res.text ? res.text.replace(/\s+/g, ' ').slice(0, 200) : ''));
        const contextId = eb?.contextId ?? header(res.headers, 'inin-correlation-id');
        const after = retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
        const message = `Genesys Cloud ${operation} on ${host} answered ${res.status} ${code}${after}` +
            (apiMessage ? `: ${apiMessage}` : '') +
            (contextId ? ` (contextId ${contextId})` : '');
        const safeBody = eb ? JSON.parse(this.redactor.redact(JSON.stringify(eb))) : undefined;
        return new errors/* GenesysApiError */.n_(message, operation, host, res.status, code, apiMessage, contextId, safeBody);
    }
    networkError(r, operation, host, retries) {
        const what = {
            timeout: `timed out after ${this.opts.timeoutMs} ms`,
            reset: 'failed: the connection was reset',
            dns: 'failed: the host name could not be resolved (check the region)',
            tls: 'failed: TLS error',
            'malformed-json': 'answered a body that is not valid JSON',
            other: 'failed',
        };
        const after = retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
        const code = r.code ? ` (${r.code})` : '';
        if (r.proxy) {
            // Named by host:port and variable only: the proxy URL may carry user:password.
            const { route, status } = r.proxy;
            const via = `the proxy ${route.host} (${route.variable})`;
            const message = status !== undefined
                ? `Genesys Cloud ${operation} to ${host}: ${via} answered ${status}` +
                    `${status === 407 ? ' (proxy authentication required)' : ''} instead of connecting`
                : `Genesys Cloud ${operation} to ${host} through ${via} ${what[r.kind]}${code}${after}`;
            return new transport/* GenesysProxyError */.lt(message, operation, host, r.kind, r.code, route.host, route.variable, status);
        }
        return new errors/* GenesysNetworkError */.XX(`Genesys Cloud ${operation} to ${host} ${what[r.kind]}${code}${after}`, operation, host, r.kind, r.code);
    }
}

// EXTERNAL MODULE: ./src/genesys/regions.ts
var regions = __webpack_require__(7119);
// EXTERNAL MODULE: ./src/genesys/hosts.ts
var hosts = __webpack_require__(3809);
// EXTERNAL MODULE: ./src/genesys/concurrency.ts
var concurrency = __webpack_require__(9293);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/grants/credentials.ts
var credentials = __webpack_require__(5189);
;// CONCATENATED MODULE: ./src/grants/live.ts
/**
 * Live grants: what the deploy principal really holds in each org, read from Genesys Cloud with
 * the token request and read-only GETs only (design card §1, "Read-only inspection endpoints").
 *
 * Chain per org (each step's failure is explained in the finding it yields):
 *   POST login/oauth/token → GET /api/v2/tokens/me (org, home org, authorizedScope, OAuthClient)
 *   → GET /api/v2/authorization/subjects/me (grants: role policies × divisions; fallback: the
 *     client's roleDivisions + GET /api/v2/authorization/roles/{roleId})
 *   → GET /api/v2/authorization/divisions (names → ids; unknown divisions are located errors)
 *   → GET /api/v2/authorization/permissions (the org's permission catalog: entitlements)
 *   → GET /api/v2/authorization/divisionspermitted/paged/me?permission=P per distinct permission
 *   → GET /api/v2/integrations/types/{typeId} per premium app.
 * The number of calls grows with the distinct permissions and integration types, never with
 * the number of resources.
 */









/** A failed inspection step, turned into a finding. */
class StepFailure extends Error {
    finding;
    constructor(finding) {
        super(finding.message);
        this.finding = finding;
    }
}
/** The preflight client's own needs per inspection step (what to add when a step answers 403). */
const STEP_NEEDS = {
    'GET /api/v2/tokens/me': 'OAuth scope `user-basic-info` (user tokens)',
    'GET /api/v2/authorization/roles/{roleId}': 'permission `authorization:role:view`',
    'GET /api/v2/integrations/types/{typeId}': 'permission `integrations:integration:view`',
};
/**
 * A client whose orgs share one OAuth client (same login base, client id and secret): every
 * such client asks `shared` for the token, so the first one's `POST /oauth/token` serves them
 * all, and they share that token's request budget (GenesysClient keys budgets by token).
 */
class SharedTokenClient extends GenesysClient {
    shared;
    constructor(config, options, shared) {
        super(config, options);
        this.shared = shared;
    }
    token() {
        this.shared.token ??= super.token();
        return this.shared.token;
    }
}
/** Sharing key of an OAuth client: a hash of login base, client id and secret (no secret kept as a key). */
function clientKey(loginBase, clientId, clientSecret) {
    const key = `${loginBase.replace(/\/+$/, '')}\u0000${clientId}\u0000${clientSecret}`;
    return (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex');
}
/** A host name for a message: only what parses as a URL host of letters, digits, `.`, `-`, `:`. */
function hostOf(base) {
    try {
        const host = new URL(base).host;
        return /^[A-Za-z0-9.:[\]-]{1,253}$/.test(host) ? host : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Builds the live GrantsReader. Orgs sharing one OAuth client share one token request. Every
 * client of the run uses the run's network (transport.ts `runNetwork`: one proxy-aware undici
 * dispatcher per environment, shared with `catalog: live`); its proxy passwords are masked.
 */
function liveGrantsReader(opts) {
    const tokens = new Map();
    const selection = opts.selection ?? [];
    const liveOrgs = opts.liveOrgs ?? [];
    let network;
    const theNetwork = () => {
        if (network)
            return network;
        const c = opts.client ?? {};
        try {
            network =
                c.network ??
                    (0,transport/* runNetwork */.cP)(opts.env, {
                        ...(c.connectTimeoutMs !== undefined ? { connectTimeoutMs: c.connectTimeoutMs } : {}),
                        ...(c.lookup ? { lookup: c.lookup } : {}),
                        ...(c.ca ? { ca: c.ca } : {}),
                    });
            for (const s of network.secrets)
                opts.setSecret(s);
        }
        catch (e) {
            if (!(e instanceof transport/* ProxyConfigError */.Xb))
                throw e;
            network = e;
        }
        return network;
    };
    return async (org, index, ctx) => {
        const orgLoc = ctx.loaded.locate(['orgs', index]);
        const credsLoc = ctx.loaded.locate(org.credentials ? ['orgs', index, 'credentials'] : ['orgs', index]);
        const single = (0,credentials/* selectsOneOrg */.CI)(ctx.loaded.manifest, selection);
        const creds = (0,credentials/* readCredentials */.L1)(org, opts.env, single, opts.setSecret);
        if ('missing' in creds) {
            const why = (0,credentials/* requiredLive */.Qc)(liveOrgs, org.name)
                ? 'the workflow requires a live check (live-orgs), but '
                : creds.partial
                    ? ''
                    : 'live mode needs credentials: ';
            const set = single ? undefined : (0,credentials/* cxAsCodeSetNames */.nC)(opts.env);
            const n = (0,credentials/* selectedOrgCount */.Dj)(ctx.loaded.manifest, selection);
            const whose = set?.verb === 'apply' ? 'they are' : 'it is';
            const cx = set
                ? `; ${set.names} ${set.verb} only when one org is selected, and ${n} are (whose secret ${whose} ` +
                    'would be a guess): select that org (orgs: / --org) or set its own variables'
                : '';
            const fix = 'set them from your CI secrets (the names are fixed: GENESYS_<ORG>_CLIENT_ID and _CLIENT_SECRET, or ' +
                '_ACCESS_TOKEN; <ORG> is the org name in upper case with - as _)';
            const message = `org ${org.name}: ${why}${(0,credentials/* describeMissing */.UV)(creds)}${cx}`;
            return { findings: [(0,util_errors/* fatal */.h)('auth-failed', message, creds.partial ? credsLoc : orgLoc, fix)] };
        }
        const region = (0,regions/* resolveRegion */.Zv)(org.region);
        const apiBase = org.credentials?.apiBase ?? region.apiBase;
        const loginBase = org.credentials?.loginBase ?? region.loginBase;
        for (const [key, base] of [
            ['apiBase', apiBase],
            ['loginBase', loginBase],
        ]) {
            if (!(0,hosts/* allowedHost */.V)(base, opts.env)) {
                const host = hostOf(base);
                return {
                    findings: [
                        (0,util_errors/* fatal */.h)('manifest-invalid', `org ${org.name}: credentials.${key}${host ? ` (host ${host})` : ''} is not a Genesys Cloud host; ` +
                            'the credentials are not sent there', ctx.loaded.locate(['orgs', index, 'credentials', key]), 'use the region (or https://api.{host} / https://login.{host} of a Genesys Cloud region); ' +
                            'to allow another host, set GENESYS_PREFLIGHT_ALLOW_HOSTS to its name'),
                    ],
                };
            }
        }
        const findings = [];
        if (creds.region) {
            const credRegion = (0,regions/* resolveRegion */.Zv)(creds.region);
            if (credRegion && credRegion.id !== region.id) {
                findings.push({
                    severity: 'error',
                    code: 'region-mismatch',
                    message: `org ${org.name}: GENESYSCLOUD_REGION is ${credRegion.id} but the manifest says ${region.id}; the deploy would call ${credRegion.host}`,
                    fix: `make GENESYSCLOUD_REGION and orgs[].region agree`,
                    location: ctx.loaded.locate(['orgs', index, 'region']),
                });
            }
        }
        const net = theNetwork();
        if (net instanceof transport/* ProxyConfigError */.Xb) {
            const fix = `set ${net.variable} to http://host:port (or http://user:password@host:port), or unset it`;
            return { findings: [...findings, (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: ${net.message}`, orgLoc, fix)] };
        }
        const clientOptions = { ...opts.client, network: net, onSecret: opts.setSecret };
        let client;
        if (creds.kind === 'client-credentials') {
            const key = clientKey(loginBase, creds.clientId, creds.clientSecret);
            let shared = tokens.get(key);
            if (!shared)
                tokens.set(key, (shared = {}));
            const config = { apiBase, loginBase, clientId: creds.clientId, clientSecret: creds.clientSecret };
            client = new SharedTokenClient(config, clientOptions, shared);
        }
        else {
            // No token request; clients with the same token share its budget (GenesysClient keys budgets by token).
            client = new GenesysClient({ apiBase, accessToken: creds.accessToken }, clientOptions);
        }
        try {
            const result = await readOrg(client, org, index, ctx, creds.kind, { host: new URL(apiBase).host, loginHost: new URL(loginBase).host, source: creds.source }, opts);
            return { ...result, findings: [...findings, ...result.findings] };
        }
        catch (e) {
            if (e instanceof StepFailure)
                return { findings: [...findings, e.finding] };
            throw e;
        }
        finally {
            opts.onClient?.(org.name, client);
            await client.close();
        }
    };
}
/** Runs one inspection GET; failures become a StepFailure with a finding explaining the step. */
async function step(what, template, org, where, at, run) {
    try {
        return await run();
    }
    catch (e) {
        throw new StepFailure(explainFailure(e, what, template, org, where, at));
    }
}
function explainFailure(e, what, template, org, where, at) {
    if (e instanceof transport/* GenesysProxyError */.lt) {
        // The proxy by host:port and variable only (its URL may carry user:password).
        const via = `the proxy ${e.proxy} (${e.variable})`;
        if (e.proxyStatus === 407) {
            return (0,util_errors/* fatal */.h)('auth-failed', `org ${org.name}: ${via} answered 407 (proxy authentication required) while ${what}: ${e.host} was not reached`, at, `check the user and password in ${e.variable} (http://user:password@host:port), or name ${e.host} in NO_PROXY`);
        }
        if (e.proxyStatus !== undefined) {
            return (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: ${via} answered ${e.proxyStatus} instead of connecting to ${e.host} while ${what}`, at, `check that the proxy lets ${e.host} through, or name ${e.host} in NO_PROXY`);
        }
        return (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: could not reach ${e.host} through ${via} while ${what} ` +
            `(${e.causeKind}${e.code ? `: ${e.code}` : ''})`, at, `check ${e.variable} and that the proxy is running, or name ${e.host} in NO_PROXY`);
    }
    if (e instanceof errors/* GenesysAuthError */.$s) {
        return (0,util_errors/* fatal */.h)('auth-failed', `org ${org.name}: ${where.loginHost} rejected the credentials from ${where.source} (${e.status}${e.error ? ` ${e.error}` : ''})`, at, `check the client id and secret, and that the OAuth client belongs to an org in region ${org.region} (${where.loginHost})`);
    }
    if (e instanceof errors/* GenesysApiError */.n_) {
        if (e.status === 401)
            return (0,util_errors/* fatal */.h)('auth-failed', `org ${org.name}: the token was rejected by ${where.host} while ${what} (401 ${e.code ?? ''})`.trim(), at, 'check the credentials and the region');
        if (e.status === 403) {
            const need = STEP_NEEDS[template] ?? 'OAuth scope `authorization:readonly` (user tokens)';
            return (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: this client cannot read its own grants: ${template} answered 403 while ${what}`, at, `add ${need} to the preflight's OAuth client`);
        }
        return (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: could not read grants from ${where.host} while ${what}: ${e.status} ${e.code ?? ''}`.trim(), at, 'retry later; Genesys Cloud answered with an error');
    }
    if (e instanceof errors/* GenesysNetworkError */.XX) {
        return (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: could not reach ${where.host} while ${what} (${e.causeKind}${e.code ? `: ${e.code}` : ''})`, at, `check the region (${org.region}) and the network`);
    }
    return (0,util_errors/* fatal */.h)('unverifiable', `org ${org.name}: ${what} failed: ${e?.message ?? String(e)}`, at);
}
async function readOrg(client, org, index, ctx, kind, where, opts) {
    const at = ctx.loaded.locate(['orgs', index, 'credentials']);
    const findings = [];
    const token = await step('reading the token (GET /api/v2/tokens/me)', 'GET /api/v2/tokens/me', org, where, at, () => client.get('/api/v2/tokens/me'));
    const orgId = token.organization?.id ?? null;
    if (org.orgId && orgId && org.orgId.toLowerCase() !== orgId.toLowerCase()) {
        findings.push({
            severity: 'error',
            code: 'org-mismatch',
            message: `org ${org.name}: the credentials belong to org ${orgId}${token.organization?.name ? ` (${token.organization.name})` : ''}, not ${org.orgId}; a deploy with them would change the wrong org`,
            fix: `use the ${org.name} credentials, or correct orgs[].orgId`,
            location: ctx.loaded.locate(['orgs', index, 'orgId']),
        });
        return { findings, orgId };
    }
    if (token.homeOrganization?.id && orgId && token.homeOrganization.id !== orgId) {
        findings.push({
            severity: 'notice',
            code: 'org-mismatch',
            message: `org ${org.name}: the token is a trustee (partner) token from home org ${token.homeOrganization.id}${token.homeOrganization.name ? ` (${token.homeOrganization.name})` : ''}; its grants come from the trust`,
            location: at,
        });
    }
    const grantType = token.OAuthClient?.authorizedGrantType === 'CLIENT_CREDENTIALS' || kind === 'client-credentials'
        ? 'client-credentials'
        : 'user';
    // Everything below depends only on the token: read it in parallel (the critical path is
    // token → tokens/me → one round of GETs).
    const [divisions, subjectRoles, catalog, permittedList, typeFindings] = await Promise.all([
        step('listing divisions', 'GET /api/v2/authorization/divisions', org, where, at, () => client.getAllPages('/api/v2/authorization/divisions', {}, { pageSize: 100 })),
        readRoles(client, token, grantType, org, where, at),
        step('reading the permission catalog', 'GET /api/v2/authorization/permissions', org, where, at, () => client.getAllPages('/api/v2/authorization/permissions', {}, { pageSize: 100 })),
        (0,concurrency/* mapLimit */.s)(opts.naive ? ctx.requirements.flatMap((q) => q.permissions?.values ?? []) : ctx.requiredPermissions, opts.perOrgConcurrency ?? 8, (permission) => step(`reading the divisions permitted for ${permission}`, 'GET /api/v2/authorization/divisionspermitted/paged/me', org, where, at, () => readPermitted(client, permission))),
        integrationTypeFindings(client, ctx.resources, org, where, at),
    ]);
    findings.push(...typeFindings);
    const home = divisions.find((d) => d.homeDivision);
    const refOf = (d) => {
        if (d.id === '*')
            return [{ name: '*', id: '*' }];
        const name = d.name ?? divisions.find((x) => x.id === d.id)?.name ?? d.id;
        const refs = [{ name, id: d.id }];
        if (home && d.id === home.id && name.toLowerCase() !== 'home')
            refs.push({ name: 'Home', id: d.id });
        return refs;
    };
    findings.push(...unknownDivisions(ctx.requirements, divisions, org));
    const roles = subjectRoles;
    for (const r of roles)
        r.divisions = r.divisions.flatMap((d) => refOf({ id: d.id ?? d.name, ...(d.name !== d.id ? { name: d.name } : {}) }));
    const available = new Set();
    const divisionUnaware = new Set();
    for (const c of catalog) {
        for (const list of Object.values(c.permissionMap ?? {})) {
            for (const p of list) {
                const name = `${p.domain}:${p.entityType}:${p.action}`;
                available.add(name);
                if (p.divisionAware === false)
                    divisionUnaware.add(name);
            }
        }
    }
    const unavailable = new Set(ctx.requiredPermissions.filter((p) => !available.has(p)));
    findings.push(...entitlementFindings(ctx.requirements, unavailable, org));
    const permitted = {};
    (opts.naive ? ctx.requirements.flatMap((q) => q.permissions?.values ?? []) : ctx.requiredPermissions).forEach((permission, i) => {
        const pages = permittedList[i];
        permitted[permission] = { all: pages.all, divisions: pages.divisions.flatMap((d) => refOf(d)) };
    });
    const principal = {
        grant: grantType,
        scopes: token.authorizedScope ?? [],
        roles,
        source: 'live',
        permitted,
        unavailable,
        divisionUnaware,
    };
    return { principal, findings, orgId };
}
/** The subject's roles: subjects/me, or for a client-credentials client that cannot read it, its roleDivisions + roles. */
async function readRoles(client, token, grantType, org, where, at) {
    try {
        return rolesFromGrants(await client.get('/api/v2/authorization/subjects/me'));
    }
    catch (e) {
        const roleDivisions = token.OAuthClient?.roleDivisions;
        if (!(e instanceof errors/* GenesysApiError */.n_) || grantType !== 'client-credentials' || !roleDivisions) {
            throw new StepFailure(explainFailure(e, 'reading its grants', 'GET /api/v2/authorization/subjects/me', org, where, at));
        }
        return rolesFromRoleDivisions(client, roleDivisions, org, where, at);
    }
}
/** `entitlement-missing` for premium apps whose integration type the org does not have (404). */
async function integrationTypeFindings(client, resources, org, where, at) {
    const out = [];
    for (const r of resources) {
        if (r.kind !== 'premiumApp' || !r.orgs.includes(org.name))
            continue;
        const typeId = String(r.details.integrationType);
        try {
            await client.get(`/api/v2/integrations/types/${encodeURIComponent(typeId)}`);
        }
        catch (e) {
            if (!(e instanceof errors/* GenesysApiError */.n_) || e.status !== 404) {
                throw new StepFailure(explainFailure(e, `checking integration type ${typeId}`, 'GET /api/v2/integrations/types/{typeId}', org, where, at));
            }
            out.push({
                severity: 'error',
                code: 'entitlement-missing',
                resource: `premiumApp:${r.name}`,
                message: `org ${org.name}: integration type ${typeId} is not available (GET /api/v2/integrations/types/${typeId} answered 404): the premium app is not enabled for this org`,
                fix: 'enable the premium app for the org (AppFoundry subscription) before installing it',
                location: r.location,
            });
        }
    }
    return out;
}
async function readPermitted(client, permission) {
    const divisions = [];
    let all = false;
    for (let page = 1; page <= 50; page++) {
        const listing = await client.get('/api/v2/authorization/divisionspermitted/paged/me', {
            permission,
            pageNumber: page,
            pageSize: 100,
        });
        all ||= listing.allDivsPermitted === true;
        divisions.push(...(listing.entities ?? []));
        if (!listing.pageCount || page >= listing.pageCount)
            break;
    }
    return { all, divisions };
}
/** Folds AuthzGrants (one per role × division) into RoleGrants with the role's policies. */
function rolesFromGrants(subject) {
    const byRole = new Map();
    for (const g of subject.grants ?? []) {
        let r = byRole.get(g.role.id);
        if (!r) {
            r = {
                role: g.role.name,
                roleId: g.role.id,
                permissions: policiesToPermissions(g.role.policies ?? []),
                divisions: [],
            };
            byRole.set(g.role.id, r);
        }
        r.divisions.push({ name: g.division.name ?? g.division.id, id: g.division.id });
    }
    return [...byRole.values()];
}
function policiesToPermissions(policies) {
    const out = [];
    for (const p of policies) {
        const conditional = Boolean(p.condition) || Boolean(p.resourceConditionNode);
        for (const a of p.actions ?? p.actionSet ?? [])
            out.push({ permission: `${p.domain}:${p.entityName}:${a}`, ...(conditional ? { conditional } : {}) });
    }
    return out;
}
async function rolesFromRoleDivisions(client, roleDivisions, org, where, at) {
    const byRole = new Map();
    for (const rd of roleDivisions) {
        let r = byRole.get(rd.roleId);
        if (!r) {
            const role = await step(`reading role ${rd.roleId}`, 'GET /api/v2/authorization/roles/{roleId}', org, where, at, () => client.get(`/api/v2/authorization/roles/${encodeURIComponent(rd.roleId)}`));
            // Legacy single-name permissions (`admin`) appear only in the model's `permissions` list.
            const legacy = (role.permissions ?? []).filter((p) => !p.includes(':')).map((permission) => ({ permission }));
            r = {
                role: role.name,
                roleId: role.id,
                permissions: [...policiesToPermissions(role.permissionPolicies ?? []), ...legacy],
                divisions: [],
            };
            byRole.set(rd.roleId, r);
        }
        r.divisions.push({ name: rd.divisionId, id: rd.divisionId });
    }
    return [...byRole.values()];
}
function unknownDivisions(requirements, divisions, org) {
    const names = new Set(divisions.map((d) => d.name.toLowerCase()));
    if (divisions.some((d) => d.homeDivision))
        names.add('home');
    const out = [];
    const seen = new Set();
    for (const q of requirements) {
        if (q.division === null ||
            q.division === '*' ||
            names.has(q.division.toLowerCase()) ||
            seen.has(`${q.resource}\u0000${q.division}`))
            continue;
        seen.add(`${q.resource}\u0000${q.division}`);
        out.push((0,util_errors/* fatal */.h)('manifest-invalid', `${q.resource}: division "${q.division}" does not exist in org ${org.name} (divisions: ${divisions.map((d) => d.name).join(', ')})`, q.divisionLocation ?? q.location, 'create the division first, or correct the division name'));
    }
    return out;
}
function entitlementFindings(requirements, unavailable, org) {
    if (unavailable.size === 0)
        return [];
    const out = [];
    for (const q of requirements) {
        if (!q.permissions)
            continue;
        const { mode, values } = q.permissions;
        const missing = values.filter((p) => unavailable.has(p));
        if (missing.length === 0 || (mode === 'ANY' && missing.length < values.length))
            continue;
        out.push({
            severity: 'error',
            code: 'entitlement-missing',
            resource: q.resource,
            operation: q.operation,
            division: q.division,
            missing,
            message: `${q.resource}: ${q.operation} needs ${missing.join(', ')}, which org ${org.name}'s permission catalog does not have: the product is not enabled, so no role can grant it`,
            fix: 'enable the Genesys Cloud product (licence/add-on) that provides it',
            location: q.location,
        });
    }
    return out;
}


/***/ })

};
