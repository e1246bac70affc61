import { inspect } from 'node:util';
import createClient, { type Client } from 'openapi-fetch';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveBaseUrl } from '../../generator/runtime/base-url.js';
import { ClientCore, type KalshiClientOptions, type RequestOptions } from '../../generator/runtime/client-core.js';
import { withClientOrderId } from '../../generator/runtime/client-order-id.js';
import { createDefaultSigner } from '../../generator/runtime/default-signer-node.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  KalshiConfigError,
  NotFoundError,
} from '../../generator/runtime/errors.js';
import { createWebCryptoSigner } from '../../generator/runtime/webcrypto-signer.js';
import {
  generateTestKeyPair,
  startKalshiServer,
  type KalshiRoute,
  type KalshiServer,
  type TestKeyPair,
} from '../support/kalshi-server.js';

// ---- a small hand-written `paths` type and a client wired exactly like the generated one ----
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ApiError = { error: { code: string; message: string; details?: string } };
interface paths {
  '/portfolio/balance': {
    get: {
      parameters: { query?: { subaccount?: number } };
      requestBody?: never;
      responses: { 200: Json<{ balance: number }>; 401: Json<ApiError> };
    };
  };
  '/markets': {
    get: {
      parameters: { query?: { limit?: number; cursor?: string } };
      requestBody?: never;
      responses: { 200: Json<{ markets: string[]; cursor: string }> };
    };
  };
  '/markets/{ticker}': {
    get: {
      parameters: { path: { ticker: string } };
      requestBody?: never;
      responses: { 200: Json<{ market: { ticker: string } }>; 404: Json<ApiError> };
    };
  };
  '/portfolio/orders': {
    post: {
      parameters: {};
      requestBody: { content: { 'application/json': CreateOrderParams } };
      responses: { 201: Json<{ order: { order_id: string; client_order_id: string } }>; 400: Json<unknown>; 409: Json<ApiError> };
    };
  };
  '/portfolio/orders/{order_id}': {
    delete: {
      parameters: { path: { order_id: string } };
      requestBody?: never;
      responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
    };
  };
}
interface CreateOrderParams {
  ticker: string;
  count: number;
  client_order_id?: string;
}

const SIGNED_OPERATIONS: ReadonlySet<string> = new Set([
  'GET /portfolio/balance',
  'POST /portfolio/orders',
  'DELETE /portfolio/orders/{order_id}',
]);
const ENVIRONMENTS = {
  production: 'https://external-api.kalshi.com/trade-api/v2',
  demo: 'https://external-api.demo.kalshi.co/trade-api/v2',
} as const;

class TestClient {
  readonly raw: Client<paths>;
  private readonly core: ClientCore;
  constructor(options: KalshiClientOptions = {}, signerFactory = createDefaultSigner) {
    this.core = new ClientCore(options, { environments: ENVIRONMENTS, signedOperations: SIGNED_OPERATIONS, createDefaultSigner: signerFactory });
    this.raw = createClient<paths>(this.core.clientOptions());
    this.raw.use(this.core.signingMiddleware());
  }
  getBalance(params?: { subaccount?: number }, options?: RequestOptions): Promise<{ balance: number }> {
    return this.core.unwrap(this.raw.GET('/portfolio/balance', { params: { query: params }, ...this.core.init(options) }));
  }
  getMarkets(params?: { limit?: number; cursor?: string }, options?: RequestOptions): Promise<{ markets: string[]; cursor: string }> {
    return this.core.unwrap(this.raw.GET('/markets', { params: { query: params }, ...this.core.init(options) }));
  }
  getMarket(ticker: string, options?: RequestOptions): Promise<{ market: { ticker: string } }> {
    return this.core.unwrap(this.raw.GET('/markets/{ticker}', { params: { path: { ticker } }, ...this.core.init(options) }));
  }
  createOrder(params: CreateOrderParams, options?: RequestOptions): Promise<{ order: { order_id: string; client_order_id: string } }> {
    const body = this.core.withClientOrderId(params, options);
    return this.core.unwrap(
      this.raw.POST('/portfolio/orders', { body, ...this.core.init(options, { idempotent: true, body }) }),
    );
  }
  cancelOrder(orderId: string, options?: RequestOptions): Promise<void> {
    return this.core.unwrap(this.raw.DELETE('/portfolio/orders/{order_id}', { params: { path: { order_id: orderId } }, ...this.core.init(options) }));
  }
}

