/**
 * The Perps (margin) API's WebSocket channels, written from the `margin-ws/websockets/` pages of the 2026-08-22
 * docs (`perps_asyncapi.yaml` fences). The file the AsyncAPI generator replaces, like `trade-channels.ts`.
 *
 * The pages give the hosts only (`address: /`); the path is taken to be the Trade API's `/trade-api/ws/v2`,
 * as the perps REST API shares `/trade-api/v2`. Pass `url` to `createKalshiStream` if Kalshi documents another.
 */
import type { StreamApiDescription } from './channel-map.js';

/** Fixed-point decimal string: USD prices (4 decimals), contract counts. */
export type FixedPoint = string;
export type PerpsBookSide = 'bid' | 'ask';

export interface PerpsMarketsUpdate {
  action: 'add_markets' | 'delete_markets';
  market_ticker?: string;
  market_tickers?: string[];
  send_initial_snapshot?: boolean;
}

interface Envelope<T extends string, M> {
  type: T;
  sid: number;
  msg: M;
}
interface SequencedEnvelope<T extends string, M> extends Envelope<T, M> {
  seq: number;
}

export type PerpsOrderbookSnapshotMessage = SequencedEnvelope<
  'orderbook_snapshot',
  {
    market_ticker: string;
    /** `[price_dollars, count_fp]` levels. */
    bid?: [FixedPoint, FixedPoint][];
    ask?: [FixedPoint, FixedPoint][];
  }
>;

export type PerpsOrderbookDeltaMessage = SequencedEnvelope<
  'orderbook_delta',
  {
    market_ticker: string;
    price: FixedPoint;
    /** Change of the size at that price, signed. */
    delta: FixedPoint;
    side: PerpsBookSide;
    /** Why your order changed, when the delta is yours. */
    last_update_reason?:
      '' | 'Decrease' | 'Amend' | 'MarginCancel' | 'SelfTradeCancel' | 'ExpiryCancel' | 'Trade' | 'PostOnlyCrossCancel';
    client_order_id?: string;
    subaccount?: number;
    ts_ms?: number;
  }
>;

export interface PricePoint {
  price: FixedPoint;
  ts_ms: number;
}

export type PerpsTickerMessage = Envelope<
  'ticker',
  {
    market_ticker: string;
    price: FixedPoint;
    bid: FixedPoint;
    ask: FixedPoint;
    bid_size_fp: FixedPoint;
    ask_size_fp: FixedPoint;
    last_trade_size_fp: FixedPoint;
    volume: FixedPoint;
    volume_notional_value_dollars: FixedPoint;
    volume_24h: FixedPoint;
    volume_24h_notional_value_dollars: FixedPoint;
    open_interest: FixedPoint;
    open_interest_notional_value_dollars: FixedPoint;
    reference_price?: PricePoint;
    settlement_mark_price?: PricePoint;
    liquidation_mark_price?: PricePoint;
    funding_rate?: {
      rate: number;
      next_funding_time_ms: number;
      ts_ms: number;
    };
    ts_ms: number;
  }
>;

export type PerpsTradeMessage = Envelope<
  'trade',
  {
    trade_id: string;
    market_ticker: string;
    price: FixedPoint;
    count: FixedPoint;
    taker_side: PerpsBookSide;
    ts_ms: number;
  }
>;

export type PerpsFillMessage = Envelope<
  'fill',
  {
    trade_id: string;
    order_id: string;
    client_order_id?: string;
    market_ticker: string;
    is_taker: boolean;
    side: PerpsBookSide;
    ts_ms: number;
    price: FixedPoint;
    count: FixedPoint;
    fee_cost: FixedPoint;
    post_position: FixedPoint;
    subaccount?: number;
  }
>;

export type PerpsUserOrderMessage = Envelope<
  'user_order',
  {
    order_id: string;
    user_id: string;
    client_order_id: string;
    ticker: string;
    side: PerpsBookSide;
    price: FixedPoint;
    fill_count: FixedPoint;
    remaining_count: FixedPoint;
    self_trade_prevention_type?: 'taker_at_cross' | 'maker';
    order_group_id?: string;
    expiration_ts_ms?: number;
    created_ts_ms: number;
    last_updated_ts_ms?: number;
    subaccount_number?: number;
  }
>;

export type PerpsOrderGroupUpdateMessage = SequencedEnvelope<
  'order_group_updates',
  {
    event_type: 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated';
    order_group_id: string;
    contracts_limit_fp?: FixedPoint;
    ts_ms: number;
  }
>;

type MarketParams = { market_ticker?: string; market_tickers?: string[] };

export type PerpsChannels = {
  orderbook_delta: {
    params: MarketParams;
    message: PerpsOrderbookSnapshotMessage | PerpsOrderbookDeltaMessage;
    update: PerpsMarketsUpdate;
  };
  ticker: {
    params: MarketParams & {
      send_initial_snapshot?: boolean;
      skip_ticker_ack?: boolean;
    };
    message: PerpsTickerMessage;
    update: PerpsMarketsUpdate;
  };
  trade: {
    params: MarketParams;
    message: PerpsTradeMessage;
    update: PerpsMarketsUpdate;
  };
  fill: {
    params: MarketParams;
    message: PerpsFillMessage;
    update: PerpsMarketsUpdate;
  };
  user_orders: {
    params: { market_tickers?: string[] };
    message: PerpsUserOrderMessage;
    update: PerpsMarketsUpdate;
  };
  order_group_updates: {
    params: Record<string, never>;
    message: PerpsOrderGroupUpdateMessage;
    update: never;
  };
};

export const PERPS_STREAM_API: StreamApiDescription = {
  title: 'Kalshi Perps API',
  environments: {
    production: 'wss://external-api-margin-ws.kalshi.com/trade-api/ws/v2',
    demo: 'wss://external-api-margin-ws.demo.kalshi.co/trade-api/ws/v2',
  },
  snapshotChannels: ['orderbook_delta'],
};
