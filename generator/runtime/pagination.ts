/**
 * Cursor pagination for list operations. A generated wrapper returns a `PagePromise`:
 *
 * - `await client.getOrders(params)` gives the first page (the typed response body);
 * - `for await (const order of client.getOrders(params))` walks the items of every page;
 * - `for await (const page of client.getOrders(params).iterPages())` walks the pages.
 *
 * Kalshi ends a listing with an empty cursor (`""`), sometimes `null` or no cursor at all; a cursor that
 * comes back a second time would make the walk loop forever, so it throws `KalshiPaginationError` instead.
 * Pages are fetched on demand, one at a time, and never accumulated.
 */
import { request, walkItems, walkPages, type FetchPage, type FirstPageLease, type PageShape } from './page-walk.js';

export type { FetchPage, PageShape } from './page-walk.js';
export { KalshiPaginationError } from './pagination-error.js';

/**
 * `for await (const item of page)`: declared by merging with `AsyncIterable` and installed on the prototype
 * below, rather than as a computed class member, so declarations can be emitted file by file.
 */
export interface PagePromise<TPage, TItem = unknown> extends AsyncIterable<TItem> {}

export class PagePromise<TPage, TItem = unknown> implements PromiseLike<TPage> {
  readonly #fetchPage: FetchPage<TPage>;
  readonly #shape: Readonly<PageShape>;
  #first: Promise<TPage> | undefined;
  /** Once awaited, the first page is this object's value and stays memoised like a promise's result. */
  #awaited = false;

  constructor(fetchPage: FetchPage<TPage>, shape: PageShape) {
    this.#fetchPage = fetchPage;
    this.#shape = Object.freeze({ ...shape, initialCursor: shape.initialCursor || undefined });
  }

  /** The pagination metadata this listing was created with. */
  get shape(): Readonly<PageShape> {
    return this.#shape;
  }

  then<TResult1 = TPage, TResult2 = never>(
    onfulfilled?: ((value: TPage) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    this.#awaited = true;
    return this.#loadFirst().then(onfulfilled, onrejected);
  }

  catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<TPage | TResult> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TPage> {
    this.#awaited = true;
    return this.#loadFirst().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }

  /** Every page, the first one included, fetched one at a time as the consumer asks for it. */
  iterPages(): AsyncGenerator<TPage, void, undefined> {
    return walkPages(this.#lease(), this.#fetchPage, this.#shape);
  }

  /** Every item of every page, in order (what `for await` uses). Breaking out of the loop stops fetching. */
  items(): AsyncGenerator<TItem, void, undefined> {
    return walkItems<TPage, TItem>(this.iterPages(), this.#shape.itemsKey);
  }

  #loadFirst(): Promise<TPage> {
    return (this.#first ??= request(this.#fetchPage, this.#shape.initialCursor));
  }

  /**
   * The walk must not keep this object (and so the first page) alive: it gets a lease it drops once
   * the first page has arrived. The memo is cleared then unless someone awaited this object.
   */
  #lease(): FirstPageLease<TPage> {
    let taken: Promise<TPage> | undefined;
    return {
      take: () => (taken = this.#loadFirst()),
      release: () => {
        if (!this.#awaited && taken !== undefined && this.#first === taken) this.#first = undefined;
        taken = undefined;
      },
    };
  }
}

Object.defineProperty(PagePromise.prototype, Symbol.asyncIterator, {
  value: function iterateItems(this: PagePromise<unknown>): AsyncGenerator<unknown, void, undefined> {
    return this.items();
  },
  writable: true,
  configurable: true,
});