// ---- server ----
const KEY_ID = '0b0c7d1e-1111-4a4a-8b8b-000000000001';
const OTHER_KEY_ID = '0b0c7d1e-2222-4a4a-8b8b-000000000002';
let keys: TestKeyPair;
let otherKeys: TestKeyPair;
let server: KalshiServer | undefined;

beforeAll(() => {
  keys = generateTestKeyPair();
  otherKeys = generateTestKeyPair();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const seenOrderIds = new Set<string>();
const routes: KalshiRoute[] = [
  { method: 'GET', path: '/portfolio/balance', secured: true, handler: (req) => ({ status: 200, body: { balance: req.keyId === KEY_ID ? 100 : 200 } }) },
  { method: 'GET', path: '/markets', secured: false, handler: () => ({ status: 200, body: { markets: ['A', 'B'], cursor: '' } }) },
  {
    method: 'GET',
    path: '/markets/{ticker}',
    secured: false,
    handler: (req) =>
      req.params['ticker'] === 'NOPE'
        ? { status: 404, body: { error: { code: 'not_found', message: 'market not found', service: 'exchange' } } }
        : { status: 200, body: { market: { ticker: req.params['ticker'] } } },
  },
  {
    method: 'POST',
    path: '/portfolio/orders',
    secured: true,
    handler: (req) => {
      const body = req.body as Partial<CreateOrderParams>;
      if (typeof body.count !== 'number' || body.count < 1) return { status: 400, body: { msg: 'count must be positive' } };
      const id = String(body.client_order_id);
      if (seenOrderIds.has(id)) return { status: 409, body: { code: 'order_already_exists', message: 'order already exists' } };
      seenOrderIds.add(id);
      return { status: 201, body: { order: { order_id: `o-${seenOrderIds.size}`, client_order_id: id } } };
    },
  },
  { method: 'DELETE', path: '/portfolio/orders/{order_id}', secured: true, handler: () => ({ status: 204 }) },
];

async function start(): Promise<KalshiServer> {
  server = await startKalshiServer({ keys: { [KEY_ID]: keys.publicKey, [OTHER_KEY_ID]: otherKeys.publicKey }, routes });
  return server;
}

function signedClient(url: string, extra: KalshiClientOptions = {}): TestClient {
  return new TestClient({ baseUrl: url, apiKeyId: KEY_ID, privateKeyPem: keys.pkcs1, ...extra });
}

const kalshiHeaders = (headers: Record<string, unknown>): string[] => Object.keys(headers).filter((name) => name.startsWith('kalshi-'));

describe('signing through openapi-fetch', () => {
  it('signs a secured GET; the server verifies it', async () => {
    const s = await start();
    await expect(signedClient(s.url).getBalance()).resolves.toEqual({ balance: 100 });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'GET', url: '/trade-api/v2/portfolio/balance', verified: true, keyId: KEY_ID, status: 200 });
  });

  it('sends the query but does not sign it', async () => {
    const s = await start();
    await signedClient(s.url).getBalance({ subaccount: 0 });
    expect(s.requests[0]).toMatchObject({ url: '/trade-api/v2/portfolio/balance?subaccount=0', verified: true });
  });

  it('sends public operations with no KALSHI headers, even with credentials', async () => {
    const s = await start();
    const client = signedClient(s.url);
    await expect(client.getMarkets({ limit: 2 })).resolves.toEqual({ markets: ['A', 'B'], cursor: '' });
    await expect(client.getMarket('ABC')).resolves.toEqual({ market: { ticker: 'ABC' } });
    expect(s.requests.map((r) => r.url)).toEqual(['/trade-api/v2/markets?limit=2', '/trade-api/v2/markets/ABC']);
    for (const request of s.requests) expect(kalshiHeaders(request.headers)).toEqual([]);
  });

  it('refuses a secured operation without credentials before anything is sent', async () => {
    const s = await start();
    const client = new TestClient({ baseUrl: s.url });
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConfigError);
    expect((error as Error).message).toContain('GET /portfolio/balance');
    expect((error as Error).message).toMatch(/apiKeyId.*privateKeyPem/);
    await expect(client.createOrder({ ticker: 'X', count: 1 })).rejects.toThrow(/POST \/portfolio\/orders/);
    expect(s.requests).toHaveLength(0);
    await expect(client.getMarkets()).resolves.toBeDefined();
    expect(s.requests).toHaveLength(1);
  });

  it('two clients with different keys in one process each sign with their own key', async () => {
    const s = await start();
    const one = signedClient(s.url);
    const two = new TestClient({ baseUrl: s.url, apiKeyId: OTHER_KEY_ID, privateKeyPem: otherKeys.pkcs8 });
    const results = await Promise.all([one.getBalance(), two.getBalance(), one.getBalance(), two.getBalance()]);
    expect(results.map((r) => r.balance)).toEqual([100, 200, 100, 200]);
    expect(s.requests.every((r) => r.verified)).toBe(true);
    expect(s.requests.map((r) => r.keyId).sort()).toEqual([KEY_ID, KEY_ID, OTHER_KEY_ID, OTHER_KEY_ID]);
  });

  it.each(['pkcs1', 'pkcs8'] as const)('accepts a %s PEM', async (format) => {
    const s = await start();
    await expect(new TestClient({ baseUrl: s.url, apiKeyId: KEY_ID, privateKeyPem: keys[format] }).getBalance()).resolves.toEqual({ balance: 100 });
    expect(s.requests[0]?.verified).toBe(true);
  });

  it('accepts a custom signer instead of a PEM', async () => {
    const s = await start();
    const client = new TestClient({ baseUrl: s.url, apiKeyId: KEY_ID, signer: createWebCryptoSigner(keys.pkcs1) });
    await expect(client.getBalance()).resolves.toEqual({ balance: 100 });
    expect(s.requests[0]?.verified).toBe(true);
  });

  it('parses the key once, in the constructor', async () => {
    const s = await start();
    const factory = vi.fn(createDefaultSigner);
    const client = new TestClient({ baseUrl: s.url, apiKeyId: KEY_ID, privateKeyPem: keys.pkcs1 }, factory);
    expect(factory).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 3; i++) await client.getBalance();
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('signs calls made through client.raw and requests replaced by a later middleware', async () => {
    const s = await start();
    const client = signedClient(s.url);
    const raw = await client.raw.GET('/portfolio/balance');
    expect(raw.data).toEqual({ balance: 100 });
    client.raw.use({ onRequest: ({ request }) => new Request(request, { headers: { 'x-extra': '1' } }) });
    await expect(client.getBalance()).resolves.toEqual({ balance: 100 });
    expect(s.requests.map((r) => r.verified)).toEqual([true, true]);
    expect(s.requests[1]?.headers['x-extra']).toBe('1');
  });

  it('patches nothing global: fetch is untouched and other requests carry no KALSHI headers', async () => {
    const s = await start();
    const before = globalThis.fetch;
    const client = signedClient(s.url);
    await client.getBalance();
    expect(globalThis.fetch).toBe(before);
    await fetch(`${s.url}/markets`);
    expect(kalshiHeaders(s.requests[1]?.headers ?? {})).toEqual([]);
  });

  it('returns undefined for a 204', async () => {
    const s = await start();
    await expect(signedClient(s.url).cancelOrder('o-1')).resolves.toBeUndefined();
    expect(s.requests[0]).toMatchObject({ method: 'DELETE', verified: true, status: 204 });
  });
});

