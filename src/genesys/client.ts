/**
 * Read-only Genesys Cloud Platform API client (undici).
 *
 * Sends only the client-credentials token request (`POST {loginBase}/oauth/token`, HTTP
 * Basic auth, form body `grant_type=client_credentials` — Developer Center, "Client
 * Credentials Grant") and `GET`s (see transport.ts for how that is enforced). Handles
 * timeouts, bounded retries (429 with `Retry-After`, 5xx, connection resets), a per-token
 * request budget, paging, a call log, and secret masking.
 */
import { createHash } from 'node:crypto';
import { fullJitterDelay, parseRetryAfter } from './backoff.js';
import {
  GenesysApiError,
  GenesysAuthError,
  GenesysNetworkError,
  Redactor,
  asErrorBody,
  classifyNetworkError,
  type NetworkErrorKind,
} from './errors.js';
import type { AccessTokenResponse, OAuthErrorBody, PagedListing } from './models.js';
import { DEFAULT_REQUESTS_PER_MINUTE, RateBudget } from './rate-budget.js';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  GenesysProxyError,
  ProxyError,
  TotalTimeoutError,
  Transport,
  type Network,
  type ProxyRoute,
  type RawResponse,
  type ReadOnlyRequest,
} from './transport.js';

/** Client-credentials login: the client fetches (and refreshes) its own token. */
export interface ClientCredentialsConfig {
  /** `https://api.{host}` or an override (tests: `http://127.0.0.1:PORT`). No trailing slash needed. */
  apiBase: string;
  /** `https://login.{host}` or an override. */
  loginBase: string;
  clientId: string;
  clientSecret: string;
}

/** A ready access token (e.g. a user token); no token request is ever made. */
export interface AccessTokenConfig {
  apiBase: string;
  accessToken: string;
}

/** What the client talks to and as whom. */
export type GenesysClientConfig = ClientCredentialsConfig | AccessTokenConfig;

/** Tuning knobs; every one has a production default. Times in ms. */
export interface GenesysClientOptions {
  /** Host name resolution (node:dns `lookup` signature); default the system resolver. */
  lookup?: import('node:net').LookupFunction;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | string[];
  /**
   * The run's network (transport.ts: one proxy-aware dispatcher shared by every client of the run);
   * its proxy passwords are masked like the other secrets. Without it the client opens its own
   * direct connections and closes them in {@link GenesysClient.close}; `lookup`, `ca` and
   * `connectTimeoutMs` then apply, else the network's own settings do.
   */
  network?: Network;
  /** Total time per attempt (headers + body), default 10 000. */
  timeoutMs?: number;
  /** TCP/TLS connect timeout, default 10 000. */
  connectTimeoutMs?: number;
  /** Retries after the first attempt (429, 5xx, resets), default 3. */
  maxRetries?: number;
  /** Cap on the sum of all retry waits of one call, default 30 000. A `Retry-After` beyond what is left fails the call at once. */
  maxRetryWaitMs?: number;
  /** Backoff base (first retry waits up to this), default 500. */
  backoffBaseMs?: number;
  /** Backoff ceiling per retry, default 8 000. */
  backoffMaxMs?: number;
  /** Length of one `Retry-After` second in ms: default 1 000 (honour the header); tests may shrink it. */
  retryAfterUnitMs?: number;
  /** Retry attempts that timed out too (default false: a hang fails after one `timeoutMs`). */
  retryTimeouts?: boolean;
  /** Per-token budget: requests per window, default 280 (Genesys allows 300/min per client-credentials token). */
  requestsPerWindow?: number;
  /** Budget window, default 60 000. */
  budgetWindowMs?: number;
  /** Share budgets with other clients using the same token in this process (default true). */
  shareBudget?: boolean;
  /** Called with each secret the moment it is read or received (client secret, its Basic encoding, access tokens). Pass `core.setSecret`. */
  onSecret?: (value: string) => void;
  /** `User-Agent` header. */
  userAgent?: string;
  /** Random source in [0,1) for jitter (tests). */
  random?: () => number;
  /** Sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Refresh a cached client-credentials token this many seconds before `expires_in` ends (default 60). */
  tokenRefreshMarginSeconds?: number;
}

/** Query values; arrays repeat the key; `undefined` is skipped. */
export type Query = Record<string, string | number | boolean | ReadonlyArray<string | number> | undefined>;

