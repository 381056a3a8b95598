export const id = 409;
export const ids = [409];
export const modules = {

/***/ 3409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   liveCatalog: () => (/* binding */ liveCatalog)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7008);
/* harmony import */ var _bundled_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6910);
/* harmony import */ var _swagger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(759);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _genesys_transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2791);
/**
 * `catalog: live`: the operation catalog read from the org's own region, `GET
 * https://api.{host}/api/v2/docs/swagger` (the public Platform API swagger: no token, read-only).
 * The request goes through the run's network (genesys/transport.ts `runNetwork`: the proxy
 * variables of the environment, one dispatcher shared with the live grants reader).
 */






/** `text` with every proxy secret of `network` replaced (defence in depth: undici's messages carry none). */
function scrub(text, network) {
    let out = text;
    for (const s of network.secrets)
        out = out.split(s).join('***');
    return out;
}
/** Reads and converts the live swagger. Throws PreflightError (exit 2) with the reason when it cannot. */
async function liveCatalog(apiBase, at, timeoutMs = 30_000, options = {}) {
    const url = `${apiBase.replace(/\/+$/, '')}/api/v2/docs/swagger`;
    const host = new URL(url).host;
    let network;
    try {
        network = options.network ?? (0,_genesys_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .runNetwork */ .cP)(options.env ?? process.env);
    }
    catch (e) {
        if (!(e instanceof _genesys_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .ProxyConfigError */ .Xb))
            throw e;
        const fix = `set ${e.variable} to http://host:port (or http://user:password@host:port), or unset it`;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .w([(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fatal */ .h)('unverifiable', `catalog live: ${e.message}`, at, fix)]);
    }
    const route = network.routeFor(new URL(url));
    let text;
    try {
        const dispatcher = network.dispatcher.compose((0,_genesys_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .readOnlyGuard */ .YN)(undefined));
        const headers = { accept: 'application/json' };
        const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { method: 'GET', dispatcher, ...timeouts, headers });
        text = await res.body.text();
        if (res.statusCode !== 200)
            throw new Error(`HTTP ${res.statusCode}`);
    }
    catch (e) {
        const status = route ? (0,_genesys_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyRefusalStatus */ .n8)(e) : undefined;
        // The proxy by host:port and variable only (its URL may carry user:password).
        const via = route && `the proxy ${route.host} (${route.variable})`;
        const why = !via
            ? e.message
            : status !== undefined
                ? `${via} answered ${status}${status === 407 ? ' (proxy authentication required)' : ''} instead of connecting`
                : `through ${via}: ${scrub(e.message, network)}`;
        const code = status === 407 ? 'auth-failed' : 'unverifiable';
        const fix = route
            ? `check ${route.variable} and the proxy, or name ${host} in NO_PROXY; or use catalog: bundled`
            : 'retry, or use catalog: bundled';
        const message = `catalog live: could not read the Platform API swagger from ${host} (${why})`;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .w([(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fatal */ .h)(code, message, at, fix)]);
    }
    try {
        return new _catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .Catalog */ .W((0,_swagger_js__WEBPACK_IMPORTED_MODULE_3__/* .operationsFromSwagger */ .jr)(JSON.parse(text)), (0,_bundled_js__WEBPACK_IMPORTED_MODULE_2__/* .extraVocabulary */ .j9)(), (0,_bundled_js__WEBPACK_IMPORTED_MODULE_2__/* .extraScopes */ .aE)());
    }
    catch (e) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .w([
            (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fatal */ .h)('unverifiable', `catalog live: ${host} did not answer with a swagger document (${e.message})`, at, 'use catalog: bundled'),
        ]);
    }
}


/***/ }),

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
/* harmony export */   od: () => (/* binding */ DEFAULT_CONNECT_TIMEOUT_MS)
/* harmony export */ });
/* unused harmony exports WriteRequestRefusedError, readProxySettings, proxyRouteFor, Network */
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


/***/ })

};
