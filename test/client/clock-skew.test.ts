/**
 * Timestamp rejections (`401 header_timestamp_expired`) through the generated client, against the stand-in whose
 * clock (`now`, also its `Date` header) is set apart from this machine's: the error says whether the local clock
 * is off and by how much, or that the clock is right and the signature aged; `correctClockSkew: true` signs with
 * the server's time, learned from `Date` headers, and re-sends a rejected request once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createDefaultSigner, type KalshiClientOptions } from '../../generated/dist/index.js';
import type { KalshiRoute } from '../support/kalshi-server.js';
import { startHarness, testKeys, type Harness } from './harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

let ordersHandled = 0;
const routes: KalshiRoute[] = [
  { method: 'GET', path: '/exchange/status', secured: false, handler: () => ({ status: 200, body: { exchange_active: true, trading_active: true } }) },
  { method: 'GET', path: '/portfolio/balance', secured: true, handler: () => ({ status: 200, body: { balance: 5 } }) },
  {
    method: 'POST',
    path: '/portfolio/events/orders',
    secured: true,
    handler: (req) => (ordersHandled++, { status: 201, body: { order_id: 'o-1', client_order_id: (req.body as { client_order_id?: string }).client_order_id, fill_count: '0.00', remaining_count: '1.00', ts_ms: 1 } }),
  },
];

/** A stand-in whose clock runs `skewMs` ahead of this machine's (negative: behind). */
const skewed = (skewMs: number, options: KalshiClientOptions = {}) =>
  startHarness(routes, { maxRetries: 0, ...options }, { now: () => Date.now() + skewMs });

async function rejection(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).code).toBe('header_timestamp_expired');
  return error as AuthenticationError;
}

describe('a timestamp rejection explains itself', () => {
  it('local clock 60 s behind the server: says so, with the offset, and how to fix it', async () => {
    harness = await skewed(60_000);
    const error = await rejection(harness.client.getBalance());
    expect(error.message).toMatch(/^401 header_timestamp_expired\. Kalshi rejected the request timestamp: this machine's clock looks about 60 s behind the server's \(from the response Date header\)\./);
    expect(error.message).not.toMatch(/after it was signed/); // answered at once: not worth saying beside the clock
    expect(error.message).toContain('correctClockSkew: true');
    expect(Math.abs(error.clockOffsetMs! - 60_000)).toBeLessThanOrEqual(1_500);
    expect(error.toJSON()).toMatchObject({ clockOffsetMs: error.clockOffsetMs });
    expect(harness.server.requests).toHaveLength(1);
  });

  it('local clock 45 s ahead of the server', async () => {
    harness = await skewed(-45_000);
    const error = await rejection(harness.client.getBalance());
    expect(error.message).toMatch(/clock looks about 45 s ahead of the server's/);
    expect(Math.abs(error.clockOffsetMs! + 45_000)).toBeLessThanOrEqual(1_500);
  });

  it('clock right, signature aged (a slow signer, a tight window): says the clock agrees and how long it took', async () => {
    const signer = createDefaultSigner(testKeys().pkcs1);
    const slow = { sign: (message: string) => new Promise<string>((resolve) => setTimeout(() => resolve(signer.sign(message)), 400)) };
    harness = await startHarness(routes, { maxRetries: 0, signer: slow, privateKeyPem: undefined, correctClockSkew: true }, { timestampToleranceMs: 100 });
    const error = await rejection(harness.client.getBalance());
    expect(error.message).toMatch(/this machine's clock agrees with the server's Date header \(within about 1 s\), so the signature aged before it arrived\./);
    const [, amount, unit] = /answered (\d+(?:\.\d)?) (ms|s) after it was signed/.exec(error.message) ?? [];
    expect(Number(amount) * (unit === 's' ? 1000 : 1)).toBeGreaterThanOrEqual(400);
    expect(Math.abs(error.clockOffsetMs!)).toBeLessThanOrEqual(1_500);
    // Nothing to correct: not re-sent.
    expect(harness.server.requests).toHaveLength(1);
  });
});

describe('correctClockSkew: true', () => {
  it('re-signs a rejected request once with the server time, and signs later ones right the first time', async () => {
    harness = await skewed(60_000, { correctClockSkew: true });
    await expect(harness.client.getBalance()).resolves.toEqual({ balance: 5 });
    expect(harness.server.requests.map((r) => r.authFailure ?? r.status)).toEqual(['header_timestamp_expired', 200]);
    await expect(harness.client.getBalance()).resolves.toEqual({ balance: 5 });
    expect(harness.server.requests).toHaveLength(3);
    expect(harness.server.requests[2]?.verified).toBe(true);
    const signedAt = Number(harness.server.requests[2]?.headers['kalshi-access-timestamp']);
    expect(Math.abs(signedAt - (Date.now() + 60_000))).toBeLessThan(5_000);
  });

  it('re-sends even a POST that may not be retried: Kalshi refused it before doing anything', async () => {
    harness = await skewed(-30_000, { correctClockSkew: true, autoClientOrderId: false });
    ordersHandled = 0;
    const order = { ticker: 'KXBTC', side: 'bid', count: '1.00', price: '0.4000', time_in_force: 'good_till_canceled', self_trade_prevention_type: 'taker_at_cross' } as const;
    await expect(harness.client.createOrderV2(order)).resolves.toMatchObject({ order_id: 'o-1' });
    expect(harness.requestsTo('POST', '/portfolio/events/orders').map((r) => r.authFailure ?? r.status)).toEqual(['header_timestamp_expired', 201]);
    expect(ordersHandled).toBe(1);
  });

  it('learns from the Date header of any response, public ones included', async () => {
    harness = await skewed(90_000, { correctClockSkew: true });
    await harness.client.getExchangeStatus();
    await expect(harness.client.getBalance()).resolves.toEqual({ balance: 5 });
    expect(harness.server.requests.map((r) => r.authFailure ?? r.status)).toEqual([200, 200]);
  });

  it('is off by default: nothing is re-sent', async () => {
    harness = await skewed(60_000);
    await harness.client.getExchangeStatus();
    await rejection(harness.client.getBalance());
    expect(harness.server.requests).toHaveLength(2);
  });
});
