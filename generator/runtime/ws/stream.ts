/**
 * `KalshiStream`: one WebSocket connection to Kalshi, kept open. It signs the handshake, reconnects with jittered
 * backoff when the connection is lost, dead (no frame within the heartbeat timeout) or unresponsive (a command
 * unanswered), subscribes every live subscription again, routes each message to its subscription by `sid`, and
 * keeps the order books. `close()` or the `signal` ends it, leaving no timer or socket behind.
 */
import { abortErrorOf, sleep } from '../abort.js';
import { credentialsOf } from '../credentials.js';
import { KalshiApiError, KalshiConfigError, KalshiConnectionError } from '../errors.js';
import { backoffDelayMs } from '../retry.js';
import type { SigningContext } from '../signing-middleware.js';
import { createWebCryptoSigner } from '../webcrypto-signer.js';
import type { BookModel } from './book-model.js';
import { BookManager, BOOK_CHANNEL } from './books.js';
import type {
  ChannelMapShape,
  ChannelMessage,
  ChannelName,
  ChannelParams,
  ChannelUpdate,
  ChannelMessageShape,
  StreamApiDescription,
} from './channel-map.js';
import { CommandTracker, commandError, REPLY_TYPES, type Reply } from './commands.js';
import { Connection } from './connection.js';
import { deferred } from './deferred.js';
import { KalshiConnectionLostError, KalshiStreamClosedError, KalshiStreamProtocolError } from './errors.js';
import { handshakeHeaders } from './handshake.js';
import type { OverflowPolicy } from './message-queue.js';
import { nodeSocketFactory } from './node-socket.js';
import { bufferSizeOf, resolveStreamOptions, type KalshiStreamOptions, type ResolvedStreamOptions } from './options.js';
import type { OrderBook } from './order-book.js';
import { isNode, type SocketFactory, type WebSocketConstructor } from './socket.js';
import { StreamEmitter, type StreamEvents, type StreamListener, type StreamState } from './stream-events.js';
import { SubscriptionCore, type StreamContext, type SubscriptionHandler } from './subscription-core.js';
import { Subscription } from './subscription.js';
import { webSocketFactory } from './web-socket.js';

export interface SubscribeOptions {
  /** Aborting it unsubscribes: `subscribe()` (if still pending) and the iterator reject with `KalshiAbortError`. */
  signal?: AbortSignal;
  /** Overrides the stream's `bufferSize` for this subscription. */
  bufferSize?: number;
  overflow?: OverflowPolicy;
}

export class KalshiStream<
  C extends ChannelMapShape = ChannelMapShape,
  B extends OrderBook<string> = OrderBook<string>,
