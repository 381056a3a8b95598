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
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { GenesysNetworkError, type NetworkErrorKind } from './errors.js';

/** Default TCP/TLS connect timeout of the Genesys client and `catalog: live`, ms. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** A request the transport can send: `get` → `GET url`; `token` → `POST tokenUrl` with a form body. */
export type ReadOnlyRequest =
  | { kind: 'get'; url: URL; headers: Record<string, string> }
  | { kind: 'token'; headers: Record<string, string>; form: string };

/** A raw answer: status, headers, body text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Thrown by {@link readOnlyGuard} when anything but a GET or the token POST reaches the dispatcher. */
export class WriteRequestRefusedError extends Error {
  constructor(method: string, target: string) {
    super(`Refused to send ${method} ${target}: the Genesys client only sends GET requests and the token request`);
    this.name = 'WriteRequestRefusedError';
  }
}

/**
 * undici interceptor that lets through only `GET` requests, plus `POST` to
 * exactly `tokenUrl` (origin + path). Everything else throws {@link WriteRequestRefusedError}
 * before a byte is sent.
 */
export function readOnlyGuard(tokenUrl: URL | undefined): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const method = String(opts.method ?? '').toUpperCase();
    const origin = opts.origin ? new URL(String(opts.origin)).origin : '';
    const path = String(opts.path ?? '').split('?')[0];
    const isToken =
      method === 'POST' && tokenUrl !== undefined && origin === tokenUrl.origin && path === tokenUrl.pathname;
    if (method !== 'GET' && !isToken) throw new WriteRequestRefusedError(method, `${origin}${path}`);
    return dispatch(opts, handler);
  };
}

// ── proxies ─────────────────────────────────────────────────────────────────

/**
 * A proxy read from the environment. `url` may carry credentials and `secrets` are its password:
 * never print them. Both are non-enumerable properties, so `JSON.stringify` and `util.inspect` of a
 * route, of the settings or of an error carrying them (ProxyError) leave them out.
 */
export interface ProxyRoute {
  /** The variable it came from, as set (`HTTPS_PROXY`, `https_proxy`, ...). */
  variable: string;
  /** The proxy URL as undici gets it (credentials included; no path, query or fragment). Not enumerable. */
  readonly url: string;
  /** `host:port` of the proxy, for messages (no credentials). */
  host: string;
  /** Values to mask: the password (decoded and as written) and the `Proxy-Authorization` Basic value. Hidden. */
  readonly secrets: string[];
}

/** The proxy variables of one environment. */
export interface ProxySettings {
  /** For `http:` targets (`HTTP_PROXY`); also `https:` targets when no `HTTPS_PROXY` is set (undici's rule). */
  http?: ProxyRoute;
  /** For `https:` targets (`HTTPS_PROXY`). */
  https?: ProxyRoute;
  /** `NO_PROXY` as set (comma or space separated hosts, `host:port`, `.domain`, `*.domain`, or `*`). */
  noProxy: string;
}

/** A proxy variable that is not a proxy URL. The message names the variable, never its value. */
export class ProxyConfigError extends Error {
  constructor(
    readonly variable: string,
    why: string,
  ) {
    super(`${variable} is not a usable proxy URL (${why}; the value is not shown)`);
    this.name = 'ProxyConfigError';
  }
}

/** The first of `lower`, `UPPER` that is set (even empty), as undici reads them (`??`). */
function proxyVariable(env: NodeJS.ProcessEnv, lower: string): string | undefined {
  const upper = lower.toUpperCase();
  return env[lower] !== undefined ? lower : env[upper] !== undefined ? upper : undefined;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function proxyRoute(env: NodeJS.ProcessEnv, lower: string): ProxyRoute | undefined {
  const variable = proxyVariable(env, lower);
  const raw = variable ? (env[variable] ?? '').trim() : '';
  if (!variable || raw === '') return undefined;
  // `proxy.corp:3128` without a scheme means http, as for curl.
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new ProxyConfigError(variable, 'expected http://host:port or http://user:password@host:port');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    const scheme = u.protocol.replace(/[^a-z0-9+.-]/gi, '');
    throw new ProxyConfigError(variable, `the scheme must be http or https, not ${scheme}`);
  }
  if (!u.hostname) throw new ProxyConfigError(variable, 'it names no host');
  // A path, query or fragment means nothing to a CONNECT proxy (curl ignores them); undici refuses
  // a proxy URL with any, which would end the run with an internal error instead of a check.
  u.pathname = '/';
  u.search = '';
  u.hash = '';
  const secrets: string[] = [];
  if (u.password) {
    secrets.push(decode(u.password), u.password);
    secrets.push(Buffer.from(`${decode(u.username)}:${decode(u.password)}`).toString('base64'));
  }
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  const host = `${u.hostname}:${port}`;
  const route = { variable, host } as ProxyRoute;
  return Object.defineProperties(route, {
    url: { value: u.href, enumerable: false },
    secrets: { value: [...new Set(secrets.filter(Boolean))], enumerable: false },
  });
}

