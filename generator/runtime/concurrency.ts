/**
 * How many requests one client has in flight. A request takes a slot before it is signed and gives it back once
 * its response has arrived, so requests beyond the limit wait unsigned instead of signing at once and sending
 * signatures that age in a queue (in the sockets, the HTTP stack, a starved event loop) past Kalshi's window.
 *
 * The limit adapts below the `maxConcurrentRequests` cap, like TCP's congestion window: it starts at
 * `INITIAL_LIMIT`, grows by one per quick response (doubling each round trip) up to the cap, and halves (at most
 * once per round of requests, never below `MIN_LIMIT`) when a response comes `SLOW_RESPONSE_MS` or more after its
 * request took its slot, then grows back by one per round trip. On a machine that keeps up, it reaches the cap
 * within a few round trips; on one that does not, requests wait unsigned rather than age signed.
 */
import { raceAbort } from './abort.js';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 128;
/** The in-flight limit a client starts with (or the cap, when smaller). */
export const INITIAL_LIMIT = 16;
/** The adaptive limit never goes below this (or the cap, when smaller). */
export const MIN_LIMIT = 4;
/** Half Kalshi's ±5 s timestamp window: a response this late means requests are queueing on their way out. */
export const SLOW_RESPONSE_MS = 2_500;

export class Slots {
  /** The cap (`maxConcurrentRequests`). */
  readonly size: number;
  readonly #clock: () => number;
  readonly #waiting: (() => void)[] = [];
  #inFlight = 0;
  #limit: number;
  /** Growth is one per response below this (doubling per round trip), one per round trip above it. */
  #threshold: number;
  /** Quick responses since the limit last grew above the threshold. */
  #credit = 0;
  /** When the limit was last cut: responses to requests that started earlier do not cut it again. */
  #cutAt = Number.NEGATIVE_INFINITY;

  /** `clock`: monotonic ms, default `performance.now()`. */
  constructor(size: number, clock: () => number = monotonicNow) {
    this.size = size;
    this.#clock = clock;
    this.#limit = Math.min(size, INITIAL_LIMIT);
    this.#threshold = size;
  }

  /** The current in-flight limit (between `min(MIN_LIMIT, size)` and `size`). */
  get limit(): number {
    return this.#limit;
  }

  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.#inFlight < this.limit && this.#waiting.length === 0) {
      this.#inFlight++;
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
      if (granted) this.#release(undefined);
      else this.#waiting.splice(this.#waiting.indexOf(grant), 1);
      throw error;
    }
    return this.#releaser();
  }

  #releaser(): () => void {
    const startedAt = this.#clock();
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.#release(startedAt);
      }
    };
  }

  /** `startedAt`: when the releasing request took its slot (undefined: it never used it). */
  #release(startedAt: number | undefined): void {
    this.#inFlight--;
    if (startedAt !== undefined) this.#adapt(startedAt, this.#clock());
    while (this.#inFlight < this.limit && this.#waiting.length > 0) {
      this.#inFlight++;
      this.#waiting.shift()?.();
    }
  }

  #adapt(startedAt: number, now: number): void {
    const floor = Math.min(this.size, MIN_LIMIT);
    if (now - startedAt >= SLOW_RESPONSE_MS) {
      if (startedAt < this.#cutAt) return;
      this.#limit = Math.max(floor, Math.floor(this.#limit / 2));
      this.#threshold = this.#limit;
      this.#credit = 0;
      this.#cutAt = now;
    } else if (this.#limit < this.size) {
      if (this.#limit < this.#threshold) this.#limit++;
      else if (++this.#credit >= this.#limit) {
        this.#limit++;
        this.#credit = 0;
      }
    }
  }
}

/** Monotonic milliseconds: `performance.now()`, or `Date.now()` where there is no `performance`. */
export function monotonicNow(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}
