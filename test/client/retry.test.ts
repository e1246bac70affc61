/**
 * Retries, timeouts and cancellation through the generated `KalshiClient` (generated/dist), against the
 * signature-verifying Kalshi stand-in on 127.0.0.1. Backoff waits go through the client's `scheduler.sleep`
 * (recorded, then slept for real at 1/50 of the time) except where the real wait itself is what is measured.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  InternalServerError,
  KalshiAbortError,
  KalshiConnectionError,
  KalshiTimeoutError,
  RateLimitError,
  type KalshiClientOptions,
} from '../../generated/dist/index.js';
import type { KalshiReply, KalshiRequest, KalshiRoute } from '../support/kalshi-server.js';
import { header, startHarness, type Harness } from './harness.js';
import { ORDER } from '../fixtures/consumer/order.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOO_MANY = { status: 429, body: { error: 'too many requests' } } as const;
const UNAVAILABLE = { status: 503, body: { error: { code: 'service_unavailable', message: 'try again' } } } as const;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A sleep that records the requested delay and really waits 1/50 of it (abortable, timer always cleared). */
function fastSleep(): { delays: number[]; sleep: (ms: number, signal?: AbortSignal) => Promise<void> } {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    delays.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        resolve();
      }, Math.max(2, ms / 50));
      const abort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
    });
  };
  return { delays, sleep };
}

/** A route answering the n-th request (0-based) with `replies[n]`, the last reply repeating. Records arrival times. */
function scripted(method: string, path: string, replies: (KalshiReply | ((req: KalshiRequest) => KalshiReply))[]) {
  const arrivals: number[] = [];
  const route: KalshiRoute = {
    method,
    path,
    secured: true,
    handler(req) {
      arrivals.push(performance.now());
      const reply = replies[Math.min(arrivals.length - 1, replies.length - 1)]!;
      return typeof reply === 'function' ? reply(req) : reply;
    },
  };
  return { route, arrivals };
}

async function start(route: KalshiRoute, options: KalshiClientOptions = {}): Promise<Harness> {
  harness = await startHarness([route], options);
  return harness;
}

const balance = (): KalshiReply => ({ status: 200, body: { balance: 12_345, portfolio_value: 0, updated_ts: 0 } });
const created = (req: KalshiRequest): KalshiReply => ({
  status: 201,
  body: { order_id: 'order-1', client_order_id: (req.body as { client_order_id?: string }).client_order_id, fill_count: '0.00', remaining_count: '1.00', ts_ms: 1 },
});
const order = ORDER;
const ORDERS = '/portfolio/events/orders';

