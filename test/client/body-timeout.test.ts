import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKalshiClient, KalshiAbortError, KalshiTimeoutError } from '../../generated/dist/index.js';

/**
 * A successful response's body is read by the caller, after the transport has returned; the attempt's timeout
 * and the caller's abort must still cover it, and reading it must stop the attempt's clock.
 */
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Sends the headers and the first bytes of a JSON body at once, then the rest after `stallMs`. */
async function stallingServer(stallMs: number): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"markets": [');
    const timer = setTimeout(() => res.end('], "cursor": ""}'), stallMs);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
}

describe('reading a successful body', () => {
  it('is covered by the timeout: a body that stalls past timeoutMs gives KalshiTimeoutError', async () => {
    const baseUrl = await stallingServer(5_000);
    const client = createKalshiClient({ baseUrl, timeoutMs: 200, maxRetries: 0 });
    const started = performance.now();
    const error = await client.getMarkets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiTimeoutError);
    expect(String(error)).toMatch(/timed out after 200 ms/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('is covered by the caller abort', async () => {
    const baseUrl = await stallingServer(5_000);
    const client = createKalshiClient({ baseUrl, maxRetries: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(client.getMarkets(undefined, { signal: controller.signal })).rejects.toBeInstanceOf(KalshiAbortError);
  });

  it('a body read in time stops the clock: the attempt timer is cleared once the wrapper has the body', async () => {
    const baseUrl = await stallingServer(20);
    const client = createKalshiClient({ baseUrl, timeoutMs: 61_234, maxRetries: 0 });
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const attemptTimers = () => set.mock.results.filter((_, i) => set.mock.calls[i]![1] === 61_234).map((r) => r.value);
      await expect(client.getMarkets()).resolves.toEqual({ markets: [], cursor: '' });
      const [timer] = attemptTimers();
      expect(timer).toBeDefined();
      expect(clear.mock.calls.some(([handle]) => handle === timer)).toBe(true);
      // The raw client has no wrapper to say when the body is read: its timer is left to run out (unreferenced).
      set.mockClear();
      clear.mockClear();
      await client.raw.GET('/markets');
      const [rawTimer] = attemptTimers();
      expect(clear.mock.calls.some(([handle]) => handle === rawTimer)).toBe(false);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });
});
