/**
 * How Kalshi checks a request's signature, shared by the REST stand-in (kalshi-server.ts) and the WebSocket
 * stand-in (kalshi-ws-server.ts). Independent of generator/runtime on purpose: it is the oracle the runtime is
 * tested against.
 *
 * Key id → known key (else 401 NOT_FOUND), timestamp within the window (else 401 header_timestamp_expired),
 * RSA-PSS signature over timestamp + METHOD + pathname, query stripped (else 401 INCORRECT_API_KEY_SIGNATURE).
 */
import { constants, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type AuthResult =
  | { ok: true; keyId: string }
  | { ok: false; keyId: string | undefined; failure: string; body: unknown };

export interface VerifierOptions {
  keys?: Record<string, string | KeyObject>;
  /** Accepted clock skew in ms, either way. Default 5000. */
  timestampToleranceMs?: number;
  /** Server clock (ms). Default Date.now. */
  now?: () => number;
}

export type Verifier = (method: string, pathname: string, headers: IncomingHttpHeaders) => AuthResult;

export const authError = (details: string): unknown => ({
  error: { code: 'authentication_error', message: 'authentication_error', details },
});

export function createVerifier(options: VerifierOptions): Verifier {
  const tolerance = options.timestampToleranceMs ?? 5000;
  const now = options.now ?? Date.now;
  const keys = new Map<string, KeyObject>();
  for (const [id, key] of Object.entries(options.keys ?? {})) {
    keys.set(id, typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key));
  }
  return (method, pathname, headers) => {
    const keyId = single(headers['kalshi-access-key']);
    const timestamp = single(headers['kalshi-access-timestamp']);
    const signature = single(headers['kalshi-access-signature']);
    if (!keyId || !timestamp || !signature) {
      return { ok: false, keyId, failure: 'MISSING_HEADERS', body: authError('missing authentication headers') };
    }
    const key = keys.get(keyId);
    if (!key) return { ok: false, keyId, failure: 'NOT_FOUND', body: authError('NOT_FOUND') };
    const ts = /^\d+$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isFinite(ts) || Math.abs(now() - ts) > tolerance) {
      const body = { error: { code: 'header_timestamp_expired', message: 'header_timestamp_expired' } };
      return { ok: false, keyId, failure: 'header_timestamp_expired', body };
    }
    const strictBase64 = /^[A-Za-z0-9+/]*={0,2}$/.test(signature) && signature.length % 4 === 0;
    const message = Buffer.from(`${timestamp}${method}${pathname}`, 'utf8');
    const valid =
      strictBase64 &&
      verify('sha256', message, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(signature, 'base64'));
    if (!valid) return { ok: false, keyId, failure: 'INCORRECT_API_KEY_SIGNATURE', body: authError('INCORRECT_API_KEY_SIGNATURE') };
    return { ok: true, keyId };
  };
}

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export interface TestKeyPair {
  /** `-----BEGIN RSA PRIVATE KEY-----`, what the Kalshi UI hands out. */
  pkcs1: string;
  /** `-----BEGIN PRIVATE KEY-----`. */
  pkcs8: string;
  /** SPKI `-----BEGIN PUBLIC KEY-----`, for the stand-ins' `keys`. */
  publicKey: string;
}

/** A fresh 2048-bit RSA key pair in the PEM forms the tests need. */
export function generateTestKeyPair(): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
