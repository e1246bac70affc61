/**
 * How one API's `orderbook_snapshot` and `orderbook_delta` messages map onto the ladders of a local book. The
 * models (`trade-book.ts`, `perps-book.ts`) read only the few fields they need, as structural shapes, so a
 * generated channel map with fuller message types plugs in unchanged.
 */
import type { BookState } from './book-state.js';
import { remember } from './memo.js';
import type { OrderBook } from './order-book.js';

/** A price on its side's own scale: exact units and the text to show. */
export interface SidePrice {
  units: number;
  text: string;
}

export interface SnapshotLevels<S extends string> {
  marketTicker: string;
  /** `[price, size]` pairs per side, as sent (absent: no levels on that side). */
  levels: Partial<Record<S, readonly (readonly unknown[])[]>>;
}

/** Where an `orderbook_delta` message's `msg` holds the level's price and the change of its size. */
export interface DeltaFields {
  readonly price: string;
  readonly delta: string;
}

export interface BookModel<S extends string, B extends OrderBook<S>> {
  readonly sides: readonly S[];
  /** Per side: the best price is the highest (bids) or the lowest (asks). */
  readonly highestFirst: Readonly<Record<S, boolean>>;
  /** Added to the `orderbook_delta` subscribe params. */
  readonly subscribeParams: Readonly<Record<string, unknown>>;
  /** The snapshot's levels, or undefined when `msg` is not one this model understands. */
  snapshot(msg: unknown): SnapshotLevels<S> | undefined;
  /** The price and size-change fields of a delta (`market_ticker`, `side` and `client_order_id` are common). */
  readonly deltaFields: DeltaFields;
  /** A wire price of `side` on that side's own scale (a no price sent in yes-leg terms is turned back). */
  price(side: S, text: unknown): SidePrice;
  /** The public book object over `state`. */
  create(state: BookState<S>, close: () => Promise<void>): B;
}

/** Prices remembered per side (a book sees the same few hundred over and over); the memo starts over when full. */
const PRICE_MEMO_LIMIT = 4096;

/**
 * `convert` with its results remembered per side and wire text, so a delta at a known price allocates nothing.
 * Only successful conversions are remembered: a malformed price throws every time.
 */
export function memoizedPrices<S extends string>(
  sides: readonly S[],
  convert: (side: S, text: unknown) => SidePrice,
): (side: S, text: unknown) => SidePrice {
  const memos = {} as Record<S, Map<unknown, SidePrice>>;
  for (const side of sides) memos[side] = new Map();
  return (side, text) => {
    const memo = memos[side];
    const known = memo.get(text);
    if (known !== undefined) return known;
    return remember(memo, PRICE_MEMO_LIMIT, text, convert(side, text));
  };
}

/** A record with the field `name` as a string, or undefined. */
export function stringField(value: unknown, name: string): string | undefined {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** A record with the field `name` as an array, or undefined. */
export function levelsField(value: unknown, name: string): readonly (readonly unknown[])[] | undefined {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return Array.isArray(field) ? (field as (readonly unknown[])[]) : undefined;
}
