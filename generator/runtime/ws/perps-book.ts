/**
 * The Perps API's book: a bid ladder (best = highest) and an ask ladder (best = lowest), fixed-point USD prices.
 */
import { levelsField, memoizedPrices, stringField, type BookModel } from './book-model.js';
import type { BookState } from './book-state.js';
import { parseFixed } from './fixed-point.js';
import type { Level } from './ladder.js';
import { OrderBook } from './order-book.js';

export type PerpsBookSideName = 'bid' | 'ask';

const PRICE_FIELD = { bid: 'orderbook bid price', ask: 'orderbook ask price' } as const;

/** What the book reads of a perps `orderbook_snapshot` message's `msg`. */
export interface PerpsBookSnapshotShape {
  market_ticker: string;
  bid?: readonly (readonly string[])[];
  ask?: readonly (readonly string[])[];
}

/** What the book reads of a perps `orderbook_delta` message's `msg`. */
export interface PerpsBookDeltaShape {
  market_ticker: string;
  price: string;
  delta: string;
  side: PerpsBookSideName;
  client_order_id?: string;
}

export class PerpsOrderBook extends OrderBook<PerpsBookSideName> {
  bestBid(): Level | undefined {
    return this.best('bid');
  }

  bestAsk(): Level | undefined {
    return this.best('ask');
  }
}

export function perpsBookModel(): BookModel<PerpsBookSideName, PerpsOrderBook> {
  const sides: readonly PerpsBookSideName[] = ['bid', 'ask'];
  return {
    sides,
    highestFirst: { bid: true, ask: false },
    subscribeParams: {},
    snapshot(msg) {
      const marketTicker = stringField(msg, 'market_ticker');
      if (marketTicker === undefined) return undefined;
      return {
        marketTicker,
        levels: { bid: levelsField(msg, 'bid'), ask: levelsField(msg, 'ask') },
      };
    },
    deltaFields: { price: 'price', delta: 'delta' },
    price: memoizedPrices(sides, (side, text) => ({
      units: parseFixed(text, PRICE_FIELD[side]),
      text: text as string,
    })),
    create: (state: BookState<PerpsBookSideName>, close) => new PerpsOrderBook(state, close),
  };
}
