/**
 * Local order books against the stand-in's: built from snapshots (no-side levels sent in yes-leg prices and
 * turned back), kept with deltas exactly, rebuilt after lost messages and dropped connections, sharing one
 * subscription, failing on an unknown market.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookUpdate } from '../../generator/runtime/ws/book-state.js';
import type { TradeOrderBook } from '../../generator/runtime/ws/trade-book.js';
import type { KalshiWsServer } from '../support/kalshi-ws-server.js';
import { startServer, streamTo, take, waitFor } from './harness.js';

let server: KalshiWsServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** The client's book in the stand-in's form: `[price, size]` per side, best first. */
const levelsOf = (book: TradeOrderBook): { yes: [string, string][]; no: [string, string][] } => ({
  yes: book.levels('yes').map((l): [string, string] => [l.price, l.size]),
  no: book.levels('no').map((l): [string, string] => [l.price, l.size]),
});

describe('a trade order book', () => {
  it('starts from the snapshot: exact levels best first, best bids and implied asks', async () => {
    server.setBook('FED-23DEC-T3.00', { yes: [['0.0800', '300.00'], ['0.2200', '333.00']], no: [['0.5400', '20.00'], ['0.5600', '146.00']] });
    const stream = streamTo(server);
    const book = await stream.orderbook('FED-23DEC-T3.00').ready();
    const subscribe = server.commands.filter((c) => c.cmd === 'subscribe').at(-1);
    expect(subscribe?.params).toEqual({ channels: ['orderbook_delta'], market_tickers: ['FED-23DEC-T3.00'], use_yes_price: true });
    expect(levelsOf(book)).toEqual(server.book('FED-23DEC-T3.00'));
    expect(levelsOf(book)).toEqual({ yes: [['0.2200', '333.00'], ['0.0800', '300.00']], no: [['0.5600', '146.00'], ['0.5400', '20.00']] });
    expect(book.bestBid('yes')).toEqual({ price: '0.2200', size: '333.00' });
    expect(book.bestAsk('yes')).toEqual({ price: '0.4400', size: '146.00' });
    expect(book.bestAsk('no')).toEqual({ price: '0.7800', size: '333.00' });
    expect(book.synced).toBe(true);
    await stream.close();
  });

  it('applies deltas exactly, removes emptied levels, and reports each change', async () => {
    server.setBook('D-1', { yes: [['0.50', '10.00']], no: [['0.40', '5.00']] });
    const stream = streamTo(server);
    const book = await stream.orderbook('D-1').ready();
    const updates = book.updates()[Symbol.asyncIterator]();
    const seen: BookUpdate<'yes' | 'no'>[] = [];
    const stop = book.onUpdate((u) => seen.push(u));
    for (let i = 0; i < 100; i++) server.delta('D-1', 'yes', '0.51', '0.01');
    server.delta('D-1', 'no', '0.40', '-5.00', { clientOrderId: 'mine-1' });
    server.delta('D-1', 'no', '0.41', '7.00');
    const changes = await take(updates, 102);
    expect(changes[99]).toMatchObject({ type: 'delta', side: 'yes', price: '0.51', delta: '0.01', size: '1.00' });
    expect(changes[100]).toMatchObject({ type: 'delta', side: 'no', price: '0.40', size: '0.00', clientOrderId: 'mine-1' });
    expect(seen).toHaveLength(102);
    stop();
    expect(levelsOf(book)).toEqual(server.book('D-1'));
    expect(book.levels('yes')).toEqual([{ price: '0.51', size: '1.00' }, { price: '0.50', size: '10.00' }]);
    expect(book.bestAsk('yes')).toEqual({ price: '0.59', size: '7.00' });
    await stream.close();
  });

  it('rebuilds from a new snapshot after a lost delta (seq gap), and says so', async () => {
    server.setBook('G-1', { yes: [['0.30', '1.00']] });
    const stream = streamTo(server);
    const book = await stream.orderbook('G-1').ready();
    const updates = book.updates()[Symbol.asyncIterator]();
    server.delta('G-1', 'yes', '0.30', '2.00');
    server.delta('G-1', 'yes', '0.31', '4.00', { lose: true });
    server.delta('G-1', 'no', '0.60', '9.00');
    const [delta, gap, snapshot] = await take(updates, 3);
    expect(delta).toMatchObject({ type: 'delta', size: '3.00' });
    expect(gap).toEqual({ type: 'gap', marketTicker: 'G-1', reason: 'sequence' });
    expect(snapshot).toMatchObject({ type: 'snapshot', marketTicker: 'G-1' });
    expect(levelsOf(book)).toEqual(server.book('G-1'));
    expect(book.best('yes')).toEqual({ price: '0.31', size: '4.00' });
    const unsubscribed = server.commands.filter((c) => c.cmd === 'unsubscribe').at(-1);
    expect(unsubscribed).toBeDefined();
    await stream.close();
  });

  it('rebuilds after a dropped connection, with changes made while it was down', async () => {
    server.setBook('R-1', { yes: [['0.10', '1.00']] });
    const stream = streamTo(server);
    const book = await stream.orderbook('R-1').ready();
    const updates = book.updates()[Symbol.asyncIterator]();
    server.dropConnections();
    server.delta('R-1', 'yes', '0.12', '3.00');
    const [gap, snapshot] = await take(updates, 2);
    expect(gap).toEqual({ type: 'gap', marketTicker: 'R-1', reason: 'reconnect' });
    expect(snapshot).toMatchObject({ type: 'snapshot' });
    expect(book.synced).toBe(true);
    expect(levelsOf(book)).toEqual(server.book('R-1'));
    await stream.close();
  });

  it('shares one subscription between books: markets added and deleted, unsubscribed with the last book', async () => {
    const stream = streamTo(server);
    const from = server.commands.length;
    const first = await stream.orderbook('M-1').ready();
    const second = await stream.orderbook('M-2').ready();
    expect(stream.orderbook('M-1')).toBe(first);
    await first.close();
    expect(first.closed).toBe(true);
    await second.close();
    const sent = server.commands.slice(from).map((c) => [c.cmd, (c.params?.['action'] as string | undefined) ?? '']);
    expect(sent).toEqual([['subscribe', ''], ['update_subscription', 'add_markets'], ['update_subscription', 'delete_markets'], ['unsubscribe', '']]);
    await stream.close();
  });

  it('a market Kalshi does not know fails that book with code 16 and leaves the others', async () => {
    const stream = streamTo(server);
    const known = await stream.orderbook('K-1').ready();
    const unknown = stream.orderbook('UNKNOWN-9');
    await expect(unknown.ready()).rejects.toMatchObject({ code: 16, codeName: 'Market not found' });
    expect(unknown.closed).toBe(true);
    server.delta('K-1', 'yes', '0.20', '1.00');
    await waitFor('the delta', () => known.best('yes')?.size === '1.00');
    await stream.close();
  });
});
