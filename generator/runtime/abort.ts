/**
 * Cancellation: the error a caller's abort surfaces as, and waiting that stops when a signal aborts.
 * Browser-safe: only `setTimeout`/`clearTimeout` and `AbortSignal` event listeners, always cleaned up.
 */
import { KalshiError, named } from './errors.js';

/**
 * The caller aborted the call (its `signal` fired): before sending, while waiting for the rate limiter
 * or a retry, or in flight. Never retried. `cause` is the signal's `reason`.
 * Not a `KalshiConnectionError`, so code that retries connection errors does not retry aborts.
 */
export class KalshiAbortError extends KalshiError {
  constructor(message = 'The request was aborted by the caller.', options?: { cause?: unknown }) {
    super(message, options);
  }
}
named(KalshiAbortError, 'KalshiAbortError');

/** The `KalshiAbortError` for an aborted signal. */
export function abortErrorOf(signal: AbortSignal): KalshiAbortError {
  return new KalshiAbortError(undefined, { cause: signal.reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortErrorOf(signal);
}

/** Settles like `promise`, or rejects with `onAbort(signal)` as soon as `signal` aborts. */
export function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  onAbort: (signal: AbortSignal) => unknown = abortErrorOf,
): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(onAbort(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort(signal));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** Wait `ms` milliseconds; rejects with `KalshiAbortError` (and clears the timer) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorOf(signal));
  if (!(ms > 0)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, Math.min(ms, 2_147_483_647));
    const abort = (): void => {
      clearTimeout(timer);
      reject(abortErrorOf(signal as AbortSignal));
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
