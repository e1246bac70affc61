/**
 * Walking a cursor-paginated listing: one page at a time, on demand, never accumulating pages; stops on an
 * empty, null or absent cursor and throws on a cursor the server already returned.
 */
import { KalshiPaginationError } from './pagination-error.js';
import { valueKind } from './value-kind.js';

/** Where a listing's cursor travels. */
export type ListingShape = {
  /** The property holding the next page's cursor (`cursor`, `next_cursor`). */
  cursorKey: string;
  /** The query parameter the cursor is sent in (the fetch closure sends it; kept for introspection). */
  cursorParam: string;
  /** The cursor the listing starts from (`params.cursor`). An empty string means "from the start". */
  initialCursor?: string | undefined;
};

/** A listing with one array of items. */
export type PageShape = ListingShape & {
  /** The array property holding a page's items (`orders`, `markets`, ...). Missing or `null` counts as empty. */
  itemsKey: string;
};

/** Fetches one page; `cursor` is `undefined` for the first page of a listing that starts from the beginning. */
export type FetchPage<TPage> = (cursor: string | undefined) => PromiseLike<TPage>;

/** Hands the first page to a walk: shared with `then()` while in flight, kept afterwards only if awaited. */
export interface FirstPageLease<TPage> {
  take(): Promise<TPage>;
  release(): void;
}

export function request<TPage>(fetchPage: FetchPage<TPage>, cursor: string | undefined): Promise<TPage> {
  // The executor turns a synchronous throw into a rejection.
  return new Promise<TPage>((resolve) => resolve(fetchPage(cursor)));
}

export async function* walkPages<TPage>(
  lease: FirstPageLease<TPage> | undefined,
  fetchPage: FetchPage<TPage>,
  shape: Readonly<ListingShape>,
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

export async function* walkItems<TPage, TItem>(
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
  return Array.isArray(items) ? (items as TItem[]) : malformed(pageNo, `"${itemsKey}"`, items, 'an array');
}

function nextCursor(page: unknown, cursorKey: string, pageNo: number): string | undefined {
  const value = field(page, cursorKey, pageNo);
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : malformed(pageNo, `"${cursorKey}"`, value, 'a string');
}

function field(page: unknown, key: string, pageNo: number): unknown {
  if (typeof page !== 'object' || page === null || Array.isArray(page)) {
    return malformed(pageNo, 'the response', page, 'an object');
  }
  return (page as Record<string, unknown>)[key];
}

/** `page 2: "cursor" is a number, expected a string`. */
function malformed(pageNo: number, what: string, value: unknown, expected: string): never {
  throw new KalshiPaginationError(`page ${pageNo}: ${what} is ${valueKind(value)}, expected ${expected}`, {
    page: pageNo,
  });
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
