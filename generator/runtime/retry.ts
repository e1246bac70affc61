/**
 * Retry policy: what is retried, and how long to wait before the next attempt.
 *
 * - Retried: HTTP 429, 500, 502, 503, 504, connection errors and per-attempt timeouts. Never a caller abort,
 *   never another status (a 4xx will not change by resending it).
 * - Methods: GET, HEAD, DELETE, OPTIONS always; POST, PUT, PATCH only when the call is marked idempotent
 *   (the generator marks operations whose body carries a `client_order_id`, which Kalshi never accepts twice).
 * - Delay before retry n (1-based): `Retry-After` when the response has one (seconds or HTTP date), used as is;
 *   otherwise exponential backoff 0.5 s · 2^(n-1) with ±25 % jitter (uniform), capped at 8 s after jitter. The
 *   jitter keeps a floor (never below 75 % of the step) so 429s still back off.
 * - A `Retry-After` beyond 60 s is not waited for: the call ends at once with the response (a 429 becomes a
 *   `RateLimitError` whose `retryAfterMs` says when to come back). Neither is any wait that would outlast the
 *   call's total timeout (the transport checks that).
 * - Every attempt is signed anew by the transport (fresh timestamp).
 */
import { KalshiConnectionError, parseRetryAfter, type KalshiTimeoutError } from './errors.js';

export const DEFAULT_MAX_RETRIES = 2;
export const BACKOFF_INITIAL_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
export const RETRY_AFTER_MAX_MS = 60_000;
/** Jitter: the delay is the backoff step times a factor drawn uniformly from [0.75, 1.25). */
export const JITTER = 0.25;

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** GET/HEAD/DELETE/OPTIONS always; anything else only when `idempotent`. */
export function isRetryableMethod(method: string, idempotent: boolean): boolean {
  return idempotent || SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Connection errors and per-attempt timeouts (`KalshiTimeoutError` extends `KalshiConnectionError`). Never an
 * abort, the call's total timeout, a signing failure or a success that could not be parsed.
 */
export function isRetryableError(error: unknown): boolean {
  return error instanceof KalshiConnectionError && (error as KalshiTimeoutError).kind !== 'total';
}

/** Exponential backoff with ±25 % jitter for retry `retry` (1-based). `random` returns [0, 1). */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const step = BACKOFF_INITIAL_MS * 2 ** Math.max(0, Math.min(retry - 1, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  const factor = 1 - JITTER + 2 * JITTER * r;
  return Math.round(Math.min(BACKOFF_MAX_MS, step * factor));
}

/**
 * The wait before retry `retry` (1-based): `Retry-After` when given, else backoff. Undefined when `Retry-After`
 * asks for more than `RETRY_AFTER_MAX_MS`: do not retry.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: string | null | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number | undefined {
  const requested = parseRetryAfter(retryAfter ?? undefined, now());
  if (requested === undefined) return backoffDelayMs(retry, random);
  return requested > RETRY_AFTER_MAX_MS ? undefined : Math.max(requested, 0);
}
