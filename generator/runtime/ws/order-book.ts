/**
 * A local order book kept by the stream from `orderbook_snapshot` and `orderbook_delta`: exact fixed-point
 * levels per side (best first), whether it matches Kalshi's right now, and its changes as callbacks or as an
 * async iterable. It is rebuilt from a new snapshot after every gap and reconnect.
 */
import type { BookState, BookUpdate } from './book-state.js';
import type { Level, LadderLevel } from './ladder.js';
import { MessageQueue } from './message-queue.js';

export interface BookUpdatesOptions {
  /** Updates kept for a slow reader; beyond it the oldest are dropped and a `gap` (`overflow`) says so. Default 10 000. */
  bufferSize?: number;
}

export class OrderBook<S extends string = string> {
  protected readonly state: BookState<S>;
  readonly #close: () => Promise<void>;

  constructor(state: BookState<S>, close: () => Promise<void>) {
    this.state = state;
    this.#close = close;
  }

  get marketTicker(): string {
    return this.state.marketTicker;
  }

  /** True from a snapshot until the next gap: the levels are Kalshi's. */
  get synced(): boolean {
    return this.state.synced;
  }

  get closed(): boolean {
    return this.state.closed;
  }

  /** `seq` of the last message applied. */
  get seq(): number | undefined {
    return this.state.seq;
  }

  /** Resolves once the first snapshot is in; rejects if the book fails first (e.g. an unknown market). */
  async ready(): Promise<this> {
    await this.state.first.promise;
    return this;
  }

  /** The levels of `side`, best first. */
  levels(side: S): Level[] {
    return this.state.ladders[side].levels().map((level) => this.level(level));
  }

  /** The best level of `side`, if any. */
  best(side: S): Level | undefined {
    const best = this.state.ladders[side].best();
    return best === undefined ? undefined : this.level(best);
  }

  /** Calls `listener` synchronously on every change; returns the function that stops it. */
  onUpdate(listener: (update: BookUpdate<S>) => void): () => void {
    const entry = { update: listener };
    this.state.listeners.add(entry);
    return () => void this.state.listeners.delete(entry);
  }

  /** The changes from now on, for `for await`; ends when the book is closed. Leaving the loop stops it. */
  updates(options: BookUpdatesOptions = {}): AsyncIterable<BookUpdate<S>> {
    const state = this.state;
    return {
      [Symbol.asyncIterator](): AsyncIterator<BookUpdate<S>> {
        const queue = new MessageQueue<BookUpdate<S>>({
          capacity: options.bufferSize ?? 10_000,
          overflow: 'drop-oldest',
        });
        const listener = {
          update: (update: BookUpdate<S>): void => void queue.push(update),
          end: (error: unknown): void => (error === undefined ? queue.end() : queue.fail(error)),
        };
        if (state.closed) queue.end();
        else state.listeners.add(listener);
        return {
          next: (): Promise<IteratorResult<BookUpdate<S>>> => {
            const dropped = queue.takeDropped();
            if (dropped > 0) {
              return Promise.resolve({
                value: {
                  type: 'gap',
                  marketTicker: state.marketTicker,
                  reason: 'overflow',
                },
                done: false,
              });
            }
            return queue.next();
          },
          return: (): Promise<IteratorResult<BookUpdate<S>>> => {
            state.listeners.delete(listener);
            queue.end();
            return Promise.resolve({ value: undefined, done: true });
          },
        };
      },
    };
  }

  /** Stops maintaining this book (its market is removed from the stream's order book subscription). */
  close(): Promise<void> {
    return this.#close();
  }

  toJSON(): {
    marketTicker: string;
    synced: boolean;
    seq: number | undefined;
    levels: Record<S, Level[]>;
  } {
    const levels = {} as Record<S, Level[]>;
    for (const side of this.state.model.sides) levels[side] = this.levels(side);
    return {
      marketTicker: this.marketTicker,
      synced: this.synced,
      seq: this.seq,
      levels,
    };
  }

  protected level(level: LadderLevel): Level {
    return { price: level.priceText, size: this.state.sizeText(level.size) };
  }
}
