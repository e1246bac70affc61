/**
 * Tree-shaking of the built package (generated/dist), checked on what esbuild keeps when bundling for the browser
 * (minified, as bench/consumer.ts measures it): a consumer carries the operations it calls and nothing else.
 * Path templates are the operations' fingerprints in the bundle. Sizes themselves are `make bench` figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, REPO_ROOT } from './consumer-project.js';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const trade = JSON.parse(readFileSync(join(GENERATED_DIR, 'openapi', 'trade.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const tradePaths = Object.entries(trade.paths)
  .filter(([, item]) => Object.keys(item).some((key) => HTTP_METHODS.has(key)))
  .map(([path]) => path);

async function bundle(source: string, platform: 'browser' | 'node' = 'browser'): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: join(REPO_ROOT, 'test', 'package'), loader: 'ts' },
    bundle: true,
    minify: true,
    platform,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The path templates of the trade API that appear in the bundle as string literals. */
const pathsIn = (code: string): string[] => tradePaths.filter((path) => code.includes(JSON.stringify(path)));

const ENTRY = '../../generated/dist/index.js';
/** Text only openapi-fetch's client, the PEM / WebCrypto signer and the signed-operation table carry. */
const OPENAPI_FETCH = 'Middleware must be an object';
/** The signers' own code (the WebCrypto signer imports its key as PKCS#8); messages may name RSA-PSS anywhere. */
const SIGNER = 'pkcs8';
/**
 * Optional code, by text only it carries: signing (the header it sets), explaining or correcting clock skew, order
 * ids, path-value checks, the rate limiter (its message), the clock correction (its method).
 */
const SIGNING = 'KALSHI-ACCESS-SIGNATURE';
const CLOCK_SKEW = 'header_timestamp_expired';
const ORDER_ID = 'client_order_id';
const PATH_CHECK = 'Path parameter "';
const RATE_LIMITER = 'requests per second';
const CLOCK_CORRECTION = 'observe(';
/** Node's util.inspect hooks (runtime/inspect.ts): the package's `browser` field leaves them out of browser bundles. */
const INSPECT_HOOKS = 'nodejs.util.inspect.custom';

describe('what a browser bundle keeps', () => {
  it('one function on a base client without credentials: that operation only, no openapi-fetch, no signer', async () => {
    const code = await bundle(`import { createKalshiBaseClient, getExchangeStatus } from '${ENTRY}';
      export const status = () => getExchangeStatus(createKalshiBaseClient({ environment: 'demo' }));`);
    expect(pathsIn(code)).toEqual(['/exchange/status']);
    expect(code).not.toContain(OPENAPI_FETCH);
    expect(code).not.toContain(SIGNER);
    for (const optional of [SIGNING, CLOCK_SKEW, ORDER_ID, PATH_CHECK, RATE_LIMITER, CLOCK_CORRECTION, INSPECT_HOOKS]) {
      expect(code, optional).not.toContain(optional);
    }
  });

  it('five functions with a signer: exactly those five operations, and the signer', async () => {
    const code = await bundle(`import { createKalshiBaseClient, createDefaultSigner, getBalance, getOrders, getMarkets, createOrderV2, cancelOrderV2 } from '${ENTRY}';
      const client = createKalshiBaseClient({ apiKeyId: 'id', signer: createDefaultSigner('pem') });
      export const calls = [getBalance, getOrders, getMarkets, createOrderV2, cancelOrderV2].map((f) => () => f(client as never, 'x' as never));`);
    expect(pathsIn(code).sort()).toEqual(['/markets', '/portfolio/balance', '/portfolio/events/orders', '/portfolio/events/orders/{order_id}', '/portfolio/orders'].sort());
    expect(code).not.toContain(OPENAPI_FETCH);
    expect(code).toContain(SIGNER);
    for (const used of [SIGNING, CLOCK_SKEW, ORDER_ID, PATH_CHECK]) expect(code, used).toContain(used);
    for (const unused of [RATE_LIMITER, CLOCK_CORRECTION, INSPECT_HOOKS]) expect(code, unused).not.toContain(unused);
  });

  it('for Node, the same call keeps the util.inspect hooks that redact what console.log shows', async () => {
    const code = await bundle(
      `import { createKalshiBaseClient, getExchangeStatus } from '${ENTRY}';
      export const status = () => getExchangeStatus(createKalshiBaseClient({ environment: 'demo' }));`,
      'node',
    );
    expect(pathsIn(code)).toEqual(['/exchange/status']);
    expect(code).toContain(INSPECT_HOOKS);
  });

  it('a base client given a rate limiter and a clock correction carries them', async () => {
    const code = await bundle(`import { createKalshiBaseClient, createRateLimiter, ClockCorrection, getExchangeStatus } from '${ENTRY}';
      const client = createKalshiBaseClient({ rateLimit: createRateLimiter({ readsPerSecond: 5 }), correctClockSkew: new ClockCorrection() });
      export const status = () => getExchangeStatus(client);`);
    expect(code).toContain(RATE_LIMITER);
    expect(code).toContain(CLOCK_CORRECTION);
  });

  it('the client class carries every operation and openapi-fetch, whatever it calls', async () => {
    const code = await bundle(`import { createKalshiClient } from '${ENTRY}';
      export const status = () => createKalshiClient().getExchangeStatus();`);
    expect(pathsIn(code)).toEqual(tradePaths);
    expect(code).toContain(OPENAPI_FETCH);
  });
});
