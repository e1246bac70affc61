/** Exact fixed-point arithmetic, the ladders built on it, and the perps book model: tables of given → want. */
import { describe, expect, it } from 'vitest';
import { BookManager } from '../../generator/runtime/ws/books.js';
import type { ChannelMessageShape } from '../../generator/runtime/ws/channel-map.js';
import { KalshiStreamProtocolError } from '../../generator/runtime/ws/errors.js';
import { decimalsOf, formatFixed, ONE_DOLLAR, parseFixed } from '../../generator/runtime/ws/fixed-point.js';
import { Ladder } from '../../generator/runtime/ws/ladder.js';
import { perpsBookModel } from '../../generator/runtime/ws/perps-book.js';
import type { SubscriptionCore, SubscriptionHandler } from '../../generator/runtime/ws/subscription-core.js';
import { tradeBookModel } from '../../generator/runtime/ws/trade-book.js';

describe('parseFixed / formatFixed', () => {
  it('refuses a sum that would leave the exact range instead of rounding it', () => {
    const ladder = new Ladder(true);
    const big = parseFixed('8000000000.00', 'size');
    ladder.add(parseFixed('0.50', 'p'), '0.50', big);
    expect(() => ladder.add(parseFixed('0.50', 'p'), '0.50', big)).toThrow(/size at 0.50 left the exact range/);
  });

  it.each([
    ['0.9600', 4, '0.9600'],
    ['0.960', 4, '0.9600'],
    ['-54.00', 2, '-54.00'],
    ['300', 2, '300.00'],
    ['+1.5', 1, '1.5'],
    ['0.000001', 6, '0.000001'],
    ['0.1234560', 2, '0.123456'],
    ['8999999999.999999', 6, '8999999999.999999'],
  ])('%s read and written with %i decimals is %s', (text, decimals, want) => {
    expect(formatFixed(parseFixed(text, 'value'), decimals)).toBe(want);
  });

  it('keeps digits that the requested decimals would cut, instead of rounding', () => {
    expect(formatFixed(parseFixed('0.12345', 'value'), 2)).toBe('0.12345');
  });

  it('adds exactly where floats do not: 0.01 a thousand times is 10.00, and 1 - 0.9 is 0.1', () => {
    let sum = 0;
    for (let i = 0; i < 1000; i++) sum += parseFixed('0.01', 'size');
    expect(formatFixed(sum, 2)).toBe('10.00');
    expect(formatFixed(ONE_DOLLAR - parseFixed('0.9', 'price'), 1)).toBe('0.1');
    expect(decimalsOf('0.0800')).toBe(4);
  });

  it.each([['1e3'], ['0.5.1'], [''], ['abc'], ['0.1234567'], ['9999999999.000000'], [12], [null]])('refuses %s with a protocol error naming the field', (value) => {
    expect(() => parseFixed(value, 'orderbook_delta X delta')).toThrow(KalshiStreamProtocolError);
    expect(() => parseFixed(value, 'orderbook_delta X delta')).toThrow(/orderbook_delta X delta/);
  });
});

describe('Ladder', () => {
  it('keeps levels sorted best first (bids highest, asks lowest) and removes emptied ones', () => {
    const bids = new Ladder(true);
    const asks = new Ladder(false);
    for (const ladder of [bids, asks]) {
      for (const [price, size] of [['0.30', '1'], ['0.10', '2'], ['0.20', '3']] as const) ladder.add(parseFixed(price, 'p'), price, parseFixed(size, 's'));
    }
    expect(bids.levels().map((l) => l.priceText)).toEqual(['0.30', '0.20', '0.10']);
    expect(asks.levels().map((l) => l.priceText)).toEqual(['0.10', '0.20', '0.30']);
    expect(bids.add(parseFixed('0.30', 'p'), '0.30', parseFixed('-1', 's'))).toBe(0);
    expect(bids.best()?.priceText).toBe('0.20');
    expect(bids.depth).toBe(2);
  });
});

describe('book models', () => {
  it('the trade model turns yes-leg no prices back into no prices, exactly', () => {
    const model = tradeBookModel(true);
    expect(model.price('no', '0.4600')).toEqual({ units: parseFixed('0.54', 'p'), text: '0.5400' });
    expect(model.price('yes', '0.4600').text).toBe('0.4600');
    expect(tradeBookModel(false).price('no', '0.4600').text).toBe('0.4600');
  });

  it('the perps model keeps bid and ask ladders from snapshot and delta shapes', () => {
    const model = perpsBookModel();
    let handler: SubscriptionHandler | undefined;
    const books = new BookManager(model, (_params, given) => {
      handler = given;
      return { closed: false } as SubscriptionCore;
    });
    const book = books.get('BTC-PERP');
    const message = (type: string, seq: number, msg: object): void => handler!.message({ type, sid: 1, seq, msg } as ChannelMessageShape);
    message('orderbook_snapshot', 1, { market_ticker: 'BTC-PERP', bid: [['68000.1000', '2.00'], ['67999.0000', '1.00']], ask: [['68001.0000', '3.00']] });
    message('orderbook_delta', 2, { market_ticker: 'BTC-PERP', price: '68000.5000', delta: '4.00', side: 'ask' });
    expect(book.bestBid()).toEqual({ price: '68000.1000', size: '2.00' });
    expect(book.bestAsk()).toEqual({ price: '68000.5000', size: '4.00' });
    expect(book.levels('ask').map((l) => l.price)).toEqual(['68000.5000', '68001.0000']);
    // A side the model does not have, or a market without a book, changes nothing.
    message('orderbook_delta', 3, { market_ticker: 'BTC-PERP', price: '1', delta: '1', side: 'yes' });
    message('orderbook_delta', 4, { market_ticker: 'ETH-PERP', price: '1', delta: '1', side: 'bid' });
    expect(book.toJSON().levels).toEqual({
      bid: [{ price: '68000.1000', size: '2.00' }, { price: '67999.0000', size: '1.00' }],
      ask: [{ price: '68000.5000', size: '4.00' }, { price: '68001.0000', size: '3.00' }],
    });
  });
});