describe('errors', () => {
  it('a wrong key → 401 → AuthenticationError with details INCORRECT_API_KEY_SIGNATURE, not retried', async () => {
    const s = await start();
    const client = new TestClient({ baseUrl: s.url, apiKeyId: KEY_ID, privateKeyPem: otherKeys.pkcs1 });
    const error = await client.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'authentication_error', details: 'INCORRECT_API_KEY_SIGNATURE' });
    expect(s.requests).toHaveLength(1);
    const signature = String(s.requests[0]?.headers['kalshi-access-signature']);
    const shown = [String(error), JSON.stringify(error), inspect(error, { depth: 5 })].join('\n');
    expect(shown).not.toContain(signature);
    expect(shown).not.toContain('PRIVATE KEY');
  });

  it('an unknown key id → AuthenticationError NOT_FOUND', async () => {
    const s = await start();
    const client = new TestClient({ baseUrl: s.url, apiKeyId: '0b0c7d1e-9999-4a4a-8b8b-000000000009', privateKeyPem: keys.pkcs1 });
    await expect(client.getBalance()).rejects.toMatchObject({ name: 'AuthenticationError', details: 'NOT_FOUND' });
  });

  it.each([
    ['404 nested body', (c: TestClient) => c.getMarket('NOPE'), NotFoundError, { status: 404, code: 'not_found', apiMessage: 'market not found', service: 'exchange' }],
    ['400 bare {msg}', (c: TestClient) => c.createOrder({ ticker: 'X', count: 0 }), BadRequestError, { status: 400, apiMessage: 'count must be positive' }],
    [
      '409 flat body',
      async (c: TestClient) => {
        await c.createOrder({ ticker: 'X', count: 1, client_order_id: 'dup-1' });
        return c.createOrder({ ticker: 'X', count: 1, client_order_id: 'dup-1' });
      },
      ConflictError,
      { status: 409, code: 'order_already_exists' },
    ],
  ] as const)('%s → the right class', async (_label, call, cls, fields) => {
    const s = await start();
    seenOrderIds.clear();
    const error = await call(signedClient(s.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject(fields);
  });
});

