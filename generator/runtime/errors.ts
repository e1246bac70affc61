/**
 * The client's error hierarchy. Every message is redacted at construction, and `toString()`,
 * `toJSON()` and Node's `util.inspect` only ever show redacted data.
 */
import { explainTimestampRejection } from './clock-skew.js';
import { formatApiMessage, parseErrorBody, parseRetryAfter } from './error-body.js';
import { installInspect } from './inspect.js';
import { redactCause } from './redact-cause.js';
import { type HeadersInput, redact, redactDeep, redactHeaders } from './redact.js';

export { parseErrorBody, parseRetryAfter, type ParsedErrorBody } from './error-body.js';

/** Class names survive minification and are already right when the stack is captured in `super()`. */
export function named(cls: { prototype: Error }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}

/**
 * The base of every error the client throws. The message is redacted, and so is the `cause` chain: a cause that
 * holds a PEM or a signature is replaced by a copy (same prototype, so `instanceof` still works) whose message,
 * stack, fields and own cause are redacted; a cause with nothing to redact is kept as it is.
 */
export class KalshiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message), options && 'cause' in options ? { cause: redactCause(options.cause) } : undefined);
  }

  override toString(): string {
    return `${this.name}: ${redact(this.message)}`;
  }

  /** Name, message, cause chain, then the fields of the subclass (status, code, ...), all redacted. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: redact(this.message) };
    if (this.cause !== undefined) json['cause'] = describeCause(this.cause);
    for (const [key, value] of Object.entries(this)) json[key] = redactDeep(value);
    return json;
  }
}
named(KalshiError, 'KalshiError');

/** Node's `util.inspect` (console.log of an error): the redacted stack and fields (see `inspect.ts`). */
installInspect(KalshiError.prototype, function inspectKalshiError(this: KalshiError, _depth, options, inspect) {
  const { name: _name, message: _message, ...all } = this.toJSON();
  const fields = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  const stack = redact(this.stack ?? this.toString());
  if (Object.keys(fields).length === 0) return stack;
  const shown = typeof inspect === 'function' ? inspect(fields, options) : JSON.stringify(fields, null, 2);
  return `${stack} ${shown}`;
});

/** `{ name, message, cause? }` down the cause chain (already redacted at construction; redacted again for JSON). */
function describeCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error)) return redactDeep(cause);
  const out: Record<string, unknown> = { name: cause.name, message: redact(cause.message) };
  if (cause.cause !== undefined) out['cause'] = depth < 8 ? describeCause(cause.cause, depth + 1) : '[…]';
  return out;
}

/** Bad client options or missing credentials. */
export class KalshiConfigError extends KalshiError {}
named(KalshiConfigError, 'KalshiConfigError');

/** The request never got a complete HTTP response (DNS, refused, reset, a body cut off, a timeout). */
export class KalshiConnectionError extends KalshiError {}
named(KalshiConnectionError, 'KalshiConnectionError');

/**
 * A time limit ran out: one attempt's `timeoutMs` (`kind: 'attempt'`, retried like a connection error) or the
 * call's overall `totalTimeoutMs` across every attempt and wait (`kind: 'total'`, which ends the call).
 */
export class KalshiTimeoutError extends KalshiConnectionError {
  /** The limit that ran out, in ms. */
  readonly timeoutMs: number | undefined;
  readonly kind: 'attempt' | 'total';
  constructor(message: string, options?: { cause?: unknown; timeoutMs?: number; kind?: 'attempt' | 'total' }) {
    super(message, options);
    this.timeoutMs = options?.timeoutMs;
    this.kind = options?.kind ?? 'attempt';
  }
}
named(KalshiTimeoutError, 'KalshiTimeoutError');

export interface KalshiApiErrorInit {
  status: number;
  code?: string | undefined;
  /** The server's own message (`message`, `msg` or the `error` string), unformatted. */
  apiMessage?: string | undefined;
  details?: string | undefined;
  service?: string | undefined;
  body?: unknown;
  headers?: HeadersInput | undefined;
  /** Overrides the formatted message. */
  message?: string | undefined;
  /** Server clock minus local clock in ms, measured from the response `Date` header (timestamp rejections). */
  clockOffsetMs?: number | undefined;
}

/** An HTTP response with a non-2xx status. `message` reads like `401 authentication_error: INCORRECT_API_KEY_SIGNATURE`. */
export class KalshiApiError extends KalshiError {
  readonly status: number;
  readonly code: string | undefined;
  readonly apiMessage: string | undefined;
  readonly details: string | undefined;
  readonly service: string | undefined;
  /** Response headers, lower-cased, secret values redacted. */
  readonly headers: Record<string, string>;
  /** The parsed JSON body, or the text when it was not JSON. */
  readonly body: unknown;
  /** From a `Retry-After` header (seconds or HTTP date), when the response carries one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: KalshiApiErrorInit) {
    super(init.message ?? formatApiMessage(init));
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.details = init.details;
    this.service = init.service;
    this.headers = redactHeaders(init.headers);
    this.body = init.body;
    this.retryAfterMs = parseRetryAfter(this.headers['retry-after']);
  }
}
named(KalshiApiError, 'KalshiApiError');

export class BadRequestError extends KalshiApiError {}
named(BadRequestError, 'BadRequestError');
/**
 * 401. When Kalshi rejected the request timestamp (`header_timestamp_expired`), the message says how far the local
 * clock is from the server's (from the response `Date` header) and `clockOffsetMs` holds it.
 */
export class AuthenticationError extends KalshiApiError {
  /** Server clock minus local clock in ms (±0.5 s: `Date` has whole seconds), for a timestamp rejection. */
  readonly clockOffsetMs: number | undefined;
  constructor(init: KalshiApiErrorInit) {
    super(init);
    this.clockOffsetMs = init.clockOffsetMs;
  }
}
named(AuthenticationError, 'AuthenticationError');
export class PermissionDeniedError extends KalshiApiError {}
named(PermissionDeniedError, 'PermissionDeniedError');
export class NotFoundError extends KalshiApiError {}
named(NotFoundError, 'NotFoundError');
export class ConflictError extends KalshiApiError {}
named(ConflictError, 'ConflictError');
export class InternalServerError extends KalshiApiError {}
named(InternalServerError, 'InternalServerError');

/** 429. `retryAfterMs` tells when to try again when the response said (`Retry-After`). */
export class RateLimitError extends KalshiApiError {}
named(RateLimitError, 'RateLimitError');

/** What the client knew about the request a response answers (used to explain timestamp rejections). */
export interface ResponseContext {
  /** Local clock (ms) when the response arrived. Default `Date.now()` at the call. */
  receivedAtMs?: number | undefined;
  /** The `KALSHI-ACCESS-TIMESTAMP` the request was signed with. */
  signedAtMs?: number | undefined;
}

const STATUS_CLASSES: Readonly<Record<number, typeof KalshiApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

/** The `KalshiApiError` subclass of `init.status` (every status from 500 up: `InternalServerError`). */
export function apiErrorOf(init: KalshiApiErrorInit): KalshiApiError {
  const status = init.status;
  return new (STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : KalshiApiError))(init);
}

/**
 * Build the right `KalshiApiError` subclass for a non-2xx response. `body` may be parsed JSON or raw text. A
 * timestamp rejection (401 `header_timestamp_expired`) says how far off the local clock looks (`clock-skew.ts`).
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers?: HeadersInput,
  context: ResponseContext = {},
): KalshiApiError {
  const init: KalshiApiErrorInit = { status, ...parseErrorBody(body), headers };
  explainTimestampRejection(init, context);
  return apiErrorOf(init);
}
