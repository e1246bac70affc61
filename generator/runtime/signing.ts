/**
 * Kalshi request signing: message = timestamp (ms) + UPPERCASE method + URL pathname as sent
 * (including the `/trade-api/v2` prefix, without query or fragment). Host and body are not signed.
 */
import { looksLikeKey } from './credentials.js';
import { KalshiConfigError, KalshiError } from './errors.js';
import { KalshiSigningError } from './request-errors.js';

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

/** Standard base64 with padding, what Kalshi expects in `KALSHI-ACCESS-SIGNATURE`. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The three Kalshi auth headers for one request attempt. Call it immediately before each send,
 * and again for every retry (fresh timestamp). `now` returns Unix time in milliseconds.
 * A signer that throws, rejects or returns anything but a base64 string gives `KalshiSigningError`
 * (its own `KalshiConfigError`, such as a key WebCrypto cannot import, is passed on as it is).
 */
export function authHeaders(
  signer: Signer,
  keyId: string,
  method: string,
  url: string,
  now: () => number = Date.now,
): Promise<Record<string, string>> {
  if (typeof keyId !== 'string' || keyId.trim() === '') {
    return Promise.reject(new KalshiConfigError('Missing Kalshi API key id (the KALSHI-ACCESS-KEY value, a UUID).'));
  }
  if (looksLikeKey(keyId)) {
    return Promise.reject(
      new KalshiConfigError(
        'The Kalshi API key id looks like a private key; pass the key id (a UUID) and the PEM separately.',
      ),
    );
  }
  return signedHeaders(signer, keyId.trim(), method, url, now);
}

/** `authHeaders` for a key id already checked (the client checks it at construction). */
export async function signedHeaders(
  signer: Signer,
  keyId: string,
  method: string,
  url: string,
  now: () => number,
): Promise<Record<string, string>> {
  const time = now();
  if (!(time > 0 && time < Infinity)) throw new KalshiConfigError('The clock returned an invalid timestamp.');
  const timestamp = String(Math.floor(time));
  const verb = method.toUpperCase();
  const path = signingPath(url);
  const what = `${verb} ${path}`;
  let signature: unknown;
  try {
    signature = await signer.sign(`${timestamp}${verb}${path}`);
  } catch (error) {
    if (error instanceof KalshiError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KalshiSigningError(`Signing ${what} failed: ${reason}. Nothing was sent.`, { cause: error });
  }
  if (typeof signature !== 'string' || !BASE64.test(signature)) {
    const got =
      signature === null
        ? 'null'
        : typeof signature !== 'string'
          ? typeof signature
          : signature === ''
            ? 'an empty string'
            : 'a string that is not base64';
    throw new KalshiSigningError(
      `The signer returned ${got} for ${what}; expected the RSA-PSS signature as standard base64. Nothing was sent.`,
    );
  }
  return { [HEADER_KEY]: keyId, [HEADER_TIMESTAMP]: timestamp, [HEADER_SIGNATURE]: signature };
}
