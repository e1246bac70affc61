/**
 * The overall deadline of a call (`totalTimeoutMs`, default 60 s) across every attempt, backoff, rate-limit wait
 * and the body read, through the generated client against servers on 127.0.0.1. Which limit ended the call is
 * read from the error (`kind: 'total'` vs `'attempt'`), never from how long the test took.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createKalshiClient,
  DEFAULT_TOTAL_TIMEOUT_MS,
  KalshiAbortError,
  KalshiConfigError,
  KalshiTimeoutError,
} from '../../generated/dist/index.js';
import type { KalshiReply } from '../support/kalshi-server.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness | undefined;
let stalling: Server | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  stalling?.closeAllConnections();
  await new Promise<void>((resolve) => (stalling ? stalling.close(() => resolve()) : resolve()));
  stalling = undefined;
});

const balance = (reply: () => KalshiReply) => [{ method: 'GET', path: '/portfolio/balance', secured: true, handler: reply }];
const hang: () => KalshiReply = () => ({ status: 200, body: { balance: 1 }, delayMs: 600_000 });
const quickSleep = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 5))) };

async function failure(promise: Promise<unknown>): Promise<KalshiTimeoutError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(KalshiTimeoutError);
  return error as KalshiTimeoutError;
}

describe('totalTimeoutMs', () => {
  it('defaults to 60 s', () => {
    expect(DEFAULT_TOTAL_TIMEOUT_MS).toBe(60_000);
  });

  it('ends a call to a hung server although the attempt timeout is far longer', async () => {
    harness = await startHarness(balance(hang), { timeoutMs: 600_000, totalTimeoutMs: 300, maxRetries: 2 });
    const error = await failure(harness.client.getBalance());
    expect(error.kind).toBe('total');
    expect(error.timeoutMs).toBe(300);
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2\/portfolio\/balance did not complete within its total timeout of 300 ms\.$/);
    expect(harness.server.requests).toHaveLength(1);
  });

  it('bounds retries: once the next backoff would outlast the deadline, the call ends with its last failure', async () => {
    // Attempts of 100 ms against a hung server; backoffs 0.5 s, 1 s, 2 s: the third no longer fits in 1.5 s.
    harness = await startHarness(balance(hang), { timeoutMs: 100, totalTimeoutMs: 1_500, maxRetries: 100, scheduler: quickSleep });
    const error = await failure(harness.client.getBalance());
    expect(error.kind).toBe('attempt');
    const attempts = Number(/timed out after 100 ms \((\d+) attempts\)\.$/.exec(error.message)?.[1]);
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(3);
    expect(harness.server.requests.length).toBe(attempts);
  });

  it('an attempt timeout within the deadline is retried; the total one is not', async () => {
    let calls = 0;
    harness = await startHarness(
      balance(() => (++calls === 1 ? hang() : { status: 200, body: { balance: 2 } })),
      { timeoutMs: 100, totalTimeoutMs: 60_000, maxRetries: 2, scheduler: quickSleep },
    );
    await expect(harness.client.getBalance()).resolves.toEqual({ balance: 2 });
    expect(harness.server.requests).toHaveLength(2);
  });

  it('covers rate-limit waits: a call that would wait past its deadline for a token ends with the total timeout', async () => {
    harness = await startHarness(balance(() => ({ status: 200, body: { balance: 3 } })), { rateLimit: { readsPerSecond: 0.5 } });
    await harness.client.getBalance();
    const error = await failure(harness.client.getBalance(undefined, { totalTimeoutMs: 200 }));
    expect(error.kind).toBe('total');
    expect(harness.server.requests).toHaveLength(1);
  });

  it('covers reading the body of a success', async () => {
    stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"markets": [');
    });
    await new Promise<void>((resolve) => stalling!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/trade-api/v2`;
    const client = createKalshiClient({ baseUrl, timeoutMs: 600_000, totalTimeoutMs: 250, maxRetries: 0 });
    const error = await failure(client.getMarkets());
    expect(error.kind).toBe('total');
  });

  it('a caller abort is still a KalshiAbortError', async () => {
    harness = await startHarness(balance(hang), { totalTimeoutMs: 60_000 });
    const controller = new AbortController();
    const call = harness.client.getBalance(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(KalshiAbortError);
  });

  it('its timer is cleared once the body is read, and none runs with Infinity', async () => {
    harness = await startHarness(balance(() => ({ status: 200, body: { balance: 4 } })), { totalTimeoutMs: 61_235 });
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    try {
      await harness.client.getBalance();
      const timers = set.mock.results.filter((_, i) => set.mock.calls[i]![1] === 61_235).map((r) => r.value);
      expect(timers).toHaveLength(1);
      expect(clear.mock.calls.some(([handle]) => handle === timers[0])).toBe(true);
      set.mockClear();
      await harness.client.getBalance(undefined, { totalTimeoutMs: Number.POSITIVE_INFINITY });
      expect(set.mock.calls.some(([, ms]) => ms === Number.POSITIVE_INFINITY || (ms ?? 0) > 2 ** 31)).toBe(false);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });

  it.each([0, -1, Number.NaN, '5000'])('refuses totalTimeoutMs %s (client and per call)', async (value) => {
    expect(() => createKalshiClient({ totalTimeoutMs: value as number })).toThrow(KalshiConfigError);
    const client = createKalshiClient({ baseUrl: 'http://127.0.0.1:9/trade-api/v2' });
    await expect(client.getMarkets(undefined, { totalTimeoutMs: value as number })).rejects.toThrow(/totalTimeoutMs must be a positive number/);
  });
});
