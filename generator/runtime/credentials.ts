/**
 * Credentials from the client options: a key id plus a PEM (parsed once, here, by the default signer) or a
 * custom signer. Both or neither; errors never echo the values.
 */
import { KalshiConfigError } from './errors.js';
import type { Signer } from './signing.js';

/** The credentials one client signs with. */
export interface SigningContext {
  readonly keyId: string;
  readonly signer: Signer;
}

export interface CredentialOptions {
  apiKeyId?: string | undefined;
  privateKeyPem?: string | undefined;
  signer?: Signer | undefined;
}

/** The signing context, or undefined for a public-only client; `KalshiConfigError` when half-configured. */
export function credentialsOf(
  options: CredentialOptions,
  createDefaultSigner: (privateKeyPem: string) => Signer,
): SigningContext | undefined {
  const keyId = present(options.apiKeyId, 'apiKeyId');
  const pem = present(options.privateKeyPem, 'privateKeyPem');
  const signer = options.signer;
  const fail = (message: string): never => {
    throw new KalshiConfigError(message);
  };
  if (pem !== undefined && signer !== undefined) fail('Pass either privateKeyPem or signer, not both.');
  if (signer !== undefined && typeof signer?.sign !== 'function') {
    fail('signer must be an object with a sign(message: string): Promise<string> method.');
  }
  if (keyId === undefined) {
    if (pem === undefined && signer === undefined) return undefined;
    return fail('A private key or signer was given without apiKeyId (the KALSHI-ACCESS-KEY id, a UUID).');
  }
  if (pem === undefined && signer === undefined) {
    fail('apiKeyId was given without privateKeyPem or signer: both are needed to sign requests.');
  }
  if (looksLikeKey(keyId)) {
    fail('apiKeyId looks like a private key; pass the key id (a UUID) as apiKeyId and the PEM as privateKeyPem.');
  }
  return { keyId: keyId.trim(), signer: signer ?? createDefaultSigner(pem as string) };
}

/** A PEM (or anything far longer than a UUID) where the key id belongs. */
export function looksLikeKey(keyId: string): boolean {
  return keyId.includes('-----BEGIN') || keyId.length > 200;
}

/** The context a call of `operation` (`"GET /portfolio/balance"`) signs with; without one, nothing is sent. */
export function requireCredentials(operation: string, context: SigningContext | undefined): SigningContext {
  if (context === undefined) {
    throw new KalshiConfigError(
      `${operation} requires Kalshi API credentials, but the client has none: pass { apiKeyId, privateKeyPem } ` +
        `(or { apiKeyId, signer }) when constructing the client. The request was not sent.`,
    );
  }
  return context;
}

/** A non-empty string, or undefined for undefined / empty (e.g. an unset environment variable). */
function present(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new KalshiConfigError(`${name} must be a string, got ${typeof value}.`);
  return value.trim() === '' ? undefined : value;
}
