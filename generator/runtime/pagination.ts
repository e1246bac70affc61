/**
 * Cursor pagination for list operations with one array of items. A generated function returns a `PagePromise`:
 *
 * - `await getOrders(client, params)` gives the first page (the typed response body);
 * - `for await (const order of getOrders(client, params))` walks the items of every page;
 * - `for await (const page of getOrders(client, params).iterPages())` walks the pages.
 *
 * Awaiting, page walking and the end and repeated-cursor rules are `ListingPromise`'s (listing-promise.ts).
 */
import { ListingPromise } from './listing-promise.js';
import { walkItems, type FetchPage, type PageShape } from './page-walk.js';

export type { FetchPage, ListingShape, PageShape } from './page-walk.js';
export { ListingPromise } from './listing-promise.js';
export { KalshiPaginationError } from './pagination-error.js';

/**
 * `for await (const item of page)`: declared by merging with `AsyncIterable` and installed on the prototype
 * below, rather than as a computed class member, so declarations can be emitted file by file.
 */
export interface PagePromise<TPage, TItem = unknown> extends AsyncIterable<TItem> {}

export class PagePromise<TPage, TItem = unknown> extends ListingPromise<TPage> {
  readonly #itemsKey: string;

  constructor(fetchPage: FetchPage<TPage>, shape: PageShape) {
    super(fetchPage, shape);
    this.#itemsKey = shape.itemsKey;
  }

  /** The pagination metadata this listing was created with, the items key included. */
  override get shape(): Readonly<PageShape> {
    return Object.freeze({ ...super.shape, itemsKey: this.#itemsKey });
  }

  override get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }

  /** Every item of every page, in order (what `for await` uses). Breaking out of the loop stops fetching. */
  items(): AsyncGenerator<TItem, void, undefined> {
    return walkItems<TPage, TItem>(this.iterPages(), this.#itemsKey);
  }
}

Object.defineProperty(PagePromise.prototype, Symbol.asyncIterator, {
  value: function iterateItems(this: PagePromise<unknown>): AsyncGenerator<unknown, void, undefined> {
    return this.items();
  },
  writable: true,
  configurable: true,
});
