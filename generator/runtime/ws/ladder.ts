/**
 * One side of a local order book: price → resting size, both exact (integer units of `fixed-point.ts`), kept
 * sorted best first. Bids are best when highest, asks when lowest. Prices are given back exactly as Kalshi
 * first wrote them (`"0.0800"`); sizes with the decimals the feed uses.
 */
import { KalshiStreamProtocolError } from './errors.js';

export interface Level {
  /** Fixed-point price string, as Kalshi sent it. */
  price: string;
  /** Fixed-point size string (contracts resting at that price). */
  size: string;
}

export interface LadderLevel {
  price: number;
  priceText: string;
  size: number;
}

export class Ladder {
  /** Best is the highest price (bids) or the lowest (asks). */
  readonly highestFirst: boolean;
  readonly #sizes = new Map<number, number>();
  readonly #texts = new Map<number, string>();
  /** Prices in ascending order. */
  #prices: number[] = [];

  constructor(highestFirst: boolean) {
    this.highestFirst = highestFirst;
  }

  get depth(): number {
    return this.#prices.length;
  }

  clear(): void {
    this.#sizes.clear();
    this.#texts.clear();
    this.#prices = [];
  }

  /** Adds `delta` to the size at `price`; a level whose size reaches zero is removed. Returns the new size. */
  add(price: number, priceText: string, delta: number): number {
    const before = this.#sizes.get(price);
    const size = (before ?? 0) + delta;
    if (!Number.isSafeInteger(size))
      throw new KalshiStreamProtocolError(`The size at ${priceText} left the exact range.`);
    if (size <= 0) {
      if (before !== undefined) this.#remove(price);
      return size;
    }
    this.#sizes.set(price, size);
    if (before === undefined) {
      this.#texts.set(price, priceText);
      this.#insert(price);
    }
    return size;
  }

  best(): LadderLevel | undefined {
    const prices = this.#prices;
    const price = this.highestFirst ? prices[prices.length - 1] : prices[0];
    if (price === undefined) return undefined;
    return {
      price,
      priceText: this.#texts.get(price) as string,
      size: this.#sizes.get(price) as number,
    };
  }

  /** Every level, best first. */
  levels(): LadderLevel[] {
    const out: LadderLevel[] = [];
    const prices = this.#prices;
    for (let i = 0; i < prices.length; i++) {
      const price = prices[this.highestFirst ? prices.length - 1 - i : i] as number;
      out.push({
        price,
        priceText: this.#texts.get(price) as string,
        size: this.#sizes.get(price) as number,
      });
    }
    return out;
  }

  #insert(price: number): void {
    const prices = this.#prices;
    let low = 0;
    let high = prices.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((prices[mid] as number) < price) low = mid + 1;
      else high = mid;
    }
    prices.splice(low, 0, price);
  }

  #remove(price: number): void {
    this.#sizes.delete(price);
    this.#texts.delete(price);
    const index = this.#prices.indexOf(price);
    if (index >= 0) this.#prices.splice(index, 1);
  }
}
