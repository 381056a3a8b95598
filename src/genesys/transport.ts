/**
 * The only HTTP the Genesys client can send: a read-only `GET`, or the client-credentials
 * token `POST` to one fixed URL. Requests are described by {@link ReadOnlyRequest}, which has
 * no method field, and the undici dispatcher is wrapped in {@link readOnlyGuard}, which
 * throws for anything else — so no code path can send a write (design §5, "Live mode only
 * ever sends the token request and read-only GETs").
 */
import { Agent, type Dispatcher } from 'undici';

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
    const isToken = method === 'POST' && tokenUrl !== undefined && origin === tokenUrl.origin && path === tokenUrl.pathname;
    if (method !== 'GET' && !isToken) throw new WriteRequestRefusedError(method, `${origin}${path}`);
    return dispatch(opts, handler);
  };
}

/** Options of {@link Transport}. */
export interface TransportOptions {
  /** `https://login.{host}/oauth/token`, or undefined for token-less (access token) clients. */
  tokenUrl?: URL;
  /** TCP+TLS connect timeout, ms. */
  connectTimeoutMs: number;
  /** Host name resolution (node:dns `lookup` signature); default the system resolver. */
  lookup?: import('node:net').LookupFunction;
  /** Extra trusted CA certificates (PEM), for private hosts behind a corporate CA. */
  ca?: string | string[];
}

/** Thrown (internally) when a request exceeded its total time budget. */
export class TotalTimeoutError extends Error {
  readonly code = 'GENESYS_TOTAL_TIMEOUT';
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

/** Sends {@link ReadOnlyRequest}s through a guarded undici Agent. */
export class Transport {
  /** The guarded dispatcher (exposed so tests can prove that it refuses writes). */
  readonly dispatcher: Dispatcher;
  private readonly agent: Agent;

  constructor(private readonly options: TransportOptions) {
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs, ...(options.lookup ? { lookup: options.lookup } : {}), ...(options.ca ? { ca: options.ca } : {}) },
      keepAliveTimeout: 4_000,
    });
    this.dispatcher = this.agent.compose(readOnlyGuard(options.tokenUrl));
  }

  /**
   * Sends one request and reads the whole body, all within `timeoutMs` (headers + body).
   * Rejects with the low-level error (or {@link TotalTimeoutError}); the caller classifies it.
   */
  async send(req: ReadOnlyRequest, timeoutMs: number): Promise<RawResponse> {
    const controller = new AbortController();
    const timeout = new TotalTimeoutError(timeoutMs);
    const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
    try {
      const target = req.kind === 'get' ? req.url : this.options.tokenUrl;
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
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}
