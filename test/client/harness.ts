/**
 * Shared set-up for the tests that drive the generated `kalshi-openapi-client` package (generated/dist) against the
 * signature-verifying Kalshi stand-in (test/support/kalshi-server.ts) on 127.0.0.1.
 */
import { createKalshiClient, type KalshiClient, type KalshiClientOptions } from '../../generated/dist/index.js';
import { generateTestKeyPair, startKalshiServer, type KalshiRoute, type KalshiServer, type KalshiServerOptions, type RecordedRequest, type TestKeyPair } from '../support/kalshi-server.js';

export const KEY_ID = '6c1f3a2e-8b4d-4e5f-9a0b-1c2d3e4f5a6b';

let keys: TestKeyPair | undefined;

/** One RSA key pair per test file (generating one takes ~100 ms). */
export function testKeys(): TestKeyPair {
  return (keys ??= generateTestKeyPair());
}

export interface Harness {
  server: KalshiServer;
  client: KalshiClient;
  /** Requests the server received for `METHOD /path-relative-to-base` (query ignored), in arrival order. */
  requestsTo(method: string, path: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startHarness(
  routes: KalshiRoute[],
  options: KalshiClientOptions = {},
  serverOptions: Pick<KalshiServerOptions, 'timestampToleranceMs' | 'now'> = {},
): Promise<Harness> {
  const { pkcs1, publicKey } = testKeys();
  const server = await startKalshiServer({ keys: { [KEY_ID]: publicKey }, routes, ...serverOptions });
  const client = createKalshiClient({ baseUrl: server.url, apiKeyId: KEY_ID, privateKeyPem: pkcs1, ...options });
  const basePath = new URL(server.url).pathname;
  return {
    server,
    client,
    requestsTo: (method, path) =>
      server.requests.filter((r) => r.method === method && r.url.split('?')[0] === basePath + path),
    close: () => server.close(),
  };
}

/** The query of a recorded request. */
export function queryOf(request: RecordedRequest): URLSearchParams {
  const at = request.url.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : request.url.slice(at + 1));
}

export function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
