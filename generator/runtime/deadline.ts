/**
 * The overall deadline of one call (`totalTimeoutMs`): from the moment the transport takes the call until its
 * response body is read, across rate-limit and slot waits, every attempt and every backoff. `signal` aborts when
 * the caller's signal does or when the deadline passes; `abortError()` says which it was.
 */
import { abortErrorOf } from './abort.js';
import { KalshiTimeoutError } from './errors.js';

export const DEFAULT_TOTAL_TIMEOUT_MS = 60_000;

/** setTimeout's largest delay; anything longer is no deadline at all. */
export const MAX_TIMER_MS = 2_147_483_647;

export class CallDeadline {
  readonly signal: AbortSignal;
  /** Attempts started so far (for messages). */
  attempts = 0;
  readonly #caller: AbortSignal;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #endsAt: number;
  readonly #now: () => number;
  readonly #forward = (): void => this.#controller.abort(this.#caller.reason);

  /** `target` names the call in the timeout message, e.g. `GET https://host/trade-api/v2/portfolio/balance`. */
  constructor(caller: AbortSignal, totalTimeoutMs: number, target: string, now: () => number) {
    this.#caller = caller;
    this.#now = now;
    this.signal = this.#controller.signal;
    this.#endsAt = now() + totalTimeoutMs;
    if (caller.aborted) this.#forward();
    else caller.addEventListener('abort', this.#forward, { once: true });
    this.#timer =
      totalTimeoutMs < MAX_TIMER_MS
        ? setTimeout(() => {
            const tries = this.attempts > 1 ? ` (${this.attempts} attempts)` : '';
            const message = `${target} did not complete within its total timeout of ${totalTimeoutMs} ms${tries}.`;
            this.#controller.abort(new KalshiTimeoutError(message, { timeoutMs: totalTimeoutMs, kind: 'total' }));
          }, totalTimeoutMs)
        : undefined;
  }

  /** Milliseconds left (Infinity without a deadline). */
  remainingMs(): number {
    return this.#timer === undefined ? Number.POSITIVE_INFINITY : this.#endsAt - this.#now();
  }

  /** The error an aborted call ends with: `KalshiAbortError` for the caller's abort, else the deadline's timeout. */
  abortError(): unknown {
    if (this.#caller.aborted) return abortErrorOf(this.#caller);
    return this.signal.reason instanceof KalshiTimeoutError ? this.signal.reason : abortErrorOf(this.signal);
  }

  /** `error`, or the call's own abort error when the call was aborted meanwhile (waits reject with their own). */
  failure(error: unknown): unknown {
    return this.signal.aborted ? this.abortError() : error;
  }

  /** Keeps running without holding the process open (a handed-over response whose body may never be read). */
  unref(): void {
    (this.#timer as { unref?: () => void } | undefined)?.unref?.();
  }

  end(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#caller.removeEventListener('abort', this.#forward);
  }
}
