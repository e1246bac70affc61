/**
 * Signing as late as possible under load. An RSA signature is synchronous CPU work (about 0.5 ms, more on a busy
 * machine). When many requests get their turn at once, signing them back to back in one task keeps the event loop
 * from sending any of them: the first signature ages by the whole burst before it leaves (10,000 requests take
 * seconds, past Kalshi's window). The pacer lets signing run for at most `SIGNING_SLICE_MS` per turn of the event
 * loop; further requests wait, unsigned, for the next turn, after the signed ones have had their chance to go out.
 *
 * A lone request signs at once (`turn()` returns undefined): the cost is one scheduled callback per slice.
 */
import { monotonicNow } from './concurrency.js';

/** Signing time per event-loop turn before further signatures wait for the next turn. */
export const SIGNING_SLICE_MS = 10;

export interface PacerScheduler {
  /** A monotonic clock in ms. Default `performance.now()`. */
  clock?: () => number;
  /** Runs `callback` on a later turn of the event loop. Default `setImmediate`, else `setTimeout(callback, 0)`. */
  later?: (callback: () => void) => void;
}

export class SigningPacer {
  readonly #clock: () => number;
  readonly #later: (callback: () => void) => void;
  readonly #waiting: (() => void)[] = [];
  /** When the current slice began; undefined once the event loop has turned since. */
  #sliceStart: number | undefined;
  #slice = 0;
  #pumpScheduled = false;

  constructor(scheduler: PacerScheduler = {}) {
    this.#clock = scheduler.clock ?? monotonicNow;
    this.#later = scheduler.later ?? defaultLater;
  }

  /**
   * Undefined when the caller may sign now, else a promise that resolves on its turn. Either way the caller must
   * call `done()` once its signature is made (or failed) and the request handed to `fetch`.
   */
  turn(): Promise<void> | undefined {
    if (this.#waiting.length === 0 && this.#open()) return undefined;
    const turn = new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#schedulePump();
    return turn;
  }

  /** Passes the turn to the next waiting request while the slice lasts, else on the next event-loop turn. */
  done(): void {
    if (this.#waiting.length === 0) return;
    if (this.#open()) this.#waiting.shift()?.();
    else this.#schedulePump();
  }

  /** Requests waiting for a turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Whether the current slice has time left; opens one (ended by the next event-loop turn) when none is open. */
  #open(): boolean {
    const now = this.#clock();
    if (this.#sliceStart === undefined) {
      this.#sliceStart = now;
      const slice = ++this.#slice;
      this.#later(() => {
        if (this.#slice === slice) this.#sliceStart = undefined;
      });
      return true;
    }
    return now - this.#sliceStart < SIGNING_SLICE_MS;
  }

  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    this.#later(() => {
      this.#pumpScheduled = false;
      this.#sliceStart = undefined;
      if (this.#waiting.length === 0) return;
      this.#open();
      this.#waiting.shift()?.();
    });
  }
}

const defaultLater = (callback: () => void): void => {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') immediate(callback);
  else setTimeout(callback, 0);
};
