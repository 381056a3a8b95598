/**
 * Per-token request budget: a sliding-window log that lets at most `limit` requests
 * start in any window of `windowMs`. Genesys Cloud limits a client-credentials token to
 * 300 requests per minute (Developer Center, "Rate limits": `client.credentials.token.rate.per.minute`);
 * the default budget of 280/min keeps a margin for other users of the same token.
 */

/** Options of a {@link RateBudget}. */
export interface RateBudgetOptions {
  /** Requests allowed per window (default 280). */
  limit?: number;
  /** Window length in ms (default 60 000). */
  windowMs?: number;
  /** Monotonic clock in ms (default `performance.now`), for tests. */
  now?: () => number;
  /** Sleep, for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Default requests per minute per token. */
export const DEFAULT_REQUESTS_PER_MINUTE = 280;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sliding-window budget. `acquire()` resolves when a request may start, and records it. */
export class RateBudget {
  readonly limit: number;
  readonly windowMs: number;
  private readonly starts: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private queue: Promise<void> = Promise.resolve();
  /** Total ms callers waited for the budget. */
  waitedMs = 0;

  constructor(options: RateBudgetOptions = {}) {
    this.limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_REQUESTS_PER_MINUTE));
    this.windowMs = Math.max(1, options.windowMs ?? 60_000);
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? realSleep;
  }

  /** Requests started in the current window. */
  inWindow(): number {
    this.prune(this.now());
    return this.starts.length;
  }

  /**
   * Waits (FIFO) until fewer than `limit` requests started in the last `windowMs`, then
   * records a start. Never throws.
   */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private prune(t: number): void {
    while (this.starts.length && this.starts[0]! <= t - this.windowMs) this.starts.shift();
  }

  private async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.prune(t);
      if (this.starts.length < this.limit) {
        this.starts.push(t);
        return;
      }
      const wait = Math.ceil(this.starts[0]! + this.windowMs - t) + 1;
      this.waitedMs += wait;
      await this.sleep(wait);
    }
  }
}
