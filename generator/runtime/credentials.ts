/**
 * Credentials from the client options: a key id plus a PEM (parsed once, here, by the default signer) or a
 * custom signer. Both or neither; errors never echo the values.
 */
import { KalshiConfigError } from './errors.js';
import type { SigningContext } from './signing-middleware.js';
import type { Signer } from './signing.js';

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
  if (pem !== undefined && signer !== undefined) {
    throw new KalshiConfigError('Pass either privateKeyPem or signer, not both.');
  }
  if (signer !== undefined && (typeof signer !== 'object' || signer === null || typeof signer.sign !== 'function')) {
    throw new KalshiConfigError('signer must be an object with a sign(message: string): Promise<string> method.');
  }
  const hasKey = pem !== undefined || signer !== undefined;
  if (keyId === undefined && !hasKey) return undefined;
  if (keyId === undefined)
    throw new KalshiConfigError(
      'A private key or signer was given without apiKeyId (the KALSHI-ACCESS-KEY id, a UUID).',
    );
  if (!hasKey)
    throw new KalshiConfigError(
      'apiKeyId was given without privateKeyPem or signer: both are needed to sign requests.',
    );
  if (keyId.includes('-----BEGIN') || keyId.length > 200) {
    throw new KalshiConfigError(
      'apiKeyId looks like a private key; pass the key id (a UUID) as apiKeyId and the PEM as privateKeyPem.',
    );
  }
  return { keyId: keyId.trim(), signer: signer ?? createDefaultSigner(pem as string) };
}

/** A non-empty string, or undefined for undefined / empty (e.g. an unset environment variable). */
function present(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new KalshiConfigError(`${name} must be a string, got ${typeof value}.`);
  return value.trim() === '' ? undefined : value;
}
