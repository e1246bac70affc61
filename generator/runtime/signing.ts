/**
 * Kalshi request signing: message = timestamp (ms) + UPPERCASE method + URL pathname as sent
 * (including the `/trade-api/v2` prefix, without query or fragment). Host and body are not signed.
 */
import { KalshiConfigError } from './errors.js';

export interface Signer {
  /** RSA-PSS / SHA-256 / salt 32 signature of `message`, standard base64 with padding. */
  sign(message: string): Promise<string>;
}

export const HEADER_KEY = 'KALSHI-ACCESS-KEY';
export const HEADER_TIMESTAMP = 'KALSHI-ACCESS-TIMESTAMP';
export const HEADER_SIGNATURE = 'KALSHI-ACCESS-SIGNATURE';

/**
 * The pathname that goes on the wire for `url`: an absolute URL (`https://host/trade-api/v2/x?q`)
 * or an absolute path (`/trade-api/v2/x?q`). Parsed with the WHATWG URL parser, like `fetch` does,
 * so percent-encoding is exactly what is sent; query and fragment are dropped.
 */
export function signingPath(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return new URL(url).pathname;
  if (!url.startsWith('/')) {
    throw new KalshiConfigError(
      `Cannot sign a relative URL; expected an absolute URL or a path starting with "/" such as "/trade-api/v2/portfolio/balance".`,
    );
  }
  return new URL(`http://signing.invalid${url}`).pathname;
}

export function signingMessage(timestampMs: string, method: string, url: string): string {
  return `${timestampMs}${method.toUpperCase()}${signingPath(url)}`;
}

/**
 * The three Kalshi auth headers for one request attempt. Call it immediately before each send,
 * and again for every retry (fresh timestamp). `now` returns Unix time in milliseconds.
 */
export async function authHeaders(
  signer: Signer,
  keyId: string,
  method: string,
  url: string,
  now: () => number = Date.now,
): Promise<Record<string, string>> {
  if (typeof keyId !== 'string' || keyId.trim() === '') {
    throw new KalshiConfigError('Missing Kalshi API key id (the KALSHI-ACCESS-KEY value, a UUID).');
  }
  if (keyId.includes('-----BEGIN') || keyId.length > 200) {
    throw new KalshiConfigError(
      'The Kalshi API key id looks like a private key; pass the key id (a UUID) and the PEM separately.',
    );
  }
  const time = now();
  if (!Number.isFinite(time) || time <= 0) throw new KalshiConfigError('The clock returned an invalid timestamp.');
  const timestamp = String(Math.floor(time));
  const signature = await signer.sign(signingMessage(timestamp, method, url));
  return { [HEADER_KEY]: keyId.trim(), [HEADER_TIMESTAMP]: timestamp, [HEADER_SIGNATURE]: signature };
}
