/**
 * `callOperation`, the request path of the generated operation functions, against the signature-verifying Kalshi
 * stand-in on 127.0.0.1 (real HTTP, real RSA keys): the URL, query, headers and body it builds (as openapi-fetch
 * would), signing per call, refusing what must not be sent, reading every kind of response, and the retry rule
 * for order-creating POSTs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCore, type KalshiClientOptions } from '../../generator/runtime/client-core.js';
import { createDefaultSigner } from '../../generator/runtime/default-signer-node.js';
import {
  BadRequestError,
  InternalServerError,
  KalshiConfigError,
  NotFoundError,
} from '../../generator/runtime/errors.js';
import { KalshiPathParameterError, KalshiResponseParseError } from '../../generator/runtime/request-errors.js';
import { BaseClientCore } from '../../generator/runtime/base-client-core.js';
import { callOperation, callPublicOperation, type OperationCall } from '../../generator/runtime/operation-call.js';
import { encodePathValue } from '../../generator/runtime/path-params.js';
import { generateTestKeyPair, startKalshiServer, type KalshiReply, type KalshiServer, type RecordedRequest, type TestKeyPair } from '../support/kalshi-server.js';

const ENVIRONMENTS = { production: 'https://external-api.kalshi.com/trade-api/v2', demo: 'https://external-api.demo.kalshi.co/trade-api/v2' } as const;
const KEY_ID = randomUUID();

let keys: TestKeyPair;
let server: KalshiServer;
/** The reply of `GET /echo/{id}` and `POST /orders` for the next request(s), in order; `{}` once used up. */
let replies: KalshiReply[] = [];
const next = (): KalshiReply => replies.shift() ?? { status: 200, body: {} };

beforeAll(async () => {
  keys = generateTestKeyPair();
  server = await startKalshiServer({
    keys: { [KEY_ID]: keys.publicKey },
    routes: [
      { method: 'GET', path: '/echo/{id}', secured: false, handler: next },
      { method: 'GET', path: '/secret/{id}', secured: true, handler: next },
      { method: 'POST', path: '/orders', secured: true, handler: next },
      { method: 'DELETE', path: '/orders/{id}', secured: true, handler: next },
    ],
  });
});

afterAll(() => server.close());

function core(options: KalshiClientOptions = {}, withSigner = true): ClientCore {
  const credentials = { apiKeyId: KEY_ID, privateKeyPem: keys.pkcs1 };
  return new ClientCore(
    { baseUrl: server.url, maxRetries: 0, ...credentials, ...options },
    withSigner ? { environments: ENVIRONMENTS, createDefaultSigner } : { environments: ENVIRONMENTS },
  );
}

/** Runs one call and returns its outcome and the requests it made. */
async function send(client: BaseClientCore, call: OperationCall, reply?: KalshiReply | KalshiReply[]): Promise<{ value?: unknown; error?: unknown; requests: RecordedRequest[] }> {
  replies = reply === undefined ? [] : Array.isArray(reply) ? [...reply] : [reply];
  const from = server.requests.length;
  try {
    const value = await callOperation(client, call);
    return { value, requests: server.requests.slice(from) };
  } catch (error) {
    return { error, requests: server.requests.slice(from) };
  }
}

const pathOf = (request: RecordedRequest): string => request.url.slice(new URL(server.url).pathname.length);

describe('the request', () => {
  it('fills path parameters encoded, and serialises the query like openapi-fetch (skipping unset values, exploding arrays)', async () => {
    const { requests } = await send(core(), {
      method: 'GET',
      path: '/echo/{id}',
      signed: false,
      pathParams: { id: 'KX BTC/25 é' },
      query: { limit: 5, status: 'open', with_nested_markets: false, cursor: undefined, skip: null, tickers: ['A', 'B C'], none: [], range: { min: 1, max: undefined } },
    });
    expect(requests.map(pathOf)).toEqual([
      '/echo/KX%20BTC%2F25%20%C3%A9?limit=5&status=open&with_nested_markets=false&tickers=A&tickers=B%20C&range[min]=1',
    ]);
  });

  it('sends no "?" without query parameters, and no body or Content-Type on a GET', async () => {
    const { requests } = await send(core(), { method: 'GET', path: '/echo/{id}', signed: false, pathParams: { id: 7 }, query: { cursor: undefined } });
    expect(requests.map(pathOf)).toEqual(['/echo/7']);
    expect(requests[0]?.headers['content-type']).toBeUndefined();
    expect(requests[0]?.body).toBeUndefined();
  });

  it('merges headers: client headers < per-call headers < header parameters; JSON bodies with their Content-Type', async () => {
    const client = core({ headers: { 'x-client': 'c', 'x-both': 'client' } });
    replies = [{ status: 201, body: { order: { order_id: 'o-1' } } }];
    const from = server.requests.length;
    const value = await callOperation(client, { method: 'POST', path: '/orders', signed: true, headers: { 'x-param': 'p', 'x-both': 'param' }, body: { ticker: 'T', count: 2 } }, { headers: { 'x-call': 'k', 'x-both': 'call' } });
    const [request] = server.requests.slice(from);
    expect(value).toEqual({ order: { order_id: 'o-1' } });
    expect(request?.headers).toMatchObject({ 'x-client': 'c', 'x-call': 'k', 'x-param': 'p', 'x-both': 'param', 'content-type': 'application/json' });
    expect(request?.body).toEqual({ ticker: 'T', count: 2 });
  });
});

