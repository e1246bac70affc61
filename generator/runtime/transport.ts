/**
 * The `fetch` handed to openapi-fetch. Per attempt: wait for the rate limiter, clone the request, sign it when
 * the signing middleware marked it (fresh timestamp, right before the send), send it with the caller's signal
 * combined with a per-attempt timeout, and read the whole response body inside the attempt (so the timeout
 * covers the body and no timer outlives the call). Retries follow `retry.ts`.
 */
import { abortErrorOf, raceAbort, sleep as defaultSleep, throwIfAborted } from './abort.js';
import { KalshiConfigError, KalshiConnectionError, KalshiError, KalshiTimeoutError } from './errors.js';
import type { Slots } from './concurrency.js';
import type { RateLimiter } from './rate-limit.js';
import { isRetryableError, isRetryableStatus, mayRetry, retryDelayMs } from './retry.js';
import { isClassified, signingContextOf, type SigningContext } from './signing-middleware.js';
import { authHeaders } from './signing.js';

/** The transport, as openapi-fetch calls it: one prepared Request in, the final Response out. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** The `fetch` that sends each attempt: `globalThis.fetch` or anything with its (url, init) form. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Default `globalThis.fetch`, looked up at each attempt. Always called unbound (safe for `window.fetch`). */
  fetch?: FetchLike | undefined;
  /** Per attempt, until the whole body is read; `Infinity` disables it. */
  timeoutMs: number;
  maxRetries: number;
  /** POST/PUT/PATCH may be retried (the body carries a `client_order_id`). */
  idempotent: boolean;
  rateLimiter?: RateLimiter | undefined;
  /** Shared by all calls of one client: a slot is held from signing until the response is read. */
  slots?: Slots | undefined;
  /** Signs requests no signing middleware classified (a later middleware replaced the Request object). */
  fallbackSigning?: SigningContext | undefined;
  /** Wall clock in ms (signing timestamps, `Retry-After` dates). Default `Date.now`. */
  now?: (() => number) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** [0, 1) for the backoff jitter. Default `Math.random`. */
  random?: (() => number) | undefined;
}

const MAX_TIMER_MS = 2_147_483_647;

export function createTransport(options: TransportOptions): FetchFunction {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const policy = { maxRetries: options.maxRetries, idempotent: options.idempotent };

  return async function kalshiTransport(request: Request): Promise<Response> {
    const caller = request.signal;
    const method = request.method.toUpperCase();
    const signing = signingContextOf(request) ?? (isClassified(request) ? undefined : options.fallbackSigning);
    // Read once per call: every attempt re-sends the same bytes, with no Request copies per attempt.
    const outgoing: Outgoing = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body === null ? undefined : await request.arrayBuffer(),
      redirect: request.redirect,
      signal: caller,
    };
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(caller);
      await options.rateLimiter?.acquire(method, caller);
      const retryable = mayRetry(attempt, method, policy);
      let response: Response;
      try {
        response = await sendOnce(outgoing, signing, options, now, attempt);
      } catch (error) {
        if (!retryable || !isRetryableError(error)) throw error;
        await raceAbort(sleep(retryDelayMs(attempt + 1, undefined, random, now), caller), caller);
        continue;
      }
      if (!retryable || !isRetryableStatus(response.status)) return response;
      const delay = retryDelayMs(attempt + 1, response.headers.get('retry-after'), random, now);
      await raceAbort(sleep(delay, caller), caller);
    }
  };
}

/** What every attempt of one call sends. */
interface Outgoing {
  url: string;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
  redirect: RequestRedirect;
  signal: AbortSignal;
}

async function sendOnce(
  request: Outgoing,
  signing: SigningContext | undefined,
  options: TransportOptions,
  now: () => number,
  attempt: number,
): Promise<Response> {
  const release = await options.slots?.acquire(request.signal);
  try {
    return await signAndSend(request, { signing, options, now, attempt });
  } finally {
    release?.();
  }
}

