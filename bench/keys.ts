/** One RSA-2048 key pair per benchmark run, in the forms the contenders and the server need. */
import { generateKeyPairSync } from 'node:crypto';

export const KEY_ID = 'b3c1d2e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e';

export interface BenchKeys {
  keyId: string;
  /** `BEGIN RSA PRIVATE KEY`, what the Kalshi UI hands out. */
  pkcs1: string;
  /** SPKI public key, for the server's verification. */
  publicKey: string;
}

export function benchKeys(): BenchKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    keyId: KEY_ID,
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
