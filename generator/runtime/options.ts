/**
 * The options of a client and of one call, their defaults, and the checks that turn a bad value into a
 * `KalshiConfigError` naming the option and what it must be.
 */
import { KalshiConfigError } from './errors.js';
import type { FetchLike } from './attempt.js';
import type { ClockCorrection } from './clock-skew.js';
import type { RateLimitClock, RateLimiter, RateLimitOptions } from './rate-limit.js';
import type { Signer } from './signing.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export { DEFAULT_TOTAL_TIMEOUT_MS } from './deadline.js';

export interface KalshiClientOptions {
  /** Default `production`. */
  environment?: 'production' | 'demo';
  /** Custom base URL (proxy, mock); the API prefix (`/trade-api/v2`) is appended when missing. */
  baseUrl?: string;
  /** The API key id (`KALSHI-ACCESS-KEY`, a UUID). Needs `privateKeyPem` or `signer`. */
  apiKeyId?: string;
  /** RSA private key, PKCS#1 or PKCS#8 PEM. Parsed once, at construction. */
  privateKeyPem?: string;
  /** A custom signer (HSM, KMS, WebCrypto key) instead of `privateKeyPem`. */
  signer?: Signer;
  /** Sends each attempt; default `globalThis.fetch` (called as `fetch(url, init)`). */
  fetch?: FetchLike;
  /** Per attempt, including reading the body. Default 30 000; `Infinity` for none. */
  timeoutMs?: number;
  /**
   * The whole call: every attempt, rate-limit wait and backoff, until the body is read. Default 60 000;
   * `Infinity` for none. When it runs out the call ends with `KalshiTimeoutError` (`kind: 'total'`).
   */
  totalTimeoutMs?: number;
  /** Default 2. See `retry.ts` for what is retried. */
  maxRetries?: number;
  /** Requests per second, reads and writes apart (waits instead of sending beyond), or a shared `RateLimiter`. */
  rateLimit?: RateLimitOptions | RateLimiter;
  /** Add a UUID `client_order_id` to order-creating bodies that have none. Default true. */
  autoClientOrderId?: boolean;
  /** Sent with every request; per-call headers win. The KALSHI-ACCESS-* headers are always the client's own. */
  headers?: Record<string, string>;
  /** Requests in flight at once; more wait (unsigned) for a slot. Default 128. */
  maxConcurrentRequests?: number;
  /**
   * Sign with the server's time rather than this machine's: the offset is learned from the `Date` header of
   * responses that disagree with the local clock by more than 2 s, and a request Kalshi rejected for its
   * timestamp (`header_timestamp_expired`) is signed again and re-sent once. Default false. `true`, or the
   * `ClockCorrection` that learns the offset (a base client takes only that).
   */
  correctClockSkew?: boolean | ClockCorrection;
  /** Clock, sleep and randomness for retries, rate limiting and signing timestamps (tests, custom schedulers). */
  scheduler?: Scheduler;
}

export interface Scheduler {
  /** Wall clock in ms (signing timestamps, `Retry-After` dates, the deadline). Default `Date.now`. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** [0, 1) for the backoff jitter. Default `Math.random`. */
  random?: () => number;
}

/**
 * The options of a base client: the optional parts come as values, so that a bundle carries only the ones it uses:
 * credentials as `{ apiKeyId, signer: createDefaultSigner(privateKeyPem) }`, rate limits as
 * `createRateLimiter({ readsPerSecond, writesPerSecond })`, clock-skew correction as `new ClockCorrection()`.
 */
export interface KalshiBaseClientOptions extends Omit<
  KalshiClientOptions,
  'privateKeyPem' | 'rateLimit' | 'correctClockSkew'
> {
  rateLimit?: RateLimiter;
  correctClockSkew?: ClockCorrection;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  totalTimeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  autoClientOrderId?: boolean;
}

export interface ApiDescription {
  environments: Readonly<Record<'production' | 'demo', string>>;
  /**
   * `"GET /portfolio/balance"`: method and path template of every operation that needs a signature, for the
   * requests made through openapi-fetch (`ClientCore.signingMiddleware()`). Operation functions say it per call.
   */
  signedOperations?: ReadonlySet<string>;
  /**
   * Turns `privateKeyPem` into a signer. Without it the client takes credentials only as `signer`, and a bundle
   * that never signs carries no signing code.
   */
  createDefaultSigner?: (privateKeyPem: string) => Signer;
  /** Makes the limiter of `rateLimit` options. Without it the client takes only a `RateLimiter`. */
  createRateLimiter?: (options: RateLimitOptions, clock: RateLimitClock) => RateLimiter | undefined;
  /** Makes the correction of `correctClockSkew: true`. Without it the client takes only a `ClockCorrection`. */
  createClockCorrection?: () => ClockCorrection;
}

/**
 * `value` when it is a number `valid` accepts, `fallback` when undefined, else a `KalshiConfigError`:
 * `<where>: <name> must be <expected>, got <value>.`
 */
export function numberOption(
  value: unknown,
  fallback: number,
  valid: (value: number) => boolean,
  where: string,
  expected: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !valid(value)) {
    throw new KalshiConfigError(`${where} must be ${expected}, got ${String(value).slice(0, 40)}.`);
  }
  return value;
}

/** A `timeoutMs` or `totalTimeoutMs` (positive, `Infinity` for none). `where`: `Client options`, `Request options`. */
export function checkTimeoutMs(value: unknown, fallback: number, where: string, name = 'timeoutMs'): number {
  return numberOption(
    value,
    fallback,
    (n) => n > 0,
    `${where}: ${name}`,
    'a positive number of milliseconds (Infinity for none)',
  );
}

/** A `maxRetries` (an integer from 0 to 100). */
export function checkMaxRetries(value: unknown, fallback: number, where: string): number {
  return numberOption(
    value,
    fallback,
    (n) => Number.isInteger(n) && n >= 0 && n <= 100,
    `${where}: maxRetries`,
    'an integer between 0 and 100',
  );
}
