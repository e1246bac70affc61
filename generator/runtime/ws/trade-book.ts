/**
 * The Trade API's book: bids only, a yes ladder and a no ladder, each at its own side's prices. A yes ask is
 * implied by the best no bid (buying yes at 1 − p is selling no at p) and a no ask by the best yes bid.
 *
 * The book subscribes with `use_yes_price: true`, which Kalshi says will become the only behaviour: no-side
 * levels then arrive in yes-leg prices and are turned back (p → 1 − p, exactly) to no prices here.
 */
import { levelsField, memoizedPrices, stringField, type BookModel } from './book-model.js';
import type { BookState } from './book-state.js';
import { decimalsOf, formatFixed, ONE_DOLLAR, parseFixed } from './fixed-point.js';
import type { Level } from './ladder.js';
import { OrderBook } from './order-book.js';

export type TradeBookSide = 'yes' | 'no';

const PRICE_FIELD = { yes: 'orderbook yes price', no: 'orderbook no price' } as const;

/** What the book reads of an `orderbook_snapshot` message's `msg`. */
export interface TradeBookSnapshotShape {
  market_ticker: string;
  yes_dollars_fp?: readonly (readonly string[])[];
  no_dollars_fp?: readonly (readonly string[])[];
}

/** What the book reads of an `orderbook_delta` message's `msg`. */
export interface TradeBookDeltaShape {
  market_ticker: string;
  price_dollars: string;
  delta_fp: string;
  side: TradeBookSide;
  client_order_id?: string;
}

export class TradeOrderBook extends OrderBook<TradeBookSide> {
  /** The best bid of `side` (default yes). */
  bestBid(side: TradeBookSide = 'yes'): Level | undefined {
    return this.best(side);
  }

  /** The implied best ask of `side`: 1 − the other side's best bid, with that bid's size. */
  bestAsk(side: TradeBookSide = 'yes'): Level | undefined {
    const other = this.state.ladders[side === 'yes' ? 'no' : 'yes'].best();
    if (other === undefined) return undefined;
    const size = this.level(other).size;
    return {
      price: formatFixed(ONE_DOLLAR - other.price, decimalsOf(other.priceText)),
      size,
    };
  }
}

/** The model for `TradeOrderBook`; `yesPrices`: the subscription sends `use_yes_price: true`. */
export function tradeBookModel(yesPrices = true): BookModel<TradeBookSide, TradeOrderBook> {
  const sides: readonly TradeBookSide[] = ['yes', 'no'];
  return {
    sides,
    highestFirst: { yes: true, no: true },
    subscribeParams: { use_yes_price: yesPrices },
    snapshot(msg) {
      const marketTicker = stringField(msg, 'market_ticker');
      if (marketTicker === undefined) return undefined;
      return {
        marketTicker,
        levels: {
          yes: levelsField(msg, 'yes_dollars_fp'),
          no: levelsField(msg, 'no_dollars_fp'),
        },
      };
    },
    deltaFields: { price: 'price_dollars', delta: 'delta_fp' },
    price: memoizedPrices(sides, (side, text) => {
      const units = parseFixed(text, PRICE_FIELD[side]);
      if (side === 'yes' || !yesPrices) return { units, text: text as string };
      const no = ONE_DOLLAR - units;
      return { units: no, text: formatFixed(no, decimalsOf(text as string)) };
    }),
    create: (state: BookState<TradeBookSide>, close) => new TradeOrderBook(state, close),
  };
}
