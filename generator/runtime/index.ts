/**
 * The public runtime API, re-exported by the generated package's entry point. Browser-safe: the Node signer
 * is not re-exported here (it imports node:crypto); the generated entry exports `createDefaultSigner` from
 * `#default-signer`, which resolves to the Node or the WebCrypto signer per runtime.
 */
export {
  KalshiError,
  KalshiConfigError,
  KalshiConnectionError,
  KalshiTimeoutError,
  KalshiApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  errorFromResponse,
  type KalshiApiErrorInit,
  type ResponseContext,
} from './errors.js';
export { KalshiPathParameterError, KalshiResponseParseError, KalshiSigningError } from './request-errors.js';
export { KalshiAbortError } from './abort.js';
export { type Signer, authHeaders, signingMessage, HEADER_KEY, HEADER_SIGNATURE, HEADER_TIMESTAMP } from './signing.js';
export { createWebCryptoSigner, type SubtleSigner } from './webcrypto-signer.js';
export { ClientCore, type CallInit, type FetchFunction } from './client-core.js';
export {
  BaseClientCore,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  type ApiDescription,
  type KalshiBaseClientOptions,
  type KalshiClientOptions,
  type RequestOptions,
  type Scheduler,
} from './base-client-core.js';
export { createRateLimiter, RateLimiter, type RateLimitClock, type RateLimitOptions } from './rate-limit.js';
export { ClockCorrection } from './clock-skew.js';
export type { FetchLike } from './attempt.js';
export { DEFAULT_MAX_RETRIES, RETRY_AFTER_MAX_MS } from './retry.js';
export { MIN_RSA_KEY_BITS } from './key-size.js';
export {
  KalshiPaginationError,
  ListingPromise,
  PagePromise,
  type FetchPage,
  type ListingShape,
  type PageShape,
} from './pagination.js';
export { callOperation, callPublicOperation, type OperationCall, type PublicOperationCall } from './operation-call.js';
export { DEFAULT_MAX_CONCURRENT_REQUESTS } from './concurrency.js';