describe('construction', () => {
  it.each<[string, KalshiClientOptions, RegExp]>([
    ['key id without a key', { apiKeyId: KEY_ID }, /without privateKeyPem or signer/],
    ['key without a key id', { privateKeyPem: 'x' }, /without apiKeyId/],
    ['both PEM and signer', { apiKeyId: KEY_ID, privateKeyPem: 'x', signer: { sign: async () => '' } }, /not both/],
    ['swapped key id and PEM', { apiKeyId: '-----BEGIN RSA PRIVATE KEY-----\nMIIE', privateKeyPem: KEY_ID }, /looks like a private key/],
    ['unknown environment', { environment: 'staging' as 'demo' }, /"production", "demo"/],
    ['negative timeout', { timeoutMs: -1 }, /timeoutMs/],
    ['fractional maxRetries', { maxRetries: 1.5 }, /maxRetries/],
    ['zero rate', { rateLimit: { readsPerSecond: 0 } }, /rate/],
  ])('%s → KalshiConfigError', (_label, options, message) => {
    expect(() => new TestClient(options)).toThrow(KalshiConfigError);
    expect(() => new TestClient(options)).toThrow(message);
  });

  it('a malformed key fails at construction without echoing it', () => {
    const broken = keys.pkcs1.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!');
    const error = (() => {
      try {
        new TestClient({ apiKeyId: KEY_ID, privateKeyPem: broken });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KalshiConfigError);
    const body = keys.pkcs1.split('\n')[5] ?? '';
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain(body);
  });

  it('empty credentials (unset environment variables) mean a public-only client', () => {
    expect(() => new TestClient({ apiKeyId: '', privateKeyPem: '' })).not.toThrow();
  });

  it('toString, JSON and inspect of the client never include the PEM or the key object', () => {
    const client = new TestClient({ apiKeyId: KEY_ID, privateKeyPem: keys.pkcs1, environment: 'demo' });
    const shown = [String((client as unknown as { core: ClientCore }).core), JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })].join('\n');
    expect(shown).toContain(KEY_ID);
    expect(shown).toContain('https://external-api.demo.kalshi.co/trade-api/v2');
    expect(shown).not.toMatch(/PRIVATE KEY|MII[A-Za-z0-9+/]{20}/);
  });
});

