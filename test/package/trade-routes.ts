/**
 * Routes for `startKalshiServer` answering the four operations the consumer calls with bodies shaped like the
 * Trade API document says (typed against the generated package's own types, and checked against
 * generated/openapi/trade.json at run time by consumer.test.ts).
 */
import type {
  CreateOrderV2Response,
  GetBalanceResponse,
  GetMarketsResponse,
  GetOrdersResponse,
  Market,
  Order,
} from '../../generated/dist/index.js';
import type { KalshiRoute } from '../support/kalshi-server.js';

export function orderBody(overrides: Partial<Order> = {}): Order {
  return {
    order_id: 'ee0a5a3c-4d7e-4b8e-9d53-1e1f9c1a0001',
    user_id: 'user-0001',
    client_order_id: 'c0ffee00-0000-4000-8000-000000000001',
    ticker: 'KXBTC-25DEC31-T100000',
    outcome_side: 'yes',
    book_side: 'bid',
    type: 'limit',
    status: 'resting',
    yes_price_dollars: '0.4000',
    no_price_dollars: '0.6000',
    fill_count_fp: '0.00',
    remaining_count_fp: '1.00',
    initial_count_fp: '1.00',
    taker_fees_dollars: '0.0000',
    maker_fees_dollars: '0.0000',
    taker_fill_cost_dollars: '0.0000',
    maker_fill_cost_dollars: '0.0000',
    ...overrides,
  };
}

export function marketBody(ticker: string): Market {
  return {
    ticker,
    event_ticker: 'KXBTC-25DEC31',
    market_type: 'binary',
    yes_sub_title: 'Above $100,000',
    no_sub_title: 'Not above $100,000',
    created_time: '2025-12-01T00:00:00Z',
    updated_time: '2025-12-01T00:00:00Z',
    open_time: '2025-12-01T00:00:00Z',
    close_time: '2025-12-31T23:59:59Z',
    latest_expiration_time: '2026-01-07T00:00:00Z',
    settlement_timer_seconds: 300,
    status: 'active',
    notional_value_dollars: '1.0000',
    yes_bid_dollars: '0.3900',
    yes_ask_dollars: '0.4100',
    no_bid_dollars: '0.5900',
    no_ask_dollars: '0.6100',
    yes_bid_size_fp: '120.00',
    yes_ask_size_fp: '80.00',
    last_price_dollars: '0.4000',
    previous_yes_bid_dollars: '0.3800',
    previous_yes_ask_dollars: '0.4200',
    previous_price_dollars: '0.3900',
    volume_fp: '1500.00',
    volume_24h_fp: '300.00',
    open_interest_fp: '900.00',
    result: '',
    can_close_early: true,
    expiration_value: '',
    rules_primary: 'Resolves Yes if BTC is above $100,000.',
    rules_secondary: '',
    price_level_structure: 'linear_cent',
    price_ranges: [{ start: '0.01', end: '0.99', step: '0.01' }],
  };
}

export function balanceBody(balance: number): GetBalanceResponse {
  return {
    balance,
    balance_dollars: (balance / 100).toFixed(4),
    portfolio_value: balance * 2,
    updated_ts: 1_765_000_000,
    balance_breakdown: [{ exchange_index: 0, balance: (balance / 100).toFixed(4) }],
  };
}

export function ordersBody(limit: number): GetOrdersResponse {
  const orders = [1, 2, 3].slice(0, limit).map((n) => orderBody({ order_id: `order-${n}`, client_order_id: `client-${n}` }));
  return { orders, cursor: '' };
}

export function marketsBody(limit: number): GetMarketsResponse {
  return { markets: ['KXBTC-25DEC31-T100000', 'KXBTC-25DEC31-T90000'].slice(0, limit).map(marketBody), cursor: '' };
}

export function createdOrderBody(request: Record<string, unknown>): CreateOrderV2Response {
  return {
    order_id: 'order-created',
    client_order_id: String(request['client_order_id']),
    fill_count: '0.00',
    remaining_count: String(request['count'] ?? '0.00'),
    ts_ms: 1_765_000_000_123,
  };
}

/** Balance answered per key id (so each account sees its own), 0 for others. */
export function tradeRoutes(balances: Record<string, number> = {}): KalshiRoute[] {
  const limitOf = (query: URLSearchParams, fallback: number): number => Number(query.get('limit') ?? fallback);
  return [
    {
      method: 'GET',
      path: '/portfolio/balance',
      secured: true,
      handler: (req) => ({ status: 200, body: balanceBody(balances[req.keyId ?? ''] ?? 0) }),
    },
    {
      method: 'GET',
      path: '/portfolio/orders',
      secured: true,
      handler: (req) => ({ status: 200, body: ordersBody(limitOf(req.query, 100)) }),
    },
    {
      method: 'POST',
      path: '/portfolio/events/orders',
      secured: true,
      handler: (req) => ({ status: 201, body: createdOrderBody((req.body ?? {}) as Record<string, unknown>) }),
    },
    {
      method: 'GET',
      path: '/markets',
      secured: false,
      handler: (req) => ({ status: 200, body: marketsBody(limitOf(req.query, 100)) }),
    },
  ];
}
