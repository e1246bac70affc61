import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCore } from '../../generator/runtime/client-core.js';
import { createDefaultSigner } from '../../generator/runtime/default-signer-node.js';
import { checkPathParameters, createPathSerializer, encodePathValue } from '../../generator/runtime/path-params.js';
import { KalshiPathParameterError } from '../../generator/runtime/request-errors.js';
import { generateTestKeyPair, startKalshiServer, type KalshiServer, type TestKeyPair } from '../support/kalshi-server.js';

const PATH = '/portfolio/orders/{order_id}';

describe('encodePathValue', () => {
  it.each([
    ['abc', 'abc'],
    ['KXBTC-25DEC31.T100000', 'KXBTC-25DEC31.T100000'],
    ['...', '...'],
    ['.hidden', '.hidden'],
    ['a b/c?d#e', 'a%20b%2Fc%3Fd%23e'],
    [0, '0'],
    [-1.5, '-1.5'],
  ])('%j → %s', (value, want) => expect(encodePathValue(PATH, 'order_id', value)).toBe(want));

  it.each([
    [undefined, /is undefined: pass a value/],
    [null, /is null: pass a value/],
    ['', /is empty/],
    [' \t', /is blank/],
    ['.', /is "\.", a dot segment/],
    ['..', /is "\.\.", a dot segment: the URL parser would resolve it/],
    [Number.NaN, /is NaN: pass a finite number or a string/],
    [Number.NEGATIVE_INFINITY, /is -Infinity/],
    [true, /must be a string or a number, got a boolean/],
    [{}, /got an object/],
    [[1], /got an array/],
    [10n, /got a bigint/],
    ['\uDC00x', /not well-formed Unicode/],
  ])('%s → KalshiPathParameterError', (value, message) => {
    let error: unknown;
    try {
      encodePathValue(PATH, 'order_id', value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KalshiPathParameterError);
    const typed = error as KalshiPathParameterError;
    expect(typed.message).toMatch(message);
    expect(typed.message).toMatch(/^Path parameter "order_id" of \/portfolio\/orders\/\{order_id\} .*Nothing was signed or sent\.$/);
    expect(typed.parameter).toBe('order_id');
    expect(typed.path).toBe(PATH);
    expect(typed.toJSON()).toMatchObject({ name: 'KalshiPathParameterError', parameter: 'order_id', path: PATH });
  });
});

describe('checkPathParameters', () => {
  it('checks every placeholder, also when no values were given at all', () => {
    expect(() => checkPathParameters('/markets', undefined)).not.toThrow();
    expect(() => checkPathParameters('/a/{x}/b/{y}', { x: 'ok', y: 1 })).not.toThrow();
    expect(() => checkPathParameters('/a/{x}/b/{y}', undefined)).toThrow(/"x"/);
    expect(() => checkPathParameters('/a/{x}/b/{y}', { x: 'ok' })).toThrow(/"y" of \/a\/\{x\}\/b\/\{y\} is undefined/);
  });
});

describe('createPathSerializer', () => {
  const serialize = createPathSerializer('https://host/trade-api/v2');
  it('fills simple, label and matrix placeholders like openapi-fetch does for strings and numbers', () => {
    expect(serialize('https://host/trade-api/v2/markets/{ticker}', { ticker: 'A B' })).toBe('https://host/trade-api/v2/markets/A%20B');
    expect(serialize('https://host/trade-api/v2/x/{.fmt}/{;id}/{list*}', { fmt: 'json', id: 7, list: 'a' })).toBe(
      'https://host/trade-api/v2/x/.json/;id=7/a',
    );
    expect(serialize('https://host/trade-api/v2/x/{a}', { a: '$&' })).toBe('https://host/trade-api/v2/x/%24%26');
  });
  it('names the path without the base URL', () => {
    expect(() => serialize('https://host/trade-api/v2/markets/{ticker}', { ticker: '..' })).toThrow(
      /^Path parameter "ticker" of \/markets\/\{ticker\} is "\.\."/,
    );
  });
});

// ---- the raw openapi-fetch client of a core-wired client: every call goes through the checks ----
interface paths {
  '/markets/{ticker}': {
    get: { parameters: { path: { ticker: string } }; requestBody?: never; responses: { 200: { headers: {}; content: { 'application/json': unknown } } } };
  };
}
const KEY_ID = '0b0c7d1e-1111-4a4a-8b8b-00000000000a';
let keys: TestKeyPair;
let server: KalshiServer;
let signed = 0;
beforeAll(async () => {
  keys = generateTestKeyPair();
  server = await startKalshiServer({ keys: { [KEY_ID]: keys.publicKey }, routes: [] });
});
afterAll(() => server?.close());

function rawClient() {
  const signer = createDefaultSigner(keys.pkcs1);
  const core = new ClientCore(
    { baseUrl: server.url, apiKeyId: KEY_ID, signer: { sign: (m) => (signed++, signer.sign(m)) } },
    {
      environments: { production: 'https://external-api.kalshi.com/trade-api/v2', demo: 'https://external-api.demo.kalshi.co/trade-api/v2' },
      signedOperations: new Set(['GET /markets/{ticker}']),
      createDefaultSigner,
    },
  );
  const raw = createClient<paths>(core.clientOptions());
  raw.use(core.signingMiddleware());
  return raw;
}

describe('raw client calls', () => {
  it('are checked too: a bad value, a missing path object, or a serializer of their own', async () => {
    const raw = rawClient();
    await expect(raw.GET('/markets/{ticker}', { params: { path: { ticker: '..' } } })).rejects.toBeInstanceOf(KalshiPathParameterError);
    await expect(raw.GET('/markets/{ticker}', {} as never)).rejects.toThrow(/"ticker" of \/markets\/\{ticker\} is undefined/);
    const own = (url: string, values: Record<string, unknown>) => url.replace('{ticker}', String(values['ticker']));
    await expect(raw.GET('/markets/{ticker}', { params: { path: { ticker: '.' } }, pathSerializer: own })).rejects.toBeInstanceOf(
      KalshiPathParameterError,
    );
    expect(signed).toBe(0);
    expect(server.requests).toEqual([]);
    const ok = await raw.GET('/markets/{ticker}', { params: { path: { ticker: 'KX.A' } } });
    expect(ok.response.status).toBe(404);
    expect(server.requests.map((r) => r.url)).toEqual([`${new URL(server.url).pathname}/markets/KX.A`]);
    expect(signed).toBe(1);
  });
});
