/**
 * The life of one subscription, shared by the public `Subscription` and the order books: subscribing (again
 * after every reconnect, gap or terminal channel error, with the params as updated since), checking that `seq`
 * grows by one, and handing messages and gaps to its consumer — a bounded queue read with `for await`, or a
 * handler called synchronously (the order books).
 */
import { KalshiConnectionError } from '../errors.js';
import type { ChannelMessageShape } from './channel-map.js';
import type { Reply } from './commands.js';
import { deferred, type Deferred } from './deferred.js';
import {
  KalshiCommandError,
  KalshiStreamClosedError,
  KalshiStreamOverflowError,
  KalshiStreamProtocolError,
} from './errors.js';
import type { GapReason, StreamGap } from './gap.js';
import { MessageQueue, type OverflowPolicy } from './message-queue.js';
import { applyUpdate, withAcknowledged } from './subscription-params.js';

type Params = Record<string, unknown>;
export type SubscriptionItem = ChannelMessageShape | StreamGap;

/** What a subscription needs from its stream. */
export interface StreamContext {
  /**
   * Sends a command on the open connection; rejects with a `KalshiConnectionError` when it is lost first.
   * `onReply` sees a successful reply synchronously, before the frames that follow it.
   */
  command(command: string, params: object, channel: string, onReply?: (reply: Reply) => void): Promise<Reply>;
  isOpen(): boolean;
  register(sid: number, core: SubscriptionCore): void;
  unregister(sid: number, core: SubscriptionCore): void;
  /** The subscription is over: the stream no longer subscribes it again. */
  forget(core: SubscriptionCore): void;
}

export interface SubscriptionHandler {
  message(message: ChannelMessageShape): void;
  gap(gap: StreamGap): void;
  end(error: unknown): void;
}

export type SubscriptionConsumer =
  { queue: { capacity: number; overflow: OverflowPolicy } } | { handler: SubscriptionHandler };

export class SubscriptionCore {
  readonly channel: string;
  /** The channel sends snapshots: a gap is repaired by subscribing again. */
  readonly snapshots: boolean;
  params: Params;
  sid: number | undefined;
  readonly queue: MessageQueue<SubscriptionItem> | undefined;
  readonly #handler: SubscriptionHandler | undefined;
  readonly #context: StreamContext;
  readonly #ready: Deferred<void> = deferred();
  readonly #finished: Deferred<void> = deferred();
  #waiters: Deferred<void>[] = [];
  #state: 'pending' | 'active' | 'closed' = 'pending';
  #generation = 0;
  #lastSeq: number | undefined;
  #closing: Promise<void> | undefined;

  constructor(
    context: StreamContext,
    channel: string,
    params: Params,
    snapshots: boolean,
    consumer: SubscriptionConsumer,
  ) {
    this.#context = context;
    this.channel = channel;
    this.params = { ...params };
    this.snapshots = snapshots;
    if ('handler' in consumer) this.#handler = consumer.handler;
    else {
      const { capacity, overflow } = consumer.queue;
      this.queue = new MessageQueue<SubscriptionItem>({
        capacity,
        overflow,
        onOverflow: () =>
          new KalshiStreamOverflowError(
            `The ${channel} subscription received more than ${capacity} messages that were not read (overflow: 'error').`,
            capacity,
          ),
      });
    }
  }

  get closed(): boolean {
    return this.#state === 'closed';
  }

  /** Resolves when the subscription has ended, however it ended. */
  finished(): Promise<void> {
    return this.#finished.promise;
  }

  /** Resolves at the first `subscribed` reply; rejects when the subscription ends before one. */
  ready(): Promise<void> {
    return this.#ready.promise;
  }

