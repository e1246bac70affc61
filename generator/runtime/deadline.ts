/**
 * Time limits. `TimeLimit` is an abort signal that follows another one and aborts by itself when its time is up;
 * the attempt timeout (`attempt.ts`) and the call's overall deadline are both one. `CallDeadline` is the call's
 * `totalTimeoutMs`: from the moment the transport takes the call until its response body is read, across
 * rate-limit and slot waits, every attempt and every backoff; `abortError()` says whether the caller aborted or
 * the deadline passed.
 */
import { abortErrorOf } from './abort.js';
import { KalshiTimeoutError } from './errors.js';

export const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;

/** setTimeout's largest delay; anything longer is no time limit at all. */
export const MAX_TIMER_MS = 2_147_483_647;

export class TimeLimit {
  readonly signal: AbortSignal;
  /** Whether the limit (rather than the parent signal) aborted. */
  expired = false;
  readonly #parent: AbortSignal | undefined;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #forward = (): void => this.#controller.abort(this.#parent?.reason);

  /** Aborts with `parent`'s reason, or with `reason()` after `ms` (never when `ms` exceeds `MAX_TIMER_MS`). */
  constructor(parent: AbortSignal | undefined, ms: number, reason: () => unknown) {
    this.#parent = parent;
    this.signal = this.#controller.signal;
    if (parent?.aborted) this.#forward();
    else parent?.addEventListener('abort', this.#forward, { once: true });
    this.#timer =
      ms < MAX_TIMER_MS
        ? setTimeout(() => {
            this.expired = true;
            this.#controller.abort(reason());
          }, ms)
        : undefined;
  }

  /** Whether a timer runs (false for an infinite limit). */
  get limited(): boolean {
    return this.#timer !== undefined;
  }

  /** Keeps running without holding the process open (a handed-over response whose body may never be read). */
  unref(): void {
    (this.#timer as { unref?: () => void } | undefined)?.unref?.();
  }

  /** Clears the timer and the link to the parent signal. */
  end(): void {
    clearTimeout(this.#timer);
    this.#parent?.removeEventListener('abort', this.#forward);
  }
}

export class CallDeadline extends TimeLimit {
  /** Attempts started so far (for messages). */
  attempts = 0;
  readonly #caller: AbortSignal | undefined;
  readonly #endsAt: number;
  readonly #now: () => number;

  /** `target` names the call in the timeout message, e.g. `GET https://host/trade-api/v2/portfolio/balance`. */
  constructor(caller: AbortSignal | undefined, totalTimeoutMs: number, target: string, now: () => number) {
    super(caller, totalTimeoutMs, () => {
      const tries = this.attempts > 1 ? ` (${this.attempts} attempts)` : '';
      const message = `${target} did not complete within its total timeout of ${totalTimeoutMs} ms${tries}.`;
      return new KalshiTimeoutError(message, { timeoutMs: totalTimeoutMs, kind: 'total' });
    });
    this.#caller = caller;
    this.#now = now;
    this.#endsAt = now() + totalTimeoutMs;
  }

  /** Milliseconds left (Infinity without a deadline). */
  remainingMs(): number {
    return this.limited ? this.#endsAt - this.#now() : Number.POSITIVE_INFINITY;
  }

  /** The error an aborted call ends with: `KalshiAbortError` for the caller's abort, else the deadline's timeout. */
  abortError(): unknown {
    return this.expired && !this.#caller?.aborted ? this.signal.reason : abortErrorOf(this.#caller ?? this.signal);
  }

  /** `error`, or the call's own abort error when the call was aborted meanwhile (waits reject with their own). */
  failure(error: unknown): unknown {
    return this.signal.aborted ? this.abortError() : error;
  }
}
