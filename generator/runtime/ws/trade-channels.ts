/**
 * The Trade API's WebSocket channels: for each, its subscribe params, its messages and its update params.
 * Written from Kalshi's AsyncAPI document (`asyncapi.yaml`, 2.0.0) and the `websockets/` pages of the
 * 2026-08-22 docs. This file is the one the AsyncAPI generator replaces: the rest of the runtime only uses
 * `TradeChannels`, `TRADE_STREAM_API` and the structural book shapes of `trade-book.ts`.
 */
import type { StreamApiDescription } from './channel-map.js';

/** Fixed-point decimal string: `*_dollars` prices (up to 6 decimals), `*_fp` contract counts (2 decimals). */
export type FixedPoint = string;
export type MarketSide = 'yes' | 'no';
/** `bid` is the yes outcome side, `ask` the no outcome side. */
export type BookSide = 'bid' | 'ask';

/** Market filters; `market_id`/`market_ids` only where the channel's notes say so (ticker). */
export interface MarketFilter {
  market_ticker?: string;
  market_tickers?: string[];
  market_id?: string;
  market_ids?: string[];
}

export interface MarketsUpdate {
  action: 'add_markets' | 'delete_markets';
  market_ticker?: string;
  market_tickers?: string[];
  market_id?: string;
  market_ids?: string[];
  /** ticker channel: an initial snapshot for the markets added. */
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

export type OrderbookSnapshotMessage = SequencedEnvelope<
  'orderbook_snapshot',
  {
    market_ticker: string;
    market_id: string;
    /** `[price_dollars, count_fp]` levels of yes bids; absent when there are none. */
    yes_dollars_fp?: [FixedPoint, FixedPoint][];
    /** `[price_dollars, count_fp]` levels of no bids (in yes-leg prices with `use_yes_price`); absent when none. */
    no_dollars_fp?: [FixedPoint, FixedPoint][];
  }
>;

export type OrderbookDeltaMessage = SequencedEnvelope<
  'orderbook_delta',
  {
    market_ticker: string;
    market_id: string;
    price_dollars: FixedPoint;
    /** Change of the size at that price, signed. */
    delta_fp: FixedPoint;
    side: MarketSide;
    /** Present only when your order caused the change. */
    client_order_id?: string;
    subaccount?: number;
    /** @deprecated use ts_ms */
    ts?: string;
    ts_ms?: number;
  }
>;

export type TickerMessage = Envelope<
  'ticker',
  {
    market_ticker: string;
    market_id: string;
    price_dollars: FixedPoint;
    yes_bid_dollars: FixedPoint;
    yes_ask_dollars: FixedPoint;
    volume_fp: FixedPoint;
    open_interest_fp: FixedPoint;
    dollar_volume: number;
    dollar_open_interest: number;
    yes_bid_size_fp: FixedPoint;
    yes_ask_size_fp: FixedPoint;
    last_trade_size_fp: FixedPoint;
    /** @deprecated use ts_ms */
    ts: number;
    ts_ms: number;
    /** @deprecated use ts_ms */
    time: string;
  }
>;

export type TradeMessage = Envelope<
  'trade',
  {
    trade_id: string;
    market_ticker: string;
    yes_price_dollars: FixedPoint;
    no_price_dollars: FixedPoint;
    count_fp: FixedPoint;
    /** @deprecated use taker_outcome_side */
    taker_side: MarketSide;
    taker_outcome_side: MarketSide;
    taker_book_side: BookSide;
    is_block_trade: boolean;
    /** @deprecated use ts_ms */
    ts: number;
    ts_ms: number;
  }
>;

export type FillMessage = Envelope<
  'fill',
  {
    trade_id: string;
    order_id: string;
    market_ticker: string;
    exchange_index: number;
    is_taker: boolean;
    /** @deprecated use outcome_side */
    side: MarketSide;
    yes_price_dollars: FixedPoint;
    count_fp: FixedPoint;
    fee_cost: FixedPoint;
    /** @deprecated use outcome_side */
    action: 'buy' | 'sell';
    /** @deprecated use ts_ms */
    ts: number;
    ts_ms: number;
    client_order_id?: string;
    post_position_fp: FixedPoint;
    /** @deprecated use outcome_side */
    purchased_side: MarketSide;
    outcome_side: MarketSide;
    book_side: BookSide;
    subaccount?: number;
  }
>;

export type MarketPositionMessage = Envelope<
  'market_position',
  {
    user_id: string;
    market_ticker: string;
    position_fp: FixedPoint;
    position_cost_dollars: FixedPoint;
    realized_pnl_dollars: FixedPoint;
    fees_paid_dollars: FixedPoint;
    position_fee_cost_dollars: FixedPoint;
    volume_fp: FixedPoint;
    subaccount?: number;
  }
>;

export interface MarketLifecycleFields {
  event_type:
    | 'created'
    | 'deactivated'
    | 'activated'
    | 'close_date_updated'
    | 'determined'
    | 'settled'
    | 'price_level_structure_updated'
    | 'metadata_updated';
  market_ticker: string;
  exchange_index?: number;
  open_ts?: number;
  close_ts?: number;
  result?: string;
  determination_ts?: number;
  settlement_value?: FixedPoint;
  settled_ts?: number;
  is_deactivated?: boolean;
  price_level_structure?: string;
  price_ranges?: { start: FixedPoint; end: FixedPoint; step: FixedPoint }[];
  strike_type?: string;
  floor_strike?: number;
  cap_strike?: number;
  custom_strike?: Record<string, unknown>;
  yes_sub_title?: string;
  additional_metadata?: {
    name?: string;
    title?: string;
    yes_sub_title?: string;
    no_sub_title?: string;
    rules_primary?: string;
    rules_secondary?: string;
    can_close_early?: boolean;
    event_ticker?: string;
    expected_expiration_ts?: number;
    strike_type?: string;
    floor_strike?: number;
    cap_strike?: number;
    custom_strike?: Record<string, unknown>;
  };
}

export type MarketLifecycleMessage = Envelope<'market_lifecycle_v2', MarketLifecycleFields>;
export type MultivariateMarketLifecycleMessage = Envelope<'multivariate_market_lifecycle', MarketLifecycleFields>;

export type EventLifecycleMessage = Envelope<
  'event_lifecycle',
  {
    event_ticker: string;
    exchange_index: number;
    title: string;
    subtitle: string;
    collateral_return_type: 'MECNET' | 'DIRECNET' | '';
    series_ticker: string;
    strike_date?: number;
    strike_period?: string;
  }
>;

export type EventFeeUpdateMessage = Envelope<
  'event_fee_update',
  {
    event_ticker: string;
    fee_type_override: 'quadratic' | 'quadratic_with_maker_fees' | 'quadratic_with_combo_maker_fees' | 'flat' | null;
    fee_multiplier_override: number | null;
  }
>;

interface RfqFields {
  id: string;
  creator_id: string;
  market_ticker: string;
  event_ticker?: string;
  contracts_fp?: FixedPoint;
  target_cost_dollars?: FixedPoint;
}

export type RfqCreatedMessage = Envelope<
  'rfq_created',
  RfqFields & {
    created_ts: string;
    mve_collection_ticker?: string;
    mve_selected_legs?: {
      event_ticker?: string;
      market_ticker?: string;
      side?: string;
      yes_settlement_value_dollars?: FixedPoint;
    }[];
  }
>;
export type RfqDeletedMessage = Envelope<'rfq_deleted', RfqFields & { deleted_ts: string }>;

interface QuoteFields {
  quote_id: string;
  rfq_id: string;
  quote_creator_id: string;
  rfq_creator_id?: string;
  market_ticker: string;
  event_ticker?: string;
  yes_bid_dollars: FixedPoint;
  no_bid_dollars: FixedPoint;
  yes_contracts_offered_fp?: FixedPoint;
  no_contracts_offered_fp?: FixedPoint;
  rfq_target_cost_dollars?: FixedPoint;
  subaccount?: number;
}

export type QuoteCreatedMessage = Envelope<'quote_created', QuoteFields & { created_ts: string }>;
export type QuoteAcceptedMessage = Envelope<
  'quote_accepted',
  QuoteFields & {
    accepted_side?: MarketSide;
    contracts_accepted_fp?: FixedPoint;
  }
>;
export type QuoteExecutedMessage = Envelope<
  'quote_executed',
  {
    quote_id: string;
    rfq_id: string;
    quote_creator_id: string;
    rfq_creator_id: string;
    order_id: string;
    client_order_id: string;
    market_ticker: string;
    executed_ts: string;
    subaccount?: number;
  }
>;

export type OrderGroupUpdateMessage = SequencedEnvelope<
  'order_group_updates',
  {
    event_type: 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated';
    order_group_id: string;
    /** Present for `created` and `limit_updated`. */
    contracts_limit_fp?: FixedPoint;
    ts_ms: number;
  }
>;

export type UserOrderMessage = Envelope<
  'user_order',
  {
    order_id: string;
    user_id: string;
    ticker: string;
    status: 'resting' | 'canceled' | 'executed';
    /** @deprecated use outcome_side */
    side: MarketSide;
    /** @deprecated use outcome_side */
    is_yes: boolean;
    outcome_side: MarketSide;
    book_side: BookSide;
    yes_price_dollars: FixedPoint;
    fill_count_fp: FixedPoint;
    remaining_count_fp: FixedPoint;
    initial_count_fp: FixedPoint;
    taker_fill_cost_dollars: FixedPoint;
    maker_fill_cost_dollars: FixedPoint;
    taker_fees_dollars: FixedPoint;
    maker_fees_dollars: FixedPoint;
    client_order_id: string;
    order_group_id?: string;
    self_trade_prevention_type?: 'taker_at_cross' | 'maker';
    /** @deprecated use created_ts_ms */
    created_time: string;
    created_ts_ms: number;
    /** @deprecated use last_updated_ts_ms */
    last_update_time?: string;
    last_updated_ts_ms?: number;
    /** @deprecated use expiration_ts_ms */
    expiration_time?: string;
    expiration_ts_ms?: number;
    subaccount_number?: number;
  }
>;

export interface AverageWindow {
  value: FixedPoint;
  window_size: number;
  window_start_ts_ms: number;
  window_end_ts_exclusive: number;
}

export type CfBenchmarksValueMessage = SequencedEnvelope<
  'cfbenchmarks_value',
  {
    index_id: string;
    received_at: number;
    /** The raw CF Benchmarks JSON frame, as a string. */
    data: string;
    avg_60s_data: AverageWindow;
    /** Only in the final minute before a quarter-hour close. */
    last_60s_windowed_average_15min?: AverageWindow;
  }
>;
export type CfBenchmarksIndexListMessage = SequencedEnvelope<
  'cfbenchmarks_value_indexlist',
  { index_ids: string[] }
> & {
  id?: number;
};

export type PythValueMessage = SequencedEnvelope<
  'pyth_value',
  {
    underlying_ticker: string;
    value_usd: FixedPoint;
    source_ts_ms: number;
    received_at: number;
  }
>;
export type PythUnderlyingListMessage = SequencedEnvelope<
  'pyth_value_underlying_list',
  { underlying_tickers: string[] }
> & { id?: number };

/** The Trade API's channels (AsyncAPI `channels`, without the `root` and `control_frames` pseudo-channels). */
export type TradeChannels = {
  orderbook_delta: {
    /** A market is required: `market_ticker` or `market_tickers` (`market_id(s)` are not supported here). */
    params: {
      market_ticker?: string;
      market_tickers?: string[];
      /** No-side levels in yes-leg prices; Kalshi will make this the only behaviour (see the docs). */
      use_yes_price?: boolean;
      skip_ticker_ack?: boolean;
    };
    message: OrderbookSnapshotMessage | OrderbookDeltaMessage;
    update: {
      /** `get_snapshot` sends a snapshot of the markets named without changing the subscription. */
      action: 'add_markets' | 'delete_markets' | 'get_snapshot';
      market_ticker?: string;
      market_tickers?: string[];
    };
  };
  ticker: {
    params: MarketFilter & {
      send_initial_snapshot?: boolean;
      skip_ticker_ack?: boolean;
    };
    message: TickerMessage;
    update: MarketsUpdate;
  };
  trade: { params: MarketFilter; message: TradeMessage; update: MarketsUpdate };
  fill: {
    params: { market_ticker?: string; market_tickers?: string[] };
    message: FillMessage;
    update: MarketsUpdate;
  };
  market_positions: {
    params: { market_ticker?: string; market_tickers?: string[] };
    message: MarketPositionMessage;
    update: MarketsUpdate;
  };
  market_lifecycle_v2: {
    params: Record<string, never>;
    message: MarketLifecycleMessage | EventLifecycleMessage | EventFeeUpdateMessage;
    update: never;
  };
  multivariate_market_lifecycle: {
    params: Record<string, never>;
    message: MultivariateMarketLifecycleMessage | EventLifecycleMessage;
    update: never;
  };
  communications: {
    /** Optional fan-out sharding: `shard_factor` 1–100, `0 <= shard_key < shard_factor`. */
    params: { shard_factor?: number; shard_key?: number };
    message: RfqCreatedMessage | RfqDeletedMessage | QuoteCreatedMessage | QuoteAcceptedMessage | QuoteExecutedMessage;
    update: never;
  };
  order_group_updates: {
    params: Record<string, never>;
    message: OrderGroupUpdateMessage;
    update: never;
  };
  user_orders: {
    params: { market_tickers?: string[] };
    message: UserOrderMessage;
    update: MarketsUpdate;
  };
  cfbenchmarks_value: {
    /** `["all"]` for every index; without ids no values flow until some are added. */
    params: { index_ids?: string[] };
    message: CfBenchmarksValueMessage | CfBenchmarksIndexListMessage;
    update: {
      action: 'subscribe_indices' | 'unsubscribe_indices' | 'indexlist';
      index_ids?: string[];
    };
  };
  pyth_value: {
    /** `["all"]` for every underlying. */
    params: { underlying_tickers?: string[] };
    message: PythValueMessage | PythUnderlyingListMessage;
    update: {
      action: 'subscribe_underlyings' | 'unsubscribe_underlyings' | 'underlying_list';
      underlying_tickers?: string[];
    };
  };
};

/** AsyncAPI `servers` plus the endpoints the docs list as also supported, and the snapshot channels. */
export const TRADE_STREAM_API: StreamApiDescription = {
  title: 'Kalshi Trade API',
  environments: {
    production: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2',
    demo: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2',
  },
  snapshotChannels: ['orderbook_delta'],
};
