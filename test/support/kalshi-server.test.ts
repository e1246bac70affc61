import { constants, createPublicKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, errorFromResponse } from '../../generator/runtime/errors.js';
import { createNodeSigner } from '../../generator/runtime/node-signer.js';
import { authHeaders } from '../../generator/runtime/signing.js';
import { generateTestKeyPair, startKalshiServer, type KalshiServer, type TestKeyPair } from './kalshi-server.js';

const KEY_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const OTHER_KEY_ID = 'a1b2c3d4-0000-4000-8000-000000000002';

let keys: TestKeyPair;
let other: TestKeyPair;
let server: KalshiServer;

const BAD_SIGNATURE = {
  error: { code: 'authentication_error', message: 'authentication_error', details: 'INCORRECT_API_KEY_SIGNATURE' },
};
const UNKNOWN_KEY = { error: { code: 'authentication_error', message: 'authentication_error', details: 'NOT_FOUND' } };

beforeAll(async () => {
  keys = generateTestKeyPair();
  other = generateTestKeyPair();
  server = await startKalshiServer({
    keys: { [KEY_ID]: keys.publicKey, [OTHER_KEY_ID]: createPublicKey(other.pkcs8) },
    routes: [
      { method: 'GET', path: '/exchange/status', secured: false, handler: () => ({ status: 200, body: { trading_active: true } }) },
      { method: 'GET', path: '/portfolio/balance', secured: true, handler: (req) => ({ status: 200, body: { balance: 100, key: req.keyId } }) },
      {
        method: 'GET',
        path: '/portfolio/orders',
        secured: true,
        handler: (req) => ({ status: 200, body: { orders: [], cursor: '', limit: req.query.get('limit') } }),
      },
      {
        method: 'POST',
        path: '/portfolio/orders/{order_id}/amend',
        secured: true,
        handler: (req) => ({ status: 201, body: { params: req.params, received: req.body } }),
      },
      { method: 'GET', path: '/drop', secured: false, handler: () => ({ destroy: true }) },
      { method: 'GET', path: '/slow', secured: false, handler: (req) => ({ status: 200, body: 'late', delayMs: Number(req.query.get('ms')) }) },
      {
        method: 'GET',
        path: '/boom',
        secured: false,
        handler: () => {
          throw new Error('handler failed');
        },
      },
    ],
  });
});
afterAll(() => server?.close());

const path = (p: string): string => new URL(server.url).pathname + p;

