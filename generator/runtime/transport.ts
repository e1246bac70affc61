/**
 * The `fetch` handed to openapi-fetch: one call, possibly several attempts (`attempt.ts`), all under the call's
 * overall deadline (`deadline.ts`). Per attempt: wait for the rate limiter, then send; retries follow `retry.ts`.
 * A wait that would outlast the deadline is not started: the call ends at once with what it has.
 * With clock-skew correction on, every response's `Date` header tunes the signing clock, and a timestamp
 * rejection that taught it something is sent once more, freshly signed (Kalshi refused it before doing anything).
 */
import { raceAbort, sleep as defaultSleep, throwIfAborted } from './abort.js';
import { describe, responseRecord, sendAttempt, type FetchLike, type Outgoing } from './attempt.js';
import { isTimestampRejection, type ClockCorrection } from './clock-skew.js';
import type { Slots } from './concurrency.js';
import { CallDeadline } from './deadline.js';
import { parseErrorBody } from './error-body.js';
import { KalshiConfigError } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { backoffDelayMs, isRetryableError, isRetryableStatus, mayRetry, retryDelayMs } from './retry.js';
import { isClassified, signingContextOf, type SigningContext } from './signing-middleware.js';
import type { SigningPacer } from './signing-pace.js';

export type { FetchLike } from './attempt.js';
export { responseRecord, settleResponse } from './attempt.js';

/** The transport, as openapi-fetch calls it: one prepared Request in, the final Response out. */
export type FetchFunction = (request: Request) => Promise<Response>;

export interface TransportOptions {
  /** Default `globalThis.fetch`, looked up at each attempt. Always called unbound (safe for `window.fetch`). */
  fetch?: FetchLike | undefined;
  /** Per attempt, until the whole body is read; `Infinity` disables it. */
  timeoutMs: number;
  /** The whole call: every attempt, wait and backoff, until the body is read; `Infinity` disables it. */
  totalTimeoutMs: number;
  maxRetries: number;
  /** POST/PUT/PATCH may be retried (the body carries a `client_order_id`). */
  idempotent: boolean;
  rateLimiter?: RateLimiter | undefined;
  /** Shared by all calls of one client: a slot is held from signing until the response is read. */
  slots?: Slots | undefined;
  /** Shared by all calls of one client: how much signing one event-loop turn may do. */
  pacer?: SigningPacer | undefined;
  /** Clock-skew correction learned from responses (`correctClockSkew: true`); undefined when off. */
  clock?: ClockCorrection | undefined;
  /** Signs requests no signing middleware classified (a later middleware replaced the Request object). */
  fallbackSigning?: SigningContext | undefined;
  /** Wall clock in ms (signing timestamps, `Retry-After` dates, the deadline). Default `Date.now`. */
  now?: (() => number) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** [0, 1) for the backoff jitter. Default `Math.random`. */
  random?: (() => number) | undefined;
}

export function createTransport(options: TransportOptions): FetchFunction {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const policy = { maxRetries: options.maxRetries, idempotent: options.idempotent };
  const clock = options.clock;
  const signingNow = clock === undefined ? now : () => now() + clock.offsetMs;

  return async function kalshiTransport(request: Request): Promise<Response> {
    throwIfAborted(request.signal);
    const method = request.method.toUpperCase();
    const signing = signingContextOf(request) ?? (isClassified(request) ? undefined : options.fallbackSigning);
    const deadline = new CallDeadline(request.signal, options.totalTimeoutMs, describe(request), now);
    let handedOver = false;
    try {
      // Read once per call: every attempt re-sends the same bytes, with no Request copies per attempt.
      const outgoing: Outgoing = {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body === null ? undefined : await request.arrayBuffer(),
        redirect: request.redirect,
      };
      /** Waits `ms` unless that would outlast the deadline (then false: end the call with what it has). */
      const wait = async (ms: number): Promise<boolean> => {
        if (ms >= deadline.remainingMs()) return false;
        await raceAbort(sleep(ms, deadline.signal), deadline.signal, () => deadline.abortError());
        return true;
      };
      let retries = 0;
      let clockCorrected = false;
      for (let attempt = 0; ; attempt++) {
        try {
          await options.rateLimiter?.acquire(method, deadline.signal);
        } catch (error) {
          throw deadline.failure(error);
        }
        deadline.attempts = attempt + 1;
        const retryable = mayRetry(retries, method, policy);
        let response: Response;
        try {
          response = await sendAttempt(outgoing, {
            signing,
            fetch: options.fetch,
            timeoutMs: options.timeoutMs,
            slots: options.slots,
            pacer: options.pacer,
            signingNow,
            now,
            deadline,
            attempt,
          });
        } catch (error) {
          if (!retryable || !isRetryableError(error)) throw error;
          if (!(await wait(backoffDelayMs(retries + 1, random)))) throw error;
          retries++;
          continue;
        }
        const receivedAtMs = responseRecord(response)?.receivedAtMs ?? now();
        if (clock?.observe(response.headers.get('date'), receivedAtMs) && !clockCorrected) {
          if (await isTimestampRejected(response)) {
            clockCorrected = true;
            continue;
          }
        }
        if (!retryable || !isRetryableStatus(response.status)) return handOver(response);
        const delay = retryDelayMs(retries + 1, response.headers.get('retry-after'), random, now);
        if (delay === undefined || !(await wait(delay))) return handOver(response);
        retries++;
      }
    } finally {
      if (!handedOver) deadline.end();
    }

    function handOver(response: Response): Response {
      handedOver = response.ok && response.body !== null;
      return response;
    }
  };
}

/** A 401 whose (already read) body is Kalshi's `header_timestamp_expired`. */
async function isTimestampRejected(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  return isTimestampRejection(parseErrorBody(await response.clone().text()));
}

/** Validates a `timeoutMs` or `totalTimeoutMs` option (positive, `Infinity` for none); `undefined` gives `fallback`. */
export function checkTimeoutMs(value: unknown, fallback: number, where: string, name = 'timeoutMs'): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new KalshiConfigError(
      `${where}: ${name} must be a positive number of milliseconds (Infinity for none), got ${String(value).slice(0, 40)}.`,
    );
  }
  return value;
}
