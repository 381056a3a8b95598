/**
 * Typed errors of the Genesys Cloud client. Messages name the host and the operation
 * (`GET /api/v2/...`) and never carry a client secret or access token: every text that
 * could echo one passes through a {@link Redactor} first.
 */
import type { ErrorBody } from './models.js';

/** Replaces known secret values (and their Basic-auth encodings) with `***` in any text. */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a value to scrub. Values shorter than 4 characters are ignored (too likely to occur by chance). */
  add(value: string | undefined): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }

  /** Returns `text` with every registered secret replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      if (out.includes(s)) out = out.split(s).join('***');
    }
    return out;
  }
}

/** Base class: every error the client throws. `operation` is `METHOD /path` (no query), `host` the target host. */
export abstract class GenesysError extends Error {
  abstract readonly kind: string;
  constructor(
    message: string,
    readonly operation: string,
    readonly host: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The token request was refused: `POST {loginBase}/oauth/token` answered 400 or 401
 * (OAuth body `{error, description | error_description}`), or the answer had no token.
 */
export class GenesysAuthError extends GenesysError {
  readonly kind = 'auth' as const;
  constructor(
    message: string,
    operation: string,
    host: string,
    /** HTTP status (400/401), or 0 when the answer was unusable. */
    readonly status: number,
    /** OAuth `error` (e.g. `invalid_client`), or the Platform `ErrorBody.code` for a rejected bearer token. */
    readonly error: string,
    /** `error_description`/`description`, redacted. */
    readonly description?: string,
    readonly body?: unknown,
  ) {
    super(message, operation, host);
  }
}

/** The Platform API answered an HTTP error (after retries, when retryable). Fields mirror SDK `ErrorBody`. */
export class GenesysApiError extends GenesysError {
  readonly kind = 'api' as const;
  constructor(
    message: string,
    operation: string,
    host: string,
    readonly status: number,
    /** `ErrorBody.code`, e.g. `missing.permissions`; `http.<status>` when the body had none. */
    readonly code: string,
    /** `ErrorBody.message`, redacted. */
    readonly apiMessage: string,
    readonly contextId?: string,
    /** The parsed `ErrorBody`, when the body was one. */
    readonly body?: ErrorBody,
  ) {
    super(message, operation, host);
  }
}

/** Why a request failed below HTTP. */
export type NetworkErrorKind = 'timeout' | 'reset' | 'dns' | 'tls' | 'malformed-json' | 'other';

/** The request failed below HTTP (timeout, reset, DNS, TLS...) or the answer was not the JSON promised. */
export class GenesysNetworkError extends GenesysError {
  readonly kind = 'network' as const;
  constructor(
    message: string,
    operation: string,
    host: string,
    /** What failed. */
    readonly causeKind: NetworkErrorKind,
    /** Low-level code (`ECONNRESET`, `UND_ERR_CONNECT_TIMEOUT`, ...), when known. */
    readonly code?: string,
    /** HTTP status, when the failure came after headers (malformed JSON). */
    readonly status?: number,
  ) {
    super(message, operation, host);
  }
}

/** Type guard for any error of this module. */
export function isGenesysError(e: unknown): e is GenesysError {
  return e instanceof GenesysError;
}

/** Best-effort `ErrorBody` check. */
export function asErrorBody(body: unknown): ErrorBody | undefined {
  if (body && typeof body === 'object' && typeof (body as ErrorBody).code === 'string') return body as ErrorBody;
  return undefined;
}

/** Maps a low-level error (undici / node:net / node:tls) to a {@link NetworkErrorKind}. */
export function classifyNetworkError(err: unknown): { kind: NetworkErrorKind; code?: string } {
  const codes: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') codes.push(c);
    e = (e as { cause?: unknown }).cause;
  }
  const has = (pred: (c: string) => boolean) => codes.find(pred);
  let c: string | undefined;
  if ((c = has((x) => /TIMEOUT|ETIMEDOUT/.test(x)))) return { kind: 'timeout', code: c };
  if ((c = has((x) => x === 'ENOTFOUND' || x === 'EAI_AGAIN' || x === 'EAI_FAIL'))) return { kind: 'dns', code: c };
  if ((c = has((x) => /^ERR_TLS|^ERR_SSL|CERT|^EPROTO$|SELF_SIGNED|UNABLE_TO_VERIFY/.test(x))))
    return { kind: 'tls', code: c };
  if (
    (c = has(
      (x) =>
        x === 'ECONNRESET' || x === 'EPIPE' || x === 'UND_ERR_SOCKET' || x === 'UND_ERR_CLOSED' || x === 'ECONNABORTED',
    ))
  )
    return { kind: 'reset', code: c };
  return { kind: 'other', code: codes[0] };
}
