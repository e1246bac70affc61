/**
 * One attempt of a call: take a slot, sign when the call is signed (`CallSigning`: paced, fresh timestamp), send
 * under a timeout of its own that also follows the call's signal (caller abort and overall deadline), and read the
 * whole body of anything but a success. A success is handed to the caller unread, its timeout and the call's
 * deadline still in force until `settleResponse` (called once its body is read).
 */
import { abortErrorOf, raceAbort } from './abort.js';
import type { Slots } from './concurrency.js';
import { TimeLimit, type CallDeadline } from './deadline.js';
import {
  KalshiConfigError,
  KalshiConnectionError,
  KalshiError,
  KalshiTimeoutError,
  type KalshiApiErrorInit,
  type ResponseContext,
} from './errors.js';

/** The `fetch` that sends each attempt: `globalThis.fetch` or anything with its (url, init) form. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What every attempt of one call sends. */
export interface Outgoing {
  url: string;
  method: string;
  headers: Headers;
  /** Sent as is by every attempt (a string, bytes, `FormData`, ...: never a one-shot stream). */
  body?: RequestInit['body'];
  redirect?: Request['redirect'];
}

/** The Kalshi headers of one signed attempt. */
export interface AttemptSignature {
  headers: Record<string, string>;
  signedAtMs: number;
  /** Passes the signing turn on, once the request is handed to `fetch` (or failed); may be called again. */
  done(): void;
}

/**
 * What signing adds to a signed call (`request-signing.ts`); public calls have none, so a bundle whose calls
 * are all public carries no signing code.
 */
export interface CallSigning {
  /** Waits for the client's signing turn, then signs the attempt with a timestamp from `now`. */
  sign(request: Outgoing, now: () => number, deadline: CallDeadline): Promise<AttemptSignature>;
  /** For a timestamp rejection: the clock offset, and what to do, in the error (see `clock-skew.ts`). */
  explain(init: KalshiApiErrorInit, context: ResponseContext): void;
}

export interface AttemptContext {
  signing: CallSigning | undefined;
  fetch: FetchLike | undefined;
  timeoutMs: number;
  slots: Slots;
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
  if (settle === undefined) return;
  delete record!.settle;
  settle();
}

/**
 * An error raised while the caller read a success's body (after the transport returned): the attempt's timeout
 * or the call's deadline (`KalshiTimeoutError`), a caller abort, or a connection that broke mid-body.
 */
export function bodyReadError(error: unknown, response?: Response): unknown {
  if (error instanceof KalshiError) return error;
  const deadline = response && records.get(response)?.deadline;
  if (deadline?.signal.aborted) return deadline.abortError();
  if (error instanceof Error && error.name === 'AbortError') return abortErrorOf(AbortSignal.abort(error));
  return new KalshiConnectionError(`Reading the response body failed: ${reasonOf(error)}.`, { cause: error });
}

export async function sendAttempt(request: Outgoing, context: AttemptContext): Promise<Response> {
  const { deadline } = context;
  let release: () => void;
  try {
    release = await context.slots.acquire(deadline.signal);
  } catch (error) {
    throw deadline.failure(error);
  }
  let signature: AttemptSignature | undefined;
  try {
    signature = await context.signing?.sign(request, context.signingNow, deadline);
    if (deadline.signal.aborted) throw deadline.abortError();
    return await send(request, context, signature);
  } finally {
    signature?.done();
    release();
  }
}

/** Sends one attempt under its own timeout; maps every failure to a typed error. */
async function send(request: Outgoing, context: AttemptContext, signature?: AttemptSignature): Promise<Response> {
  const { deadline, timeoutMs } = context;
  const tries = context.attempt > 0 ? ` (${context.attempt + 1} attempts)` : '';
  const timeoutError = (): KalshiTimeoutError =>
    new KalshiTimeoutError(`${describe(request)} timed out after ${timeoutMs} ms${tries}.`, { timeoutMs });
  const limit = new TimeLimit(deadline.signal, timeoutMs, timeoutError);
  let handedOver = false;
  try {
    const fetchImpl = context.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') {
      throw new KalshiConfigError('No fetch implementation: globalThis.fetch is missing; pass the fetch option.');
    }
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(signature?.headers ?? {})) headers.set(name, value);
    const init: RequestInit = { method: request.method, headers, signal: limit.signal };
    if (request.body !== undefined) init.body = request.body;
    if (request.redirect !== undefined) init.redirect = request.redirect;
    const sending = fetchImpl(request.url, init);
    signature?.done();
    const response = await raceAbort(sending, limit.signal, (signal) => signal.reason);
    const record: ResponseRecord = {
      method: request.method,
      signedAtMs: signature?.signedAtMs,
      receivedAtMs: context.now(),
      deadline,
    };
    if (response.ok && response.body !== null) {
      limit.unref();
      deadline.unref();
      record.settle = () => {
        limit.end();
        deadline.end();
      };
      records.set(response, record);
      handedOver = true;
      return response;
    }
    const whole = await readWhole(response, request.method, limit.signal);
    records.set(whole, record);
    return whole;
  } catch (error) {
    if (error instanceof KalshiConfigError) throw error;
    if (deadline.signal.aborted) throw deadline.abortError();
    if (limit.expired) throw timeoutError();
    throw new KalshiConnectionError(`${describe(request)} failed: ${reasonOf(error)}${tries}.`, { cause: error });
  } finally {
    if (!handedOver) limit.end();
  }
}

/** The response with its body fully read (error bodies are small; the timeout must cover them). */
async function readWhole(response: Response, method: string, signal: AbortSignal): Promise<Response> {
  const { status } = response;
  if (status < 200 || status > 599) return response;
  const empty = method.toUpperCase() === 'HEAD' || [204, 205, 304].includes(status) || response.body === null;
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
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const extra = [cause?.code, cause?.message !== message && cause?.message]
    .filter((part) => typeof part === 'string')
    .join(': ');
  return extra ? `${message} (${extra})` : message;
}
