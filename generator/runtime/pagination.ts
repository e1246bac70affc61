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
import { KalshiError } from './errors.js';

export type PageShape = {
  /** The array property holding a page's items (`orders`, `markets`, ...). Missing or `null` counts as empty. */
  itemsKey: string;
  /** The property holding the next page's cursor (`cursor`, `next_cursor`). */
  cursorKey: string;
  /** The query parameter the cursor is sent in (the fetch closure sends it; kept for introspection). */
  cursorParam: string;
  /** The cursor the listing starts from (`params.cursor`). An empty string means "from the start". */
  initialCursor?: string | undefined;
};

/** Fetches one page; `cursor` is `undefined` for the first page of a listing that starts from the beginning. */
export type FetchPage<TPage> = (cursor: string | undefined) => PromiseLike<TPage>;

/** The server sent a page the client cannot continue from: a repeated cursor, or a malformed page. */
export class KalshiPaginationError extends KalshiError {
  /** 1-based number of the page (counted in the walk that failed) whose response was rejected. */
  readonly page: number;

  constructor(message: string, options: { page: number; cause?: unknown }) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.page = options.page;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), page: this.page };
  }
}
Object.defineProperty(KalshiPaginationError.prototype, 'name', {
  value: 'KalshiPaginationError',
  writable: true,
  configurable: true,
});

/** Hands the first page to a walk: shared with `then()` while in flight, kept afterwards only if awaited. */
interface FirstPageLease<TPage> {
  take(): Promise<TPage>;
  release(): void;
}

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

  catch<TResult = never>(onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null): Promise<TPage | TResult> {
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

function request<TPage>(fetchPage: FetchPage<TPage>, cursor: string | undefined): Promise<TPage> {
  // The executor turns a synchronous throw into a rejection.
  return new Promise<TPage>((resolve) => resolve(fetchPage(cursor)));
}

async function* walkPages<TPage>(
  lease: FirstPageLease<TPage> | undefined,
  fetchPage: FetchPage<TPage>,
  shape: Readonly<PageShape>,
): AsyncGenerator<TPage, void, undefined> {
  /** Every cursor seen so far → the page that returned it (0: the starting cursor). Strings only, no pages. */
  const seen = new Map<string, number>();
  let cursor = shape.initialCursor;
  if (cursor !== undefined) seen.set(cursor, 0);

  for (let pageNo = 1; ; pageNo++) {
    let page: TPage;
    if (lease !== undefined) {
      try {
        page = await lease.take();
      } finally {
        lease.release();
        lease = undefined;
      }
    } else {
      page = await fetchPage(cursor);
    }
    cursor = nextCursor(page, shape.cursorKey, pageNo);
    if (cursor !== undefined) {
      const firstSeen = seen.get(cursor);
      if (firstSeen !== undefined) throw repeatedCursor(cursor, pageNo, firstSeen);
      seen.set(cursor, pageNo);
    }
    yield page;
    if (cursor === undefined) return;
  }
}

async function* walkItems<TPage, TItem>(
  pages: AsyncGenerator<TPage, void, undefined>,
  itemsKey: string,
): AsyncGenerator<TItem, void, undefined> {
  try {
    for (let pageNo = 1; ; pageNo++) {
      const items = await nextItems<TPage, TItem>(pages, itemsKey, pageNo);
      if (items === undefined) return;
      for (const item of items) yield item;
    }
  } finally {
    await pages.return();
  }
}

/** The next page's items; keeps the page object itself out of the generator's frame. */
async function nextItems<TPage, TItem>(
  pages: AsyncGenerator<TPage, void, undefined>,
  itemsKey: string,
  pageNo: number,
): Promise<readonly TItem[] | undefined> {
  const step = await pages.next();
  if (step.done) return undefined;
  const items = field(step.value, itemsKey, pageNo);
  if (items === undefined || items === null) return [];
  if (Array.isArray(items)) return items as TItem[];
  throw new KalshiPaginationError(`page ${pageNo}: "${itemsKey}" is ${describe(items)}, expected an array`, {
    page: pageNo,
  });
}

function nextCursor(page: unknown, cursorKey: string, pageNo: number): string | undefined {
  const value = field(page, cursorKey, pageNo);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new KalshiPaginationError(`page ${pageNo}: "${cursorKey}" is ${describe(value)}, expected a string`, {
      page: pageNo,
    });
  }
  return value;
}

function field(page: unknown, key: string, pageNo: number): unknown {
  if (typeof page !== 'object' || page === null || Array.isArray(page)) {
    throw new KalshiPaginationError(`page ${pageNo}: the response is ${describe(page)}, expected an object`, {
      page: pageNo,
    });
  }
  return (page as Record<string, unknown>)[key];
}

function repeatedCursor(cursor: string, pageNo: number, firstSeen: number): KalshiPaginationError {
  const where = firstSeen === 0 ? 'the starting cursor' : `the cursor page ${firstSeen} returned`;
  return new KalshiPaginationError(
    `page ${pageNo} returned ${where} again (${preview(cursor)}); stopped instead of looping over the same pages`,
    { page: pageNo },
  );
}

const PREVIEW_MAX = 24;

function preview(cursor: string): string {
  if (cursor.length <= PREVIEW_MAX) return JSON.stringify(cursor);
  return `${JSON.stringify(cursor.slice(0, 12))}…, ${cursor.length} chars`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

Object.defineProperty(PagePromise.prototype, Symbol.asyncIterator, {
  value: function iterateItems(this: PagePromise<unknown>): AsyncGenerator<unknown, void, undefined> {
    return this.items();
  },
  writable: true,
  configurable: true,
});