async function signedFetch(p: string, init: { method?: string; keyId?: string; pem?: string; body?: unknown; now?: () => number } = {}) {
  const method = init.method ?? 'GET';
  const url = server.url + p;
  const headers = await authHeaders(createNodeSigner(init.pem ?? keys.pkcs1), init.keyId ?? KEY_ID, method, url, init.now);
  return fetch(url, {
    method,
    headers: init.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Send with hand-made headers: `message` is what gets signed. */
function rawFetch(p: string, message: string, timestamp: string, options: { padding?: number; keyId?: string; encode?: (b: Buffer) => string } = {}) {
  const signature = sign('sha256', Buffer.from(message), {
    key: keys.pkcs8,
    padding: options.padding ?? constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return fetch(server.url + p, {
    headers: {
      'KALSHI-ACCESS-KEY': options.keyId ?? KEY_ID,
      'KALSHI-ACCESS-TIMESTAMP': timestamp,
      'KALSHI-ACCESS-SIGNATURE': (options.encode ?? ((b) => b.toString('base64')))(signature),
    },
  });
}

describe('startKalshiServer', () => {
  it('listens on 127.0.0.1 with the base path in url', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2$/);
  });

  it('accepts a correctly signed request (query kept on the wire, not signed) and records it', async () => {
    const before = server.requests.length;
    const res = await signedFetch('/portfolio/orders?limit=5&status=resting');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ orders: [], cursor: '', limit: '5' });
    const recorded = server.requests[before];
    expect(recorded).toMatchObject({ method: 'GET', url: '/trade-api/v2/portfolio/orders?limit=5&status=resting', verified: true, keyId: KEY_ID });
    expect(recorded?.headers['kalshi-access-signature']).toBeTypeOf('string');
  });

  it('accepts PKCS#8 keys, other registered keys, and passes params and JSON body to the handler', async () => {
    const res = await signedFetch('/portfolio/orders/ord%2F1/amend?x=1', { method: 'POST', body: { count: 2 }, pem: other.pkcs8, keyId: OTHER_KEY_ID });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ params: { order_id: 'ord/1' }, received: { count: 2 } });
    expect(server.requests.at(-1)).toMatchObject({ verified: true, keyId: OTHER_KEY_ID, body: { count: 2 } });
  });

  it('public routes need no headers', async () => {
    const res = await fetch(`${server.url}/exchange/status`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ trading_active: true });
    expect(server.requests.at(-1)).toMatchObject({ verified: false, keyId: undefined });
  });

  it('secured routes without headers are 401', async () => {
    const res = await fetch(`${server.url}/portfolio/balance`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('authentication_error');
  });

  it('unknown key id → NOT_FOUND', async () => {
    const res = await signedFetch('/portfolio/balance', { keyId: 'ffffffff-0000-4000-8000-000000000000' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(UNKNOWN_KEY);
    expect(server.requests.at(-1)).toMatchObject({ verified: false, authFailure: 'NOT_FOUND', status: 401 });
  });

  it('a registered key id signed with the wrong private key → INCORRECT_API_KEY_SIGNATURE', async () => {
    const res = await signedFetch('/portfolio/balance', { pem: other.pkcs1 });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(BAD_SIGNATURE);
  });

  it('a tampered path → INCORRECT_API_KEY_SIGNATURE', async () => {
    const ts = String(Date.now());
    const res = await rawFetch('/portfolio/orders', `${ts}GET${path('/portfolio/balance')}`, ts);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(BAD_SIGNATURE);
  });

  it.each([
    ['query included', (ts: string) => `${ts}GET${path('/portfolio/orders')}?limit=5`],
    ['prefix left out', (ts: string) => `${ts}GET/portfolio/orders`],
    ['prefix doubled', (ts: string) => `${ts}GET/trade-api/v2${path('/portfolio/orders')}`],
    ['lower-case method', (ts: string) => `${ts}get${path('/portfolio/orders')}`],
    ['body appended', (ts: string) => `${ts}GET${path('/portfolio/orders')}{}`],
  ])('a signature with the %s → INCORRECT_API_KEY_SIGNATURE', async (_label, message) => {
    const ts = String(Date.now());
    const res = await rawFetch('/portfolio/orders?limit=5', message(ts), ts);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(BAD_SIGNATURE);
  });

  it('the same message correctly signed by hand is accepted (control for the cases above)', async () => {
    const ts = String(Date.now());
    const res = await rawFetch('/portfolio/orders?limit=5', `${ts}GET${path('/portfolio/orders')}`, ts);
    expect(res.status).toBe(200);
  });

  it('PKCS#1 v1.5 padding or base64url encoding → INCORRECT_API_KEY_SIGNATURE', async () => {
    const ts = String(Date.now());
    const message = `${ts}GET${path('/portfolio/balance')}`;
    const v15 = await rawFetch('/portfolio/balance', message, ts, { padding: constants.RSA_PKCS1_PADDING });
    expect(await v15.json()).toEqual(BAD_SIGNATURE);
    const url = await rawFetch('/portfolio/balance', message, ts, { encode: (b) => b.toString('base64url') });
    expect(await url.json()).toEqual(BAD_SIGNATURE);
  });

  it.each([
    ['10 s old', 401, -10_000],
    ['10 s in the future', 401, 10_000],
    ['4 s old', 200, -4_000],
    ['4 s in the future', 200, 4_000],
  ])('timestamp %s → %i', async (_label, status, offset) => {
    const res = await signedFetch('/portfolio/balance', { now: () => Date.now() + offset });
    expect(res.status).toBe(status);
    if (status === 401) {
      const body = await res.json();
      expect(body.error.code).toBe('header_timestamp_expired');
      expect(server.requests.at(-1)?.authFailure).toBe('header_timestamp_expired');
    }
  });

  it('a timestamp in seconds is stale', async () => {
    const res = await signedFetch('/portfolio/balance', { now: () => Math.floor(Date.now() / 1000) });
    expect((await res.json()).error.code).toBe('header_timestamp_expired');
  });

  it("the server's 401 bodies become AuthenticationErrors with Kalshi's message", async () => {
    const res = await signedFetch('/portfolio/balance', { pem: other.pkcs1 });
    const error = errorFromResponse(res.status, await res.text(), res.headers);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('401 authentication_error: INCORRECT_API_KEY_SIGNATURE');
  });

  it('unknown routes are 404, throwing handlers 500', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.origin}/other/exchange/status`)).status).toBe(404);
    const boom = await fetch(`${server.url}/boom`);
    expect(boom.status).toBe(500);
    expect((await boom.json()).error.message).toBe('handler failed');
  });

  it('fault injection: destroy drops the connection, delayMs delays the answer', async () => {
    await expect(fetch(`${server.url}/drop`)).rejects.toThrow();
    const started = Date.now();
    const res = await fetch(`${server.url}/slow?ms=150`);
    expect(await res.text()).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('close', () => {
  it('closes keep-alive sockets and pending delayed requests promptly', async () => {
    const local = await startKalshiServer({
      keys: { [KEY_ID]: keys.pkcs8 },
      basePath: '/api',
      routes: [
        { method: 'GET', path: '/ping', secured: true, handler: () => ({ status: 200, body: { ok: true } }) },
        { method: 'GET', path: '/hang', secured: false, handler: () => ({ status: 200, delayMs: 60_000 }) },
      ],
      timestampToleranceMs: 1000,
    });
    expect(local.url).toMatch(/\/api$/);
    const url = `${local.url}/ping`;
    const res = await fetch(url, { headers: await authHeaders(createNodeSigner(keys.pkcs1), KEY_ID, 'GET', url) });
    expect(res.status).toBe(200);
    await res.json(); // leaves a pooled keep-alive connection
    const hanging = fetch(`${local.url}/hang`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await local.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('honours a custom tolerance and clock', async () => {
    const local = await startKalshiServer({
      keys: { [KEY_ID]: keys.publicKey },
      now: () => 1_700_000_000_000,
      timestampToleranceMs: 1000,
      routes: [{ method: 'GET', path: '/portfolio/balance', secured: true, handler: () => ({ status: 200, body: {} }) }],
    });
    try {
      const url = `${local.url}/portfolio/balance`;
      const at = async (time: number) =>
        (await fetch(url, { headers: await authHeaders(createNodeSigner(keys.pkcs1), KEY_ID, 'GET', url, () => time) })).status;
      expect(await at(1_700_000_000_900)).toBe(200);
      expect(await at(1_699_999_998_500)).toBe(401);
      // The Date header tells the server's clock, on every response (2xx, 401, 404).
      for (const target of [url, `${local.url}/unknown`]) {
        const response = await fetch(target);
        expect(response.headers.get('date')).toBe(new Date(1_700_000_000_000).toUTCString());
      }
    } finally {
      await local.close();
    }
  });
});