/**
 * Reads `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (each lower case first, then upper case) from `env`.
 * @throws ProxyConfigError when a proxy variable is set but is not an http(s) proxy URL.
 */
export function readProxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const http = proxyRoute(env, 'http_proxy');
  const https = proxyRoute(env, 'https_proxy');
  const noProxyVar = proxyVariable(env, 'no_proxy');
  return { ...(http ? { http } : {}), ...(https ? { https } : {}), noProxy: noProxyVar ? (env[noProxyVar] ?? '') : '' };
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** Whether `NO_PROXY` lets `target` go direct: undici's EnvHttpProxyAgent rule (undici 7, env-http-proxy-agent.js). */
function bypassesProxy(target: URL, noProxy: string): boolean {
  const entries = noProxy.split(/[,\s]/).filter(Boolean);
  if (entries.length === 0) return false;
  if (noProxy === '*') return true;
  const hostname = target.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0;
  return entries.some((entry) => {
    const m = /^(.+):(\d+)$/.exec(entry);
    const host = (m ? m[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    const entryPort = m ? Number.parseInt(m[2]!, 10) : 0;
    if (entryPort && entryPort !== port) return false;
    return hostname === host || hostname.endsWith(`.${host}`);
  });
}

/** The proxy a request to `target` goes through under `settings`, or undefined when it goes direct. */
export function proxyRouteFor(target: URL, settings: ProxySettings): ProxyRoute | undefined {
  const route = target.protocol === 'https:' ? (settings.https ?? settings.http) : settings.http;
  if (!route || bypassesProxy(target, settings.noProxy)) return undefined;
  return route;
}

/** Connection settings of a {@link Network}. */
export interface NetworkOptions {
  /** TCP/TLS connect timeout (to the target, or to the proxy), ms. Default {@link DEFAULT_CONNECT_TIMEOUT_MS}. */
  connectTimeoutMs?: number;
  /** Host name resolution for direct connections (node:dns `lookup` signature). */
  lookup?: import('node:net').LookupFunction;
  /** Extra trusted CA certificates (PEM) for the target host, direct or through a proxy tunnel. */
  ca?: string | string[];
}

/** `lookup` and `ca` when set (undici rejects explicit undefined options). */
function connectOptions(o: Pick<NetworkOptions, 'lookup' | 'ca'>): Pick<NetworkOptions, 'lookup' | 'ca'> {
  return { ...(o.lookup ? { lookup: o.lookup } : {}), ...(o.ca ? { ca: o.ca } : {}) };
}

/**
 * The HTTP of one run: one undici `EnvHttpProxyAgent` for the Platform API, the login host and
 * `catalog: live`, configured from the proxy variables of `env` (passed explicitly, so undici
 * reads nothing else from `process.env`). Every proxied request goes through a `CONNECT` tunnel
 * (`proxyTunnel: true`), `http:` targets included (loopback test hosts): the proxy never sees a
 * request in absolute form. With no proxy variable set it is a plain undici Agent.
 */
export class Network {
  /** The run's dispatcher (never closed by a client: see {@link Network.close}). */
  readonly dispatcher: Dispatcher;
  readonly proxies: ProxySettings;

  /** @throws ProxyConfigError (see {@link readProxySettings}). */
  constructor(
    env: NodeJS.ProcessEnv,
    readonly options: NetworkOptions = {},
  ) {
    this.proxies = readProxySettings(env);
    const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.dispatcher = new EnvHttpProxyAgent({
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
  routeFor(target: URL): ProxyRoute | undefined {
    return proxyRouteFor(target, this.proxies);
  }

  /** Secrets of the proxy URLs (passwords), to mask the moment they are read. */
  get secrets(): string[] {
    return [...new Set([...(this.proxies.http?.secrets ?? []), ...(this.proxies.https?.secrets ?? [])])];
  }

  /** Closes the pooled connections (idle ones never keep the process alive: undici unrefs them). */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

interface RunNetworkEntry {
  key: string;
  lookup?: NetworkOptions['lookup'];
  ca?: NetworkOptions['ca'];
  network: Network;
}

const runNetworks = new WeakMap<object, RunNetworkEntry[]>();

/**
 * The run's {@link Network}: one per environment object and connection settings, so the live
 * grants reader and `catalog: live` of one run (both given the run's environment, `process.env`
 * in the CLI and the action) share one dispatcher and its connections.
 * @throws ProxyConfigError (see {@link readProxySettings}).
 */
export function runNetwork(env: NodeJS.ProcessEnv, options: NetworkOptions = {}): Network {
  const settings = readProxySettings(env);
  const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const key = JSON.stringify([settings.http?.url, settings.https?.url, settings.noProxy, timeout]);
  let list = runNetworks.get(env);
  if (!list) runNetworks.set(env, (list = []));
  const found = list.find((e) => e.key === key && e.lookup === options.lookup && e.ca === options.ca);
  if (found) return found.network;
  const network = new Network(env, options);
  list.push({ key, network, ...connectOptions(options) });
  return network;
}

/** The status of a proxy's refusal in an undici error (`Proxy response (407) !== 200 when HTTP Tunneling`), if any. */
export function proxyRefusalStatus(err: unknown): number | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const message = String((e as Error).message ?? '');
    const m = /Proxy response \((\d{3})\)|Proxy Authentication Required \((\d{3})\)/.exec(message);
    if (m) return Number(m[1] ?? m[2]);
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Thrown by {@link Transport.send} when a request through a proxy failed: the proxy, its refusal status, the cause. */
export class ProxyError extends Error {
  readonly status?: number;
  constructor(
    readonly route: ProxyRoute,
    override readonly cause: unknown,
  ) {
    const status = proxyRefusalStatus(cause);
    const via = `the proxy ${route.host} (${route.variable})`;
    super(status ? `${via} answered ${status}` : `the request through ${via} failed`);
    this.name = 'ProxyError';
    if (status !== undefined) this.status = status;
  }
}

/**
 * A Genesys request that failed at or through a proxy. `proxy` is its `host:port` and `variable`
 * the variable naming it; `proxyStatus` the status of the proxy's refusal (407: the proxy wants
 * credentials; 502/503: it could not or would not connect). Never carries the proxy's credentials.
 */
export class GenesysProxyError extends GenesysNetworkError {
  constructor(
    message: string,
    operation: string,
    host: string,
    causeKind: NetworkErrorKind,
    code: string | undefined,
    readonly proxy: string,
    readonly variable: string,
    readonly proxyStatus?: number,
  ) {
    super(message, operation, host, causeKind, code);
    this.name = 'GenesysProxyError';
  }
}

// ── transport ───────────────────────────────────────────────────────────────

/** Options of {@link Transport}. */
export interface TransportOptions {
  /** `https://login.{host}/oauth/token`, or undefined for token-less (access token) clients. */
  tokenUrl?: URL;
  /** TCP+TLS connect timeout, ms (own dispatcher only). */
  connectTimeoutMs: number;
  /** Host name resolution (node:dns `lookup` signature); default the system resolver (own dispatcher only). */
  lookup?: import('node:net').LookupFunction;
  /** Extra trusted CA certificates (PEM), for private hosts behind a corporate CA (own dispatcher only). */
  ca?: string | string[];
  /** The run's network (proxies, shared connections); without it the transport has its own direct Agent. */
  network?: Network;
}

/** Thrown (internally) when a request exceeded its total time budget. */
export class TotalTimeoutError extends Error {
  readonly code = 'GENESYS_TOTAL_TIMEOUT';
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

/** Sends {@link ReadOnlyRequest}s through a guarded undici dispatcher: the run's {@link Network}, or an own Agent. */
export class Transport {
  /** The guarded dispatcher (exposed so tests can prove that it refuses writes). */
  readonly dispatcher: Dispatcher;
  /** The Agent this transport owns (none when it uses the run's network, which it never closes). */
  private readonly own?: Agent;

  constructor(private readonly options: TransportOptions) {
    let base: Dispatcher;
    if (options.network) base = options.network.dispatcher;
    else {
      this.own = new Agent({
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
  async send(req: ReadOnlyRequest, timeoutMs: number): Promise<RawResponse> {
    const controller = new AbortController();
    const timeout = new TotalTimeoutError(timeoutMs);
    const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
    const target = req.kind === 'get' ? req.url : this.options.tokenUrl;
    try {
      if (!target) throw new Error('no token URL configured');
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
    } catch (e) {
      if (controller.signal.aborted) throw timeout;
      const route = target && this.options.network?.routeFor(target);
      if (route && !(e instanceof WriteRequestRefusedError)) throw new ProxyError(route, e);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the pooled connections of an own Agent (the run's network stays open for the run's other requests). */
  async close(): Promise<void> {
    await this.own?.close();
  }
}
