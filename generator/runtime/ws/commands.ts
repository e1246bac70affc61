/**
 * Commands and their replies: every command gets an id (increasing, so unique within any connection) and a
 * promise settled by the reply carrying that id — `subscribed`, `ok` or `unsubscribed` resolve it, `error`
 * rejects it with a `KalshiCommandError` — or rejected when no reply comes within the timeout, or when the
 * connection it was sent on is lost.
 */
import { KalshiTimeoutError } from '../errors.js';
import { KalshiCommandError } from './errors.js';

/** A reply frame: `{ id, type, sid?, seq?, msg }`. */
export interface Reply {
  id?: number;
  type: string;
  sid?: number;
  seq?: number;
  msg?: unknown;
}

export interface CommandContext {
  channel?: string | undefined;
  /**
   * Called synchronously with a successful reply, before the promise resolves: the frames after it may be
   * handled in the same tick (a `subscribed` and the snapshot behind it), so a new `sid` must be known at once.
   */
  onReply?: ((reply: Reply) => void) | undefined;
}

interface Pending {
  command: string;
  context: CommandContext;
  resolve(reply: Reply): void;
  reject(error: unknown): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export const REPLY_TYPES: ReadonlySet<string> = new Set(['subscribed', 'ok', 'unsubscribed', 'error']);

export class CommandTracker {
  readonly #pending = new Map<number, Pending>();
  readonly #timeoutMs: number;
  readonly #onTimeout: (error: KalshiTimeoutError) => void;
  #nextId = 1;

  /** `onTimeout`: a command went unanswered (the stream takes the connection for dead). */
  constructor(timeoutMs: number, onTimeout: (error: KalshiTimeoutError) => void = () => undefined) {
    this.#timeoutMs = timeoutMs;
    this.#onTimeout = onTimeout;
  }

  /** Sends `{ id, cmd, params }` with `transmit`; the promise settles with the reply. */
  send(
    transmit: (text: string) => void,
    command: string,
    params: object | undefined,
    context: CommandContext = {},
  ): Promise<Reply> {
    const id = this.#nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const pending: Pending = {
        command,
        context,
        resolve,
        reject,
        timer: undefined,
      };
      if (this.#timeoutMs > 0 && this.#timeoutMs !== Infinity) {
        pending.timer = setTimeout(() => {
          this.#pending.delete(id);
          const error = new KalshiTimeoutError(`No reply to ${command} (id ${id}) within ${this.#timeoutMs} ms.`, {
            timeoutMs: this.#timeoutMs,
          });
          reject(error);
          this.#onTimeout(error);
        }, this.#timeoutMs);
      }
      this.#pending.set(id, pending);
      try {
        transmit(JSON.stringify(params === undefined ? { id, cmd: command } : { id, cmd: command, params }));
      } catch (error) {
        this.#take(id);
        reject(error);
      }
    });
  }

  /** Settles the command a reply answers; false when no command is waiting for its id. */
  settle(reply: Reply): boolean {
    const pending = typeof reply.id === 'number' ? this.#take(reply.id) : undefined;
    if (pending === undefined) return false;
    if (reply.type === 'error') pending.reject(commandError(reply, pending.command, pending.context.channel));
    else {
      pending.context.onReply?.(reply);
      pending.resolve(reply);
    }
    return true;
  }

  /** Rejects every command still waiting (the connection they were sent on is gone). */
  failAll(error: unknown): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
  }

  #take(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    if (pending === undefined) return undefined;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    return pending;
  }
}

/** The `KalshiCommandError` of an `error` frame (`msg: { code, msg, market_ticker?, market_id? }`). */
export function commandError(reply: Reply, command: string, channel?: string): KalshiCommandError {
  const msg = (typeof reply.msg === 'object' && reply.msg !== null ? reply.msg : {}) as Record<string, unknown>;
  return new KalshiCommandError({
    code: typeof msg['code'] === 'number' ? msg['code'] : 0,
    serverMessage: typeof msg['msg'] === 'string' ? msg['msg'] : undefined,
    command,
    id: reply.id,
    channel,
    marketTicker: typeof msg['market_ticker'] === 'string' ? msg['market_ticker'] : undefined,
    marketId: typeof msg['market_id'] === 'string' ? msg['market_id'] : undefined,
  });
}
