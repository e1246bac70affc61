import type { ApiNames } from './api-names.ts';
import type { OperationModel } from './operation-model.ts';

/**
 * "Migrating from kalshi-typescript": the official SDK's calls (version 3.30.0, its API classes) beside this
 * package's. Each operation row names the operationId it maps to; ours is looked up in the operations being
 * generated, so a renamed or removed operation drops its row instead of documenting a method that does not exist.
 */

interface Row {
  operationId: string;
  theirs: string;
  /** Our call, with `$` standing for the method name. */
  ours: string;
}

const ROWS: readonly Row[] = [
  { operationId: 'GetBalance', theirs: '`new PortfolioApi(config).getBalance()` then `.data.balance`', ours: '`kalshi.$()` then `.balance`' },
  { operationId: 'GetExchangeStatus', theirs: '`new ExchangeApi(config).getExchangeStatus()`', ours: '`kalshi.$()`' },
  { operationId: 'GetMarket', theirs: '`marketApi.getMarket(ticker)`', ours: '`kalshi.$(ticker)`' },
  {
    operationId: 'GetMarkets',
    theirs: '`marketApi.getMarkets(limit, cursor, eventTicker, seriesTicker, …)` (14 positional parameters), a loop over `cursor`',
    ours: "`kalshi.$({ limit, event_ticker, series_ticker })`, `for await` over every market",
  },
  {
    operationId: 'GetOrders',
    theirs: '`ordersApi.getOrders(ticker, eventTicker, minTs, maxTs, status, limit, cursor, …)`',
    ours: "`kalshi.$({ status: 'resting', limit })`, `for await` over every order",
  },
  {
    operationId: 'CreateOrderV2',
    theirs: '`ordersApi.createOrderV2(createOrderV2Request)`, never retried',
    ours: '`kalshi.$({ ticker, side, count, price, … })`, retried safely (a `client_order_id` is added)',
  },
  { operationId: 'CancelOrderV2', theirs: '`ordersApi.cancelOrderV2(orderId)`', ours: '`kalshi.$(orderId)`' },
  {
    operationId: 'GetPositions',
    theirs: '`portfolioApi.getPositions(cursor, limit, countFilter, …)`',
    ours: '`kalshi.$({ limit }).iterPages()` over every page',
  },
];

export function migrationSection(trade: { names: ApiNames; operations: readonly OperationModel[] }, from: string): string {
  const byId = new Map(trade.operations.map((op) => [op.operationId, op]));
  const rows = ROWS.flatMap((row) => {
    const op = byId.get(row.operationId);
    return op === undefined ? [] : [`| ${row.theirs} | ${row.ours.replace('$', op.wrapperName)} |`];
  });
  return [
    '## Migrating from kalshi-typescript',
    '',
    'The official SDK has one class per group of operations (`PortfolioApi`, `MarketApi`, `OrdersApi`, …), each built ' +
      'from a `Configuration`, with positional parameters and axios responses. Here one client has every operation, under ' +
      'the same name (lowerCamel of the operationId), with one object of named parameters, and returns the body itself:',
    '',
    '| kalshi-typescript 3.30.0 | this package |',
    '|---|---|',
    `| \`new PortfolioApi(new Configuration({ apiKey, privateKeyPem, basePath }))\`, one per API class (each adds an interceptor to the global axios instance) | \`${trade.names.factoryName}({ apiKeyId, privateKeyPem, environment })\` from \`${from}\`, one for everything, nothing global |`,
    ...rows,
    '| `AxiosResponse<T>`: the body under `.data` | the body `T` itself (`Promise<T>`) |',
    '| `AxiosError`: `error.response?.status`, `error.response?.data` | `KalshiApiError` subclasses by status: `status`, `code`, `details`, `body` |',
    '| no retries, no timeouts, no rate limiting | retries with backoff, per-attempt timeouts, optional rate limits (see above) |',
    '| Node only (`fs`, `crypto`) | Node, browsers, Deno, Bun, edge runtimes |',
  ].join('\n');
}
