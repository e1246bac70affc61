/**
 * How one API's `orderbook_snapshot` and `orderbook_delta` messages map onto the ladders of a local book. The
 * models (`trade-book.ts`, `perps-book.ts`) read only the few fields they need, as structural shapes, so a
 * generated channel map with fuller message types plugs in unchanged.
 */
import type { BookState } from './book-state.js';
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

export interface DeltaChange<S extends string> {
  marketTicker: string;
  side: S;
  price: unknown;
  delta: unknown;
  clientOrderId: string | undefined;
}

export interface BookModel<S extends string, B extends OrderBook<S>> {
  readonly sides: readonly S[];
  /** Per side: the best price is the highest (bids) or the lowest (asks). */
  readonly highestFirst: Readonly<Record<S, boolean>>;
  /** Added to the `orderbook_delta` subscribe params. */
  readonly subscribeParams: Readonly<Record<string, unknown>>;
  /** The snapshot's levels, or undefined when `msg` is not one this model understands. */
  snapshot(msg: unknown): SnapshotLevels<S> | undefined;
  delta(msg: unknown): DeltaChange<S> | undefined;
  /** A wire price of `side` on that side's own scale (a no price sent in yes-leg terms is turned back). */
  price(side: S, text: unknown): SidePrice;
  /** The public book object over `state`. */
  create(state: BookState<S>, close: () => Promise<void>): B;
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
