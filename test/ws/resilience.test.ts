/**
 * What keeps a stream alive: heartbeats answered, dead and silent connections detected, reconnects with every
 * subscription subscribed again and a gap in each iterator, `seq` gaps, terminal channel errors, and slow
 * consumers against bounded buffers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KalshiStreamOverflowError } from '../../generator/runtime/ws/errors.js';
import type { StreamGap } from '../../generator/runtime/ws/gap.js';
import type { KalshiWsServer } from '../support/kalshi-ws-server.js';
import { startServer, streamTo, take, tickerMsg, waitFor } from './harness.js';

let server: KalshiWsServer;
beforeAll(async () => {
  server = await startServer({ heartbeatMs: 20 });
});
afterAll(() => server.close());

const groupMsg = (id: string): Record<string, unknown> => ({ event_type: 'created', order_group_id: id, ts_ms: 1 });

describe('heartbeats and dead connections', () => {
  it('answers the server heartbeat pings with pongs', async () => {
    const stream = streamTo(server);
    await stream.ready();
    const before = server.pongs;
    await waitFor('pongs to the heartbeat pings', () => server.pongs >= before + 3);
    await stream.close();
  });

  it('takes a silent connection for dead, reconnects and subscribes again', async () => {
    const own = await startServer({ heartbeatMs: 20 });
    const stream = streamTo(own, { heartbeatTimeoutMs: 150 });
    try {
      const sub = await stream.subscribe('ticker', { market_ticker: 'A-1' });
      const reader = sub[Symbol.asyncIterator]();
      const events: string[] = [];
      stream.on('reconnecting', (e) => events.push(`reconnecting ${e.attempt} ${e.error?.name}`));
      stream.on('open', (e) => events.push(`open ${e.reconnected}`));
      own.silence(true);
      await waitFor('the resubscription', () => own.subscriptions('ticker').some((s) => s.connection === 2));
      const [gap] = await take(reader, 1);
      expect(gap).toMatchObject({ type: 'gap', reason: 'reconnect', channel: 'ticker', resubscribing: true });
      expect(events.slice(0, 2)).toEqual(['reconnecting 1 KalshiTimeoutError', 'open true']);
      await waitFor('the subscribed reply', () => sub.sid !== undefined);
      own.publish('ticker', 'ticker', tickerMsg('A-1', '0.700'));
      const [message] = await take(reader, 1);
      expect(message).toMatchObject({ type: 'ticker', msg: { price_dollars: '0.700' } });
    } finally {
      await stream.close();
      await own.close();
    }
  });
});

describe('reconnects', () => {
  it('a dropped connection: every live subscription is resubscribed with its updated params and its iterator says so', async () => {
    const own = await startServer();
    const stream = streamTo(own);
    try {
      const ticker = await stream.subscribe('ticker', { market_ticker: 'A-1' });
      const groups = await stream.subscribe('order_group_updates');
      await ticker.update({ action: 'add_markets', market_tickers: ['B-2'] });
      const left = await stream.subscribe('trade');
      await left.unsubscribe();
      own.dropConnections();
      const again = (): typeof own.commands => own.commands.filter((c) => c.connection === 2 && c.cmd === 'subscribe');
      await waitFor('both resubscribed', () => again().length === 2 && ticker.sid !== undefined && groups.sid !== undefined);
      expect(again().map((c) => c.params)).toEqual([{ channels: ['ticker'], market_tickers: ['A-1', 'B-2'] }, { channels: ['order_group_updates'] }]);
      const [tickerGap] = await take(ticker[Symbol.asyncIterator](), 1);
      const [groupGap] = await take(groups[Symbol.asyncIterator](), 1);
      expect((tickerGap as StreamGap).reason).toBe('reconnect');
      expect((groupGap as StreamGap).reason).toBe('reconnect');
    } finally {
      await stream.close();
      await own.close();
    }
  });

  it('gives up after reconnect.maxAttempts and ends the iterators with the error', async () => {
    const lonely = await startServer();
    const stream = streamTo(lonely, { reconnect: { maxAttempts: 2 } });
    const sub = await stream.subscribe('ticker');
    const reader = sub[Symbol.asyncIterator]();
    await lonely.close();
    await expect(stream.closed()).rejects.toThrow(/WebSocket connection failed|closed/);
    expect(await reader.next()).toMatchObject({ value: { type: 'gap', reason: 'reconnect' } });
    await expect(reader.next()).rejects.toThrow(/WebSocket connection failed|closed/);
    expect(stream.state).toBe('closed');
  });
});

describe('sequence numbers', () => {
  it('a seq gap on a channel without snapshots is reported and the messages go on', async () => {
    const stream = streamTo(server);
    const sub = await stream.subscribe('order_group_updates');
    const reader = sub[Symbol.asyncIterator]();
    server.publish('order_group_updates', 'order_group_updates', groupMsg('g1'));
    const serverSub = server.subscriptions('order_group_updates').find((s) => s.sid === sub.sid)!;
    serverSub.seq += 2;
    server.publish('order_group_updates', 'order_group_updates', groupMsg('g2'));
    const items = await take(reader, 3);
    expect(items[0]).toMatchObject({ type: 'order_group_updates', seq: 1 });
    expect(items[1]).toEqual({ type: 'gap', reason: 'sequence', channel: 'order_group_updates', resubscribing: false, expectedSeq: 2, receivedSeq: 4 });
    expect(items[2]).toMatchObject({ type: 'order_group_updates', seq: 4, msg: { order_group_id: 'g2' } });
    await stream.close();
  });

  it('a terminal channel error (25) resubscribes and tells the reader', async () => {
    const stream = streamTo(server);
    const sub = await stream.subscribe('fill');
    const reader = sub[Symbol.asyncIterator]();
    const sid = sub.sid!;
    server.channelError(sid, 25);
    const [gap] = await take(reader, 1);
    expect(gap).toMatchObject({ type: 'gap', reason: 'channel_error', resubscribing: true, error: { code: 25, terminal: true } });
    await waitFor('the new subscription', () => sub.sid !== undefined && sub.sid !== sid);
    await stream.close();
  });
});

describe('bounded buffers', () => {
  it('drop-oldest: a slow reader loses the oldest messages and gets a gap with the count', async () => {
    const stream = streamTo(server, { bufferSize: 5 });
    const sub = await stream.subscribe('ticker', { market_ticker: 'S-1' });
    for (let i = 0; i < 12; i++) server.publish('ticker', 'ticker', tickerMsg('S-1', `0.${String(i).padStart(2, '0')}`));
    await stream.listSubscriptions(); // its reply comes after the 12 messages on the same connection
    expect(sub.buffered).toBe(5);
    const items = await take(sub[Symbol.asyncIterator](), 6);
    expect(items[0]).toEqual({ type: 'gap', reason: 'overflow', channel: 'ticker', resubscribing: false, dropped: 7 });
    expect(items.slice(1).map((m) => (m.type === 'ticker' ? m.msg.price_dollars : ''))).toEqual(['0.07', '0.08', '0.09', '0.10', '0.11']);
    await stream.close();
  });

  it("overflow: 'error' ends the iterator with KalshiStreamOverflowError after what was buffered, and unsubscribes", async () => {
    const stream = streamTo(server);
    const sub = await stream.subscribe('ticker', { market_ticker: 'E-1' }, { bufferSize: 3, overflow: 'error' });
    const sid = sub.sid;
    for (let i = 0; i < 5; i++) server.publish('ticker', 'ticker', tickerMsg('E-1', `0.0${i}`));
    await waitFor('the unsubscribe', () => server.commands.some((c) => c.cmd === 'unsubscribe' && (c.params?.['sids'] as number[])[0] === sid));
    const reader = sub[Symbol.asyncIterator]();
    expect(await take(reader, 3)).toHaveLength(3);
    await expect(reader.next()).rejects.toBeInstanceOf(KalshiStreamOverflowError);
    await stream.close();
  });
});

describe('close and abort', () => {
  const resources = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'TCPSocketWrap').length;

  it('close() ends subscriptions and leaves no timer or socket behind', async () => {
    const before = resources();
    const stream = streamTo(server, { heartbeatTimeoutMs: 5_000 });
    const sub = await stream.subscribe('ticker');
    const reader = sub[Symbol.asyncIterator]();
    expect(resources()).toBeGreaterThan(before);
    await stream.close();
    expect(await reader.next()).toEqual({ value: undefined, done: true });
    await waitFor('timers and sockets to go', () => resources() <= before);
  });

  it('an AbortSignal closes the stream, also while it waits to reconnect', async () => {
    const before = resources();
    const controller = new AbortController();
    const lonely = await startServer();
    const stream = streamTo(lonely, { signal: controller.signal });
    await stream.ready();
    await lonely.close();
    await waitFor('the reconnect wait', () => stream.state === 'reconnecting');
    controller.abort();
    await stream.closed();
    expect(stream.state).toBe('closed');
    await waitFor('timers and sockets to go', () => resources() <= before);
  });
});
