/**
 * One attempt of a call: take a slot, sign (fresh timestamp, paced, see `signing-pace.ts`), send with a timeout
 * of its own combined with the call's signal (caller abort and overall deadline), and read the whole body of
 * anything but a success. A success is handed to the caller unread, its timeout and the call's deadline still in
 * force until `settleResponse` (called by `ClientCore.unwrap` once the body is read).
 */
import { abortErrorOf, raceAbort } from './abort.js';
import type { Slots } from './concurrency.js';
import type { CallDeadline } from './deadline.js';
import { MAX_TIMER_MS } from './deadline.js';
import { KalshiConfigError, KalshiConnectionError, KalshiError, KalshiTimeoutError } from './errors.js';
import type { SigningContext } from './signing-middleware.js';
import type { SigningPacer } from './signing-pace.js';
import { authHeaders, HEADER_TIMESTAMP } from './signing.js';

/** The `fetch` that sends each attempt: `globalThis.fetch` or anything with its (url, init) form. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What every attempt of one call sends. */
export interface Outgoing {
  url: string;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
  redirect: Request['redirect'];
}

export interface AttemptContext {
  signing: SigningContext | undefined;
  fetch: FetchLike | undefined;
  timeoutMs: number;
  slots: Slots | undefined;
  pacer: SigningPacer | undefined;
  /** The signing clock (the local clock plus any clock-skew correction). */
  signingNow: () => number;
  /** The local clock, for when a response arrived. */
  now: () => number;
  deadline: CallDeadline;
  /** 0-based. */
  attempt: number;
}

/** What the transport knew about the request a response answers. */
export interface ResponseRecord {
  method: string;
  /** The `KALSHI-ACCESS-TIMESTAMP` it was signed with (unsigned requests: undefined). */
  signedAtMs: number | undefined;
  /** Local clock when the response headers arrived. */
  receivedAtMs: number;
  /** For a success handed over unread: stops its clocks. */
  settle?: () => void;
  deadline: CallDeadline;
}

const records = new WeakMap<Response, ResponseRecord>();

export function responseRecord(response: Response): ResponseRecord | undefined {
  return records.get(response);
}

/** Stops the attempt timeout and the call deadline of a success handed over unread; call once its body is read. */
export function settleResponse(response: Response): void {
  const record = records.get(response);
  const settle = record?.settle;
  if (record === undefined || settle === undefined) return;
  delete record.settle;
  settle();
}

/**
 * An error raised while the caller read a success's body (after the transport returned): the attempt's timeout
 * or the call's deadline (`KalshiTimeoutError`), a caller abort, or a connection that broke mid-body.
 */
export function bodyReadError(error: unknown, response?: Response): unknown {
  if (error instanceof KalshiError) return error;
  const deadline = response === undefined ? undefined : records.get(response)?.deadline;
  if (deadline?.signal.aborted) return deadline.abortError();
  if (error instanceof Error && error.name === 'AbortError') return abortErrorOf(AbortSignal.abort(error));
  return new KalshiConnectionError(`Reading the response body failed: ${reasonOf(error)}.`, { cause: error });
}

export async function sendAttempt(request: Outgoing, context: AttemptContext): Promise<Response> {
  let release: (() => void) | undefined;
  try {
    release = await context.slots?.acquire(context.deadline.signal);
  } catch (error) {
    throw context.deadline.failure(error);
  }
  try {
    return await signAndSend(request, context);
  } finally {
    release?.();
  }
}

async function signAndSend(request: Outgoing, context: AttemptContext): Promise<Response> {
  const { deadline, pacer, signing } = context;
  const headers = new Headers(request.headers);
  let signedAtMs: number | undefined;
  let paced = false;
  const passTurn = (): void => {
    if (paced) pacer?.done();
    paced = false;
  };
  try {
    if (signing !== undefined) {
      paced = pacer !== undefined;
      const turn = pacer?.turn();
      if (turn !== undefined) await turn;
      if (deadline.signal.aborted) throw deadline.abortError();
      const auth = await authHeaders(signing.signer, signing.keyId, request.method, request.url, context.signingNow);
      for (const [name, value] of Object.entries(auth)) headers.set(name, value);
      signedAtMs = Number(auth[HEADER_TIMESTAMP]);
    }
    if (deadline.signal.aborted) throw deadline.abortError();
    return await send(request, headers, context, signedAtMs, passTurn);
  } finally {
    passTurn();
  }
}

/** Sends one signed attempt under its own timeout; maps every failure to a typed error. */
async function send(
  request: Outgoing,
  headers: Headers,
  context: AttemptContext,
  signedAtMs: number | undefined,
  sent: () => void,
): Promise<Response> {
  const { deadline, timeoutMs } = context;
  const controller = new AbortController();
  const forward = (): void => controller.abort(deadline.signal.reason);
  deadline.signal.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  let handedOver = false;
  const tries = context.attempt > 0 ? ` (${context.attempt + 1} attempts)` : '';
  const timeoutError = (): KalshiTimeoutError =>
    new KalshiTimeoutError(`${describe(request)} timed out after ${timeoutMs} ms${tries}.`, { timeoutMs });
  const timer =
    timeoutMs < MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(timeoutError());
        }, timeoutMs)
      : undefined;
  const settle = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    deadline.signal.removeEventListener('abort', forward);
  };
  try {
    const fetchImpl = context.fetch ?? globalThis.fetch;
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
    const sending = fetchImpl(request.url, init);
    sent();
    const response = await raceAbort(sending, controller.signal, (signal) => signal.reason);
    const record: ResponseRecord = { method: request.method, signedAtMs, receivedAtMs: context.now(), deadline };
    if (response.ok && response.body !== null) {
      (timer as { unref?: () => void } | undefined)?.unref?.();
      deadline.unref();
      record.settle = () => {
        settle();
        deadline.end();
      };
      records.set(response, record);
      handedOver = true;
      return response;
    }
    const whole = await readWhole(response, request.method, controller.signal);
    records.set(whole, record);
    return whole;
  } catch (error) {
    if (error instanceof KalshiConfigError) throw error;
    if (deadline.signal.aborted) throw deadline.abortError();
    if (timedOut) throw timeoutError();
    throw new KalshiConnectionError(`${describe(request)} failed: ${reasonOf(error)}${tries}.`, { cause: error });
  } finally {
    if (!handedOver) settle();
  }
}

/** The response with its body fully read (error bodies are small; the timeout must cover them). */
async function readWhole(response: Response, method: string, signal: AbortSignal): Promise<Response> {
  const { status } = response;
  if (status < 200 || status > 599) return response;
  const empty =
    method.toUpperCase() === 'HEAD' || status === 204 || status === 205 || status === 304 || response.body === null;
  const body = empty ? null : await raceAbort(response.arrayBuffer(), signal, (s) => s.reason);
  return new Response(body, { status, statusText: response.statusText, headers: response.headers });
}

/** `GET https://host/trade-api/v2/markets` (no query). */
export function describe(request: { method: string; url: string }): string {
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