describe('retries through the generated client', () => {
  it('GET answered 429, 429, 200 succeeds after exactly 3 attempts, 3 distinct timestamps, all verified', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [TOO_MANY, TOO_MANY, balance()]);
    const { delays, sleep } = fastSleep();
    const { client, requestsTo } = await start(route, { maxRetries: 2, scheduler: { sleep, random: () => 0.5 } });

    const result = await client.getBalance();
    expect(result.balance).toBe(12_345);
    const requests = requestsTo('GET', '/portfolio/balance');
    expect(requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(requests.every((r) => r.verified)).toBe(true);
    const timestamps = requests.map((r) => Number(header(r, 'kalshi-access-timestamp')));
    expect(new Set(timestamps).size).toBe(3);
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    expect(new Set(requests.map((r) => header(r, 'kalshi-access-signature'))).size).toBe(3);
    // Exponential backoff from 0.5 s (jitter factor 1 with random() = 0.5).
    expect(delays).toEqual([500, 1000]);
  });

  it('gives up after maxRetries with the last error (per-call maxRetries wins)', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [TOO_MANY]);
    const { sleep } = fastSleep();
    const { client, requestsTo } = await start(route, { maxRetries: 5, scheduler: { sleep } });
    const error = await client.getBalance({}, { maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(2);
  });

  it('a 400 is not retried', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ status: 400, body: { msg: 'bad subaccount' } }, balance()]);
    const { client, requestsTo } = await start(route, { maxRetries: 3, scheduler: fastSleep() });
    await expect(client.getBalance({ subaccount: 99 })).rejects.toBeInstanceOf(BadRequestError);
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(1);
  });

  it('createOrderV2 without client_order_id: 503 then 201 is retried with one generated id, identical on both attempts', async () => {
    const { route } = scripted('POST', ORDERS, [UNAVAILABLE, created]);
    const { client, requestsTo } = await start(route, { maxRetries: 2, scheduler: fastSleep() });
    const params = { ...order };

    const result = await client.createOrderV2(params);
    const requests = requestsTo('POST', ORDERS);
    expect(requests.map((r) => r.status)).toEqual([503, 201]);
    expect(requests.every((r) => r.verified)).toBe(true);
    const ids = requests.map((r) => (r.body as { client_order_id?: string }).client_order_id);
    expect(ids[0]).toMatch(UUID_V4);
    expect(ids[1]).toBe(ids[0]);
    expect(result.client_order_id).toBe(ids[0]);
    expect(requests.map((r) => ({ ...(r.body as object), client_order_id: undefined }))).toEqual([
      { ...order, client_order_id: undefined },
      { ...order, client_order_id: undefined },
    ]);
    expect(params).toEqual(order); // the caller's object is not modified
    expect(new Set(requests.map((r) => header(r, 'kalshi-access-timestamp'))).size).toBe(2);

    // The id is per call: the next order gets a new one.
    await client.createOrderV2(params);
    const third = requestsTo('POST', ORDERS)[2]!;
    expect((third.body as { client_order_id: string }).client_order_id).toMatch(UUID_V4);
    expect((third.body as { client_order_id: string }).client_order_id).not.toBe(ids[0]);
  });

  it('createOrderV2 with the caller’s client_order_id is retried with that id', async () => {
    const { route } = scripted('POST', ORDERS, [UNAVAILABLE, created]);
    const { client, requestsTo } = await start(route, { scheduler: fastSleep() });
    await client.createOrderV2({ ...order, client_order_id: 'my-order-7' });
    expect(requestsTo('POST', ORDERS).map((r) => (r.body as { client_order_id: string }).client_order_id)).toEqual([
      'my-order-7',
      'my-order-7',
    ]);
  });

  // Idempotency is decided from the body actually sent: without a client_order_id the POST is never repeated.
  it('autoClientOrderId: false (client-wide) and no id: a 503 POST is sent exactly once', async () => {
    const { route } = scripted('POST', ORDERS, [UNAVAILABLE, created]);
    const { client, requestsTo } = await start(route, { autoClientOrderId: false, maxRetries: 2, scheduler: fastSleep() });
    const error = await client.createOrderV2({ ...order }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 150)); // no late retry either
    const requests = requestsTo('POST', ORDERS);
    expect(requests.map((r) => r.status)).toEqual([503]);
    expect(requests[0]!.body).not.toHaveProperty('client_order_id');
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
  });

  it('autoClientOrderId: false (per call) and no id: a 503 POST is sent exactly once', async () => {
    const { route } = scripted('POST', ORDERS, [UNAVAILABLE, created]);
    const { client, requestsTo } = await start(route, { maxRetries: 2, scheduler: fastSleep() });
    const error = await client.createOrderV2({ ...order }, { autoClientOrderId: false }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(requestsTo('POST', ORDERS).map((r) => r.status)).toEqual([503]);
    expect(error).toBeInstanceOf(InternalServerError);
  });

  it('Retry-After: 1 is honoured: the second attempt comes ≥ ~1 s after the first (real wait)', async () => {
    const { route, arrivals } = scripted('GET', '/portfolio/balance', [
      { status: 429, body: { error: 'too many requests' }, headers: { 'Retry-After': '1' } },
      balance(),
    ]);
    // Default scheduler: the real sleep. Default backoff for retry 1 would be 375-625 ms.
    const { client, requestsTo } = await start(route, { maxRetries: 2 });
    const result = await client.getBalance();
    expect(result.balance).toBe(12_345);
    expect(arrivals).toHaveLength(2);
    const gap = arrivals[1]! - arrivals[0]!;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(3_000);
    expect(requestsTo('GET', '/portfolio/balance').every((r) => r.verified)).toBe(true);
  });

  it('Retry-After on a 503 replaces the backoff (seen by the injected sleep)', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ ...UNAVAILABLE, headers: { 'Retry-After': '3' } }, balance()]);
    const { delays, sleep } = fastSleep();
    const { client } = await start(route, { scheduler: { sleep, random: () => 0.5 } });
    await client.getBalance();
    expect(delays).toEqual([3000]);
  });

  it('a dropped connection is retried, then succeeds, freshly signed', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ destroy: true }, balance()]);
    const { client, requestsTo } = await start(route, { maxRetries: 2, scheduler: fastSleep() });
    const result = await client.getBalance();
    expect(result.balance).toBe(12_345);
    const requests = requestsTo('GET', '/portfolio/balance');
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.verified)).toBe(true);
    expect(header(requests[0]!, 'kalshi-access-timestamp')).not.toBe(header(requests[1]!, 'kalshi-access-timestamp'));
  });

  it('connections dropped every time end in KalshiConnectionError after maxRetries + 1 attempts', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ destroy: true }]);
    const { client, requestsTo } = await start(route, { maxRetries: 2, scheduler: fastSleep() });
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConnectionError);
    expect(error).not.toBeInstanceOf(KalshiTimeoutError);
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(3);
  });
});

