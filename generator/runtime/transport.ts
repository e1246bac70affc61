/**
 * One call, possibly several attempts (`attempt.ts`), all under the call's overall deadline (`deadline.ts`). Per
 * attempt: wait for the rate limiter, then send; retries follow `retry.ts`. A wait that would outlast the deadline
 * is not started: the call ends at once with what it has. With clock-skew correction on, every response's `Date`
 * header tunes the signing clock, and a timestamp rejection that taught it something is sent once more, freshly
 * signed (Kalshi refused it before doing anything).
 */
import { raceAbort, throwIfAborted } from './abort.js';
import { describe, responseRecord, sendAttempt, type CallSigning, type FetchLike, type Outgoing } from './attempt.js';
import type { ClockCorrection } from './clock-skew.js';
import type { Slots } from './concurrency.js';
import { CallDeadline } from './deadline.js';
import { backoffDelayMs, isRetryableError, isRetryableMethod, isRetryableStatus, retryDelayMs } from './retry.js';

/** Waits, per request method, for the client's rate limit (`RateLimiter`). */
export interface RequestLimiter {
  acquire(method: string, signal?: AbortSignal): Promise<void>;
}

/** What all calls of one client share. */
export interface ClientTransport {
  /** Default `globalThis.fetch`, looked up at each attempt. Always called unbound (safe for `window.fetch`). */
  fetch: FetchLike | undefined;
  rateLimiter: RequestLimiter | undefined;
  /** A slot is held from signing until the response has arrived. */
  slots: Slots;
  /** Clock-skew correction learned from responses (`correctClockSkew: true`); undefined when off. */
  clock: ClockCorrection | undefined;
  /** Wall clock in ms (signing timestamps, `Retry-After` dates, the deadline). */
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** [0, 1) for the backoff jitter. */
  random: () => number;
}

/** What one call settles for itself (checked by `BaseClientCore.settings`). */
export interface CallSettings {
  /** Per attempt, until the whole body is read; `Infinity` disables it. */
  timeoutMs: number;
  /** The whole call: every attempt, wait and backoff, until the body is read; `Infinity` disables it. */
  totalTimeoutMs: number;
  maxRetries: number;
  /** POST/PUT/PATCH may be retried (the body carries a `client_order_id`). */
  idempotent: boolean;
  /** The caller's abort signal. */
  signal?: AbortSignal | undefined;
}

/** Sends `request` (every attempt, signed by `signing` when given); the final response, or a typed error. */
export async function transmit(
  request: Outgoing,
  call: CallSettings,
  client: ClientTransport,
  signing?: CallSigning,
): Promise<Response> {
  throwIfAborted(call.signal);
  const { now, clock, random } = client;
  const method = request.method.toUpperCase();
  const deadline = new CallDeadline(call.signal, call.totalTimeoutMs, describe(request), now);
  /** Waits `ms` unless that would outlast the deadline (then false: end the call with what it has). */
  const wait = async (ms: number): Promise<boolean> => {
    if (ms >= deadline.remainingMs()) return false;
    await raceAbort(client.sleep(ms, deadline.signal), deadline.signal, () => deadline.abortError());
    return true;
  };
  let handedOver = false;
  try {
    let retries = 0;
    let clockCorrected = false;
    for (let attempt = 0; ; attempt++) {
      try {
        await client.rateLimiter?.acquire(method, deadline.signal);
      } catch (error) {
        throw deadline.failure(error);
      }
      deadline.attempts = attempt + 1;
      const retryable = retries < call.maxRetries && isRetryableMethod(method, call.idempotent);
      let response: Response;
      try {
        response = await sendAttempt(request, {
          signing,
          fetch: client.fetch,
          timeoutMs: call.timeoutMs,
          slots: client.slots,
          signingNow: clock ? () => now() + clock.offsetMs : now,
          now,
          deadline,
          attempt,
        });
      } catch (error) {
        if (!retryable || !isRetryableError(error) || !(await wait(backoffDelayMs(retries + 1, random)))) throw error;
        retries++;
        continue;
      }
      const receivedAtMs = responseRecord(response)?.receivedAtMs ?? now();
      if (clock && (await clock.resend(response, receivedAtMs, signing !== undefined && !clockCorrected))) {
        clockCorrected = true;
        continue;
      }
      if (retryable && isRetryableStatus(response.status)) {
        const delay = retryDelayMs(retries + 1, response.headers.get('retry-after'), random, now);
        if (delay !== undefined && (await wait(delay))) {
          retries++;
          continue;
        }
      }
      handedOver = response.ok && response.body !== null;
      return response;
    }
  } finally {
    if (!handedOver) deadline.end();
  }
}
