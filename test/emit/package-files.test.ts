import { describe, expect, it } from 'vitest';
import { apiNames } from '../../generator/emit/api-names.ts';
import { entryValueNames, runtimeValueExports } from '../../generator/emit/package-files.ts';

describe('the values a package entry exports besides the operation functions', () => {
  it("reads the runtime's public values (not its types) from generator/runtime/index.ts", async () => {
    const values = await runtimeValueExports();
    expect(values).toEqual(expect.arrayContaining(['KalshiApiError', 'errorFromResponse', 'createWebCryptoSigner', 'PagePromise', 'ListingPromise', 'callOperation']));
    expect(values).not.toContain('RequestOptions');
    expect(values).not.toContain('KalshiClientOptions');
    expect(values).toEqual([...values].sort());
  });

  it("adds the entry's own values: clients, factories, ENVIRONMENTS, createDefaultSigner", async () => {
    const names = entryValueNames(apiNames('trade', { openapi: '3.0.3', info: {}, paths: {} }), await runtimeValueExports());
    for (const name of ['KalshiClient', 'createKalshiClient', 'KalshiBaseClient', 'createKalshiBaseClient', 'ENVIRONMENTS', 'createDefaultSigner']) {
      expect(names.has(name), name).toBe(true);
    }
  });
});
