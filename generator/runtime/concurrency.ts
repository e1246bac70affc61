/**
 * A cap on requests in flight per client. A request takes a slot before it is signed and gives it back once
 * its response is read, so a burst of calls waits its turn unsigned instead of signing everything at once
 * and sending signatures that have aged by the time they reach the wire.
 */
import { raceAbort } from './abort.js';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 128;

export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    this.#free = size;
  }

  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.#free > 0) {
      this.#free--;
      return this.#releaser();
    }
    let granted = false;
    let grant!: () => void;
    const turn = new Promise<void>((resolve) => {
      grant = () => {
        granted = true;
        resolve();
      };
    });
    this.#waiting.push(grant);
    try {
      await (signal ? raceAbort(turn, signal) : turn);
    } catch (error) {
      // Aborted while waiting: leave the queue, or hand on a slot granted in the meantime.
      if (granted) this.#release();
      else this.#waiting.splice(this.#waiting.indexOf(grant), 1);
      throw error;
    }
    return this.#releaser();
  }

  #releaser(): () => void {
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.#release();
      }
    };
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}
