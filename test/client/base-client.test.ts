/**
 * The base client takes its optional parts as objects, so a bundle carries only the parts it is given: a
 * `RateLimiter` (which several clients of an account may share) and a `ClockCorrection`. The plain forms the
 * client class takes (`rateLimit: {...}`, `correctClockSkew: true`) are refused with the fix, before anything is
 * sent. Through the generated package's operation functions against the signature-verifying stand-in on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ClockCorrection,
  createDefaultSigner,
  createKalshiBaseClient,
  createRateLimiter,
  getBalance,
  getExchangeStatus,
  KalshiConfigError,
  type KalshiBaseClientOptions,
} from '../../generated/dist/index.js';
import { startKalshiServer, type KalshiRoute, type KalshiServer } from '../support/kalshi-server.js';
import { KEY_ID, testKeys } from './harness.js';

let server: KalshiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const routes: KalshiRoute[] = [
  { method: 'GET', path: '/exchange/status', secured: false, handler: () => ({ status: 200, body: { exchange_active: true, trading_active: true } }) },
  { method: 'GET', path: '/portfolio/balance', secured: true, handler: () => ({ status: 200, body: { balance: 9 } }) },
];

/** The stand-in, its clock `skewMs` ahead of this machine's. */
async function start(skewMs = 0): Promise<KalshiServer> {
  server = await startKalshiServer({ keys: { [KEY_ID]: testKeys().publicKey }, routes, now: () => Date.now() + skewMs });
  return server;
}

function client(s: KalshiServer, options: KalshiBaseClientOptions = {}) {
  return createKalshiBaseClient({ baseUrl: s.url, apiKeyId: KEY_ID, signer: createDefaultSigner(testKeys().pkcs8), maxRetries: 0, ...options });
}

describe('a rate limiter given to base clients', () => {
  it('limits their calls together: one budget for two clients of an account', async () => {
    const s = await start();
    const waits: number[] = [];
    let now = 1_000_000;
    const limiter = createRateLimiter({ readsPerSecond: 2 }, { now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) });
    const one = client(s, { rateLimit: limiter });
    const two = client(s, { rateLimit: limiter });
    await getExchangeStatus(one);
    await getBalance(two);
    expect(waits).toEqual([]);
    await getBalance(one);
    await getExchangeStatus(two);
    expect(waits).toEqual([500, 500]);
    expect(s.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(JSON.stringify(one.core)).toContain('"rateLimit":{"readsPerSecond":2}');
  });
});

describe('a clock correction given to a base client', () => {
  it('signs with the server time: a rejected request is signed again and re-sent once, later ones are right at once', async () => {
    const s = await start(60_000);
    const correction = new ClockCorrection();
    const kalshi = client(s, { correctClockSkew: correction });
    await expect(getBalance(kalshi)).resolves.toEqual({ balance: 9 });
    await expect(getBalance(kalshi)).resolves.toEqual({ balance: 9 });
    expect(s.requests.map((r) => r.authFailure ?? r.status)).toEqual(['header_timestamp_expired', 200, 200]);
    expect(Math.abs(correction.offsetMs - 60_000)).toBeLessThanOrEqual(1_500);
  });
});

describe('the plain forms only the client class takes', () => {
  it.each([
    ['rateLimit options', { rateLimit: { readsPerSecond: 2 } }, /rateLimit: createRateLimiter\(/],
    ['correctClockSkew: true', { correctClockSkew: true }, /correctClockSkew: new ClockCorrection\(\)/],
    ['privateKeyPem', { privateKeyPem: 'x', signer: undefined }, /signer: createDefaultSigner\(privateKeyPem\)/],
  ])('%s: KalshiConfigError naming the fix, nothing sent', async (_label, options, fix) => {
    const s = await start();
    const make = () => client(s, options as unknown as KalshiBaseClientOptions);
    expect(make).toThrow(KalshiConfigError);
    expect(make).toThrow(fix);
    expect(s.requests).toEqual([]);
  });

  it('correctClockSkew: false and an unset rateLimit are simply off', async () => {
    const s = await start();
    await expect(getExchangeStatus(client(s, { correctClockSkew: false as never }))).resolves.toMatchObject({ trading_active: true });
  });
});
