/**
 * Bounded load on loopback: 1,000 concurrent signed `getBalance()` calls through ONE generated `KalshiClient`
 * against the signature-verifying Kalshi stand-in. All must succeed and verify, nothing may reject unhandled, and
 * once the server is closed the process must be back to the handles it had before (no leaked sockets or timers).
 *
 * The client holds at most `maxConcurrentRequests` (128) requests in flight and signs each only once it has a
 * slot, so a burst waits unsigned rather than sending signatures that aged in a queue. That is checked without
 * depending on the machine's speed: the server accepts any timestamp age, and the median age of a signature on
 * arrival must be a small part of the whole burst (signed at call time, it would be about half of it). Speed
 * itself is measured by `make bench`, not here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KalshiReply } from '../support/kalshi-server.js';
import { header, KEY_ID, startHarness, testKeys, type Harness } from './harness.js';

const CALLS = 1_000;
/** A bound on a hung run, not a speed target. */
const TIMEOUT_MS = 120_000;

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

describe('load: 1,000 concurrent signed calls through one client', () => {
  it(
    'all succeed and verify on the server, signed when sent, nothing rejects unhandled, no handle outlives the server',
    async () => {
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
        // No retries: every one of the 1,000 must succeed on its first attempt.
        { maxRetries: 0, timeoutMs: TIMEOUT_MS },
        { timestampToleranceMs: 24 * 60 * 60 * 1000 },
      );
      const { client, server } = harness;

      const results = await Promise.allSettled(Array.from({ length: CALLS }, () => client.getBalance()));
      const elapsedMs = performance.now() - started;

      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(failures.map((f) => String(f.reason)).slice(0, 5)).toEqual([]);
      const balances = results.map((r) => (r as PromiseFulfilledResult<{ balance: number }>).value.balance);
      // Each call got its own response (1..1000, each exactly once).
      expect(new Set(balances).size).toBe(CALLS);
      expect(Math.min(...balances)).toBe(1);
      expect(Math.max(...balances)).toBe(CALLS);

      expect(server.requests).toHaveLength(CALLS);
      const rejected = server.requests.filter((r) => !r.verified || r.status !== 200);
      expect(rejected.map((r) => r.authFailure ?? r.status).slice(0, 5)).toEqual([]);
      expect(server.requests.every((r) => r.keyId === KEY_ID)).toBe(true);
      expect(new Set(server.requests.map((r) => header(r, 'kalshi-access-signature'))).size).toBe(CALLS);
      const byAge = [...lags].sort((a, b) => a - b);
      expect(byAge[byAge.length >> 1]!).toBeLessThan(elapsedMs / 4);

      await harness.close();
      harness = undefined;

      // Let rejections surface and sockets finish closing; then compare with the baseline (bounded wait).
      const deadline = performance.now() + 5_000;
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
        `load: ${CALLS} signed calls in ${Math.round(elapsedMs)} ms; signature age on arrival ` +
          `min ${lags[0]} ms, median ${lags[lags.length >> 1]} ms, max ${lags[lags.length - 1]} ms`,
      );
    },
    TIMEOUT_MS,
  );
});
