/**
 * The state of one local order book: a ladder per side, whether it currently matches Kalshi's (`synced`: from a
 * snapshot until the next gap), and its update listeners. Snapshots replace everything; deltas are applied only
 * while synced, because after a gap the book is rebuilt from the next snapshot anyway.
 */
import { deferred, type Deferred } from './deferred.js';
import { decimalsOf, formatFixed, parseFixed } from './fixed-point.js';
import type { GapReason } from './gap.js';
import { Ladder } from './ladder.js';
import { remember } from './memo.js';
import type { BookModel } from './book-model.js';
import type { OrderBook } from './order-book.js';

export type BookUpdate<S extends string> =
  | { type: 'snapshot'; marketTicker: string; seq: number | undefined }
  | {
      type: 'delta';
      marketTicker: string;
      seq: number | undefined;
      side: S;
      /** The level's price on its side's own scale. */
      price: string;
      delta: string;
      /** The level's size after the change ("0.00": the level is gone). */
      size: string;
      /** Present when your order caused the change. */
      clientOrderId: string | undefined;
    }
  /** The book no longer matches Kalshi's until the next `snapshot`. */
  | { type: 'gap'; marketTicker: string; reason: GapReason };

export interface BookListener<S extends string> {
  update(update: BookUpdate<S>): void;
  /** The book was closed: `error` is why, undefined after `close()`. */
  end?(error: unknown): void;
}

/** Size texts, and parsed size changes, remembered per book. */
const SIZE_TEXTS = 1024;

export class BookState<S extends string> {
  readonly marketTicker: string;
  readonly model: BookModel<S, OrderBook<S>>;
  readonly ladders: Record<S, Ladder>;
  readonly listeners: Set<BookListener<S>> = new Set();
  readonly first: Deferred<void> = deferred();
  synced = false;
  closed = false;
  seq: number | undefined;
  /** Decimals to write sizes with: the most any size of the feed had (at least 2, like `*_fp`). */
  sizeDecimals = 2;
  readonly #sizeTexts = new Map<number, string>();
  /** Size changes as sent → units (their decimals noted once, when first seen). */
  readonly #deltas = new Map<unknown, number>();
  readonly #deltaField: string;

  constructor(marketTicker: string, model: BookModel<S, OrderBook<S>>) {
    this.marketTicker = marketTicker;
    this.model = model;
    this.#deltaField = `orderbook_delta ${marketTicker} delta`;
    const ladders = {} as Record<S, Ladder>;
    for (const side of model.sides) ladders[side] = new Ladder(model.highestFirst[side]);
    this.ladders = ladders;
  }

  applySnapshot(levels: Partial<Record<S, readonly (readonly unknown[])[]>>, seq: number | undefined): void {
    const what = `orderbook_snapshot ${this.marketTicker}`;
    for (const side of this.model.sides) {
      const ladder = this.ladders[side];
      ladder.clear();
      for (const level of levels[side] ?? []) {
        const price = this.model.price(side, level[0]);
        const sizeText = level[1];
        const size = parseFixed(sizeText, `${what} ${side} size`);
        this.#noteDecimals(sizeText as string);
        ladder.add(price.units, price.text, size);
      }
    }
    this.synced = true;
    this.seq = seq;
    this.first.resolve();
    this.#emit({ type: 'snapshot', marketTicker: this.marketTicker, seq });
  }

  applyDelta(
    side: S,
    priceText: unknown,
    deltaText: unknown,
    seq: number | undefined,
    clientOrderId: string | undefined,
  ): void {
    if (!this.synced) return;
    const price = this.model.price(side, priceText);
    const delta = this.#deltas.get(deltaText) ?? this.#parseDelta(deltaText);
    const size = this.ladders[side].add(price.units, price.text, delta);
    this.seq = seq;
    if (this.listeners.size === 0) return;
    this.#emit({
      type: 'delta',
      marketTicker: this.marketTicker,
      seq,
      side,
      price: price.text,
      delta: deltaText as string,
      size: this.sizeText(size > 0 ? size : 0),
      clientOrderId,
    });
  }

  /** A size as text, with the feed's decimals; the texts of recent sizes are remembered (bounded). */
  sizeText(units: number): string {
    return (
      this.#sizeTexts.get(units) ?? remember(this.#sizeTexts, SIZE_TEXTS, units, formatFixed(units, this.sizeDecimals))
    );
  }

  gap(reason: GapReason): void {
    if (this.closed) return;
    this.synced = false;
    this.#emit({ type: 'gap', marketTicker: this.marketTicker, reason });
  }

  end(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.synced = false;
    this.first.reject(error);
    for (const listener of [...this.listeners]) listener.end?.(error);
    this.listeners.clear();
  }

  #parseDelta(text: unknown): number {
    const units = parseFixed(text, this.#deltaField);
    this.#noteDecimals(text as string);
    return remember(this.#deltas, SIZE_TEXTS, text, units);
  }

  #noteDecimals(text: string): void {
    const decimals = decimalsOf(text);
    if (decimals <= this.sizeDecimals) return;
    this.sizeDecimals = decimals;
    this.#sizeTexts.clear();
  }

  #emit(update: BookUpdate<S>): void {
    for (const listener of this.listeners) listener.update(update);
  }
}
