/** What a resubscription asks for after updates, and the bounded queue's overflow policies. */
import { describe, expect, it } from 'vitest';
import { MessageQueue } from '../../generator/runtime/ws/message-queue.js';
import { applyUpdate, withAcknowledged } from '../../generator/runtime/ws/subscription-params.js';

describe('applyUpdate', () => {
  it.each([
    ['add to a single ticker', { market_ticker: 'A' }, { action: 'add_markets', market_tickers: ['B'] }, { market_tickers: ['A', 'B'] }],
    ['add a ticker already there', { market_tickers: ['A'] }, { action: 'add_markets', market_ticker: 'A' }, { market_tickers: ['A'] }],
    ['delete', { market_tickers: ['A', 'B'], use_yes_price: true }, { action: 'delete_markets', market_tickers: ['A'] }, { market_tickers: ['B'], use_yes_price: true }],
    ['add by market id', { market_ids: ['u1'] }, { action: 'add_markets', market_id: 'u2' }, { market_ids: ['u1', 'u2'] }],
    ['cfbenchmarks indices', { index_ids: ['BRTI'] }, { action: 'unsubscribe_indices', index_ids: ['BRTI'] }, { index_ids: [] }],
    ['pyth underlyings', {}, { action: 'subscribe_underlyings', underlying_tickers: ['Metal.XAU/USD'] }, { underlying_tickers: ['Metal.XAU/USD'] }],
  ])('%s', (_name, params, update, want) => {
    expect(applyUpdate(params, update)).toEqual(want);
  });

  it.each([[{ action: 'get_snapshot', market_tickers: ['A'] }], [{ action: 'indexlist' }], [{ action: 'add_markets' }]])('%j changes nothing', (update) => {
    expect(applyUpdate({ market_tickers: ['A'] }, update)).toBeUndefined();
  });

  it('adopts the full lists an ok reply reports', () => {
    expect(withAcknowledged({ market_ticker: 'A', use_yes_price: true }, { market_tickers: ['A', 'C'] })).toEqual({ market_tickers: ['A', 'C'], use_yes_price: true });
    expect(withAcknowledged({ market_ticker: 'A' }, undefined)).toEqual({ market_ticker: 'A' });
  });
});

describe('MessageQueue', () => {
  it('drop-oldest keeps the newest items and counts the dropped ones', async () => {
    const queue = new MessageQueue<number>({ capacity: 3, overflow: 'drop-oldest' });
    for (let i = 1; i <= 5; i++) queue.push(i);
    expect(queue.takeDropped()).toBe(2);
    expect(queue.takeDropped()).toBe(0);
    queue.end();
    const items: number[] = [];
    for (let next = await queue.next(); !next.done; next = await queue.next()) items.push(next.value);
    expect(items).toEqual([3, 4, 5]);
  });

  it('error fails the reader after what was buffered, and refuses further items', async () => {
    const queue = new MessageQueue<number>({ capacity: 2, overflow: 'error', onOverflow: () => new Error('full') });
    expect([queue.push(1), queue.push(2), queue.push(3), queue.push(4)]).toEqual([true, true, false, false]);
    expect(await queue.next()).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
    await expect(queue.next()).rejects.toThrow('full');
  });

  it('hands an item straight to a waiting reader', async () => {
    const queue = new MessageQueue<string>({ capacity: 1, overflow: 'drop-oldest' });
    const waiting = queue.next();
    queue.push('a');
    queue.push('b');
    expect(await waiting).toEqual({ value: 'a', done: false });
    expect(queue.size).toBe(1);
  });
});
