/**
 * A cursor-paginated listing walked page by page. Generated functions return a `ListingPromise` for listings
 * whose pages hold several arrays (`getPositions`: `market_positions` and `event_positions`), and its subclass
 * `PagePromise` (which adds item iteration) for listings with one array of items:
 *
 * - `await getPositions(client, params)` gives the first page (the typed response body);
 * - `for await (const page of getPositions(client, params).iterPages())` walks the pages.
 *
 * Kalshi ends a listing with an empty cursor (`""`), sometimes `null` or no cursor at all; a cursor that
 * comes back a second time would make the walk loop forever, so it throws `KalshiPaginationError` instead.
 * Pages are fetched on demand, one at a time, and never accumulated.
 */
import { request, walkPages, type FetchPage, type FirstPageLease, type ListingShape } from './page-walk.js';

export class ListingPromise<TPage> implements PromiseLike<TPage> {
  readonly #fetchPage: FetchPage<TPage>;
  readonly #shape: Readonly<ListingShape>;
  #first: Promise<TPage> | undefined;
  /** Once awaited, the first page is this object's value and stays memoised like a promise's result. */
  #awaited = false;

  constructor(fetchPage: FetchPage<TPage>, shape: ListingShape) {
    this.#fetchPage = fetchPage;
    this.#shape = Object.freeze({ ...shape, initialCursor: shape.initialCursor || undefined });
  }

  /** The pagination metadata this listing was created with. */
  get shape(): Readonly<ListingShape> {
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
    return 'ListingPromise';
  }

  /** Every page, the first one included, fetched one at a time as the consumer asks for it. */
  iterPages(): AsyncGenerator<TPage, void, undefined> {
    return walkPages(this.#lease(), this.#fetchPage, this.#shape);
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
