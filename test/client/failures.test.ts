/**
 * Failures that are not connection failures get their own error class, are not retried, and never show a key
 * or a signature: a signer that throws or returns garbage (`KalshiSigningError`), a 2xx whose body is not JSON
 * (`KalshiResponseParseError`), a key under 2048 bits (`KalshiConfigError` at construction). A custom fetch that
 * fails with the PEM and the real signature in its error gives a `KalshiConnectionError` whose message, cause
 * chain and printed form are clean. All through the generated client against the stand-in on 127.0.0.1.
 */
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDefaultSigner,
  createKalshiClient,
  createWebCryptoSigner,
  KalshiConfigError,
  KalshiConnectionError,
  KalshiError,
  KalshiResponseParseError,
  KalshiSigningError,
  MIN_RSA_KEY_BITS,
  type KalshiClientOptions,
} from '../../generated/dist/index.js';
import type { KalshiReply } from '../support/kalshi-server.js';
import { KEY_ID, startHarness, testKeys, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const balanceRoute = (reply: () => KalshiReply) => ({ method: 'GET', path: '/portfolio/balance', secured: true, handler: reply });
const start = async (reply: () => KalshiReply, options: KalshiClientOptions = {}) =>
  (harness = await startHarness([balanceRoute(reply)], { maxRetries: 2, scheduler: { sleep: async () => undefined }, ...options }));

/** Every way the error reaches a log. */
function printed(error: unknown): string {
  const e = error as Error;
  return [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 20 }), inspect(e.cause, { depth: 20, showHidden: true })].join('\n');
}

describe('signing failures', () => {
  it('a signer that throws (with the PEM in its message): KalshiSigningError, redacted, nothing sent, not retried', async () => {
    const { pkcs1 } = testKeys();
    let calls = 0;
    const signer = {
      sign: async () => {
        calls++;
        throw new Error(`HSM refused key ${pkcs1}`);
      },
    };
    const { client, server } = await start(() => ({ status: 200, body: { balance: 1 } }), { signer, privateKeyPem: undefined });
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiSigningError);
    expect(error).toBeInstanceOf(KalshiError);
    expect(error).not.toBeInstanceOf(KalshiConnectionError);
    expect((error as Error).message).toMatch(/^Signing GET \/trade-api\/v2\/portfolio\/balance failed: HSM refused key \[REDACTED PEM\]/);
    expect((error as Error).message).toContain('Nothing was sent');
    expect(printed(error)).not.toContain(pkcs1.split('\n')[1]!.slice(0, 24));
    expect(calls).toBe(1);
    expect(server.requests).toEqual([]);
  });

  it.each([
    ['a number', () => 42, /returned number/],
    ['an empty string', () => '', /returned an empty string/],
    ['base64url', () => 'ab-_'.repeat(86), /a string that is not base64/],
    ['null', () => null, /returned null/],
  ])('a signer returning %s: KalshiSigningError, nothing sent', async (_label, value, message) => {
    const signer = { sign: async () => value() as string };
    const { client, server } = await start(() => ({ status: 200, body: { balance: 1 } }), { signer, privateKeyPem: undefined });
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiSigningError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toEqual([]);
  });

  it.each([512, 1024, 2040])('a %i-bit key is refused at construction, by both signers', (bits) => {
    const small = generateKeyPairSync('rsa', { modulusLength: bits }).privateKey;
    for (const pem of [small.export({ type: 'pkcs1', format: 'pem' }).toString(), small.export({ type: 'pkcs8', format: 'pem' }).toString()]) {
      const construct = [
        () => createKalshiClient({ apiKeyId: KEY_ID, privateKeyPem: pem }),
        () => createDefaultSigner(pem),
        () => createWebCryptoSigner(pem),
      ];
      for (const make of construct) {
        let error: unknown;
        try {
          make();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(KalshiConfigError);
        expect((error as Error).message).toContain(`is a ${bits}-bit RSA key; at least ${MIN_RSA_KEY_BITS} bits are required`);
        expect((error as Error).message).not.toContain('MII');
      }
    }
  });

  it('a 2048-bit key (PKCS#1 or PKCS#8) and a 3072-bit key are accepted and sign verifiable requests', async () => {
    const { client, server } = await start(() => ({ status: 200, body: { balance: 7 } }));
    await expect(client.getBalance()).resolves.toEqual({ balance: 7 });
    const larger = generateKeyPairSync('rsa', { modulusLength: 3072 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => createWebCryptoSigner(larger)).not.toThrow();
    expect(() => createDefaultSigner(larger)).not.toThrow();
    expect(server.requests.every((r) => r.verified)).toBe(true);
  });
});

describe('a 2xx whose body is not JSON', () => {
  const html = '<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head><body>' + 'x'.repeat(1000) + '</body></html>';
  it.each([
    ['an HTML page', { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } }, 'text/html; charset=utf-8', /HTML or XML/],
    ['truncated JSON', { status: 200, body: '{"balance": 12', headers: { 'content-type': 'application/json' } }, 'application/json', /not valid JSON/],
    ['JSON with a trailing comma', { status: 200, body: '{"balance": 12,}', headers: { 'content-type': 'application/json' } }, 'application/json', /not valid JSON/],
  ] as const)('%s: KalshiResponseParseError with status, content type and snippet; not retried', async (_label, reply, contentType, kind) => {
    const { client, server } = await start(() => reply);
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiResponseParseError);
    expect(error).not.toBeInstanceOf(KalshiConnectionError);
    const typed = error as KalshiResponseParseError;
    expect(typed.status).toBe(200);
    expect(typed.contentType).toBe(contentType);
    expect(reply.body.replace(/\s+/g, ' ').startsWith(typed.bodySnippet.replace(/…$/, ''))).toBe(true);
    expect(typed.bodySnippet.length).toBeLessThanOrEqual(301);
    expect(typed.message).toMatch(kind);
    expect(typed.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2\/portfolio\/balance answered 200/);
    expect(typed.cause).toBeInstanceOf(SyntaxError);
    expect(typed.toJSON()).toMatchObject({ name: 'KalshiResponseParseError', status: 200, contentType });
    expect(server.requests).toHaveLength(1);
  });

  it('an empty 200 body is undefined, not an error', async () => {
    const { client } = await start(() => ({ status: 200, body: '', headers: { 'content-type': 'application/json' } }));
    await expect(client.getBalance()).resolves.toBeUndefined();
  });
});