/** One attempt, holding a slot: sign (fresh timestamp), send, read the whole body, map failures. */
async function signAndSend(
  request: Outgoing,
  {
    signing,
    options,
    now,
    attempt,
  }: { signing: SigningContext | undefined; options: TransportOptions; now: () => number; attempt: number },
): Promise<Response> {
  const caller = request.signal;
  const headers = new Headers(request.headers);
  if (signing !== undefined) {
    const auth = await authHeaders(signing.signer, signing.keyId, request.method, request.url, now);
    for (const [name, value] of Object.entries(auth)) headers.set(name, value);
  }
  throwIfAborted(caller);
  const controller = new AbortController();
  const forward = (): void => controller.abort(caller.reason);
  caller.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  let handedOver = false;
  const timer =
    options.timeoutMs < MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          const tries = attempt > 0 ? ` (${attempt + 1} attempts)` : '';
          const message = `${describe(request)} timed out after ${options.timeoutMs} ms${tries}.`;
          controller.abort(new KalshiTimeoutError(message, { timeoutMs: options.timeoutMs }));
        }, options.timeoutMs)
      : undefined;
  const settle = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    caller.removeEventListener('abort', forward);
  };
  try {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new KalshiConfigError('No fetch implementation: globalThis.fetch is missing; pass the fetch option.');
    }
    const init: RequestInit = {
      method: request.method,
      headers,
      redirect: request.redirect,
      signal: controller.signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await raceAbort(fetchImpl(request.url, init), controller.signal, (signal) => signal.reason);
    if (response.ok && response.body !== null) {
      // A success is final: its body is read once, by the caller, still under this attempt's timeout and
      // abort; `settleResponse` (called by `ClientCore.unwrap` once the body is read) stops the clock.
      (timer as { unref?: () => void } | undefined)?.unref?.();
      pending.set(response, settle);
      handedOver = true;
      return response;
    }
    return await readWhole(response, request.method, controller.signal);
  } catch (error) {
    if (error instanceof KalshiConfigError) throw error;
    const target = describe(request);
    const tries = attempt > 0 ? ` (${attempt + 1} attempts)` : '';
    if (caller.aborted) throw abortErrorOf(caller);
    if (timedOut) {
      throw new KalshiTimeoutError(`${target} timed out after ${options.timeoutMs} ms${tries}.`, {
        timeoutMs: options.timeoutMs,
      });
    }
    throw new KalshiConnectionError(`${target} failed: ${reasonOf(error)}${tries}.`, { cause: error });
  } finally {
    if (!handedOver) settle();
  }
}

/** Successful responses whose body is still to be read, and how to stop their attempt's clock. */
const pending = new WeakMap<Response, () => void>();

/** Stops the timeout of the attempt that produced `response`; call once its body has been read. */
export function settleResponse(response: Response): void {
  const settle = pending.get(response);
  if (settle === undefined) return;
  pending.delete(response);
  settle();
}

/**
 * An error raised while the caller read a successful response's body (outside the transport's attempt):
 * the attempt's own timeout error, a caller abort, or a connection that broke mid-body.
 */
export function bodyReadError(error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof KalshiError) return error;
  if (signal?.aborted) return abortErrorOf(signal);
  if (error instanceof Error && error.name === 'AbortError') return abortErrorOf(signal ?? AbortSignal.abort(error));
  return new KalshiConnectionError(`reading the response failed: ${reasonOf(error)}.`, { cause: error });
}

/** The response with its body fully read (bodies are small JSON; the timeout must cover them). */
async function readWhole(response: Response, method: string, signal: AbortSignal): Promise<Response> {
  const { status } = response;
  if (status < 200 || status > 599) return response;
  const empty =
    method.toUpperCase() === 'HEAD' || status === 204 || status === 205 || status === 304 || response.body === null;
  const body = empty ? null : await raceAbort(response.arrayBuffer(), signal, (s) => s.reason);
  return new Response(body, { status, statusText: response.statusText, headers: response.headers });
}

/** `GET https://host/trade-api/v2/markets` (no query). */
function describe(request: Outgoing): string {
  try {
    const url = new URL(request.url);
    return `${request.method} ${url.origin}${url.pathname}`;
  } catch {
    return request.method;
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' && cause.message !== message ? cause.message : undefined;
  const extra = [code, detail].filter((part) => part !== undefined).join(': ');
  return extra ? `${message} (${extra})` : message;
}

/** Validates a `timeoutMs` option (positive, `Infinity` for none); `undefined` gives `fallback`. */
export function checkTimeoutMs(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new KalshiConfigError(
      `${where}: timeoutMs must be a positive number of milliseconds (Infinity for none), got ${String(value).slice(0, 40)}.`,
    );
  }
  return value;
}
