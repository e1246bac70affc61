import { describe, expect, it } from 'vitest';
import { hasClientOrderId } from '../../generator/runtime/client-order-id.ts';
import { INITIAL_LIMIT, MIN_LIMIT, SLOW_RESPONSE_MS, Slots } from '../../generator/runtime/concurrency.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('Slots', () => {
  it('never lets more than `size` holders in, and serves waiters in order', async () => {
    const slots = new Slots(3);
    let inFlight = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const release = await slots.acquire();
        order.push(i);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight--;
        release();
      }),
    );
    expect(peak).toBe(3);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('an abort while waiting leaves the queue without losing a slot', async () => {
    const slots = new Slots(1);
    const first = await slots.acquire();
    const controller = new AbortController();
    const aborted = slots.acquire(controller.signal);
    const next = slots.acquire();
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow();
    first();
    const release = await next;
    release();
    release();
    const again = await slots.acquire();
    again();
  });
});

describe('Slots: the adaptive limit', () => {
  /** Holds `n` slots at once (clock time `now()`), then releases them after `ms` of clock time. */
  function fixture(size: number) {
    let now = 0;
    const slots = new Slots(size, () => now);
    const round = async (n: number, ms: number): Promise<void> => {
      const releases = await Promise.all(Array.from({ length: n }, () => slots.acquire()));
      now += ms;
      for (const release of releases) release();
    };
    return { slots, round, advance: (ms: number) => void (now += ms) };
  }

  it(`starts at ${INITIAL_LIMIT} and doubles per round of quick responses up to the cap`, async () => {
    const { slots, round } = fixture(128);
    expect(slots.limit).toBe(INITIAL_LIMIT);
    const limits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await round(slots.limit, 50);
      limits.push(slots.limit);
    }
    expect(limits).toEqual([32, 64, 128, 128, 128]);
  });

  it('holds no more requests than the limit: the rest wait, unsigned, in order', async () => {
    const { slots } = fixture(128);
    const held = await Promise.all(Array.from({ length: INITIAL_LIMIT }, () => slots.acquire()));
    const order: number[] = [];
    const waiting = Array.from({ length: 3 }, (_, i) => slots.acquire().then((release) => (order.push(i), release)));
    await tick();
    expect(order).toEqual([]);
    held[0]!();
    const [first] = await Promise.race([Promise.all([waiting[0]!]), tick().then(() => [undefined])]);
    expect(first).toBeTypeOf('function');
    // A quick response also raised the limit by one: the second waiter got in as well.
    await tick();
    expect(order).toEqual([0, 1]);
    for (const release of held) release();
    for (const release of await Promise.all(waiting)) release();
    expect(order).toEqual([0, 1, 2]);
  });

  it(`halves once per round on responses slower than ${SLOW_RESPONSE_MS} ms, never below ${MIN_LIMIT}, then grows back slowly`, async () => {
    const { slots, round } = fixture(128);
    await round(16, 10);
    await round(32, 10);
    expect(slots.limit).toBe(64);
    // A whole round of slow responses halves the limit once, not 64 times.
    await round(64, SLOW_RESPONSE_MS);
    expect(slots.limit).toBe(32);
    for (let i = 0; i < 6; i++) await round(slots.limit, SLOW_RESPONSE_MS);
    expect(slots.limit).toBe(MIN_LIMIT);
    // Recovery after a cut is one per round trip (congestion avoidance), not doubling.
    await round(slots.limit, 10);
    expect(slots.limit).toBe(MIN_LIMIT + 1);
    await round(slots.limit, 10);
    expect(slots.limit).toBe(MIN_LIMIT + 2);
  });

  it('a cap below the defaults is the limit from the start and the floor', async () => {
    const { slots, round } = fixture(2);
    expect(slots.limit).toBe(2);
    await round(2, SLOW_RESPONSE_MS);
    expect(slots.limit).toBe(2);
  });
});

describe('hasClientOrderId', () => {
  it.each([
    [{ client_order_id: 'abc' }, true],
    [{ client_order_id: '' }, false],
    [{ client_order_id: undefined }, false],
    [{}, false],
    [null, false],
    ['client_order_id', false],
  ])('%j → %s', (body, want) => expect(hasClientOrderId(body)).toBe(want));
});
