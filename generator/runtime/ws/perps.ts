/**
 * `<package>/perps/ws`: the Perps API's real-time stream, typed by `PerpsChannels`, keeping `PerpsOrderBook`s
 * (bid and ask ladders).
 */
import type { ChannelMapShape } from './channel-map.js';
import { KalshiStream } from './stream.js';
import type { KalshiStreamOptions } from './options.js';
import { PerpsOrderBook, perpsBookModel, type PerpsBookDeltaShape, type PerpsBookSnapshotShape } from './perps-book.js';
import { PERPS_STREAM_API, type PerpsChannels } from './perps-channels.js';

export * from './index.js';
export * from './perps-channels.js';
export {
  PerpsOrderBook,
  type PerpsBookSideName,
  type PerpsBookDeltaShape,
  type PerpsBookSnapshotShape,
} from './perps-book.js';

/** Checked by the compiler: the channel map's order book messages carry what `PerpsOrderBook` reads. */
export type PerpsBookMessages = BookMessagesOf<PerpsChannels['orderbook_delta']['message']>;
type BookMessagesOf<
  M extends
    { type: 'orderbook_snapshot'; msg: PerpsBookSnapshotShape } | { type: 'orderbook_delta'; msg: PerpsBookDeltaShape },
> = M;

/** A stream to the Kalshi Perps API (`wss://external-api-margin-ws.kalshi.com/...`, or `demo`, or `url`). */
export function createKalshiStream<C extends ChannelMapShape = PerpsChannels>(
  options: KalshiStreamOptions,
): KalshiStream<C, PerpsOrderBook> {
  return new KalshiStream<C, PerpsOrderBook>(options, PERPS_STREAM_API, perpsBookModel());
}
