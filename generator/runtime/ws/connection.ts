/**
 * One WebSocket connection: opening it (the handshake, bounded in time), sending text frames, and telling when
 * it is over. Liveness: every frame (message, ping, pong) counts as a sign of life; after `heartbeatTimeoutMs / 2`
 * of silence the connection pings (where the platform can), and after `heartbeatTimeoutMs` of silence (noticed
 * within a quarter of it more) it is declared dead and dropped. Kalshi pings every 10 s, so a healthy connection
 * is never silent that long.
 */
import { abortErrorOf } from '../abort.js';
import { KalshiConnectionError, KalshiTimeoutError } from '../errors.js';
import type { SocketFactory, SocketLike, SocketRequest } from './socket.js';

/** How long `close()` waits for the server's closing handshake before dropping the socket. */
export const CLOSE_GRACE_MS = 1_000;

export interface ConnectionOptions extends SocketRequest {
  /** 0 or Infinity: no liveness check. */
  heartbeatTimeoutMs: number;
  onMessage(text: string): void;
  /** Aborts the handshake. */
  signal?: AbortSignal;
}

export class Connection {
  /** Settles once, when the connection is over: with the reason, or undefined after `close()`. */
  readonly closed: Promise<Error | undefined>;
  readonly #socket: SocketLike;
  readonly #heartbeatTimeoutMs: number;
  /** Frames received: counted (no clock read per message), compared by the liveness check. */
  #frames = 0;
  #pinged = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #finish!: (error: Error | undefined) => void;
  #over = false;
  #socketClosed = false;
  #closing: Promise<void> | undefined;
  #onSocketClosed: () => void = () => undefined;

  private constructor(socket: SocketLike, heartbeatTimeoutMs: number, closed: Promise<Error | undefined>) {
    this.#socket = socket;
    this.#heartbeatTimeoutMs = heartbeatTimeoutMs;
    this.closed = closed;
  }

  /** Resolves once the handshake succeeded; rejects with the handshake's error (or the abort). */
  static open(factory: SocketFactory, options: ConnectionOptions): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      let connection: Connection | undefined;
      let finish: (error: Error | undefined) => void = () => undefined;
      const closed = new Promise<Error | undefined>((settle) => (finish = settle));
      const abort = (): void => {
        if (connection !== undefined) return;
        socket.terminate();
        reject(abortErrorOf(signal as AbortSignal));
      };
      const end = (error: Error | undefined): void => {
        if (connection !== undefined) return connection.#end(error);
        signal?.removeEventListener('abort', abort);
        reject(error ?? new KalshiConnectionError('The WebSocket closed during the handshake.'));
      };
      const socket = factory(options, {
        open: () => {
          signal?.removeEventListener('abort', abort);
          connection = new Connection(socket, options.heartbeatTimeoutMs, closed);
          connection.#finish = finish;
          connection.#watch();
          resolve(connection);
        },
        message: (text) => {
          if (connection === undefined) return;
          connection.#frames++;
          options.onMessage(text);
        },
        frame: () => {
          if (connection !== undefined) connection.#frames++;
        },
        error: (error) => end(error),
        close: (code, reason) => {
          end(
            new KalshiConnectionError(`The WebSocket connection closed (code ${code}${reason ? `, ${reason}` : ''}).`),
          );
          connection?.socketClosed();
        },
      });
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    });
  }

  send(text: string): void {
    if (!this.#over) this.#socket.send(text);
  }

  /**
   * Our own closing handshake; `closed` resolves with undefined. Resolves once the socket is closed, or after
   * `graceMs` when the server does not finish the handshake (the socket is then dropped).
   */
  close(graceMs: number = CLOSE_GRACE_MS): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    if (!this.#over) {
      this.#end(undefined);
      this.#socket.close(1000, 'client closed');
    }
    this.#closing = new Promise<void>((resolve) => {
      if (this.#socketClosed) return resolve();
      const timer = setTimeout(() => {
        this.#socket.terminate();
        resolve();
      }, graceMs);
      this.#onSocketClosed = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    return this.#closing;
  }

  /** Drops the connection at once, with `error` as the reason. */
  drop(error: Error): void {
    this.#end(error);
    this.#socket.terminate();
  }

  /** The socket reported its close. */
  socketClosed(): void {
    this.#socketClosed = true;
    this.#onSocketClosed();
  }

  #end(error: Error | undefined): void {
    if (this.#over) return;
    this.#over = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#finish(error);
  }

  /**
   * Checks every quarter of the timeout whether frames came since the last check. Silent for half the timeout:
   * one ping; silent for the whole timeout (detected within a quarter more): dead, dropped.
   */
  #watch(): void {
    const timeout = this.#heartbeatTimeoutMs;
    if (!(timeout > 0) || timeout === Infinity) return;
    const every = timeout / 4;
    let seen = this.#frames;
    let lastAlive = Date.now();
    const check = (): void => {
      if (this.#over) return;
      const now = Date.now();
      if (this.#frames !== seen) {
        seen = this.#frames;
        lastAlive = now;
        this.#pinged = false;
      }
      const silent = now - lastAlive;
      if (silent >= timeout) {
        this.#end(
          new KalshiTimeoutError(`No frame from the server for ${silent} ms: the connection is dead.`, {
            timeoutMs: timeout,
          }),
        );
        this.#socket.terminate();
        return;
      }
      if (silent >= timeout / 2 && !this.#pinged && this.#socket.ping) {
        this.#pinged = true;
        this.#socket.ping();
      }
      this.#timer = setTimeout(check, every);
    };
    this.#timer = setTimeout(check, every);
  }
}
