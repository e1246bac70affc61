/** The stream's lifecycle events, and the small typed emitter behind `stream.on()`. */

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StreamEvents {
  /** A connection opened (`reconnected`: not the first); subscriptions are being subscribed again. */
  open: { reconnected: boolean };
  /** The connection was lost or could not be opened; the next attempt starts after `delayMs`. */
  reconnecting: { attempt: number; delayMs: number; error: Error | undefined };
  /** The stream is closed for good: by `close()`/abort (`error` undefined) or by a fatal error. */
  close: { error: unknown };
  /** A problem that did not stop the stream: an unparseable frame, an error reply no command or subscription owns. */
  error: { error: Error };
}

export type StreamListener<E extends keyof StreamEvents> = (event: StreamEvents[E]) => void;

export class StreamEmitter {
  readonly #listeners = new Map<keyof StreamEvents, Set<(event: never) => void>>();

  on<E extends keyof StreamEvents>(event: E, listener: StreamListener<E>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (event: never) => void);
    return () => void set.delete(listener as (event: never) => void);
  }

  emit<E extends keyof StreamEvents>(event: E, payload: StreamEvents[E]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        (listener as StreamListener<E>)(payload);
      } catch (error) {
        // A listener's own bug must not break the stream; it surfaces as an uncaught error, like EventEmitter's.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
