/**
 * WebCrypto signer for browsers, Deno, Bun, edge runtimes and Node >= 20: only `crypto.subtle`,
 * no `node:` imports, no Buffer. PKCS#1 keys are converted to PKCS#8 (WebCrypto imports only PKCS#8).
 */
import { KalshiConfigError } from './errors.js';
import { checkRsaKeyBits, rsaModulusBits } from './key-size.js';
import { bytesToBase64, EXPECTED, privateKeyPemToPkcs8Der } from './pem.js';
import type { Signer } from './signing.js';

/**
 * The part of `SubtleCrypto` this signer uses, declared here so the package's types do not require the
 * DOM library (a Node-only consumer compiles without it).
 */
export interface SubtleSigner {
  importKey(
    format: 'pkcs8',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { name: string; hash: string },
    extractable: boolean,
    usages: ['sign'],
  ): Promise<unknown>;
  sign(
    algorithm: { name: string; saltLength: number },
    key: never,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<ArrayBuffer>;
}

const IMPORT_ALGORITHM = { name: 'RSA-PSS', hash: 'SHA-256' } as const;
const SIGN_ALGORITHM = { name: 'RSA-PSS', saltLength: 32 } as const;

/**
 * The PEM is validated (an RSA key of at least 2048 bits) and converted at construction; the key is imported
 * once, on first use (a memoised promise), so construction stays synchronous.
 */
export function createWebCryptoSigner(privateKeyPem: string, subtle?: SubtleSigner): Signer {
  const api = subtle ?? (globalThis as { crypto?: { subtle?: SubtleSigner } }).crypto?.subtle;
  if (api === undefined) {
    throw new KalshiConfigError(
      'WebCrypto is not available (globalThis.crypto.subtle is missing); pass a SubtleCrypto implementation or use the Node signer.',
    );
  }
  const pkcs8 = privateKeyPemToPkcs8Der(privateKeyPem);
  checkRsaKeyBits(rsaModulusBits(pkcs8));
  let keyPromise: Promise<unknown> | undefined;

  const importKey = async (): Promise<unknown> => {
    try {
      return await api.importKey('pkcs8', new Uint8Array(pkcs8), IMPORT_ALGORITHM, false, ['sign']);
    } catch (error) {
      const name = error instanceof Error ? ` (${error.name})` : '';
      throw new KalshiConfigError(`The private key could not be imported${name}: ${EXPECTED}.`);
    }
  };

  return {
    async sign(message: string): Promise<string> {
      keyPromise ??= importKey();
      const key = await keyPromise;
      const signature = await api.sign(SIGN_ALGORITHM, key as never, new TextEncoder().encode(message));
      return bytesToBase64(new Uint8Array(signature));
    },
  };
}
