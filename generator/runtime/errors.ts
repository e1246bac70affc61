/**
 * The client's error hierarchy. Every message is redacted at construction, and `toString()`,
 * `toJSON()` and Node's `util.inspect` only ever show redacted data.
 */
import { formatApiMessage, parseErrorBody, parseRetryAfter } from './error-body.js';
import { type HeadersInput, redact, redactDeep, redactHeaders } from './redact.js';

export { parseErrorBody, parseRetryAfter, type ParsedErrorBody } from './error-body.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
type InspectFn = (value: unknown, options?: unknown) => string;

/** Class names survive minification and are already right when the stack is captured in `super()`. */
function named(cls: { prototype: Error }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}

export class KalshiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message), options && 'cause' in options ? { cause: options.cause } : undefined);
  }

  override toString(): string {
    return `${this.name}: ${redact(this.message)}`;
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: redact(this.message) };
    if (this.cause !== undefined) json['cause'] = describeCause(this.cause);
    return json;
  }
}
named(KalshiError, 'KalshiError');

/**
 * Node's `util.inspect` (console.log of an error): the redacted stack and fields. Defined on the prototype
 * rather than as a computed class member, so the declarations stay emit-able file by file.
 */
Object.defineProperty(KalshiError.prototype, INSPECT, {
  value: function inspectKalshiError(this: KalshiError, _depth: number, options: unknown, inspect?: InspectFn): string {
    const { name: _name, message: _message, ...all } = this.toJSON();
    const fields = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
    const stack = redact(this.stack ?? this.toString());
    if (Object.keys(fields).length === 0) return stack;
    const shown = typeof inspect === 'function' ? inspect(fields, options) : JSON.stringify(fields, null, 2);
    return `${stack} ${shown}`;
  },
  writable: true,
  configurable: true,
});

function describeCause(cause: unknown): unknown {
  if (cause instanceof Error) return { name: cause.name, message: redact(cause.message) };
  return redactDeep(cause);
}

/** Bad client options or missing credentials. */
export class KalshiConfigError extends KalshiError {}
named(KalshiConfigError, 'KalshiConfigError');

/** The request never got an HTTP response (DNS, refused, reset, aborted). */
export class KalshiConnectionError extends KalshiError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
named(KalshiConnectionError, 'KalshiConnectionError');

export class KalshiTimeoutError extends KalshiConnectionError {
  readonly timeoutMs: number | undefined;
  constructor(message: string, options?: { cause?: unknown; timeoutMs?: number }) {
    super(message, options);
    this.timeoutMs = options?.timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
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
}

/** An HTTP response with a non-2xx status. `message` reads like `401 authentication_error: INCORRECT_API_KEY_SIGNATURE`. */
export class KalshiApiError extends KalshiError {
  readonly status: number;
  readonly code: string | undefined;
  readonly apiMessage: string | undefined;
  readonly details: string | undefined;
  readonly service: string | undefined;
  /** The parsed JSON body, or the text when it was not JSON. */
  readonly body: unknown;
  /** Response headers, lower-cased, secret values redacted. */
  readonly headers: Record<string, string>;

  constructor(init: KalshiApiErrorInit) {
    super(init.message ?? formatApiMessage(init));
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.details = init.details;
    this.service = init.service;
    this.body = init.body;
    this.headers = redactHeaders(init.headers);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      code: this.code,
      apiMessage: this.apiMessage === undefined ? undefined : redact(this.apiMessage),
      details: this.details === undefined ? undefined : redact(this.details),
      service: this.service,
      headers: this.headers,
      body: redactDeep(this.body),
    };
  }
}
named(KalshiApiError, 'KalshiApiError');

export class BadRequestError extends KalshiApiError {}
named(BadRequestError, 'BadRequestError');
export class AuthenticationError extends KalshiApiError {}
named(AuthenticationError, 'AuthenticationError');
export class PermissionDeniedError extends KalshiApiError {}
named(PermissionDeniedError, 'PermissionDeniedError');
export class NotFoundError extends KalshiApiError {}
named(NotFoundError, 'NotFoundError');
export class ConflictError extends KalshiApiError {}
named(ConflictError, 'ConflictError');
export class InternalServerError extends KalshiApiError {}
named(InternalServerError, 'InternalServerError');

export class RateLimitError extends KalshiApiError {
  /** From a `Retry-After` header (seconds or HTTP date), when the response carries one. */
  readonly retryAfterMs: number | undefined;
  constructor(init: KalshiApiErrorInit) {
    super(init);
    this.retryAfterMs = parseRetryAfter(this.headers['retry-after']);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
named(RateLimitError, 'RateLimitError');

/** Build the right `KalshiApiError` subclass for a non-2xx response. `body` may be parsed JSON or raw text. */
export function errorFromResponse(status: number, body: unknown, headers?: HeadersInput): KalshiApiError {
  const init: KalshiApiErrorInit = { status, ...parseErrorBody(body), headers };
  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new InternalServerError(init);
  return new KalshiApiError(init);
}
