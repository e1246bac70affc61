/**
 * Node signer: parses the PEM once into a KeyObject, then signs with RSA-PSS / SHA-256 / salt = digest length.
 */
import { constants, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { KalshiConfigError } from './errors.js';
import { checkRsaKeyBits } from './key-size.js';
import { normalisePem } from './pem.js';
import type { Signer } from './signing.js';

/**
 * Accepts a PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8 (`BEGIN PRIVATE KEY`) PEM, or an RSA private KeyObject, of
 * at least 2048 bits.
 */
export function createNodeSigner(privateKey: string | KeyObject): Signer {
  const key = typeof privateKey === 'string' ? parseKey(privateKey) : checkKey(privateKey);
  return {
    sign(message: string): Promise<string> {
      try {
        const signature = sign('sha256', Buffer.from(message, 'utf8'), {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
        });
        return Promise.resolve(signature.toString('base64'));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

function parseKey(pem: string): KeyObject {
  const normalised = normalisePem(pem);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: normalised.pem, format: 'pem' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? ` (${code})` : '';
    throw new KalshiConfigError(
      `The private key could not be parsed${reason}: expected an unencrypted RSA private key, PKCS#1 ` +
        `("-----BEGIN RSA PRIVATE KEY-----") or PKCS#8 ("-----BEGIN PRIVATE KEY-----").`,
    );
  }
  return checkKey(key);
}

function checkKey(key: KeyObject): KeyObject {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'rsa') {
    throw new KalshiConfigError(
      `Expected an RSA private key, got a ${key.asymmetricKeyType ?? 'symmetric'} ${key.type} key.`,
    );
  }
  checkRsaKeyBits(key.asymmetricKeyDetails?.modulusLength);
  return key;
}
