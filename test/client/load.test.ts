/**
 * Bounded load on loopback, through ONE generated `KalshiClient` against the signature-verifying Kalshi stand-in
 * (in this process, so it competes with the client for the same event loop): 1,000 concurrent signed calls with
 * the default cap, and 2,000 with the cap raised to 2,000. All must succeed on their first attempt and verify
 * inside the stand-in's default ±5 s timestamp window, nothing may reject unhandled, and once the server is
 * closed the process must be back to the handles it had before (no leaked sockets or timers).
 *
 * What keeps signatures fresh under a burst, also on a machine starved by other processes: requests wait for a
 * slot unsigned (the in-flight limit adapts to how fast responses come back), and signing is paced so the event
 * loop sends what it signed before signing more. The lag between signing and arrival is logged, not asserted
 * against a speed target: the timestamp window is the bound.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KalshiClientOptions } from '../../generated/dist/index.js';
import type { KalshiReply } from '../support/kalshi-server.js';
import { header, KEY_ID, startHarness, testKeys, type Harness } from './harness.js';

/** A generous bound on the whole test, so a hang fails instead of blocking the suite; not a speed target. */
const TEST_TIMEOUT_MS = 180_000;

let harness: Harness | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await harness?.close();
  harness = undefined;
});

/** `{ TCPSocketWrap: 3, Timeout: 1, ... }` */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Types whose count is above the baseline. */
function growth(baseline: Record<string, number>, now: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [type, count] of Object.entries(now)) if (count > (baseline[type] ?? 0)) out[type] = count - (baseline[type] ?? 0);
  return out;
}

async function burst(calls: number, options: KalshiClientOptions): Promise<void> {
  testKeys(); // key generation is not part of what is measured
  const baseline = activeResources();
  const started = performance.now();

  let served = 0;
  /** Arrival time minus the signed timestamp, per request: how stale signatures get under the burst. */
  const lags: number[] = [];
  harness = await startHarness(
    [
      {
        method: 'GET',
        path: '/portfolio/balance',
        secured: true,
        handler: (req): KalshiReply => {
          lags.push(Date.now() - Number(req.headers['kalshi-access-timestamp']));
          return { status: 200, body: { balance: ++served, portfolio_value: 0, updated_ts: 0 } };
        },
      },
    ],
    // No retries: every call must succeed on its first attempt.
    { maxRetries: 0, timeoutMs: 120_000, totalTimeoutMs: 120_000, ...options },
  );
  const { client, server } = harness;

  const results = await Promise.allSettled(Array.from({ length: calls }, () => client.getBalance()));
  const elapsedMs = performance.now() - started;

  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(failures.map((f) => String(f.reason)).slice(0, 5)).toEqual([]);
  const balances = results.map((r) => (r as PromiseFulfilledResult<{ balance: number }>).value.balance);
  // Each call got its own response (1..calls, each exactly once).
  expect(new Set(balances).size).toBe(calls);
  expect(Math.min(...balances)).toBe(1);
  expect(Math.max(...balances)).toBe(calls);

  expect(server.requests).toHaveLength(calls);
  const rejected = server.requests.filter((r) => !r.verified || r.status !== 200);
  expect(rejected.map((r) => r.authFailure ?? r.status).slice(0, 5)).toEqual([]);
  expect(server.requests.every((r) => r.keyId === KEY_ID)).toBe(true);
  expect(new Set(server.requests.map((r) => header(r, 'kalshi-access-signature'))).size).toBe(calls);

  await harness.close();
  harness = undefined;

  // Let rejections surface and sockets finish closing; then compare with the baseline (bounded wait).
  const deadline = performance.now() + 10_000;
  let extra = growth(baseline, activeResources());
  while (Object.keys(extra).length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    extra = growth(baseline, activeResources());
  }
  await new Promise((resolve) => setImmediate(resolve));
  expect(extra).toEqual({});
  expect(unhandled).toEqual([]);
  lags.sort((a, b) => a - b);
  console.info(
    `load: ${calls} signed calls in ${Math.round(elapsedMs)} ms; signature age on arrival ` +
      `min ${lags[0]} ms, median ${lags[lags.length >> 1]} ms, max ${lags[lags.length - 1]} ms`,
  );
}

describe('load: concurrent signed calls through one client', () => {
  it(
    '1,000 with the default cap: all succeed and verify, nothing rejects unhandled, no handle outlives the server',
    () => burst(1_000, {}),
    TEST_TIMEOUT_MS,
  );

  it(
    '2,000 with the cap raised to 2,000: signatures still arrive inside the timestamp window',
    () => burst(2_000, { maxConcurrentRequests: 2_000 }),
    TEST_TIMEOUT_MS,
  );
});