/** One HTTP attempt, as logged by the client. */
export interface ClientCall {
  method: 'GET' | 'POST';
  /** Path without query, e.g. `/api/v2/tokens/me` or `/oauth/token`. */
  path: string;
  /** Query string without `?` (empty when none). */
  query: string;
  host: string;
  /** HTTP status, or 0 when no answer (network error). */
  status: number;
  /** Start of the attempt, epoch ms with fractions (`performance.timeOrigin + performance.now()`). */
  startedAt: number;
  /** Duration of the attempt, ms. */
  ms: number;
  /** 0 for the first attempt, 1.. for retries. */
  attempt: number;
  /** Set when the attempt failed below HTTP. */
  networkError?: NetworkErrorKind;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
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

const sharedBudgets = new Map<string, RateBudget>();

function isClientCredentials(c: GenesysClientConfig): c is ClientCredentialsConfig {
  return typeof (c as ClientCredentialsConfig).clientId === 'string';
}

function baseUrl(raw: string, what: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new TypeError(`${what} is not a URL: ${JSON.stringify(raw)}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new TypeError(`${what} must be http(s): ${raw}`);
  u.pathname = u.pathname.replace(/\/+$/, '');
  u.search = '';
  u.hash = '';
  return u;
}

function buildQuery(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, String(v));
  }
  return params.toString();
}

function header(headers: RawResponse['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

type AttemptResult =
  | { ok: true; res: RawResponse }
  | { ok: false; kind: NetworkErrorKind; code?: string; ms: number; proxy?: { route: ProxyRoute; status?: number } };

/**
 * Read-only Platform API client. One instance talks to one org as one principal.
 *
 * @example
 *   const c = new GenesysClient({apiBase, loginBase, clientId, clientSecret}, {onSecret: core.setSecret});
 *   const me = await c.get<TokenInfo>('/api/v2/tokens/me');
 */
export class GenesysClient {
  /** Every HTTP attempt, in order (token POSTs included). */
  readonly calls: ClientCall[] = [];
  private readonly opts: typeof DEFAULTS & Pick<GenesysClientOptions, 'onSecret' | 'userAgent' | 'random' | 'sleep'>;
  private readonly apiBase: URL;
  private readonly loginBase?: URL;
  private readonly transport: Transport;
  private readonly redactor = new Redactor();
  private readonly creds?: { basic: string };
  private cached?: { token: string; expiresAt: number };
  private pendingToken?: Promise<string>;
  private readonly ownBudgets = new Map<string, RateBudget>();

  constructor(config: GenesysClientConfig, options: GenesysClientOptions = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.opts = { ...DEFAULTS, ...defined } as GenesysClient['opts'];
    this.apiBase = baseUrl(config.apiBase, 'apiBase');
    if (isClientCredentials(config)) {
      this.loginBase = baseUrl(config.loginBase, 'loginBase');
      const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`, 'utf8').toString('base64');
      this.secret(config.clientSecret);
      this.secret(basic);
      this.creds = { basic };
    } else {
      this.secret(config.accessToken);
      this.cached = { token: config.accessToken, expiresAt: Number.POSITIVE_INFINITY };
    }
    const tokenUrl = this.loginBase ? new URL(`${this.loginBase.href.replace(/\/$/, '')}/oauth/token`) : undefined;
    for (const s of options.network?.secrets ?? []) this.secret(s);
    this.transport = new Transport({
      tokenUrl,
      connectTimeoutMs: this.opts.connectTimeoutMs,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
      ...(options.network ? { network: options.network } : {}),
    });
  }

  /** Number of HTTP attempts sent so far (token POSTs and retries included). */
  get requestCount(): number {
    return this.calls.length;
  }

  /** Host of the API base, e.g. `api.mypurecloud.com` or `127.0.0.1:4567`. */
  get apiHost(): string {
    return this.apiBase.host;
  }

  /**
   * The access token: the configured one, or a cached client-credentials token, fetched
   * (`POST {loginBase}/oauth/token`) when missing or about to expire. Concurrent callers share one request.
   * @throws GenesysAuthError on 400/401 or an answer without a token; GenesysApiError / GenesysNetworkError otherwise.
   */
  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.expiresAt) return this.cached.token;
    if (!this.creds) return this.cached!.token;
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
  async get<T>(path: string, query?: Query): Promise<T> {
    if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) {
      throw new TypeError(`path must start with a single "/": ${JSON.stringify(path)}`);
    }
    const url = new URL(this.apiBase.href.replace(/\/$/, '') + path);
    for (const [k, v] of new URLSearchParams(buildQuery(query))) url.searchParams.append(k, v);
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
      if (res.status === 401) throw this.rejectedToken(res, operation);
      return this.decode<T>(res, operation, this.apiBase.host);
    }
  }

  /**
   * Fetches every page of a Genesys listing (`entities`, `pageNumber`, `pageCount`/`total`)
   * by `GET`ting `pageNumber=1..pageCount` and concatenating `entities`.
   * @param options.pageSize default 100 (or `query.pageSize`); options.maxPages default 1000 (then RangeError).
   */
  async getAllPages<T>(
    path: string,
    query: Query = {},
    options: { pageSize?: number; maxPages?: number } = {},
  ): Promise<T[]> {
    const pageSize = Number(options.pageSize ?? query.pageSize ?? 100);
    const maxPages = options.maxPages ?? 1000;
    const out: T[] = [];
    for (let page = 1; ; page++) {
      if (page > maxPages) throw new RangeError(`GET ${path}: more than ${maxPages} pages`);
      const listing = await this.get<PagedListing<T>>(path, { ...query, pageSize, pageNumber: page });
      const entities = listing?.entities ?? [];
      out.push(...entities);
      const pageCount =
        listing?.pageCount ?? (typeof listing?.total === 'number' ? Math.ceil(listing.total / pageSize) : undefined);
      const done = pageCount !== undefined ? page >= pageCount : !listing?.nextUri || entities.length < pageSize;
      if (done || entities.length === 0) return out;
    }
  }

  /** Closes the client's own connections (a run's shared network stays open); do not use the client afterwards. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  // ── internals ─────────────────────────────────────────────────────────────

  private secret(value: string): void {
    this.redactor.add(value);
    if (value) this.opts.onSecret?.(value);
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { Accept: 'application/json', 'User-Agent': this.opts.userAgent ?? 'genesys-preflight', ...extra };
  }

  private budget(token: string): RateBudget {
    const key = `${createHash('sha256').update(token).digest('hex')}|${this.opts.requestsPerWindow}|${this.opts.budgetWindowMs}`;
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

  private sleep(ms: number): Promise<void> {
    return this.opts.sleep ? this.opts.sleep(ms) : new Promise((r) => setTimeout(r, ms));
  }

  private async fetchToken(): Promise<string> {
    const login = this.loginBase!;
    const operation = 'POST /oauth/token';
    const res = await this.withRetries(operation, login.host, '/oauth/token', '', async () => ({
      kind: 'token',
      headers: this.headers({
        Authorization: `Basic ${this.creds!.basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      form: 'grant_type=client_credentials',
    }));
    const parsed = parseJson(res.text);
    const body = parsed.ok ? parsed.value : undefined;
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      const oauth = (body ?? {}) as Partial<OAuthErrorBody> & { message?: string; code?: string };
      const error = this.redactor.redact(String(oauth.error ?? oauth.code ?? `http.${res.status}`));
      const description = oauth.error_description ?? oauth.description ?? oauth.message;
      const desc = description ? this.redactor.redact(String(description)) : undefined;
      throw new GenesysAuthError(
        `Genesys Cloud login failed: ${operation} on ${login.host} answered ${res.status} ${error}${desc ? `: ${desc}` : ''}. ` +
          'Check the client id and secret, that the OAuth client uses the Client Credentials grant and is active, and that it belongs to an org in this region.',
        operation,
        login.host,
        res.status,
        error,
        desc,
      );
    }
    if (res.status < 200 || res.status >= 300) throw this.apiError(res, operation, login.host, body);
    if (!parsed.ok) {
      throw new GenesysNetworkError(
        `Genesys Cloud login ${operation} on ${login.host} answered ${res.status} with a body that is not valid JSON`,
        operation,
        login.host,
        'malformed-json',
        undefined,
        res.status,
      );
    }
    const tok = body as Partial<AccessTokenResponse>;
    if (typeof tok?.access_token !== 'string' || !tok.access_token) {
      throw new GenesysAuthError(
        `Genesys Cloud login ${operation} on ${login.host} answered ${res.status} without an access_token`,
        operation,
        login.host,
        0,
        'no_access_token',
      );
    }
    this.secret(tok.access_token);
    const ttl = typeof tok.expires_in === 'number' && tok.expires_in > 0 ? tok.expires_in : 86_400;
    const margin = Math.min(this.opts.tokenRefreshMarginSeconds, ttl / 2);
    this.cached = { token: tok.access_token, expiresAt: Date.now() + (ttl - margin) * 1000 };
    return tok.access_token;
  }

  /** One attempt: sends and logs. Never throws for network failures; returns them classified. */
  private async attempt(
    req: ReadOnlyRequest,
    host: string,
    path: string,
    query: string,
    attempt: number,
  ): Promise<AttemptResult> {
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
    } catch (e) {
      const ms = performance.now() - started;
      let proxy: { route: ProxyRoute; status?: number } | undefined;
      if (e instanceof ProxyError) proxy = { route: e.route, ...(e.status !== undefined ? { status: e.status } : {}) };
      // A proxy's refusal (407, 502...) is an answer: never retried. Other failures through a proxy keep their kind.
      const c =
        e instanceof TotalTimeoutError
          ? { kind: 'timeout' as const, code: e.code }
          : proxy?.status !== undefined
            ? { kind: 'other' as const, code: `PROXY_${proxy.status}` }
            : classifyNetworkError(e instanceof ProxyError ? e.cause : e);
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
  private async withRetries(
    operation: string,
    host: string,
    path: string,
    query: string,
    prepare: () => Promise<ReadOnlyRequest>,
  ): Promise<RawResponse> {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      const req = await prepare();
      const r = await this.attempt(req, host, path, query, attempt);
      const retriesLeft = attempt < this.opts.maxRetries;
      let delay: number | undefined;
      let mustFail = false;
      if (r.ok) {
        const s = r.res.status;
        if (s === 429) {
          const ra = parseRetryAfter(r.res.headers['retry-after']);
          if (ra !== undefined) {
            delay = Math.ceil(ra * this.opts.retryAfterUnitMs);
            if (waited + delay > this.opts.maxRetryWaitMs) mustFail = true;
          }
        } else if (s < 500 || s > 599) {
          return r.res;
        }
        if (!retriesLeft || mustFail) {
          throw this.apiError(r.res, operation, host, undefined, attempt);
        }
      } else {
        const retryable = r.kind === 'reset' || (r.kind === 'timeout' && this.opts.retryTimeouts);
        if (!retryable || !retriesLeft) throw this.networkError(r, operation, host, attempt);
      }
      delay ??= fullJitterDelay(attempt, this.opts.backoffBaseMs, this.opts.backoffMaxMs, this.opts.random);
      delay = Math.min(delay, Math.max(0, this.opts.maxRetryWaitMs - waited));
      waited += delay;
      if (delay > 0) await this.sleep(delay);
    }
  }

  /** A 401 on an API call (after one refresh): the bearer token was rejected. */
  private rejectedToken(res: RawResponse, operation: string): GenesysAuthError {
    const api = this.apiError(res, operation, this.apiBase.host);
    return new GenesysAuthError(
      `Genesys Cloud rejected the access token: ${api.message}`,
      operation,
      this.apiBase.host,
      401,
      api.code,
      api.apiMessage || undefined,
      api.body,
    );
  }

  private decode<T>(res: RawResponse, operation: string, host: string): T {
    if (res.status < 200 || res.status >= 300) {
      const parsed = parseJson(res.text);
      throw this.apiError(res, operation, host, parsed.ok ? parsed.value : undefined);
    }
    if (res.text.trim() === '') return undefined as T;
    const parsed = parseJson(res.text);
    if (!parsed.ok) {
      throw new GenesysNetworkError(
        `Genesys Cloud ${operation} on ${host} answered ${res.status} with a body that is not valid JSON ` +
          `(content-type ${header(res.headers, 'content-type') ?? 'none'}, ${res.text.length} bytes)`,
        operation,
        host,
        'malformed-json',
        undefined,
        res.status,
      );
    }
    return parsed.value as T;
  }

  private apiError(
    res: RawResponse,
    operation: string,
    host: string,
    body?: unknown,
    retries?: number,
  ): GenesysApiError {
    if (body === undefined) {
      const parsed = parseJson(res.text);
      body = parsed.ok ? parsed.value : undefined;
    }
    const eb = asErrorBody(body);
    const code = this.redactor.redact(eb?.code ?? `http.${res.status}`);
    const apiMessage = this.redactor.redact(
      eb?.message ?? (res.text ? res.text.replace(/\s+/g, ' ').slice(0, 200) : ''),
    );
    const contextId = eb?.contextId ?? header(res.headers, 'inin-correlation-id');
    const after = retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
    const message =
      `Genesys Cloud ${operation} on ${host} answered ${res.status} ${code}${after}` +
      (apiMessage ? `: ${apiMessage}` : '') +
      (contextId ? ` (contextId ${contextId})` : '');
    const safeBody = eb ? (JSON.parse(this.redactor.redact(JSON.stringify(eb))) as typeof eb) : undefined;
    return new GenesysApiError(message, operation, host, res.status, code, apiMessage, contextId, safeBody);
  }

  private networkError(
    r: Extract<AttemptResult, { ok: false }>,
    operation: string,
    host: string,
    retries: number,
  ): GenesysNetworkError {
    const what: Record<NetworkErrorKind, string> = {
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
      const message =
        status !== undefined
          ? `Genesys Cloud ${operation} to ${host}: ${via} answered ${status}` +
            `${status === 407 ? ' (proxy authentication required)' : ''} instead of connecting`
          : `Genesys Cloud ${operation} to ${host} through ${via} ${what[r.kind]}${code}${after}`;
      return new GenesysProxyError(message, operation, host, r.kind, r.code, route.host, route.variable, status);
    }
    return new GenesysNetworkError(
      `Genesys Cloud ${operation} to ${host} ${what[r.kind]}${code}${after}`,
      operation,
      host,
      r.kind,
      r.code,
    );
  }
}