describe('signing', () => {
  it('signs a signed call (the server verifies it with the key id) and leaves a public one unsigned', async () => {
    const signed = await send(core(), { method: 'GET', path: '/secret/{id}', signed: true, pathParams: { id: 'x' }, query: { a: 1 } });
    expect(signed.error).toBeUndefined();
    expect(signed.requests.map((r) => [r.verified, r.keyId, r.status])).toEqual([[true, KEY_ID, 200]]);
    const open = await send(core(), { method: 'GET', path: '/echo/{id}', signed: false, pathParams: { id: 'x' } });
    expect(Object.keys(open.requests[0]?.headers ?? {}).filter((h) => h.startsWith('kalshi-access-'))).toEqual([]);
  });

  it('refuses a signed call without credentials, naming the operation, and sends nothing', async () => {
    const client = new ClientCore({ baseUrl: server.url }, { environments: ENVIRONMENTS, createDefaultSigner });
    const { error, requests } = await send(client, { method: 'DELETE', path: '/orders/{id}', signed: true, pathParams: { id: 'o-1' } });
    expect(error).toBeInstanceOf(KalshiConfigError);
    expect((error as Error).message).toMatch(/^DELETE \/orders\/\{id\} requires Kalshi API credentials/);
    expect(requests).toEqual([]);
  });

  it('a core without a default signer refuses privateKeyPem with the fix, never echoing the key, and accepts a signer', async () => {
    let thrown: unknown;
    try {
      core({}, false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KalshiConfigError);
    expect((thrown as Error).message).toMatch(/signer: createDefaultSigner\(privateKeyPem\)/);
    expect((thrown as Error).message).not.toContain(keys.pkcs1.slice(40, 80));
    const withSigner = new ClientCore({ baseUrl: server.url, apiKeyId: KEY_ID, signer: createDefaultSigner(keys.pkcs8) }, { environments: ENVIRONMENTS });
    const { requests } = await send(withSigner, { method: 'GET', path: '/secret/{id}', signed: true, pathParams: { id: 'y' } });
    expect(requests.map((r) => r.verified)).toEqual([true]);
  });
});

describe('what is refused before sending', () => {
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['an object', { id: 1 }],
  ])('a path parameter that is %s', async (_name, id) => {
    const { error, requests } = await send(core(), { method: 'GET', path: '/echo/{id}', signed: false, pathParams: { id } });
    expect(error).toBeInstanceOf(KalshiPathParameterError);
    expect(error).toMatchObject({ parameter: 'id', path: '/echo/{id}' });
    expect((error as Error).message).toMatch(/^Path parameter "id" of \/echo\/\{id\} .*\. Nothing was signed or sent\.$/);
    expect(requests).toEqual([]);
  });
});

describe('the response', () => {
  const get: OperationCall = { method: 'GET', path: '/echo/{id}', signed: false, pathParams: { id: 'r' } };

  it.each([
    ['a JSON body', { status: 200, body: { market: { ticker: 'T' } } }, { market: { ticker: 'T' } }],
    ['204 No Content', { status: 204 }, undefined],
    ['an empty 200', { status: 200, body: '' }, undefined],
  ] as const)('%s → the parsed body', async (_name, reply, want) => {
    const { value, error } = await send(core(), get, reply);
    expect(error).toBeUndefined();
    expect(value).toEqual(want);
  });

  it('a JSON error body → the typed error with its code; a text one → the error with the text as body', async () => {
    const bad = await send(core(), get, { status: 400, body: { error: { code: 'invalid_parameters', message: 'bad limit' } } });
    expect(bad.error).toBeInstanceOf(BadRequestError);
    expect(bad.error).toMatchObject({ status: 400, code: 'invalid_parameters' });
    const missing = await send(core(), get, { status: 404, body: { code: 'not_found', message: 'no such market' } });
    expect(missing.error).toBeInstanceOf(NotFoundError);
    const down = await send(core(), get, { status: 500, body: 'upstream exploded', headers: { 'content-type': 'text/plain' } });
    expect(down.error).toBeInstanceOf(InternalServerError);
    expect(down.error).toMatchObject({ status: 500, body: 'upstream exploded' });
  });

  it('a success body that is not JSON → KalshiResponseParseError with status, content type and a snippet, not a silent undefined', async () => {
    const { error } = await send(core(), get, { status: 200, body: '{"market":', headers: { 'content-type': 'application/json' } });
    expect(error).toBeInstanceOf(KalshiResponseParseError);
    expect(error).toMatchObject({ status: 200, contentType: 'application/json', bodySnippet: '{"market":' });
  });

  it.each(['.', '..'])('a path parameter %j (a dot segment that would address another path) is refused', async (value) => {
    const { error, requests } = await send(core(), { ...get, pathParams: { id: value } }, { status: 200, body: '{}' });
    expect(error).toBeInstanceOf(KalshiPathParameterError);
    expect(requests).toEqual([]);
  });
});