describe('errors raised before anything is sent', () => {
  it('a body that cannot be serialised (a bigint) is passed on as it is, not as a connection error', async () => {
    const { client, server } = await start(() => ({ status: 201, body: {} }));
    const order = { ticker: 'KXBTC', side: 'bid', count: 10n, price: '0.4000', time_in_force: 'good_till_canceled', self_trade_prevention_type: 'taker_at_cross' };
    const error = await client.createOrderV2(order as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(KalshiError);
    expect(server.requests).toEqual([]);
  });
});

describe('a custom fetch that fails with secrets in its error', () => {
  it('gives a KalshiConnectionError whose message, cause chain and printed form hold neither the key nor the signature', async () => {
    const { pkcs1 } = testKeys();
    let sentSignature = '';
    const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
      sentSignature = new Headers(init.headers).get('kalshi-access-signature') ?? '';
      const socket = Object.assign(new Error(`write EPIPE while sending KALSHI-ACCESS-SIGNATURE: ${sentSignature}`), {
        code: 'EPIPE',
        request: { headers: Object.fromEntries(new Headers(init.headers)) },
      });
      throw new TypeError(`fetch failed (client key ${pkcs1})`, { cause: socket });
    };
    const { client, server } = await start(() => ({ status: 200, body: { balance: 1 } }), { fetch, maxRetries: 0 });
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConnectionError);
    expect(sentSignature.length).toBeGreaterThan(300);
    const text = printed(error);
    expect(text).not.toContain(sentSignature.slice(0, 24));
    expect(text).not.toContain(sentSignature.slice(-40));
    expect(text).not.toContain(pkcs1.split('\n')[1]!.slice(0, 24));
    const cause = (error as Error).cause as TypeError & { cause: Error & { code: string } };
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause.cause.code).toBe('EPIPE');
    expect(text).toContain('EPIPE');
    expect(text).toContain(KEY_ID);
    expect(server.requests).toEqual([]);
  });
});
