/**
 * The core of the client class: `BaseClientCore` plus what its `raw` openapi-fetch client needs: the client
 * options (base URL, the transport as `fetch`, a path serializer that refuses path values which would address
 * another path), the signing middleware, and per-call `init()` / `unwrap()` turning openapi-fetch results into
 * data or typed errors.
 */
import type { Middleware } from 'openapi-fetch';
import { responseRecord, settleResponse } from './attempt.js';
import { BaseClientCore } from './base-client-core.js';
import { hasClientOrderId, withClientOrderId } from './client-order-id.js';
import { ClockCorrection } from './clock-skew.js';
import { errorFromResponse } from './errors.js';
import type { ApiDescription, KalshiClientOptions, RequestOptions } from './options.js';
import { createPathSerializer } from './path-params.js';
import { createRateLimiter } from './rate-limit.js';
import { requestSigning } from './request-signing.js';
import { readJsonBody } from './response-body.js';
import { createSigningMiddleware, isClassified, signingContextOf } from './signing-middleware.js';
import type { CallSettings } from './transport.js';

export * from './base-client-core.js';
export type { FetchLike } from './attempt.js';

/** The transport, as openapi-fetch calls it: one prepared Request in, the final Response out. */
export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * What `init()` returns: spread into the openapi-fetch call's init object. The object also carries
 * `parseAs: 'stream'`, left out of this type on purpose: openapi-fetch then hands a success's body over unread
 * and `unwrap` parses it (telling a body that is not JSON from a connection failure), while the `data` type
 * openapi-fetch infers for the call stays the parsed JSON type `unwrap` returns. Use it only with `unwrap`.
 */
export interface CallInit {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  fetch: FetchFunction;
}

export class ClientCore extends BaseClientCore {
  readonly #middleware: Middleware;

  /** Takes plain `rateLimit` options and `correctClockSkew: true` as well as the objects a base client takes. */
  constructor(options: KalshiClientOptions, api: ApiDescription) {
    super(options, { createRateLimiter, createClockCorrection: () => new ClockCorrection(), ...api });
    this.#middleware = createSigningMiddleware(api.signedOperations ?? new Set(), this.credentials());
  }

  /**
   * For `createClient()`: base URL, the client-wide transport and headers, and a path serializer that refuses
   * path values which would address another path (`KalshiPathParameterError`, see `path-params.ts`).
   */
  clientOptions(): {
    baseUrl: string;
    fetch: FetchFunction;
    pathSerializer: (url: string, values: Record<string, unknown>) => string;
    headers?: Record<string, string>;
  } {
    const headers = this.headers;
    const settings = this.settings();
    return {
      baseUrl: this.baseUrl,
      fetch: (request) => this.#fetch(request, settings),
      pathSerializer: createPathSerializer(this.baseUrl),
      ...(headers === undefined ? {} : { headers: { ...headers } }),
    };
  }

  /** Register on the openapi-fetch client before any other middleware. Always the same object. */
  signingMiddleware(): Middleware {
    return this.#middleware;
  }

  /**
   * The init fields of one call: the caller's signal and headers (openapi-fetch merges them over the client's
   * headers), and a transport bound to this call's timeout, retries and idempotency. A POST counts as
   * idempotent only when the body actually sent carries a `client_order_id` (`call.body`): Kalshi refuses a
   * reused one, so its retry cannot fill twice; without one it is never sent twice.
   */
  init(options: RequestOptions = {}, call: { idempotent?: boolean; body?: unknown } = {}): CallInit {
    const settings = this.settings(options, call.idempotent === true && hasClientOrderId(call.body));
    const init: CallInit & { parseAs: 'stream' } = {
      fetch: (request) => this.#fetch(request, settings),
      parseAs: 'stream',
    };
    if (options.signal !== undefined) init.signal = options.signal;
    if (options.headers !== undefined) init.headers = { ...options.headers };
    return init;
  }

  /** The body with a generated `client_order_id` when it has none (unless disabled per call or per client). */
  withClientOrderId<T>(body: T, options?: RequestOptions): T {
    return withClientOrderId(body, { autoClientOrderId: this.autoClientOrderId(options) });
  }

  /**
   * The parsed body of a 2xx (undefined for 204 and empty bodies); otherwise throws the matching
   * `KalshiApiError`. A 2xx body that is not JSON throws `KalshiResponseParseError` (`read` reads other media
   * types: text, a Blob, the stream itself). Errors raised before the request was sent (a serializer's, another
   * middleware's) are passed on as they are.
   */
  async unwrap<T>(
    result: Promise<{ data?: T; error?: unknown; response: Response }>,
    read: (response: Response) => Promise<unknown> = readJsonBody,
  ): Promise<T> {
    const { data, error, response } = await result;
    try {
      if (!response.ok) throw errorFromResponse(response.status, error, response.headers, responseRecord(response));
      // `init()` asked for the body unread (`parseAs: 'stream'`); undefined means openapi-fetch saw none.
      return (data === undefined || response.body === null ? undefined : await read(response)) as T;
    } finally {
      settleResponse(response);
    }
  }

  /**
   * Sends a request openapi-fetch prepared. The signing middleware marked it signed or public; a request it did not
   * see (a later middleware replaced it) is signed whenever the client has credentials, never sent unsigned.
   */
  async #fetch(request: Request, settings: CallSettings): Promise<Response> {
    const context = signingContextOf(request) ?? (isClassified(request) ? undefined : this.credentials());
    const outgoing = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      // Read once per call: every attempt re-sends the same bytes.
      body: request.body === null ? undefined : await request.arrayBuffer(),
      redirect: request.redirect,
    };
    return this.send(outgoing, { ...settings, signal: request.signal }, context && requestSigning(context));
  }
}
