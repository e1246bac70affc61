/**
 * A subscription to one channel, read with `for await`: the channel's messages in order, and a `StreamGap`
 * wherever messages may have been lost (reconnect, `seq` gap, buffer overflow, terminal channel error).
 * Iteration continues across reconnects. Leaving the loop early (`break`, `return`, an exception) unsubscribes.
 */
import { KalshiConfigError } from '../errors.js';
import type { ChannelMessageShape } from './channel-map.js';
import type { StreamGap } from './gap.js';
import type { SubscriptionCore, SubscriptionItem } from './subscription-core.js';

/**
 * `for await (const message of subscription)`: declared by merging with `AsyncIterable` and installed on the
 * prototype below (see `messages()`), so declarations can be emitted file by file.
 */
export interface Subscription<
  M extends ChannelMessageShape = ChannelMessageShape,
  U extends object = object,
> extends AsyncIterable<M | StreamGap> {}

export class Subscription<M extends ChannelMessageShape = ChannelMessageShape, U extends object = object> {
  readonly #core: SubscriptionCore;
  #iterating = false;

  constructor(core: SubscriptionCore) {
    this.#core = core;
  }

  get channel(): string {
    return this.#core.channel;
  }

  /** The server's subscription id while subscribed; a new one after every resubscription. */
  get sid(): number | undefined {
    return this.#core.sid;
  }

  /** The subscribe params as updated since (what a resubscription asks for). */
  get params(): Readonly<Record<string, unknown>> {
    return this.#core.params;
  }

  get closed(): boolean {
    return this.#core.closed;
  }

  /** Messages received and not read yet. */
  get buffered(): number {
    return this.#core.queue?.size ?? 0;
  }

  /**
   * `update_subscription` (`add_markets`, `delete_markets`, ...): resolves on Kalshi's `ok`, rejects with a
   * `KalshiCommandError` carrying its code. Markets added or removed stay so across resubscriptions.
   */
  async update(params: U): Promise<void> {
    await this.#core.update(params as Record<string, unknown>);
  }

  /** `unsubscribe`: delivery stops at once; the iterator yields what was buffered, then ends. */
  unsubscribe(): Promise<void> {
    return this.#core.unsubscribe();
  }

  /** The messages and gaps, for one reader (what `for await` over the subscription uses). */
  messages(): AsyncIterableIterator<M | StreamGap> {
    if (this.#iterating) {
      throw new KalshiConfigError('A subscription has one reader: it is already being iterated.');
    }
    this.#iterating = true;
    const core = this.#core;
    const queue = core.queue;
    if (queue === undefined)
      throw new KalshiConfigError('This subscription feeds an order book and cannot be iterated.');
    const done = {
      value: undefined,
      done: true,
    } as IteratorReturnResult<undefined>;
    const iterator: AsyncIterableIterator<M | StreamGap> = {
      [Symbol.asyncIterator]: () => iterator,
      next: (): Promise<IteratorResult<M | StreamGap>> => {
        const dropped = queue.takeDropped();
        if (dropped > 0) {
          const gap: StreamGap = {
            type: 'gap',
            reason: 'overflow',
            channel: core.channel,
            resubscribing: false,
            dropped,
          };
          return Promise.resolve({ value: gap, done: false });
        }
        return queue.next() as Promise<IteratorResult<SubscriptionItem>> as Promise<IteratorResult<M | StreamGap>>;
      },
      return: async (): Promise<IteratorResult<M | StreamGap>> => {
        await core.unsubscribe().catch(() => undefined);
        return done;
      },
    };
    return iterator;
  }
}

Object.defineProperty(Subscription.prototype, Symbol.asyncIterator, {
  value: function iterateMessages(this: Subscription): AsyncIterableIterator<ChannelMessageShape | StreamGap> {
    return this.messages();
  },
  writable: true,
  configurable: true,
});
