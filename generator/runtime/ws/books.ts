/**
 * The stream's order books: one `orderbook_delta` subscription for all of them, markets added and removed with
 * `update_subscription` as books are opened and closed (Kalshi refuses a second subscription to a channel with
 * "Already subscribed"). A gap or reconnect marks every book out of sync; the resubscription's snapshots rebuild
 * them.
 */
import type { ChannelMessageShape } from './channel-map.js';
import type { BookModel } from './book-model.js';
import { BookState } from './book-state.js';
import type { StreamGap } from './gap.js';
import type { OrderBook } from './order-book.js';
import type { SubscriptionCore, SubscriptionHandler } from './subscription-core.js';

export const BOOK_CHANNEL = 'orderbook_delta';

/** Opens the books' subscription (the stream's `subscribe` with a handler instead of a queue). */
export type OpenBookSubscription = (params: Record<string, unknown>, handler: SubscriptionHandler) => SubscriptionCore;

interface Entry<S extends string, B> {
  state: BookState<S>;
  book: B;
}

export class BookManager<S extends string, B extends OrderBook<S>> {
  readonly #model: BookModel<S, B>;
  readonly #open: OpenBookSubscription;
  readonly #books = new Map<string, Entry<S, B>>();
  #core: SubscriptionCore | undefined;

  constructor(model: BookModel<S, B>, open: OpenBookSubscription) {
    this.#model = model;
    this.#open = open;
  }

  /** The book of `marketTicker`, opened on first use (the same object until it is closed). */
  get(marketTicker: string): B {
    const known = this.#books.get(marketTicker);
    if (known !== undefined) return known.book;
    const state = new BookState<S>(marketTicker, this.#model as unknown as BookModel<S, OrderBook<S>>);
    const book = this.#model.create(state, () => this.#close(marketTicker, state));
    this.#books.set(marketTicker, { state, book });
    const core = this.#core;
    if (core === undefined || core.closed) {
      this.#core = this.#open({ market_tickers: [marketTicker], ...this.#model.subscribeParams }, this.#handler());
    } else {
      core
        .update({ action: 'add_markets', market_tickers: [marketTicker] })
        .catch((error: unknown) => this.#fail(marketTicker, error));
    }
    return book;
  }

  /** Ends every book (the stream is closing); `error` is why, undefined for a plain close. */
  endAll(error: unknown): void {
    for (const { state } of this.#books.values()) state.end(error);
    this.#books.clear();
    this.#core = undefined;
  }

  #handler(): SubscriptionHandler {
    return {
      message: (message) => this.#apply(message),
      gap: (gap: StreamGap) => {
        for (const { state } of this.#books.values()) state.gap(gap.reason);
      },
      end: (error) => {
        // The subscription failed (its first subscribe, or a resubscription was refused): so do its books.
        if (error === undefined) return;
        for (const [ticker, { state }] of this.#books) {
          state.end(error);
          this.#books.delete(ticker);
        }
        this.#core = undefined;
      },
    };
  }

  #apply(message: ChannelMessageShape): void {
    const msg = (message as { msg?: unknown }).msg;
    let ticker: string | undefined;
    try {
      if (message.type === 'orderbook_delta') {
        // The hot path: read in place, nothing allocated before the book's own update.
        if (typeof msg !== 'object' || msg === null) return;
        const record = msg as Record<string, unknown>;
        const marketTicker = record['market_ticker'];
        const side = record['side'] as S;
        if (typeof marketTicker !== 'string' || !this.#model.sides.includes(side)) return;
        const entry = this.#books.get(marketTicker);
        if (entry === undefined) return;
        ticker = marketTicker;
        const fields = this.#model.deltaFields;
        const clientOrderId = record['client_order_id'];
        entry.state.applyDelta(
          side,
          record[fields.price],
          record[fields.delta],
          message.seq,
          typeof clientOrderId === 'string' ? clientOrderId : undefined,
        );
      } else if (message.type === 'orderbook_snapshot') {
        const snapshot = this.#model.snapshot(msg);
        ticker = snapshot?.marketTicker;
        if (snapshot !== undefined)
          this.#books.get(snapshot.marketTicker)?.state.applySnapshot(snapshot.levels, message.seq);
      }
    } catch (error) {
      // A malformed number: this book cannot be trusted any more.
      if (ticker !== undefined) this.#fail(ticker, error);
    }
  }

  #fail(marketTicker: string, error: unknown): void {
    const entry = this.#books.get(marketTicker);
    if (entry === undefined) return;
    entry.state.end(error);
    void this.#close(marketTicker, entry.state);
  }

  async #close(marketTicker: string, state: BookState<S>): Promise<void> {
    if (this.#books.get(marketTicker)?.state === state) this.#books.delete(marketTicker);
    state.end(undefined);
    const core = this.#core;
    if (core === undefined || core.closed) return;
    if (this.#books.size === 0) {
      this.#core = undefined;
      await core.unsubscribe().catch(() => undefined);
      return;
    }
    await core.update({ action: 'delete_markets', market_tickers: [marketTicker] }).catch(() => undefined);
  }
}
