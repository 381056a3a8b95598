/**
 * Retry timing: exponential backoff with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter") and `Retry-After` parsing. Genesys Cloud answers 429 with code
 * `too.many.requests.retry.after` and a `Retry-After` header in seconds (Developer Center,
 * "Rate limits").
 */

/** Full-jitter delay for retry number `attempt` (0-based): uniform in [0, min(capMs, baseMs·2^attempt)). */
export function fullJitterDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * Parses a `Retry-After` header value: delta-seconds (`"3"`, `"1.5"`) or an HTTP date.
 * Returns seconds (≥ 0), or `undefined` when absent or unparseable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const date = Date.parse(s);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}
