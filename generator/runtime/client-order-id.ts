/**
 * Automatic `client_order_id`: Kalshi never accepts the same id twice (409 `order_already_exists`, even after a
 * cancel), so an order-creating POST that carries one cannot fill twice and may be retried safely. The id is put
 * into the body once per call, before the first attempt; every retry re-sends that same body.
 */
import { KalshiConfigError } from './errors.js';

export interface ClientOrderIdOptions {
  /** Default true. False: the body is sent as given (no id added). */
  autoClientOrderId?: boolean | undefined;
}

/**
 * When `body.client_order_id` is undefined (missing or explicitly undefined) and `options.autoClientOrderId`
 * is not false, returns a shallow copy with a fresh UUID v4; otherwise returns `body` itself. Non-object
 * bodies (undefined, arrays, strings) are returned unchanged. The caller's object is never modified.
 */
export function withClientOrderId<T>(body: T, options: ClientOrderIdOptions = {}, uuid: () => string = randomUuid): T {
  if (options.autoClientOrderId === false) return body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  if ((body as { client_order_id?: unknown }).client_order_id !== undefined) return body;
  return { ...body, client_order_id: uuid() };
}

/** `crypto.randomUUID()`, or a v4 UUID from `crypto.getRandomValues` where randomUUID is missing (insecure contexts). */
export function randomUuid(): string {
  const webCrypto = (globalThis as { crypto?: Partial<Pick<Crypto, 'randomUUID' | 'getRandomValues'>> }).crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  if (typeof webCrypto?.getRandomValues !== 'function') {
    throw new KalshiConfigError(
      'No secure random source (globalThis.crypto) to generate a client_order_id; pass client_order_id explicitly.',
    );
  }
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether `body` carries a usable `client_order_id` (a non-empty string): what makes a retried POST safe. */
export function hasClientOrderId(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const id = (body as { client_order_id?: unknown }).client_order_id;
  return typeof id === 'string' && id !== '';
}
