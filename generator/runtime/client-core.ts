/**
 * What every generated client shares: options, credentials (parsed once), base URL, path-parameter checks, the
 * signing middleware, the transport (signing, timeouts, retries, rate limiting) and turning openapi-fetch results
 * into data or typed errors. Holds no global state: two clients with different keys sign with their own keys.
 */
import type { Middleware } from 'openapi-fetch';
import { resolveBaseUrl } from './base-url.js';
import { ClockCorrection } from './clock-skew.js';
import { hasClientOrderId, withClientOrderId } from './client-order-id.js';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, Slots } from './concurrency.js';
import { credentialsOf } from './credentials.js';
import { DEFAULT_TOTAL_TIMEOUT_MS } from './deadline.js';
import { errorFromResponse, KalshiConfigError } from './errors.js';
import { createPathSerializer } from './path-params.js';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { readJsonBody } from './response-body.js';
import { checkMaxRetries, DEFAULT_MAX_RETRIES } from './retry.js';
import { classifyRequest, createSigningMiddleware, type SigningContext } from './signing-middleware.js';
import { SigningPacer } from './signing-pace.js';
import type { Signer } from './signing.js';
import {
  checkTimeoutMs,
  createTransport,
  responseRecord,
  settleResponse,
  type FetchFunction,
  type FetchLike,
  type TransportOptions,
} from './transport.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export { DEFAULT_TOTAL_TIMEOUT_MS } from './deadline.js';

export interface KalshiClientOptions {
  /** Default `production`. */
  environment?: 'production' | 'demo';
  /** Custom base URL (proxy, mock); the API prefix (`/trade-api/v2`) is appended when missing. */
  baseUrl?: string;
  /** The API key id (`KALSHI-ACCESS-KEY`, a UUID). Needs `privateKeyPem` or `signer`. */
  apiKeyId?: string;
  /** RSA private key, PKCS#1 or PKCS#8 PEM. Parsed once, at construction. */
  privateKeyPem?: string;
  /** A custom signer (HSM, KMS, WebCrypto key) instead of `privateKeyPem`. */
  signer?: Signer;
  /** Sends each attempt; default `globalThis.fetch` (called as `fetch(url, init)`). */
  fetch?: FetchLike;
  /** Per attempt, including reading the body. Default 30 000; `Infinity` for none. */
  timeoutMs?: number;
  /**
   * The whole call: every attempt, rate-limit wait and backoff, until the body is read. Default 60 000;
   * `Infinity` for none. When it runs out the call ends with `KalshiTimeoutError` (`kind: 'total'`).
   */
  totalTimeoutMs?: number;
  /** Default 2. See `retry.ts` for what is retried. */
  maxRetries?: number;
  rateLimit?: RateLimitOptions;
  /** Add a UUID `client_order_id` to order-creating bodies that have none. Default true. */
  autoClientOrderId?: boolean;
  /** Sent with every request; per-call headers win. The KALSHI-ACCESS-* headers are always the client's own. */
  headers?: Record<string, string>;
  /** Requests in flight at once; more wait (unsigned) for a slot. Default 128. */
  maxConcurrentRequests?: number;
  /**
   * Sign with the server's time rather than this machine's: the offset is learned from the `Date` header of
   * responses that disagree with the local clock by more than 2 s, and a request Kalshi rejected for its
   * timestamp (`header_timestamp_expired`) is signed again and re-sent once. Default false.
   */
  correctClockSkew?: boolean;
  /** Clock, sleep and randomness for retries, rate limiting and signing timestamps (tests, custom schedulers). */
  scheduler?: Pick<TransportOptions, 'now' | 'sleep' | 'random'>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  totalTimeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  autoClientOrderId?: boolean;
}

export interface ApiDescription {
  environments: Readonly<Record<'production' | 'demo', string>>;
  /**
   * `"GET /portfolio/balance"`: method and path template of every operation that needs a signature, for the
   * requests made through openapi-fetch (`signingMiddleware()`). Generated operation functions say it per call.
   */
  signedOperations?: ReadonlySet<string>;
  /**
   * Turns `privateKeyPem` into a signer. Without it the client takes credentials only as `signer`, and a bundle
   * that never signs carries no signing code.
   */
  createDefaultSigner?: (privateKeyPem: string) => Signer;
}