describe('order-creating POSTs', () => {
  const order: OperationCall = { method: 'POST', path: '/orders', signed: true, body: { ticker: 'T', count: 1 }, clientOrderId: true };
  const unavailable: KalshiReply = { status: 503, body: { error: { code: 'unavailable', message: 'try again' } } };

  it('get a UUID client_order_id, and are retried with the very same body', async () => {
    const { value, requests } = await send(core({ maxRetries: 2 }), order, [unavailable, { status: 201, body: { ok: true } }]);
    expect(value).toEqual({ ok: true });
    expect(requests.map((r) => r.status)).toEqual([503, 201]);
    const [first, second] = requests.map((r) => r.body as { client_order_id?: string });
    expect(first?.client_order_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toEqual(first);
    expect(requests.every((r) => r.verified)).toBe(true);
  });

  it('without the flag (or with autoClientOrderId off) a POST is sent once and never retried', async () => {
    const plain = await send(core({ maxRetries: 2 }), { ...order, clientOrderId: false }, [unavailable, unavailable]);
    expect(plain.requests.map((r) => r.status)).toEqual([503]);
    expect((plain.requests[0]?.body as Record<string, unknown>).client_order_id).toBeUndefined();
    const off = await send(core({ maxRetries: 2, autoClientOrderId: false }), order, [unavailable, unavailable]);
    expect(off.requests.map((r) => r.status)).toEqual([503]);
  });
});

describe('public calls (callPublicOperation, what the functions of public operations call)', () => {
  const lean = (): BaseClientCore => new BaseClientCore({ baseUrl: server.url, maxRetries: 0 }, { environments: ENVIRONMENTS });

  it('are sent unsigned from a base core, their path values checked by the encoder the function brings', async () => {
    replies = [{ status: 200, body: { ok: true } }];
    const from = server.requests.length;
    const call = { method: 'GET', path: '/echo/{id}', pathParams: { id: 'a b' }, encodePath: encodePathValue, query: { n: 1 } };
    await expect(callPublicOperation(lean(), call)).resolves.toEqual({ ok: true });
    const requests = server.requests.slice(from);
    expect(requests.map(pathOf)).toEqual(['/echo/a%20b?n=1']);
    expect(Object.keys(requests[0]?.headers ?? {}).filter((h) => h.startsWith('kalshi-access-'))).toEqual([]);
    const dotted = await callPublicOperation(lean(), { ...call, pathParams: { id: '..' } }).catch((e: unknown) => e);
    expect(dotted).toBeInstanceOf(KalshiPathParameterError);
    expect(server.requests.length).toBe(from + 1);
  });

  it('a path with parameters but no encoder is refused before anything is sent, never sent with a literal {id}', async () => {
    const from = server.requests.length;
    const error = await callPublicOperation(lean(), { method: 'GET', path: '/echo/{id}', pathParams: { id: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConfigError);
    expect((error as Error).message).toMatch(/\/echo\/\{id\} has path parameters: the call needs encodePath/);
    expect(server.requests.length).toBe(from);
  });

  it('signed calls through a base core sign with the signer it was given', async () => {
    const base = new BaseClientCore({ baseUrl: server.url, apiKeyId: KEY_ID, signer: createDefaultSigner(keys.pkcs8) }, { environments: ENVIRONMENTS });
    const { requests, error } = await send(base, { method: 'DELETE', path: '/orders/{id}', signed: true, pathParams: { id: 'o-9' } });
    expect(error).toBeUndefined();
    expect(requests.map((r) => [r.verified, r.keyId])).toEqual([[true, KEY_ID]]);
  });
});
