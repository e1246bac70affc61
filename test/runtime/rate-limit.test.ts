import createClient, { type Client } from 'openapi-fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KalshiAbortError } from '../../generator/runtime/abort.js';
import { ClientCore, type KalshiClientOptions, type RequestOptions } from '../../generator/runtime/client-core.js';
import { createDefaultSigner } from '../../generator/runtime/default-signer-node.js';
import { KalshiConfigError } from '../../generator/runtime/errors.js';
import { createRateLimiter, RateLimiter, TokenBucket } from '../../generator/runtime/rate-limit.js';
import { generateTestKeyPair, startKalshiServer, type KalshiServer } from '../support/kalshi-server.js';

/** A fake clock: `sleep` records the requested delay and, when `advance` is on, moves the clock by it. */
function fakeClock(start = 1_000_000, advance = true) {
  const clock = {
    t: start,
    delays: [] as number[],
    now: () => clock.t,
    sleep: (ms: number) => {
      clock.delays.push(Math.round(ms));
      if (advance) clock.t += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TokenBucket', () => {
  it('bursts up to its rate, then spaces requests 1/rate apart, and refills with time', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, clock);
    for (let i = 0; i < 4; i++) await bucket.acquire();
    expect(clock.delays).toEqual([500, 500]);
    clock.t += 1_000;
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.delays).toEqual([500, 500]);
    await bucket.acquire();
    expect(clock.delays).toEqual([500, 500, 500]);
  });

  it('concurrent callers reserve in order (FIFO): waits grow by 1/rate', async () => {
    const clock = fakeClock(0, false);
    const bucket = new TokenBucket(4, clock);
    await Promise.all(Array.from({ length: 7 }, () => bucket.acquire()));
    expect(clock.delays).toEqual([250, 500, 750]);
  });

  it('a partial refill shortens the wait; the balance never exceeds the capacity', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(1, clock);
    await bucket.acquire();
    clock.t += 600;
    expect(Math.round(bucket.waitMs)).toBe(400);
    clock.t += 60_000;
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.delays).toEqual([1_000]);
  });

  it('an aborted wait rejects with KalshiAbortError and gives its token back', async () => {
    const clock = fakeClock(0, false);
    const bucket = new TokenBucket(1, { now: clock.now, sleep: (_ms, signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))) });
    await bucket.acquire();
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    expect(Math.round(bucket.waitMs)).toBe(2_000);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(KalshiAbortError);
    expect(Math.round(bucket.waitMs)).toBe(1_000);
    await expect(bucket.acquire(AbortSignal.abort())).rejects.toBeInstanceOf(KalshiAbortError);
    expect(Math.round(bucket.waitMs)).toBe(1_000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a rate of %s', (rate) => {
    expect(() => new TokenBucket(rate)).toThrow(KalshiConfigError);
  });

  it('leaves no timer running when idle, also after an abort (real sleep, fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const bucket = new TokenBucket(1);
    const done = Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(vi.getTimerCount()).toBe(0);
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(KalshiAbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('reads (GET, HEAD) and writes (the rest) use independent buckets', async () => {
    const clock = fakeClock(0, false);
    const limiter = new RateLimiter({ readsPerSecond: 1, writesPerSecond: 2 }, clock);
    await limiter.acquire('GET');
    await limiter.acquire('POST');
    await limiter.acquire('delete');
    expect(clock.delays).toEqual([]);
    await limiter.acquire('HEAD');
    expect(clock.delays).toEqual([1_000]);
    await limiter.acquire('PUT');
    expect(clock.delays).toEqual([1_000, 500]);
  });

  it('an unset rate does not limit that kind; no rate at all means no limiter', async () => {
    const clock = fakeClock(0, false);
    const limiter = new RateLimiter({ readsPerSecond: 1 }, clock);
    for (let i = 0; i < 20; i++) await limiter.acquire('POST');
    expect(clock.delays).toEqual([]);
    expect(createRateLimiter(undefined)).toBeUndefined();
    expect(createRateLimiter({})).toBeUndefined();
  });
});

describe('rate limiting through the client', () => {
  let server: KalshiServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  interface paths {
    '/markets': { get: { parameters: {}; requestBody?: never; responses: { 200: { headers: {}; content: { 'application/json': { ok: true } } } } } };
    '/portfolio/orders': {
      post: { parameters: {}; requestBody: { content: { 'application/json': { ticker: string; client_order_id?: string } } }; responses: { 201: { headers: {}; content: { 'application/json': { ok: true } } } } };
    };
  }
  class TestClient {
    readonly raw: Client<paths>;
    private readonly core: ClientCore;
    constructor(options: KalshiClientOptions) {
      const environments = { production: 'https://external-api.kalshi.com/trade-api/v2', demo: 'https://external-api.demo.kalshi.co/trade-api/v2' };
      this.core = new ClientCore(options, { environments, signedOperations: new Set(['POST /portfolio/orders']), createDefaultSigner });
      this.raw = createClient<paths>(this.core.clientOptions());
      this.raw.use(this.core.signingMiddleware());
    }
    getMarkets(options?: RequestOptions): Promise<{ ok: true }> {
      return this.core.unwrap(this.raw.GET('/markets', { ...this.core.init(options) }));
    }
    createOrder(params: { ticker: string; client_order_id?: string }, options?: RequestOptions): Promise<{ ok: true }> {
      const body = this.core.withClientOrderId(params, options);
      return this.core.unwrap(this.raw.POST('/portfolio/orders', { body, ...this.core.init(options, { idempotent: true, body }) }));
    }
  }

  it('waits instead of sending, per bucket, and signs with the injected clock', async () => {
    const keys = generateTestKeyPair();
    const clock = fakeClock(Date.now());
    server = await startKalshiServer({
      keys: { 'key-1': keys.publicKey },
      now: clock.now,
      routes: [
        { method: 'GET', path: '/markets', secured: false, handler: () => ({ status: 200, body: { ok: true } }) },
        { method: 'POST', path: '/portfolio/orders', secured: true, handler: () => ({ status: 201, body: { ok: true } }) },
      ],
    });
    const client = new TestClient({
      baseUrl: server.url,
      apiKeyId: 'key-1',
      privateKeyPem: keys.pkcs8,
      rateLimit: { readsPerSecond: 2, writesPerSecond: 1 },
      scheduler: { now: clock.now, sleep: clock.sleep },
    });
    for (let i = 0; i < 4; i++) await client.getMarkets();
    expect(clock.delays).toEqual([500, 500]);
    await client.createOrder({ ticker: 'X' });
    expect(clock.delays).toEqual([500, 500]);
    await client.createOrder({ ticker: 'X' });
    expect(clock.delays).toEqual([500, 500, 1_000]);
    expect(server.requests).toHaveLength(6);
    expect(server.requests.filter((r) => r.method === 'POST').every((r) => r.verified)).toBe(true);
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => Number(r.headers['kalshi-access-timestamp']))).toEqual([
      Math.floor(clock.t - 1_000),
      Math.floor(clock.t),
    ]);
  });
});
