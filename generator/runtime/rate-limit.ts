/**
 * Optional client-side rate limiting: one token bucket for reads (GET, HEAD) and one for writes (every other
 * method), like Kalshi's own limits. A request that finds its bucket empty waits instead of being sent.
 *
 * Reservation-based and FIFO: each request takes a token at once (the balance may go negative) and sleeps until
 * its token has been refilled. No timer runs while nobody waits; an aborted wait gives its token back.
 */
import { raceAbort, sleep as defaultSleep, throwIfAborted } from './abort.js';
import { KalshiConfigError } from './errors.js';

export interface RateLimitOptions {
  /** Read requests (GET, HEAD) per second; bursts up to the same number. Unset: reads are not limited. */
  readsPerSecond?: number;
  /** Write requests (all other methods) per second; bursts up to the same number. Unset: not limited. */
  writesPerSecond?: number;
}

export interface RateLimitClock {
  /** Milliseconds; any monotonic-enough origin. Default `Date.now` (a backwards jump only delays refills). */
  now?: () => number;
  /** Waits `ms`, rejecting when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class TokenBucket {
  readonly ratePerSecond: number;
  readonly capacity: number;
  private tokens: number;
  private updatedAt: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  /** Starts full: `capacity` (default `max(1, ratePerSecond)`) requests may go at once. */
  constructor(ratePerSecond: number, clock: RateLimitClock = {}, capacity: number = Math.max(1, ratePerSecond)) {
    if (!(typeof ratePerSecond === 'number' && ratePerSecond > 0 && Number.isFinite(ratePerSecond))) {
      throw new KalshiConfigError(
        `rateLimit: a rate must be a positive number of requests per second, got ${String(ratePerSecond).slice(0, 40)}.`,
      );
    }
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.now = clock.now ?? Date.now;
    this.sleep = clock.sleep ?? defaultSleep;
    this.tokens = capacity;
    this.updatedAt = this.now();
  }

  /** Milliseconds the next `acquire()` would wait (0 when a token is available). */
  get waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
  }

  /** Takes one token, waiting until it is available. Rejects with `KalshiAbortError` if `signal` aborts. */
  async acquire(signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const wait = (-this.tokens / this.ratePerSecond) * 1000;
    try {
      await raceAbort(this.sleep(wait, signal), signal);
    } catch (error) {
      this.refill();
      this.tokens = Math.min(this.capacity, this.tokens + 1);
      throw error;
    }
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = Math.max(this.updatedAt, now);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.ratePerSecond);
  }
}

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * A client's rate limiter. The client class makes one from its `rateLimit` options; a base client takes one
 * (`rateLimit: createRateLimiter({ readsPerSecond, writesPerSecond })`), so bundles that never limit leave this
 * code out. One limiter may be shared by several clients of an account: Kalshi's limits are per account.
 */
export class RateLimiter {
  readonly reads: TokenBucket | undefined;
  readonly writes: TokenBucket | undefined;
  readonly #options: RateLimitOptions;

  constructor(options: RateLimitOptions, clock: RateLimitClock = {}) {
    this.#options = { ...options };
    this.reads = options.readsPerSecond === undefined ? undefined : new TokenBucket(options.readsPerSecond, clock);
    this.writes = options.writesPerSecond === undefined ? undefined : new TokenBucket(options.writesPerSecond, clock);
  }

  static isRead(method: string): boolean {
    return READ_METHODS.has(method.toUpperCase());
  }

  /** Waits for a token from the bucket of `method` (reads: GET, HEAD; writes: the rest). */
  async acquire(method: string, signal?: AbortSignal): Promise<void> {
    const bucket = RateLimiter.isRead(method) ? this.reads : this.writes;
    if (bucket === undefined) return throwIfAborted(signal);
    return bucket.acquire(signal);
  }

  /** The rates it was made with. */
  toJSON(): RateLimitOptions {
    return this.#options;
  }
}

/** A limiter when `options` sets at least one rate, else undefined (no limiting, no cost). */
export function createRateLimiter(
  options: RateLimitOptions | undefined,
  clock: RateLimitClock = {},
): RateLimiter | undefined {
  if (options === undefined || (options.readsPerSecond === undefined && options.writesPerSecond === undefined))
    return undefined;
  return new RateLimiter(options, clock);
}
