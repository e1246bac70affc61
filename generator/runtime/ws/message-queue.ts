/**
 * A bounded single-consumer queue read with `for await`: a ring buffer of at most `capacity` items. When it is
 * full, `overflow` decides: `drop-oldest` discards the oldest item and counts it (the consumer learns the count
 * from `takeDropped()`), `error` ends the queue with the error `onOverflow` returns. Ending lets the consumer
 * drain what is buffered first; a failure is thrown after that.
 */

export type OverflowPolicy = 'drop-oldest' | 'error';

export interface QueueOptions {
  capacity: number;
  overflow: OverflowPolicy;
  /** Called once when the queue overflows under `error`; returns the error the consumer gets. */
  onOverflow?: () => Error;
}

export class MessageQueue<T> {
  readonly capacity: number;
  readonly overflow: OverflowPolicy;
  readonly #onOverflow: (() => Error) | undefined;
  readonly #items: (T | undefined)[];
  #head = 0;
  #size = 0;
  #dropped = 0;
  #ended = false;
  #failure: { error: unknown } | undefined;
  #waiter:
    | {
        resolve: (result: IteratorResult<T>) => void;
        reject: (error: unknown) => void;
      }
    | undefined;

  constructor(options: QueueOptions) {
    this.capacity = options.capacity;
    this.overflow = options.overflow;
    this.#onOverflow = options.onOverflow;
    this.#items = new Array<T | undefined>(options.capacity);
  }

  get size(): number {
    return this.#size;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Adds an item; returns false when it was refused (queue ended, or overflow under `error`). */
  push(item: T): boolean {
    if (this.#ended) return false;
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      this.#waiter = undefined;
      waiter.resolve({ value: item, done: false });
      return true;
    }
    if (this.#size === this.capacity) {
      if (this.overflow === 'error') {
        this.fail(this.#onOverflow?.() ?? new Error('queue overflow'));
        return false;
      }
      this.#items[this.#head] = undefined;
      this.#head = (this.#head + 1) % this.capacity;
      this.#size--;
      this.#dropped++;
    }
    this.#items[(this.#head + this.#size) % this.capacity] = item;
    this.#size++;
    return true;
  }

  /** Items discarded by `drop-oldest` since the last call; resets the count. */
  takeDropped(): number {
    const dropped = this.#dropped;
    this.#dropped = 0;
    return dropped;
  }

  /** Discards everything buffered; returns how many items that was (also counted as dropped). */
  clear(): number {
    const count = this.#size;
    this.#items.fill(undefined);
    this.#head = 0;
    this.#size = 0;
    this.#dropped += count;
    return count;
  }

  /** No more items: the consumer drains the buffer, then its iteration ends. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#settleWaiter();
  }

  /** Like `end()`, but the consumer gets `error` once the buffer is drained. */
  fail(error: unknown): void {
    if (this.#ended) return;
    this.#failure = { error };
    this.end();
  }

  /** The next item; waits when the buffer is empty. One caller at a time. */
  next(): Promise<IteratorResult<T>> {
    if (this.#size > 0) {
      const item = this.#items[this.#head] as T;
      this.#items[this.#head] = undefined;
      this.#head = (this.#head + 1) % this.capacity;
      this.#size--;
      return Promise.resolve({ value: item, done: false });
    }
    if (this.#ended) return this.#finished();
    if (this.#waiter !== undefined) return Promise.reject(new Error('MessageQueue: next() called while waiting'));
    return new Promise((resolve, reject) => (this.#waiter = { resolve, reject }));
  }

  #settleWaiter(): void {
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    this.#waiter = undefined;
    this.#finished().then(waiter.resolve, waiter.reject);
  }

  #finished(): Promise<IteratorResult<T>> {
    const failure = this.#failure;
    if (failure !== undefined) {
      this.#failure = undefined;
      return Promise.reject(failure.error);
    }
    return Promise.resolve({ value: undefined, done: true });
  }
}