describe('resolveBaseUrl', () => {
  it.each<[string, { environment?: string; baseUrl?: string }, string]>([
    ['default is production', {}, 'https://external-api.kalshi.com/trade-api/v2'],
    ['demo', { environment: 'demo' }, 'https://external-api.demo.kalshi.co/trade-api/v2'],
    ['host only', { baseUrl: 'https://host.example' }, 'https://host.example/trade-api/v2'],
    ['host and slash', { baseUrl: 'https://host.example/' }, 'https://host.example/trade-api/v2'],
    ['with prefix', { baseUrl: 'https://host.example/trade-api/v2' }, 'https://host.example/trade-api/v2'],
    ['prefix and trailing slashes', { baseUrl: 'https://host.example/trade-api/v2//' }, 'https://host.example/trade-api/v2'],
    ['doubled prefix', { baseUrl: 'https://host.example/trade-api/v2/trade-api/v2' }, 'https://host.example/trade-api/v2'],
    ['tripled prefix', { baseUrl: 'https://host.example/trade-api/v2/trade-api/v2/trade-api/v2/' }, 'https://host.example/trade-api/v2'],
    ['proxy path', { baseUrl: 'http://127.0.0.1:8080/kalshi' }, 'http://127.0.0.1:8080/kalshi/trade-api/v2'],
    ['proxy path with prefix', { baseUrl: 'http://127.0.0.1:8080/kalshi/trade-api/v2/' }, 'http://127.0.0.1:8080/kalshi/trade-api/v2'],
    ['default port dropped, host lower-cased', { baseUrl: 'HTTPS://Host.Example:443' }, 'https://host.example/trade-api/v2'],
  ])('%s', (_label, options, expected) => {
    expect(resolveBaseUrl(options, ENVIRONMENTS)).toBe(expected);
  });

  it.each<[string, { environment?: string; baseUrl?: string }, RegExp]>([
    ['unknown environment', { environment: 'prod' }, /Unknown environment "prod".*"production", "demo"/],
    ['prototype key', { environment: 'toString' }, /Unknown environment/],
    ['ftp', { baseUrl: 'ftp://host.example' }, /http or https/],
    ['ws', { baseUrl: 'wss://host.example/trade-api/ws/v2' }, /http or https/],
    ['relative', { baseUrl: '/trade-api/v2' }, /absolute http\(s\) URL/],
    ['garbage', { baseUrl: 'not a url' }, /Invalid baseUrl/],
    ['empty', { baseUrl: '' }, /Invalid baseUrl/],
    ['query', { baseUrl: 'https://host.example/trade-api/v2?x=1' }, /query or fragment/],
    ['credentials', { baseUrl: 'https://user:secret@host.example' }, /credentials/],
  ])('%s → KalshiConfigError', (_label, options, message) => {
    expect(() => resolveBaseUrl(options, ENVIRONMENTS)).toThrow(KalshiConfigError);
    expect(() => resolveBaseUrl(options, ENVIRONMENTS)).toThrow(message);
  });

  it.each([
    ['origin only', (s: KalshiServer) => s.origin],
    ['doubled prefix', (s: KalshiServer) => `${s.url}/trade-api/v2/`],
  ])('end to end: %s still signs the prefixed path once', async (_label, base) => {
    const s = await start();
    await expect(signedClient(base(s)).getBalance()).resolves.toEqual({ balance: 100 });
    expect(s.requests[0]).toMatchObject({ url: '/trade-api/v2/portfolio/balance', verified: true });
  });
});

describe('withClientOrderId', () => {
  it('adds a fresh UUID only when the id is undefined, without touching the caller object', () => {
    const params: CreateOrderParams = { ticker: 'X', count: 1 };
    const a = withClientOrderId(params);
    const b = withClientOrderId(params);
    expect(a.client_order_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.client_order_id).not.toBe(a.client_order_id);
    expect(params).toEqual({ ticker: 'X', count: 1 });
    const own = { ticker: 'X', client_order_id: 'mine' };
    expect(withClientOrderId(own)).toBe(own);
    expect(withClientOrderId({ ticker: 'X', client_order_id: undefined }).client_order_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(withClientOrderId(params, { autoClientOrderId: false })).toBe(params);
    expect(withClientOrderId(undefined)).toBeUndefined();
  });

  it('opt out per client and per call', async () => {
    const s = await start();
    seenOrderIds.clear();
    const off = signedClient(s.url, { autoClientOrderId: false });
    await off.createOrder({ ticker: 'X', count: 1 });
    const on = signedClient(s.url);
    await on.createOrder({ ticker: 'X', count: 1 }, { autoClientOrderId: false }).catch(() => undefined);
    await on.createOrder({ ticker: 'X', count: 1 });
    await off.createOrder({ ticker: 'X', count: 1 }, { autoClientOrderId: true });
    const ids = s.requests.map((r) => (r.body as { client_order_id?: string }).client_order_id);
    expect(ids[0]).toBeUndefined();
    expect(ids[1]).toBeUndefined();
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[3]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
