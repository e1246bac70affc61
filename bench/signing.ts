/**
 * Signing cost per request, without the network: the message Kalshi signs (timestamp + method + path) signed
 *   floor     — inline `crypto.sign` with a KeyObject parsed once;
 *   ours      — the package's default Node signer (`createDefaultSigner(pem).sign`, key parsed once);
 *   webcrypto — the package's WebCrypto signer (`createWebCryptoSigner(pem).sign`, key imported once);
 *   official  — `kalshi-typescript`'s `KalshiAuth.generateAuthHeaders` (what its interceptor calls per request),
 *               which hands the PEM string to `createSign` each time, so the key is parsed per signature.
 * Sequential (one signature at a time) and concurrent (a fixed number in flight: only WebCrypto, which signs
 * off the main thread, can overlap them; node:crypto's `sign` is synchronous).
 */
import { constants, createPrivateKey, sign } from 'node:crypto';
import { KalshiAuth } from 'kalshi-typescript/dist/auth.js';
import { createDefaultSigner, createWebCryptoSigner } from '../generated/dist/index.js';
import type { BenchKeys } from './keys.ts';
import { runCalls } from './requests.ts';
import { interleave, timed, type Contender } from './rounds.ts';
import type { Summary } from './stats.ts';

export const SIGNING_CONTENDERS = ['floor', 'ours', 'webcrypto', 'official'] as const;
export type SigningContender = (typeof SIGNING_CONTENDERS)[number];

export interface SigningSettings {
  rounds: number;
  signatures: number;
  concurrency: number;
}

export interface SigningResults {
  settings: SigningSettings;
  /** Microseconds per signature, per round. */
  sequentialUs: Record<SigningContender, Summary>;
  concurrentUs: Record<SigningContender, Summary>;
}

const PATH = '/trade-api/v2/portfolio/balance';
const message = (): string => `${Date.now()}GET${PATH}`;

export function signers(keys: BenchKeys): Record<SigningContender, () => Promise<string>> {
  const key = createPrivateKey(keys.pkcs1);
  const ours = createDefaultSigner(keys.pkcs1);
  const webcrypto = createWebCryptoSigner(keys.pkcs1);
  const official = new KalshiAuth(keys.keyId, keys.pkcs1);
  const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
  return {
    floor: async () => sign('sha256', Buffer.from(message()), options).toString('base64'),
    ours: () => ours.sign(message()),
    webcrypto: () => webcrypto.sign(message()),
    official: async () => official.generateAuthHeaders('GET', PATH)['KALSHI-ACCESS-SIGNATURE']!,
  };
}

export async function benchSigning(keys: BenchKeys, settings: SigningSettings): Promise<SigningResults> {
  const calls = signers(keys);
  const contenders = (concurrency: number): Contender<SigningContender>[] =>
    SIGNING_CONTENDERS.map((name) => ({
      name,
      warmUp: () => runCalls(calls[name], Math.min(settings.signatures, 200), concurrency),
      measure: async () =>
        ((await timed(() => runCalls(calls[name], settings.signatures, concurrency))) * 1000) / settings.signatures,
    }));
  const sequentialUs = await interleave(contenders(1), settings.rounds);
  const concurrentUs = await interleave(contenders(settings.concurrency), settings.rounds);
  return { settings, sequentialUs, concurrentUs };
}
