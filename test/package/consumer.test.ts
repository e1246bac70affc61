/**
 * The generated package as a real consumer gets it: `npm pack` of generated/, `npm install <tarball>` into a
 * fresh strict TypeScript ESM project, the consumer sources of test/fixtures/consumer/ compiled by real `tsc`
 * (strict; the package's declarations themselves are checked in types.test.ts) and the emitted JavaScript run by plain `node` against local servers that verify
 * Kalshi's RSA-PSS signatures (test/support/kalshi-server.ts) with keys generated here.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateTestKeyPair,
  startKalshiServer,
  type KalshiServer,
  type RecordedRequest,
  type TestKeyPair,
} from '../support/kalshi-server.js';
import { consumerTsconfig, createConsumerProject, GENERATED_DIR, type ConsumerProject, type TscResult } from './consumer-project.js';
import { ORDER } from '../fixtures/consumer/order.ts';
import { shapeErrors } from './openapi-shape.js';
import { balanceBody, createdOrderBody, marketsBody, ordersBody, tradeRoutes } from './trade-routes.js';

const SETUP_TIMEOUT = 180_000;
const RUN_TIMEOUT = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PREFIX = '/trade-api/v2';

const KEY_A_ID = randomUUID();
const KEY_B_ID = randomUUID();
const BALANCES = { [KEY_A_ID]: 12_345, [KEY_B_ID]: 67_890 };

let keyA: TestKeyPair;
let keyB: TestKeyPair;
let project: ConsumerProject;
let compile: TscResult;
let main: KalshiServer;
let scenarioServer: KalshiServer;
let staleServer: KalshiServer;
let silentServer: KalshiServer;
const servers: KalshiServer[] = [];

beforeAll(async () => {
  keyA = generateTestKeyPair();
  keyB = generateTestKeyPair();
  const start = async (options: Partial<Parameters<typeof startKalshiServer>[0]> = {}): Promise<KalshiServer> => {
    const server = await startKalshiServer({ keys: { [KEY_A_ID]: keyA.publicKey, [KEY_B_ID]: keyB.publicKey }, routes: tradeRoutes(BALANCES), ...options });
    servers.push(server);
    return server;
  };
  main = await start();
  scenarioServer = await start();
  staleServer = await start({ now: () => Date.now() + 60_000 });
  silentServer = await start();

  project = await createConsumerProject();
  await project.addFixtures(['consumer.ts', 'scenarios.ts', 'order.ts']);
  // Type-checks exactly like `tsc --noEmit` would (same strict options) and, only when there is no error,
  // emits the JavaScript that the tests run with plain node: one tsc run instead of two.
  await project.writeFile(
    'tsconfig.json',
    consumerTsconfig({ noEmit: false, noEmitOnError: true, outDir: 'dist', rootDir: 'src' }),
  );
  compile = await project.tsc('tsconfig.json');
  console.info('consumer project timings (ms):', JSON.stringify(project.timings));
}, SETUP_TIMEOUT);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await project?.remove();
}, 30_000);

const since = (server: KalshiServer, from: number): RecordedRequest[] => server.requests.slice(from);
const kalshiHeaders = (request: RecordedRequest): string[] =>
  Object.keys(request.headers).filter((name) => name.toLowerCase().startsWith('kalshi-access-'));

describe('the packed package', () => {
  it('installs from the tarball with openapi-fetch from the registry, and only the published files', async () => {
    const installed = join(project.dir, 'node_modules', 'kalshi-openapi-client');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    const source = JSON.parse(await readFile(join(GENERATED_DIR, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe(source.version);
    const fetchManifest = JSON.parse(
      await readFile(join(project.dir, 'node_modules', 'openapi-fetch', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(fetchManifest.version).toBe(manifest.dependencies['openapi-fetch']);
    await expect(readFile(join(installed, 'dist', 'index.d.ts'), 'utf8')).resolves.toContain('createDefaultSigner');
    await expect(readFile(join(installed, 'openapi', 'trade.json'), 'utf8')).resolves.toContain('"openapi"');
    await expect(readFile(join(installed, 'src', 'index.ts'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('compiles a strict consumer (strict, NodeNext) with no diagnostics', () => {
    expect(compile.diagnostics, compile.stdout + compile.stderr).toEqual([]);
    expect(compile.code).toBe(0);
  });

  it('answers with bodies that match the Trade API document (what the consumer parses is schema-shaped)', async () => {
    const trade = JSON.parse(await readFile(join(GENERATED_DIR, 'openapi', 'trade.json'), 'utf8')) as Record<string, never>;
    const request = { ...ORDER, client_order_id: randomUUID() };
    expect(shapeErrors(trade, 'GetBalanceResponse', balanceBody(100))).toEqual([]);
    expect(shapeErrors(trade, 'GetOrdersResponse', ordersBody(5))).toEqual([]);
    expect(shapeErrors(trade, 'CreateOrderV2Response', createdOrderBody(request))).toEqual([]);
    expect(shapeErrors(trade, 'GetMarketsResponse', marketsBody(5))).toEqual([]);
    expect(shapeErrors(trade, 'CreateOrderV2Request', request)).toEqual([]);
    // The checker does reject what does not fit.
    expect(shapeErrors(trade, 'GetOrdersResponse', { orders: [{ order_id: 1 }] })).not.toEqual([]);
  });
});

describe.each([
  { signer: 'node:crypto', key: 'pkcs1' },
  { signer: 'node:crypto', key: 'pkcs8' },
  { signer: 'webcrypto', key: 'pkcs1' },
  { signer: 'webcrypto', key: 'pkcs8' },
] as const)('consumer.ts with the $signer signer and a $key key', ({ signer, key }) => {
  let output: { balance: unknown; orders: unknown; created: unknown; markets: unknown; summary: { clientOrderId: string; cents: number; orderIds: string[]; tickers: string[] } };
  let requests: RecordedRequest[];

  beforeAll(async () => {
    expect(compile.code, 'the consumer did not compile').toBe(0);
    const from = main.requests.length;
    const result = await project.node('dist/consumer.js', {
      KALSHI_BASE_URL: main.url,
      KALSHI_API_KEY_ID: KEY_A_ID,
      KALSHI_PRIVATE_KEY_PEM: keyA[key],
      ...(signer === 'webcrypto' ? { KALSHI_SIGNER: 'webcrypto' } : {}),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    output = JSON.parse(result.stdout) as typeof output;
    requests = since(main, from);
  }, RUN_TIMEOUT);

  it('sends the four calls, in order, to the right paths', () => {
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${PREFIX}/portfolio/balance`,
      `GET ${PREFIX}/portfolio/orders?limit=5`,
      `POST ${PREFIX}/portfolio/events/orders`,
      `GET ${PREFIX}/markets`,
    ]);
    expect(requests.map((r) => r.status)).toEqual([200, 200, 201, 200]);
  });

  it('signs getBalance, getOrders and createOrderV2 so that the server verifies them with the key id', () => {
    for (const request of requests.slice(0, 3)) {
      expect(request.verified, `${request.method} ${request.url}: ${request.authFailure}`).toBe(true);
      expect(request.keyId).toBe(KEY_A_ID);
      expect(request.authFailure).toBeUndefined();
    }
  });

  it('keeps ?limit=5 on the wire for getOrders while signing the path only', () => {
    const getOrders = requests[1]!;
    expect(new URL(getOrders.url, main.origin).searchParams.get('limit')).toBe('5');
    expect(getOrders.verified).toBe(true);
  });

  it('sends getMarkets (public) without any KALSHI-ACCESS-* header', () => {
    const getMarkets = requests[3]!;
    expect(kalshiHeaders(getMarkets)).toEqual([]);
    expect(getMarkets.verified).toBe(false);
  });

  it('adds a generated UUID client_order_id to createOrderV2, and returns the parsed bodies', () => {
    const body = requests[2]!.body as Record<string, unknown>;
    expect(body).toMatchObject(ORDER);
    expect(body['client_order_id']).toMatch(UUID);
    expect(output.summary.clientOrderId).toBe(body['client_order_id']);
    expect(output.balance).toEqual(balanceBody(BALANCES[KEY_A_ID]!));
    expect(output.orders).toEqual(ordersBody(5));
    expect(output.created).toEqual(createdOrderBody(body));
    expect(output.markets).toEqual(marketsBody(100));
  });
});

describe('scenarios.ts: accounts side by side, authentication failures, missing credentials, redaction', () => {
  interface ErrorReport {
    name: string;
    isAuthenticationError: boolean;
    isConfigError: boolean;
    isApiError: boolean;
    status: number | null;
    code: string | null;
    details: string | null;
    message: string;
    string: string;
    json: string;
    inspected: string;
  }
  let output: {
    twoClients: { balanceA: number; balanceB: number; ordersA: string[]; ordersB: string[] };
    publicMarkets: string[];
    errors: Record<
      'staleTimestamp' | 'wrongKey' | 'unknownKeyId' | 'noCredentialsBalance' | 'noCredentialsOrder' | 'truncatedPem' | 'pemAsKeyId',
      ErrorReport
    >;
  };
  let stdout: string;
  const UNKNOWN_KEY_ID = randomUUID();

  beforeAll(async () => {
    expect(compile.code, 'the consumer did not compile').toBe(0);
    const config = {
      baseUrl: scenarioServer.url,
      staleBaseUrl: staleServer.url,
      silentBaseUrl: silentServer.url,
      keyA: { id: KEY_A_ID, pkcs1: keyA.pkcs1, pkcs8: keyA.pkcs8 },
      keyB: { id: KEY_B_ID, pkcs1: keyB.pkcs1, pkcs8: keyB.pkcs8 },
      unknownKeyId: UNKNOWN_KEY_ID,
    };
    const result = await project.node('dist/scenarios.js', { SCENARIO_CONFIG: JSON.stringify(config) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
    output = JSON.parse(result.stdout) as typeof output;
  }, RUN_TIMEOUT);

  it('two clients with different keys in one process each sign with their own key', () => {
    const signed = scenarioServer.requests.filter((r) => r.authFailure === undefined && r.keyId !== undefined);
    const byKey = (id: string): RecordedRequest[] => signed.filter((r) => r.keyId === id);
    expect(byKey(KEY_A_ID).map((r) => `${r.method} ${r.url} ${r.verified}`).sort()).toEqual([
      `GET ${PREFIX}/portfolio/balance true`,
      `GET ${PREFIX}/portfolio/orders?limit=5 true`,
    ]);
    expect(byKey(KEY_B_ID).map((r) => `${r.method} ${r.url} ${r.verified}`).sort()).toEqual([
      `GET ${PREFIX}/portfolio/balance true`,
      `GET ${PREFIX}/portfolio/orders?limit=5 true`,
    ]);
    // Each account got its own answer back.
    expect(output.twoClients.balanceA).toBe(BALANCES[KEY_A_ID]);
    expect(output.twoClients.balanceB).toBe(BALANCES[KEY_B_ID]);
    expect(output.twoClients.ordersA).toEqual(['order-1', 'order-2', 'order-3']);
  });

  it('a client without credentials still calls public operations, unsigned', () => {
    expect(output.publicMarkets).toEqual(['KXBTC-25DEC31-T100000', 'KXBTC-25DEC31-T90000']);
    const markets = scenarioServer.requests.filter((r) => r.url === `${PREFIX}/markets?limit=2`);
    expect(markets).toHaveLength(1);
    expect(kalshiHeaders(markets[0]!)).toEqual([]);
  });

  it('a stale timestamp surfaces as AuthenticationError 401 (and is not retried)', () => {
    const error = output.errors.staleTimestamp;
    expect(error).toMatchObject({ name: 'AuthenticationError', isAuthenticationError: true, isApiError: true, status: 401, code: 'header_timestamp_expired' });
    expect(staleServer.requests).toHaveLength(1);
    expect(staleServer.requests[0]).toMatchObject({ status: 401, authFailure: 'header_timestamp_expired', keyId: KEY_A_ID });
  });

  it('a signature made with the wrong key surfaces as AuthenticationError 401', () => {
    expect(output.errors.wrongKey).toMatchObject({
      name: 'AuthenticationError',
      isAuthenticationError: true,
      status: 401,
      code: 'authentication_error',
      details: 'INCORRECT_API_KEY_SIGNATURE',
    });
    const rejected = scenarioServer.requests.filter((r) => r.authFailure === 'INCORRECT_API_KEY_SIGNATURE');
    expect(rejected.map((r) => [r.keyId, r.status])).toEqual([[KEY_A_ID, 401]]);
  });

  it('an unknown key id surfaces as AuthenticationError 401 NOT_FOUND', () => {
    expect(output.errors.unknownKeyId).toMatchObject({ isAuthenticationError: true, status: 401, details: 'NOT_FOUND' });
    const rejected = scenarioServer.requests.filter((r) => r.authFailure === 'NOT_FOUND');
    expect(rejected.map((r) => [r.keyId, r.status])).toEqual([[UNKNOWN_KEY_ID, 401]]);
  });

  it('a signed call without credentials throws KalshiConfigError and nothing reaches the server', () => {
    for (const error of [output.errors.noCredentialsBalance, output.errors.noCredentialsOrder]) {
      expect(error).toMatchObject({ name: 'KalshiConfigError', isConfigError: true, isApiError: false, status: null });
      expect(error.message).toMatch(/credentials/);
    }
    expect(output.errors.truncatedPem).toMatchObject({ name: 'KalshiConfigError', isConfigError: true });
    expect(output.errors.pemAsKeyId).toMatchObject({ name: 'KalshiConfigError', isConfigError: true });
    expect(silentServer.requests).toEqual([]);
  });

  it('no error message, toString(), JSON or inspect output contains PEM text or a signature', () => {
    const signatures = servers
      .flatMap((server) => server.requests)
      .map((r) => r.headers['kalshi-access-signature'])
      .filter((value): value is string => typeof value === 'string');
    const failedSignatures = [...scenarioServer.requests, ...staleServer.requests]
      .filter((r) => r.authFailure !== undefined)
      .map((r) => r.headers['kalshi-access-signature']);
    expect(failedSignatures).toHaveLength(3);
    expect(signatures.length).toBeGreaterThan(10);
    // Key material: any 32-character run of a key's base64 body (whitespace ignored), or an armor line followed
    // by key data. The armor labels alone are not secret (the runtime's hints name them).
    const WINDOW = 32;
    const keyWindows = new Set<string>();
    for (const pem of [keyA.pkcs1, keyA.pkcs8, keyB.pkcs1, keyB.pkcs8]) {
      const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
      for (let i = 0; i + WINDOW <= body.length; i++) keyWindows.add(body.slice(i, i + WINDOW));
    }
    const leaksKey = (text: string): boolean => {
      const compact = text.replace(/\\n|\s+/g, '');
      for (let i = 0; i + WINDOW <= compact.length; i++) if (keyWindows.has(compact.slice(i, i + WINDOW))) return true;
      return /-----BEGIN [A-Z ]+-----\s*[A-Za-z0-9+/]{16}/.test(text);
    };
    for (const [scenario, error] of Object.entries(output.errors)) {
      for (const [view, text] of Object.entries({ message: error.message, string: error.string, json: error.json, inspected: error.inspected })) {
        const where = `${scenario}.${view}`;
        expect(leaksKey(text), `${where} contains key material: ${text}`).toBe(false);
        for (const signature of signatures) expect(text.includes(signature), `${where} contains a signature`).toBe(false);
      }
      expect(error.json, scenario).not.toBe('{}');
    }
    // Nothing printed at all carries a secret (the whole stdout of the scenario run).
    for (const signature of signatures) expect(stdout.includes(signature)).toBe(false);
    expect(leaksKey(stdout)).toBe(false);
    // The check itself finds key material when it is there.
    expect(leaksKey(JSON.stringify({ leaked: keyA.pkcs1.slice(200, 260) }))).toBe(true);
  });
});
