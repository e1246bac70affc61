/**
 * `<package>/ws`: the Trade API's real-time stream. `createKalshiStream()` is typed by `TradeChannels` unless
 * given another channel map, and keeps `TradeOrderBook`s (yes/no bids, implied asks).
 */
import type { ChannelMapShape } from './channel-map.js';
import { KalshiStream } from './stream.js';
import type { KalshiStreamOptions } from './options.js';
import { TradeOrderBook, tradeBookModel, type TradeBookDeltaShape, type TradeBookSnapshotShape } from './trade-book.js';
import { TRADE_STREAM_API, type TradeChannels } from './trade-channels.js';

export * from './index.js';
export * from './trade-channels.js';
export {
  TradeOrderBook,
  type TradeBookSide,
  type TradeBookDeltaShape,
  type TradeBookSnapshotShape,
} from './trade-book.js';

/** Checked by the compiler: the channel map's order book messages carry what `TradeOrderBook` reads. */
export type TradeBookMessages = BookMessagesOf<TradeChannels['orderbook_delta']['message']>;
type BookMessagesOf<
  M extends
    { type: 'orderbook_snapshot'; msg: TradeBookSnapshotShape } | { type: 'orderbook_delta'; msg: TradeBookDeltaShape },
> = M;

/** A stream to the Kalshi Trade API (`wss://external-api-ws.kalshi.com/trade-api/ws/v2`, or `demo`, or `url`). */
export function createKalshiStream<C extends ChannelMapShape = TradeChannels>(
  options: KalshiStreamOptions,
): KalshiStream<C, TradeOrderBook> {
  return new KalshiStream<C, TradeOrderBook>(options, TRADE_STREAM_API, tradeBookModel());
}