  /** Subscribes on the connection that just opened (the stream calls it for every live subscription). */
  start(): void {
    if (this.#state !== 'pending' || this.#closing !== undefined) return;
    const generation = ++this.#generation;
    this.#lastSeq = undefined;
    const subscribed = (reply: Reply): void => this.#subscribed(generation, reply);
    this.#context
      .command('subscribe', { channels: [this.channel], ...this.params }, this.channel, subscribed)
      .then(undefined, (error: unknown) => {
        if (generation !== this.#generation || this.#state === 'closed') return;
        if (error instanceof KalshiConnectionError) return;
        this.finish(error);
      });
  }

  /** The connection is gone: subscribe again when the next one opens. */
  connectionLost(): void {
    if (this.#state === 'closed') return;
    this.#generation++;
    this.sid = undefined;
    if (this.#state === 'active') this.#gap('reconnect', true, {});
    this.#state = 'pending';
  }

  /** A channel message routed here by its `sid`. */
  receive(message: ChannelMessageShape): void {
    const seq = message.seq;
    if (typeof seq === 'number') {
      const last = this.#lastSeq;
      if (last !== undefined && seq !== last + 1) {
        if (this.snapshots) return this.#resync('sequence', { expectedSeq: last + 1, receivedSeq: seq }, true);
        this.#gap('sequence', false, {
          expectedSeq: last + 1,
          receivedSeq: seq,
        });
      }
      this.#lastSeq = seq;
    }
    this.#deliver(message);
  }

  /** Kalshi ended this subscription with a terminal channel error (10, 17, 25): subscribe again. */
  channelError(error: KalshiCommandError): void {
    if (this.#state !== 'active') return;
    this.#resync('channel_error', { error }, false);
  }

  /** `update_subscription`; what it adds or removes is kept for later resubscriptions. */
  async update(update: Params): Promise<Reply | undefined> {
    if (this.#closing !== undefined || this.#state === 'closed') {
      throw new KalshiStreamClosedError(`The ${this.channel} subscription is closed.`);
    }
    const before = this.params;
    const after = applyUpdate(before, update);
    if (after !== undefined) this.params = after;
    await this.#whenActive();
    try {
      const reply = await this.#context.command(
        'update_subscription',
        { sids: [this.sid], ...update },
        this.channel,
        (ok) => {
          // An `ok` that takes its place in the sequence (seq = last + 1) must count before the frames after it.
          if (ok.sid === this.sid && typeof ok.seq === 'number' && ok.seq === (this.#lastSeq ?? 0) + 1)
            this.#lastSeq = ok.seq;
        },
      );
      if (after !== undefined) this.params = withAcknowledged(this.params, reply.msg);
      return reply;
    } catch (error) {
      if (error instanceof KalshiCommandError && this.params === after) this.params = before;
      // Lost with the connection: the resubscription asks for the updated params.
      if (error instanceof KalshiConnectionError && after !== undefined) {
        await this.#whenActive();
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Stops delivery at once and sends `unsubscribe`; the consumer drains what is buffered, then ends (with
   * `reason` thrown, when given: an abort).
   */
  unsubscribe(reason?: unknown): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    if (this.#state === 'closed') return Promise.resolve();
    const sid = this.#state === 'active' ? this.sid : undefined;
    this.#generation++;
    this.finish(reason);
    const closing =
      sid === undefined || !this.#context.isOpen()
        ? Promise.resolve()
        : this.#context.command('unsubscribe', { sids: [sid] }, this.channel).then(
            () => undefined,
            (error: unknown) => {
              // Unknown sid (7) or a lost connection: the subscription is gone either way.
              if (error instanceof KalshiCommandError && error.code !== 7) throw error;
            },
          );
    this.#closing = closing;
    return closing;
  }

  /** Ends the subscription locally: `error` (if any) reaches the consumer after what is buffered. */
  finish(error: unknown): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#finished.resolve();
    if (this.sid !== undefined) this.#context.unregister(this.sid, this);
    this.#context.forget(this);
    const reason = error ?? new KalshiStreamClosedError(`The ${this.channel} subscription was closed.`);
    this.#ready.reject(reason);
    for (const waiter of this.#waiters) waiter.reject(reason);
    this.#waiters = [];
    if (this.#handler !== undefined) this.#handler.end(error);
    else if (error === undefined) this.queue?.end();
    else this.queue?.fail(error);
  }

  #subscribed(generation: number, reply: Reply): void {
    const msg = reply.msg as { sid?: unknown } | undefined;
    const sid = typeof msg?.sid === 'number' ? msg.sid : undefined;
    if (generation !== this.#generation || this.#state === 'closed') {
      // A reply for a subscription given up meanwhile: do not leave it running on the server.
      if (sid !== undefined && this.#context.isOpen()) {
        this.#context.command('unsubscribe', { sids: [sid] }, this.channel).catch(() => undefined);
      }
      return;
    }
    if (sid === undefined) {
      return this.finish(new KalshiStreamProtocolError(`The subscribed reply for ${this.channel} carries no sid.`));
    }
    this.sid = sid;
    this.#state = 'active';
    this.#context.register(sid, this);
    this.#ready.resolve();
    for (const waiter of this.#waiters) waiter.resolve();
    this.#waiters = [];
  }

  #whenActive(): Promise<void> {
    if (this.#state === 'active') return Promise.resolve();
    if (this.#state === 'closed')
      return Promise.reject(new KalshiStreamClosedError(`The ${this.channel} subscription is closed.`));
    const waiter = deferred<void>();
    this.#waiters.push(waiter);
    return waiter.promise;
  }

  /** Drops the current server subscription and subscribes again (a snapshot channel starts over). */
  #resync(reason: GapReason, detail: Partial<StreamGap>, unsubscribeOld: boolean): void {
    const old = this.sid;
    this.#gap(reason, true, detail);
    if (old !== undefined) {
      this.#context.unregister(old, this);
      this.sid = undefined;
      if (unsubscribeOld && this.#context.isOpen()) {
        this.#context.command('unsubscribe', { sids: [old] }, this.channel).catch(() => undefined);
      }
    }
    if (this.#state === 'closed') return;
    this.#state = 'pending';
    if (this.#context.isOpen()) this.start();
  }

  #gap(reason: GapReason, resubscribing: boolean, detail: Partial<StreamGap>): void {
    this.#deliver({
      ...detail,
      type: 'gap',
      reason,
      channel: this.channel,
      resubscribing,
    });
  }

  #deliver(item: SubscriptionItem): void {
    const handler = this.#handler;
    if (handler !== undefined) {
      if (item.type === 'gap') handler.gap(item as StreamGap);
      else handler.message(item);
      return;
    }
    const queue = this.queue as MessageQueue<SubscriptionItem>;
    if (queue.size === queue.capacity && queue.overflow === 'drop-oldest' && this.snapshots && item.type !== 'gap') {
      // A snapshot channel that lost messages is rebuilt from a fresh snapshot: what is buffered is stale.
      const dropped = queue.clear() + 1;
      queue.takeDropped();
      return this.#resync('overflow', { dropped }, true);
    }
    if (!queue.push(item) && queue.ended && this.#state !== 'closed') {
      // Overflow under 'error': the queue holds the error for the consumer.
      const sid = this.sid;
      this.finish(undefined);
      if (sid !== undefined && this.#context.isOpen()) {
        this.#context.command('unsubscribe', { sids: [sid] }, this.channel).catch(() => undefined);
      }
    }
  }
}