> {
  readonly url: string;
  readonly #options: KalshiStreamOptions;
  readonly #settings: ResolvedStreamOptions;
  readonly #api: StreamApiDescription;
  readonly #signing: SigningContext | undefined;
  readonly #socketFactory: SocketFactory;
  readonly #commands: CommandTracker;
  readonly #events = new StreamEmitter();
  readonly #subs = new Set<SubscriptionCore>();
  readonly #bySid = new Map<number, SubscriptionCore>();
  readonly #books: BookManager<string, B>;
  readonly #stop = new AbortController();
  readonly #ready = deferred<void>();
  readonly #closed = deferred<void>();
  readonly #context: StreamContext;
  #state: StreamState = 'connecting';
  #connection: Connection | undefined;
  #unlistenSignal: (() => void) | undefined;

  constructor(options: KalshiStreamOptions, api: StreamApiDescription, bookModel: BookModel<string, B>) {
    this.#options = options;
    this.#settings = resolveStreamOptions(options, api.environments);
    this.#api = api;
    this.url = this.#settings.url;
    this.#signing = credentialsOf(options, createWebCryptoSigner);
    this.#socketFactory = socketFactoryFor(options.WebSocket, this.#signing !== undefined);
    if (this.#signing === undefined && options.url === undefined) {
      throw new KalshiConfigError(
        `The ${api.title} WebSocket requires a signed handshake, even for public channels: pass apiKeyId with privateKeyPem or signer.`,
      );
    }
    this.#commands = new CommandTracker(this.#settings.commandTimeoutMs, (error) => this.#connection?.drop(error));
    this.#context = {
      command: (command, params, channel, onReply) => this.#command(command, params, channel, onReply),
      isOpen: () => this.#state === 'open',
      register: (sid, core) => void this.#bySid.set(sid, core),
      unregister: (sid, core) => {
        if (this.#bySid.get(sid) === core) this.#bySid.delete(sid);
      },
      forget: (core) => void this.#subs.delete(core),
    };
    this.#books = new BookManager(bookModel, (params, handler) => this.#open(BOOK_CHANNEL, params, { handler }));
    const signal = options.signal;
    if (signal?.aborted) {
      this.#shutdown(undefined);
      return;
    }
    if (signal !== undefined) {
      const abort = (): void => void this.close();
      signal.addEventListener('abort', abort, { once: true });
      this.#unlistenSignal = () => signal.removeEventListener('abort', abort);
    }
    void this.#run();
  }

  get state(): StreamState {
    return this.#state;
  }

  /** Resolves when the first connection is open; rejects if the stream closes before (e.g. a refused key). */
  ready(): Promise<void> {
    return this.#ready.promise;
  }

  /** Resolves when the stream is closed; with the fatal error's rejection if one closed it. */
  closed(): Promise<void> {
    return this.#closed.promise;
  }

  on<E extends keyof StreamEvents>(event: E, listener: StreamListener<E>): () => void {
    return this.#events.on(event, listener);
  }

  /**
   * Subscribes to `channel`; resolves once Kalshi confirms (`subscribed`), rejects with a `KalshiCommandError`
   * carrying Kalshi's code otherwise. Read the subscription with `for await`.
   */
  async subscribe<K extends ChannelName<C>>(
    channel: K,
    params?: ChannelParams<C, K>,
    options: SubscribeOptions = {},
  ): Promise<Subscription<ChannelMessage<C, K>, ChannelUpdate<C, K>>> {
    const capacity =
      options.bufferSize === undefined ? this.#settings.bufferSize : bufferSizeOf(options.bufferSize, 'bufferSize');
    const overflow = options.overflow ?? this.#settings.overflow;
    const core = this.#open(channel, (params ?? {}) as Record<string, unknown>, { queue: { capacity, overflow } });
    const signal = options.signal;
    if (signal !== undefined) {
      const abort = (): void => void core.unsubscribe(abortErrorOf(signal)).catch(() => undefined);
      if (signal.aborted) abort();
      else {
        signal.addEventListener('abort', abort, { once: true });
        void core.finished().then(() => signal.removeEventListener('abort', abort));
      }
    }
    await core.ready();
    return new Subscription<ChannelMessage<C, K>, ChannelUpdate<C, K>>(core);
  }

  /**
   * The local order book of `marketTicker`, kept from the `orderbook_delta` channel (one subscription for all
   * books); `await book.ready()` for the first snapshot.
   */
  orderbook(marketTicker: string): B {
    if (typeof marketTicker !== 'string' || marketTicker.trim() === '') {
      throw new KalshiConfigError('orderbook() needs a market ticker such as "KXBTC-25DEC31-T100000".');
    }
    if (this.#state === 'closed') throw new KalshiStreamClosedError('The stream is closed.');
    return this.#books.get(marketTicker);
  }

  /** `list_subscriptions`: what Kalshi has on this connection. */
  async listSubscriptions(): Promise<{ channel: string; sid: number }[]> {
    const reply = await this.#command('list_subscriptions', undefined, undefined);
    return Array.isArray(reply.msg) ? (reply.msg as { channel: string; sid: number }[]) : [];
  }

  /** Closes the connection and ends every subscription and book; resolves once the socket is closed. */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#shutdown(undefined);
    await connection?.close();
  }

  #open(
    channel: string,
    params: Record<string, unknown>,
    consumer: { queue: { capacity: number; overflow: OverflowPolicy } } | { handler: SubscriptionHandler },
  ): SubscriptionCore {
    if (this.#state === 'closed') throw new KalshiStreamClosedError('The stream is closed.');
    const snapshots = this.#api.snapshotChannels.includes(channel);
    const core = new SubscriptionCore(this.#context, channel, params, snapshots, consumer);
    this.#subs.add(core);
    if (this.#state === 'open') core.start();
    return core;
  }

  #command(
    command: string,
    params: object | undefined,
    channel: string | undefined,
    onReply?: (reply: Reply) => void,
  ): Promise<Reply> {
    const connection = this.#connection;
    if (connection === undefined || this.#state !== 'open') {
      return Promise.reject(new KalshiConnectionLostError(`Cannot send ${command}: the stream is not connected.`));
    }
    return this.#commands.send((text) => connection.send(text), command, params, { channel, onReply });
  }

  async #run(): Promise<void> {
    let attempt = 0;
    let opened = false;
    while (!this.#isClosed()) {
      let error: Error | undefined;
      try {
        const connection = await this.#connect();
        attempt = 0;
        this.#onOpen(connection, opened);
        opened = true;
        error = await connection.closed;
        this.#onLost(error);
      } catch (failure) {
        error = failure instanceof Error ? failure : new KalshiConnectionError(String(failure));
        if (isFatal(error)) return this.#shutdown(error);
      }
      if (this.#isClosed()) return;
      attempt++;
      if (attempt > this.#settings.maxReconnectAttempts) return this.#shutdown(error);
      const delayMs = backoffDelayMs(attempt, this.#options.random);
      this.#state = 'reconnecting';
      this.#events.emit('reconnecting', { attempt, delayMs, error });
      await sleep(delayMs, this.#stop.signal).catch(() => undefined);
    }
  }

  async #connect(): Promise<Connection> {
    const headers = await handshakeHeaders(this.url, this.#signing, this.#options.headers);
    if (this.#state === 'closed') throw new KalshiStreamClosedError('The stream is closed.');
    return Connection.open(this.#socketFactory, {
      url: this.url,
      headers,
      handshakeTimeoutMs: this.#settings.connectTimeoutMs,
      heartbeatTimeoutMs: this.#settings.heartbeatTimeoutMs,
      signal: this.#stop.signal,
      onMessage: (text) => this.#onMessage(text),
    });
  }

  #onOpen(connection: Connection, reconnected: boolean): void {
    if (this.#state === 'closed') {
      void connection.close();
      return;
    }
    this.#connection = connection;
    this.#state = 'open';
    this.#ready.resolve();
    this.#events.emit('open', { reconnected });
    for (const core of [...this.#subs]) core.start();
  }

  #onLost(error: Error | undefined): void {
    this.#connection = undefined;
    if (this.#state === 'closed') return;
    this.#state = 'reconnecting';
    this.#bySid.clear();
    for (const core of [...this.#subs]) core.connectionLost();
    this.#commands.failAll(
      new KalshiConnectionLostError('The connection was lost before the reply came.', { cause: error }),
    );
  }

  #onMessage(text: string): void {
    let frame: Reply;
    try {
      frame = JSON.parse(text) as Reply;
    } catch {
      this.#events.emit('error', {
        error: new KalshiStreamProtocolError(`A frame that is not JSON: ${text.slice(0, 80)}`),
      });
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const sid = frame.sid;
    if (REPLY_TYPES.has(frame.type)) return this.#onReply(frame);
    if (typeof sid === 'number') this.#bySid.get(sid)?.receive(frame as ChannelMessageShape);
  }

  #onReply(frame: Reply): void {
    if (this.#commands.settle(frame)) return;
    if (frame.type === 'error') {
      // A terminal error names its subscription by `sid` (on the frame or in `msg`); anything else is reported.
      const msgSid = (frame.msg as { sid?: unknown } | undefined)?.sid;
      const sid = typeof frame.sid === 'number' ? frame.sid : typeof msgSid === 'number' ? msgSid : undefined;
      const core = sid === undefined ? undefined : this.#bySid.get(sid);
      const error = commandError(frame, 'subscription', core?.channel);
      if (core !== undefined && error.terminal) core.channelError(error);
      else this.#events.emit('error', { error });
      return;
    }
    // A `subscribed` no command waits for any more (it timed out): do not leave it running on the server.
    const lateSid = (frame.msg as { sid?: unknown } | undefined)?.sid;
    if (frame.type === 'subscribed' && typeof lateSid === 'number' && !this.#bySid.has(lateSid)) {
      this.#command('unsubscribe', { sids: [lateSid] }, undefined).catch(() => undefined);
    }
  }

  /** A method, not a property read: the state changes across the awaits of the connection loop. */
  #isClosed(): boolean {
    return this.#state === 'closed';
  }

  #shutdown(error: unknown): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#stop.abort();
    this.#unlistenSignal?.();
    const connection = this.#connection;
    this.#connection = undefined;
    if (connection !== undefined) void connection.close();
    this.#commands.failAll(
      new KalshiStreamClosedError('The stream was closed before the reply came.', { cause: error }),
    );
    for (const core of [...this.#subs]) core.finish(error);
    this.#books.endAll(error);
    this.#bySid.clear();
    const reason = error ?? new KalshiStreamClosedError('The stream was closed.');
    this.#ready.reject(reason);
    if (error === undefined) this.#closed.resolve();
    else this.#closed.reject(error);
    this.#events.emit('close', { error });
    this.#events.clear();
  }
}

/** A refused handshake that a retry will not fix (bad key or signature, wrong path), or a bad configuration. */
function isFatal(error: Error): boolean {
  if (error instanceof KalshiConfigError) return true;
  return (
    error instanceof KalshiApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

function socketFactoryFor(WebSocketClass: WebSocketConstructor | undefined, signed: boolean): SocketFactory {
  if (WebSocketClass === undefined && isNode()) return nodeSocketFactory;
  const found = WebSocketClass ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (found === undefined) throw new KalshiConfigError('No WebSocket implementation: pass options.WebSocket.');
  if (signed) {
    throw new KalshiConfigError(
      'A WHATWG WebSocket (browsers) cannot send the KALSHI-ACCESS-* handshake headers, so it cannot sign in to Kalshi. ' +
        'Run the stream on Node, or connect to a relay of your own that signs the upgrade server-side: pass its url and no credentials.',
    );
  }
  return webSocketFactory(found);
}