describe('timeouts and cancellation through the generated client', () => {
  it('a response slower than timeoutMs → KalshiTimeoutError after maxRetries + 1 attempts', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ ...balance(), delayMs: 5_000 }]);
    const { client, requestsTo } = await start(route, { timeoutMs: 150, maxRetries: 2, scheduler: fastSleep() });
    const started = performance.now();
    const error = await client.getBalance().catch((e: unknown) => e);
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(KalshiTimeoutError);
    expect(error).toBeInstanceOf(KalshiConnectionError);
    expect((error as KalshiTimeoutError).timeoutMs).toBe(150);
    expect((error as Error).message).toMatch(/timed out after 150 ms \(3 attempts\)/);
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(3);
    expect(requestsTo('GET', '/portfolio/balance').every((r) => r.verified)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('per-call timeoutMs and maxRetries: 0 → one attempt', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ ...balance(), delayMs: 5_000 }]);
    const { client, requestsTo } = await start(route, { scheduler: fastSleep() });
    const error = await client.getBalance({}, { timeoutMs: 100, maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiTimeoutError);
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(1);
  });

  it('a caller abort in flight is not retried: KalshiAbortError, one request', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [{ ...balance(), delayMs: 5_000 }]);
    const { client, requestsTo } = await start(route, { maxRetries: 3, scheduler: fastSleep() });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    const started = performance.now();
    const error = await client.getBalance({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(KalshiAbortError);
    expect(error).not.toBeInstanceOf(KalshiConnectionError);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(1);
  });

  it('a caller abort during the backoff wait stops at once, with no further attempt', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [UNAVAILABLE, balance()]);
    // Real sleep: the backoff before retry 1 is ≥ 375 ms; abort 100 ms after the 503.
    const { client, requestsTo } = await start(route, { maxRetries: 3 });
    const controller = new AbortController();
    const call = client.getBalance({}, { signal: controller.signal }).catch((e: unknown) => e);
    const deadline = performance.now() + 5_000;
    while (requestsTo('GET', '/portfolio/balance').length === 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(KalshiAbortError);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { route } = scripted('GET', '/portfolio/balance', [balance()]);
    const { client, requestsTo } = await start(route);
    await expect(client.getBalance({}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(KalshiAbortError);
    expect(requestsTo('GET', '/portfolio/balance')).toHaveLength(0);
  });
});
