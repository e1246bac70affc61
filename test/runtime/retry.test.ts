import createClient, { type Client } from 'openapi-fetch';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KalshiAbortError } from '../../generator/runtime/abort.js';
import { ClientCore, type KalshiClientOptions, type RequestOptions } from '../../generator/runtime/client-core.js';
import { createDefaultSigner } from '../../generator/runtime/default-signer-node.js';
import {
  InternalServerError,
  KalshiConnectionError,
  KalshiTimeoutError,
  RateLimitError,
} from '../../generator/runtime/errors.js';
import { KalshiResponseParseError, KalshiSigningError } from '../../generator/runtime/request-errors.js';
import { backoffDelayMs, isRetryableError, isRetryableMethod, retryDelayMs } from '../../generator/runtime/retry.js';
import {
  generateTestKeyPair,
  startKalshiServer,
  type KalshiReply,
  type KalshiServer,
  type TestKeyPair,
} from '../support/kalshi-server.js';

// ---- a client wired exactly like the generated one, over a small hand-written `paths` type ----
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
interface OrderBody {
  ticker: string;
  count: number;
  client_order_id?: string;
}
interface paths {
  '/portfolio/balance': {
    get: { parameters: { query?: { subaccount?: number } }; requestBody?: never; responses: { 200: Json<{ balance: number }> } };
  };
  '/portfolio/orders': {
    post: { parameters: {}; requestBody: { content: { 'application/json': OrderBody } }; responses: { 201: Json<{ client_order_id: string }> } };
  };
  '/portfolio/orders/{order_id}/decrease': {
    post: {
      parameters: { path: { order_id: string } };
      requestBody: { content: { 'application/json': { reduce_by: number } } };
      responses: { 200: Json<{ ok: boolean }> };
    };
  };
}
const SIGNED_OPERATIONS: ReadonlySet<string> = new Set(['GET /portfolio/balance', 'POST /portfolio/orders', 'POST /portfolio/orders/{order_id}/decrease']);
const ENVIRONMENTS = { production: 'https://external-api.kalshi.com/trade-api/v2', demo: 'https://external-api.demo.kalshi.co/trade-api/v2' } as const;

class TestClient {
  readonly raw: Client<paths>;
  private readonly core: ClientCore;
  constructor(options: KalshiClientOptions = {}) {
    this.core = new ClientCore(options, { environments: ENVIRONMENTS, signedOperations: SIGNED_OPERATIONS, createDefaultSigner });
    this.raw = createClient<paths>(this.core.clientOptions());
    this.raw.use(this.core.signingMiddleware());
  }
  getBalance(params?: { subaccount?: number }, options?: RequestOptions): Promise<{ balance: number }> {
    return this.core.unwrap(this.raw.GET('/portfolio/balance', { params: { query: params }, ...this.core.init(options) }));
  }
  createOrder(params: OrderBody, options?: RequestOptions): Promise<{ client_order_id: string }> {
    const body = this.core.withClientOrderId(params, options);
    return this.core.unwrap(this.raw.POST('/portfolio/orders', { body, ...this.core.init(options, { idempotent: true, body }) }));
  }
  decreaseOrder(orderId: string, params: { reduce_by: number }, options?: RequestOptions): Promise<{ ok: boolean }> {
    return this.core.unwrap(
      this.raw.POST('/portfolio/orders/{order_id}/decrease', { params: { path: { order_id: orderId } }, body: params, ...this.core.init(options) }),
    );
  }
}

