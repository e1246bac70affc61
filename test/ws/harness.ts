/**
 * Shared pieces of the WebSocket tests: a key pair and key id, the stand-in, streams pointed at it, and bounded
 * waits (every wait gives up after a few seconds with a message naming what it was waiting for).
 */
import { randomUUID } from 'node:crypto';
import { createKalshiStream, type KalshiStream, type TradeChannels, type TradeOrderBook } from '../../generator/runtime/ws/trade.js';
import type { KalshiStreamOptions } from '../../generator/runtime/ws/options.js';
import { generateTestKeyPair, type TestKeyPair } from '../support/kalshi-auth.js';
import { startKalshiWsServer, type KalshiWsServer, type WsServerOptions } from '../support/kalshi-ws-server.js';

export const KEY_ID = randomUUID();
let keys: TestKeyPair | undefined;

export function testKeys(): TestKeyPair {
  return (keys ??= generateTestKeyPair());
}

export function startServer(options: WsServerOptions = {}): Promise<KalshiWsServer> {
  return startKalshiWsServer({ keys: { [KEY_ID]: testKeys().publicKey }, ...options });
}

/** A trade stream to `server`, signed with the test key; fast reconnects unless overridden. */
export function streamTo(server: KalshiWsServer, options: Partial<KalshiStreamOptions> = {}): KalshiStream<TradeChannels, TradeOrderBook> {
  return createKalshiStream({ url: server.url, apiKeyId: KEY_ID, privateKeyPem: testKeys().pkcs1, random: () => 0, ...options });
}

/** Polls `condition` every 5 ms until it holds; throws after `timeoutMs` naming `what`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The next `count` items of an async iterator, within `timeoutMs`. */
export async function take<T>(iterator: AsyncIterator<T>, count: number, timeoutMs = 5_000): Promise<T[]> {
  const items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${items.length} of ${count} items`)), timeoutMs);
  });
  try {
    while (items.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) break;
      items.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return items;
}

export function tickerMsg(market: string, price: string): Record<string, unknown> {
  return {
    market_ticker: market,
    market_id: '9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1',
    price_dollars: price,
    yes_bid_dollars: '0.450',
    yes_ask_dollars: '0.530',
    volume_fp: '33896.00',
    open_interest_fp: '20422.00',
    dollar_volume: 16948,
    dollar_open_interest: 10211,
    yes_bid_size_fp: '300.00',
    yes_ask_size_fp: '150.00',
    last_trade_size_fp: '25.00',
    ts: 1669149841,
    ts_ms: 1669149841000,
    time: '2022-11-22T20:44:01Z',
  };
}