/** The options of a client made without a default signer: credentials as `{ apiKeyId, signer }`. */
export type KalshiBaseClientOptions = Omit<KalshiClientOptions, 'privateKeyPem'>;

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

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export class ClientCore {
  readonly baseUrl: string;
  readonly #signing: SigningContext | undefined;
  readonly #options: KalshiClientOptions;
  readonly #timeoutMs: number;
  readonly #totalTimeoutMs: number;
  readonly #maxRetries: number;
  readonly #rateLimiter: RateLimiter | undefined;
  readonly #slots: Slots;
  readonly #pacer: SigningPacer = new SigningPacer();
  readonly #clock: ClockCorrection | undefined;
  readonly #now: () => number;
  readonly #middleware: Middleware;
  readonly #transport: FetchFunction;

  constructor(options: KalshiClientOptions, api: ApiDescription) {
    if (typeof options !== 'object' || options === null)
      throw new KalshiConfigError('Client options must be an object.');
    this.#options = options;
    this.baseUrl = resolveBaseUrl(options, api.environments);
    this.#signing = credentialsOf(options, api.createDefaultSigner ?? signerRequired);
    this.#timeoutMs = checkTimeoutMs(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'Client options');
    this.#totalTimeoutMs = checkTotalTimeoutMs(options.totalTimeoutMs, DEFAULT_TOTAL_TIMEOUT_MS, 'Client options');
    this.#maxRetries = checkMaxRetries(options.maxRetries, DEFAULT_MAX_RETRIES, 'Client options');
    this.#rateLimiter = createRateLimiter(options.rateLimit, options.scheduler ?? {});
    this.#slots = new Slots(checkConcurrency(options.maxConcurrentRequests));
    this.#clock = options.correctClockSkew === true ? new ClockCorrection() : undefined;
    this.#now = options.scheduler?.now ?? Date.now;
    this.#middleware = createSigningMiddleware(api.signedOperations ?? new Set(), this.#signing);
    this.#transport = this.#createTransport(this.#timeoutMs, this.#totalTimeoutMs, this.#maxRetries, false);
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
    const headers = this.#options.headers;
    return {
      baseUrl: this.baseUrl,
      fetch: this.#transport,
      pathSerializer: createPathSerializer(this.baseUrl),
      ...(headers === undefined ? {} : { headers: { ...headers } }),
    };
  }

  /** Register on the openapi-fetch client before any other middleware. Always the same object. */
  signingMiddleware(): Middleware {
    return this.#middleware;
  }

  /**
   * Marks `request`, a call of `operation` (`"GET /portfolio/balance"`), for signing or as public: what the
   * signing middleware does for openapi-fetch calls. Throws `KalshiConfigError` for a signed one without
   * credentials, before anything is sent.
   */
  classify(request: Request, operation: string, signed: boolean): void {
    classifyRequest(request, operation, signed, this.#signing);
  }

  /**
   * The init fields of one call: the caller's signal and headers (openapi-fetch merges them over the client's
   * headers), and a transport bound to this call's timeout, retries and idempotency. A POST counts as
   * idempotent only when the body actually sent carries a `client_order_id` (`call.body`): Kalshi refuses a
   * reused one, so its retry cannot fill twice; without one it is never sent twice.
   */
  init(options: RequestOptions = {}, call: { idempotent?: boolean; body?: unknown } = {}): CallInit {
    const timeoutMs = checkTimeoutMs(options.timeoutMs, this.#timeoutMs, 'Request options');
    const totalTimeoutMs = checkTotalTimeoutMs(options.totalTimeoutMs, this.#totalTimeoutMs, 'Request options');
    const maxRetries = checkMaxRetries(options.maxRetries, this.#maxRetries, 'Request options');
    const idempotent = call.idempotent === true && hasClientOrderId(call.body);
    const fetch =
      timeoutMs === this.#timeoutMs &&
      totalTimeoutMs === this.#totalTimeoutMs &&
      maxRetries === this.#maxRetries &&
      !idempotent
        ? this.#transport
        : this.#createTransport(timeoutMs, totalTimeoutMs, maxRetries, idempotent);
    const init: CallInit & { parseAs: 'stream' } = { fetch, parseAs: 'stream' };
    if (options.signal !== undefined) init.signal = options.signal;
    if (options.headers !== undefined) init.headers = { ...options.headers };
    return init;
  }

  /** The body with a generated `client_order_id` when it has none (unless disabled per call or per client). */
  withClientOrderId<T>(body: T, options?: RequestOptions): T {
    return withClientOrderId(body, {
      autoClientOrderId: options?.autoClientOrderId ?? this.#options.autoClientOrderId,
    });
  }

  /**
   * The parsed body of a 2xx (undefined for 204 and empty bodies); otherwise throws the matching
   * `KalshiApiError`. A 2xx body that is not JSON throws `KalshiResponseParseError` (`read` reads other media
   * types: text, a Blob, the stream itself). Errors raised before the
   * request was sent (a serializer's, another middleware's) are passed on as they are.
   */
  async unwrap<T>(
    result: Promise<{ data?: T; error?: unknown; response: Response }>,
    read: (response: Response) => Promise<unknown> = readJsonBody,
  ): Promise<T> {
    const { data, error, response } = await result;
    try {
      if (!response.ok) {
        const record = responseRecord(response);
        throw errorFromResponse(response.status, error, response.headers, {
          receivedAtMs: record?.receivedAtMs ?? this.#now(),
          signedAtMs: record?.signedAtMs,
        });
      }
      // `init()` asked for the body unread (`parseAs: 'stream'`); undefined means openapi-fetch saw none.
      return (data === undefined || response.body === null ? undefined : await read(response)) as T;
    } finally {
      settleResponse(response);
    }
  }

  toJSON(): Record<string, unknown> {
    return {
      baseUrl: this.baseUrl,
      apiKeyId: this.#signing?.keyId,
      timeoutMs: this.#timeoutMs,
      totalTimeoutMs: this.#totalTimeoutMs,
      maxRetries: this.#maxRetries,
      rateLimit: this.#options.rateLimit,
    };
  }

  toString(): string {
    return `ClientCore(${this.baseUrl}${this.#signing ? `, key ${this.#signing.keyId}` : ', no credentials'})`;
  }

  #createTransport(timeoutMs: number, totalTimeoutMs: number, maxRetries: number, idempotent: boolean): FetchFunction {
    const scheduler = this.#options.scheduler ?? {};
    return createTransport({
      fetch: this.#options.fetch,
      timeoutMs,
      totalTimeoutMs,
      maxRetries,
      idempotent,
      rateLimiter: this.#rateLimiter,
      slots: this.#slots,
      pacer: this.#pacer,
      clock: this.#clock,
      fallbackSigning: this.#signing,
      now: scheduler.now,
      sleep: scheduler.sleep,
      random: scheduler.random,
    });
  }
}

/** Node's `util.inspect`: settings only, never key material. */
Object.defineProperty(ClientCore.prototype, INSPECT, {
  value: function inspectClientCore(this: ClientCore): string {
    return `ClientCore ${JSON.stringify(this.toJSON())}`;
  },
  writable: true,
  configurable: true,
});

function signerRequired(): never {
  throw new KalshiConfigError(
    'This client takes credentials as { apiKeyId, signer }: pass signer: createDefaultSigner(privateKeyPem) ' +
      '(the signer stays out of bundles that never sign), or use the client class, which takes privateKeyPem.',
  );
}

function checkTotalTimeoutMs(value: unknown, fallback: number, where: string): number {
  return checkTimeoutMs(value, fallback, where, 'totalTimeoutMs');
}

function checkConcurrency(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_CONCURRENT_REQUESTS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new KalshiConfigError(
      `Client options: maxConcurrentRequests must be a positive integer, got ${String(value).slice(0, 40)}.`,
    );
  }
  return value;
}
