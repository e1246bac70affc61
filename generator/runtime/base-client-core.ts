/**
 * What every client shares, and all the operation functions need: options, credentials (parsed once), base URL,
 * and the transport (timeouts, retries, rate limiting, requests in flight, clock-skew correction). Holds no global
 * state: two clients with different keys sign with their own keys. Signing itself comes with the calls that need
 * it (`request-signing.ts`); openapi-fetch's wiring is `ClientCore`'s (`client-core.ts`).
 */
import type { CallSigning, Outgoing } from './attempt.js';
import { resolveBaseUrl } from './base-url.js';
import { clientParts } from './client-parts.js';
import type { SigningContext } from './credentials.js';
import { KalshiConfigError } from './errors.js';
import { installInspect } from './inspect.js';
import {
  checkMaxRetries,
  checkTimeoutMs,
  type ApiDescription,
  type KalshiClientOptions,
  type RequestOptions,
} from './options.js';
import { transmit, type CallSettings, type ClientTransport } from './transport.js';

export type {
  ApiDescription,
  KalshiBaseClientOptions,
  KalshiClientOptions,
  RequestOptions,
  Scheduler,
} from './options.js';
export { DEFAULT_TIMEOUT_MS } from './options.js';
export { DEFAULT_TOTAL_TIMEOUT_MS } from './deadline.js';

export class BaseClientCore {
  readonly baseUrl: string;
  readonly #signing: SigningContext | undefined;
  readonly #options: KalshiClientOptions;
  readonly #defaults: CallSettings;
  readonly #transport: ClientTransport;

  constructor(options: KalshiClientOptions, api: ApiDescription) {
    if (typeof options !== 'object' || options === null)
      throw new KalshiConfigError('Client options must be an object.');
    this.#options = options;
    this.baseUrl = resolveBaseUrl(options, api.environments);
    ({ signing: this.#signing, defaults: this.#defaults, transport: this.#transport } = clientParts(options, api));
  }

  /** The key id and signer this client signs with; undefined for a client without credentials. */
  credentials(): SigningContext | undefined {
    return this.#signing;
  }

  /** Headers sent with every request (per-call headers win over them). */
  get headers(): Record<string, string> | undefined {
    return this.#options.headers;
  }

  /** Whether order-creating calls get a generated `client_order_id`: per call, else per client (default true). */
  autoClientOrderId(options?: RequestOptions): boolean {
    return (options?.autoClientOrderId ?? this.#options.autoClientOrderId) !== false;
  }

  /**
   * The settings of one call: its timeouts, retries and signal, the client's where it sets none (checked:
   * `KalshiConfigError`). A POST counts as `idempotent` only when the body actually sent carries a
   * `client_order_id`: Kalshi refuses a reused one, so its retry cannot fill twice; without one it is never sent
   * twice.
   */
  settings(options: RequestOptions = {}, idempotent = false): CallSettings {
    const where = 'Request options';
    const defaults = this.#defaults;
    return {
      timeoutMs: checkTimeoutMs(options.timeoutMs, defaults.timeoutMs, where),
      totalTimeoutMs: checkTimeoutMs(options.totalTimeoutMs, defaults.totalTimeoutMs, where, 'totalTimeoutMs'),
      maxRetries: checkMaxRetries(options.maxRetries, defaults.maxRetries, where),
      idempotent,
      signal: options.signal,
    };
  }

  /** Sends one call through the client's transport; signed by `signing` when given (see `request-signing.ts`). */
  send(request: Outgoing, settings: CallSettings, signing?: CallSigning): Promise<Response> {
    return transmit(request, settings, this.#transport, signing);
  }

  toJSON(): Record<string, unknown> {
    const { timeoutMs, totalTimeoutMs, maxRetries } = this.#defaults;
    const { baseUrl } = this;
    return {
      baseUrl,
      apiKeyId: this.#signing?.keyId,
      timeoutMs,
      totalTimeoutMs,
      maxRetries,
      rateLimit: this.#options.rateLimit,
    };
  }

  toString(): string {
    return `ClientCore(${this.baseUrl}${this.#signing ? `, key ${this.#signing.keyId}` : ', no credentials'})`;
  }
}

/** Node's `util.inspect`: settings only, never key material (see `inspect.ts`). */
installInspect(BaseClientCore.prototype, function inspectClientCore(this: BaseClientCore) {
  return `ClientCore ${JSON.stringify(this.toJSON())}`;
});
