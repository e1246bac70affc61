/**
 * Failures that are neither an HTTP error status nor a lost connection, each with its own class so that code
 * retrying `KalshiConnectionError` does not retry them: a path parameter that cannot make a request (nothing is
 * signed or sent), a signer that fails (nothing is sent), and a success response whose body is not JSON.
 */
import { shorten } from './error-body.js';
import { KalshiError, named } from './errors.js';
import { redact } from './redact.js';

/**
 * A path parameter is missing, empty, `.` or `..`, or not a string or a finite number. Such a value would send
 * the request somewhere else (the URL parser resolves dot segments, so `getOrder('..')` would be
 * `GET /portfolio/`) or with a literal `{order_id}`; the call fails before anything is signed or sent.
 */
export class KalshiPathParameterError extends KalshiError {
  /** The parameter's name in the path template, e.g. `order_id`. */
  readonly parameter: string;
  /** The path template, e.g. `/portfolio/orders/{order_id}`. */
  readonly path: string;
  constructor(message: string, options: { parameter: string; path: string }) {
    super(message);
    this.parameter = options.parameter;
    this.path = options.path;
  }
}
named(KalshiPathParameterError, 'KalshiPathParameterError');

/**
 * The signer could not sign a request: a custom signer threw, rejected or returned something that is not a
 * base64 signature. Nothing was sent, and the call is not retried. `cause` is the signer's error (redacted).
 */
export class KalshiSigningError extends KalshiError {}
named(KalshiSigningError, 'KalshiSigningError');

/**
 * A successful (2xx) response whose body is not the JSON the operation returns: an HTML page from a proxy or
 * captive portal, a truncated or otherwise invalid JSON text. The request reached a server and was answered,
 * so this is not a connection error and is not retried. `cause` is the parser's `SyntaxError`.
 */
export class KalshiResponseParseError extends KalshiError {
  readonly status: number;
  /** The response `Content-Type`, when it had one. */
  readonly contentType: string | undefined;
  /** The first 300 characters of the body (redacted, whitespace collapsed). */
  readonly bodySnippet: string;
  constructor(
    message: string,
    options: { status: number; contentType?: string | undefined; body: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.contentType = options.contentType;
    this.bodySnippet = redact(shorten(options.body.trim()));
  }
}
named(KalshiResponseParseError, 'KalshiResponseParseError');