// ---- server with scripted replies ----
const KEY_ID = '5e1f0c2a-3333-4b4b-9c9c-000000000003';
let keys: TestKeyPair;
let server: KalshiServer | undefined;
beforeAll(() => {
  keys = generateTestKeyPair();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Replies in order; the last one repeats. */
function script(...replies: KalshiReply[]): () => KalshiReply {
  let i = 0;
  return () => replies[Math.min(i++, replies.length - 1)] as KalshiReply;
}
const OK_BALANCE: KalshiReply = { status: 200, body: { balance: 42 } };
const TOO_MANY: KalshiReply = { status: 429, body: { error: 'too many requests' } };

async function start(replies: { balance?: () => KalshiReply; orders?: () => KalshiReply; decrease?: () => KalshiReply }): Promise<KalshiServer> {
  const echoOrder = (body: unknown): KalshiReply => ({ status: 201, body: { client_order_id: (body as OrderBody).client_order_id } });
  server = await startKalshiServer({
    keys: { [KEY_ID]: keys.publicKey },
    routes: [
      { method: 'GET', path: '/portfolio/balance', secured: true, handler: replies.balance ?? (() => OK_BALANCE) },
      { method: 'POST', path: '/portfolio/orders', secured: true, handler: (req) => { const r = replies.orders?.(); return r && !('status' in r && r.status === 201) ? r : echoOrder(req.body); } },
      { method: 'POST', path: '/portfolio/orders/{order_id}/decrease', secured: true, handler: replies.decrease ?? (() => ({ status: 200, body: { ok: true } })) },
    ],
  });
  return server;
}

/** Injected sleep: records the requested delay, then waits 5 ms for real (so timestamps differ). */
function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: (ms) => (delays.push(ms), new Promise((resolve) => setTimeout(resolve, 5))) };
}

function client(s: KalshiServer, extra: KalshiClientOptions = {}, sleep = recordingSleep()): { client: TestClient; delays: number[] } {
  const c = new TestClient({ baseUrl: s.url, apiKeyId: KEY_ID, privateKeyPem: keys.pkcs1, scheduler: { sleep: sleep.sleep, random: () => 0.5 }, ...extra });
  return { client: c, delays: sleep.delays };
}

const timestamps = (s: KalshiServer): string[] => s.requests.map((r) => String(r.headers['kalshi-access-timestamp']));

