import { describe, expect, it } from 'vitest';
import { hasClientOrderId } from '../../generator/runtime/client-order-id.ts';
import { Slots } from '../../generator/runtime/concurrency.ts';

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