describe('retries through the transport', () => {
  it('GET answered 429, 429, 200 succeeds after exactly 3 attempts, each freshly signed and verified', async () => {
    const s = await start({ balance: script(TOO_MANY, TOO_MANY, OK_BALANCE) });
    const { client: c, delays } = client(s);
    await expect(c.getBalance()).resolves.toEqual({ balance: 42 });
    expect(s.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(s.requests.every((r) => r.verified)).toBe(true);
    expect(new Set(timestamps(s)).size).toBe(3);
    expect(new Set(s.requests.map((r) => r.headers['kalshi-access-signature'])).size).toBe(3);
    expect(delays).toEqual([500, 1000]);
  });

  it.each([500, 502, 503, 504])('%i is retried', async (status) => {
    const s = await start({ balance: script({ status, body: { error: { code: 'internal', message: 'x' } } }, OK_BALANCE) });
    await expect(client(s).client.getBalance()).resolves.toEqual({ balance: 42 });
    expect(s.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with the last error', async () => {
    const s = await start({ balance: () => ({ status: 503, body: 'upstream down' }) });
    const { client: c, delays } = client(s);
    const error = await c.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, apiMessage: 'upstream down' });
    expect(s.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  it.each<[string, () => string, (ms: number) => void]>([
    ['seconds', () => '2', (ms) => expect(ms).toBe(2000)],
    ['HTTP date', () => new Date(Date.now() + 3000).toUTCString(), (ms) => {
      expect(ms).toBeGreaterThan(1500);
      expect(ms).toBeLessThanOrEqual(3000);
    }],
    ['at the 60 s cap', () => '60', (ms) => expect(ms).toBe(60_000)],
  ])('Retry-After (%s) is honoured', async (_label, value, check) => {
    const s = await start({ balance: script({ ...TOO_MANY, headers: { 'retry-after': value() } } as KalshiReply, OK_BALANCE) });
    // A total timeout longer than the wait (the default, 60 s, would end the call rather than wait 60 s).
    const { client: c, delays } = client(s, { totalTimeoutMs: 120_000 });
    await c.getBalance();
    expect(delays).toHaveLength(1);
    check(delays[0] as number);
  });

  it.each([
    ['seconds', () => '3600', 3_600_000],
    ['an HTTP date', () => new Date(Date.now() + 7_200_000).toUTCString(), 7_200_000],
  ])('a Retry-After beyond the 60 s cap (%s) ends the call at once with RateLimitError.retryAfterMs', async (_label, value, expected) => {
    const s = await start({ balance: script({ ...TOO_MANY, headers: { 'retry-after': value() } } as KalshiReply, OK_BALANCE) });
    const { client: c, delays } = client(s);
    const error = await c.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(Math.abs((error as RateLimitError).retryAfterMs! - expected)).toBeLessThanOrEqual(2_000);
    expect(delays).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  it('a wait that would outlast the total timeout is not started: the call ends with what it has', async () => {
    const s = await start({ balance: script({ ...TOO_MANY, headers: { 'retry-after': '30' } } as KalshiReply, OK_BALANCE) });
    const { client: c, delays } = client(s, { totalTimeoutMs: 10_000 });
    const error = await c.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
    expect(delays).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  it('a POST without the idempotent mark is never sent twice (503, dropped connection)', async () => {
    const s = await start({ decrease: script({ status: 503, body: { error: 'unavailable' } }, { destroy: true }) });
    const { client: c, delays } = client(s);
    await expect(c.decreaseOrder('o-1', { reduce_by: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(s.requests).toHaveLength(1);
    await expect(c.decreaseOrder('o-1', { reduce_by: 1 })).rejects.toBeInstanceOf(KalshiConnectionError);
    expect(s.requests).toHaveLength(2);
    expect(delays).toEqual([]);
  });

  it('an idempotent POST is retried with the identical generated client_order_id', async () => {
    const s = await start({ orders: script({ status: 503, body: {} }, { destroy: true }, { status: 201 }) });
    const params = { ticker: 'KXBTC', count: 1 };
    const result = await client(s).client.createOrder(params);
    expect(s.requests).toHaveLength(3);
    const ids = s.requests.map((r) => (r.body as OrderBody).client_order_id);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids)).toEqual(new Set([ids[0]]));
    expect(result.client_order_id).toBe(ids[0]);
    expect(params).toEqual({ ticker: 'KXBTC', count: 1 });
    expect(s.requests.every((r) => r.verified)).toBe(true);
    expect(new Set(timestamps(s)).size).toBe(3);
  });

  it('maxRetries: 0 per call disables retrying; per call also overrides a client-wide 0', async () => {
    const s = await start({ balance: script(TOO_MANY, TOO_MANY, OK_BALANCE) });
    const { client: c } = client(s);
    const error = await c.getBalance(undefined, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(s.requests).toHaveLength(1);
    const { client: none } = client(s, { maxRetries: 0 });
    await expect(none.getBalance(undefined, { maxRetries: 1 })).resolves.toEqual({ balance: 42 });
    expect(s.requests).toHaveLength(3);
  });

  it('a dropped connection is retried, then surfaces as KalshiConnectionError', async () => {
    const s = await start({ balance: script({ destroy: true }, OK_BALANCE) });
    await expect(client(s).client.getBalance()).resolves.toEqual({ balance: 42 });
    expect(s.requests).toHaveLength(2);

    const t = await start({ balance: () => ({ destroy: true }) });
    await s.close();
    const error = await client(t).client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConnectionError);
    expect(error).not.toBeInstanceOf(KalshiTimeoutError);
    expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2\/portfolio\/balance failed: .*\(3 attempts\)\.$/);
    expect(t.requests).toHaveLength(3);
  });

  it('a response slower than timeoutMs → KalshiTimeoutError after the retries', async () => {
    const s = await start({ balance: () => ({ ...OK_BALANCE, delayMs: 5_000 }) });
    const started = Date.now();
    const error = await client(s, { timeoutMs: 150, maxRetries: 1 }).client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150 });
    expect((error as Error).message).toMatch(/timed out after 150 ms \(2 attempts\)/);
    expect(s.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('per-call timeoutMs overrides the client one', async () => {
    const s = await start({ balance: () => ({ ...OK_BALANCE, delayMs: 300 }) });
    const { client: c } = client(s, { timeoutMs: 50, maxRetries: 0 });
    await expect(c.getBalance(undefined, { timeoutMs: 3_000 })).resolves.toEqual({ balance: 42 });
    await expect(c.getBalance()).rejects.toBeInstanceOf(KalshiTimeoutError);
  });

  it('a caller abort in flight is not retried and surfaces as KalshiAbortError', async () => {
    const s = await start({ balance: () => ({ ...OK_BALANCE, delayMs: 5_000 }) });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('user cancelled')), 100);
    const error = await client(s).client.getBalance(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiAbortError);
    expect(error).not.toBeInstanceOf(KalshiConnectionError);
    expect((error as Error).cause).toEqual(new Error('user cancelled'));
    expect(s.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a caller abort during the backoff stops at once; a pre-aborted signal sends nothing', async () => {
    const s = await start({ balance: () => TOO_MANY });
    const controller = new AbortController();
    const sleep = { delays: [] as number[], sleep: (ms: number) => (sleep.delays.push(ms), controller.abort(), new Promise<void>((r) => setTimeout(r, 2_000))) };
    const started = Date.now();
    await expect(client(s, {}, sleep).client.getBalance(undefined, { signal: controller.signal })).rejects.toBeInstanceOf(KalshiAbortError);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(s.requests).toHaveLength(1);
    await expect(client(s).client.getBalance(undefined, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(KalshiAbortError);
    expect(s.requests).toHaveLength(1);
  });

  it('sends client and per-call headers on every attempt; per-call wins; KALSHI headers stay the client’s', async () => {
    const s = await start({ balance: script(TOO_MANY, OK_BALANCE) });
    const { client: c } = client(s, { headers: { 'x-client': 'c', 'x-both': 'client' } });
    await c.getBalance(undefined, { headers: { 'x-call': '1', 'x-both': 'call', 'KALSHI-ACCESS-KEY': 'forged' } });
    expect(s.requests).toHaveLength(2);
    for (const request of s.requests) {
      expect(request.headers).toMatchObject({ 'x-client': 'c', 'x-call': '1', 'x-both': 'call', 'kalshi-access-key': KEY_ID });
      expect(request.verified).toBe(true);
    }
  });
});

describe('retry policy', () => {
  it.each([
    [1, 0, 375],
    [1, 0.5, 500],
    [1, 0.999, 625],
    [2, 0.5, 1000],
    [3, 0.5, 2000],
    [4, 0, 3000],
    [5, 0.5, 8000],
    [5, 0.999, 8000],
    [9, 0.5, 8000],
  ])('backoff for retry %i with random %f is %i ms', (retry, random, expected) => {
    expect(backoffDelayMs(retry, () => random)).toBe(expected);
  });

  it('retries connection errors and attempt timeouts; never the total timeout, aborts, signing or parse failures', () => {
    expect(isRetryableError(new KalshiConnectionError('reset'))).toBe(true);
    expect(isRetryableError(new KalshiTimeoutError('slow', { timeoutMs: 1 }))).toBe(true);
    expect(isRetryableError(new KalshiTimeoutError('late', { timeoutMs: 1, kind: 'total' }))).toBe(false);
    expect(isRetryableError(new KalshiAbortError())).toBe(false);
    expect(isRetryableError(new KalshiSigningError('no'))).toBe(false);
    expect(isRetryableError(new KalshiResponseParseError('html', { status: 200, body: '<html>' }))).toBe(false);
    expect(isRetryableError(new TypeError('x'))).toBe(false);
  });

  it('Retry-After beats backoff; invalid values fall back to backoff', () => {
    expect(retryDelayMs(1, '0', () => 0.5)).toBe(0);
    expect(retryDelayMs(3, '1.5', () => 0.5)).toBe(1500);
    expect(retryDelayMs(1, 'soon', () => 0.5)).toBe(500);
    expect(retryDelayMs(2, null, () => 0.5)).toBe(1000);
    expect(retryDelayMs(1, '60', () => 0.5)).toBe(60_000);
    // Beyond the 60 s cap: not retried at all (undefined), whatever the form.
    expect(retryDelayMs(1, '61', () => 0.5)).toBeUndefined();
    expect(retryDelayMs(1, 'Thu, 01 Jan 2099 00:00:00 GMT', () => 0.5)).toBeUndefined();
  });

  it.each([
    ['GET', false, true],
    ['head', false, true],
    ['DELETE', false, true],
    ['OPTIONS', false, true],
    ['POST', false, false],
    ['PUT', false, false],
    ['PATCH', false, false],
    ['POST', true, true],
    ['PATCH', true, true],
  ] as const)('%s (idempotent %s) retryable: %s', (method, idempotent, expected) => {
    expect(isRetryableMethod(method, idempotent)).toBe(expected);
  });
});
