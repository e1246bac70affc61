import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { errorFromResponse, InternalServerError, KalshiError } from '../../generator/runtime/errors.js';
import { KalshiPaginationError, ListingPromise, PagePromise, type ListingShape, type PageShape } from '../../generator/runtime/pagination.js';

// ---------------------------------------------------------------------------------------------------------------
// A paginated listing served over real HTTP. Page i (0-based) is requested with cursor `cursorFor(i)` (none for
// page 0) and answers `{ [itemsKey]: [...], [cursorKey]: cursorFor(i + 1) }`, the last page ending as configured.
// ---------------------------------------------------------------------------------------------------------------

interface Order {
  order_id: string;
  seq: number;
}

type OrdersPage = { orders?: Order[] | null; cursor?: string | null };

interface Listing {
  pages: number;
  perPage: number;
  itemsKey: string;
  cursorKey: string;
  /** How the last page says "no more": `""`, `null`, or no cursor property. */
  end: 'empty' | 'null' | 'absent';
  /** Make the server return this cursor on the given page (0-based) instead of the right one. */
  cursorOverride?: Record<number, unknown>;
  /** Serve this status + body on the given page (0-based). */
  fail?: { page: number; status: number; body: unknown };
  /** Replace the whole body of the given page (0-based). */
  bodyOverride?: Record<number, unknown>;
  /** Cursor values are `prefix + page index`. */
  cursorPrefix: string;
}

/** Hard cap on requests per test: a pagination bug must fail the test, not spin. */
const MAX_REQUESTS = 1_000;

let server: Server;
let baseUrl: string;
let listing: Listing;
let requests: URLSearchParams[];

const defaults = (over: Partial<Listing> = {}): Listing => ({
  pages: 25,
  perPage: 200,
  itemsKey: 'orders',
  cursorKey: 'cursor',
  end: 'empty',
  cursorPrefix: 'CgwIpL',
  ...over,
});

const cursorFor = (page: number): string => `${listing.cursorPrefix}${page}`;

function pageIndexOf(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!cursor.startsWith(listing.cursorPrefix)) return -1;
  const index = Number(cursor.slice(listing.cursorPrefix.length));
  return Number.isInteger(index) ? index : -1;
}

function serve(query: URLSearchParams): { status: number; body: unknown } {
  if (requests.length > MAX_REQUESTS) return { status: 429, body: { error: 'test server request cap reached' } };
  const index = pageIndexOf(query.get('cursor'));
  if (index < 0 || index >= listing.pages) return { status: 400, body: { code: 'bad_cursor', message: 'bad cursor' } };
  if (listing.fail?.page === index) return { status: listing.fail.status, body: listing.fail.body };
  if (listing.bodyOverride && index in listing.bodyOverride) return { status: 200, body: listing.bodyOverride[index] };
  const items = Array.from({ length: listing.perPage }, (_, i) => {
    const seq = index * listing.perPage + i;
    return { order_id: `ord-${seq}`, seq };
  });
  const body: Record<string, unknown> = { [listing.itemsKey]: items };
  const last = index === listing.pages - 1;
  if (listing.cursorOverride && index in listing.cursorOverride) body[listing.cursorKey] = listing.cursorOverride[index];
  else if (!last) body[listing.cursorKey] = cursorFor(index + 1);
  else if (listing.end === 'empty') body[listing.cursorKey] = '';
  else if (listing.end === 'null') body[listing.cursorKey] = null;
  return { status: 200, body };
}

/** A listing whose pages hold two arrays (like `GET /portfolio/positions`): the orders page reshaped. */
function servePositions(query: URLSearchParams): { status: number; body: unknown } {
  const { status, body } = serve(query);
  if (status !== 200 || typeof body !== 'object' || body === null) return { status, body };
  const { [listing.itemsKey]: items, ...rest } = body as Record<string, unknown>;
  const rows = (items as Order[] | undefined) ?? [];
  return {
    status,
    body: {
      ...rest,
      market_positions: rows.map((o) => ({ ticker: `T-${o.seq}` })),
      event_positions: rows.filter((o) => o.seq % 10 === 0).map((o) => ({ event_ticker: `E-${o.seq / 10}` })),
    },
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.searchParams);
    const { status, body } =
      url.pathname === '/portfolio/orders'
        ? serve(url.searchParams)
        : url.pathname === '/portfolio/positions'
          ? servePositions(url.searchParams)
          : { status: 404, body: {} };
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  listing = defaults();
  requests = [];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

listing = defaults();
requests = [];

/** What the generated client's `unwrap(raw.GET(...))` amounts to: real fetch, filters in the query, typed errors. */
async function getJson<T>(path: string, query: Record<string, string | number | undefined>): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const response = await fetch(`${baseUrl}${path}?${search}`);
  const text = await response.text();
  if (!response.ok) throw errorFromResponse(response.status, text, response.headers);
  return JSON.parse(text) as T;
}

interface GetOrdersParams {
  status?: string;
  limit?: number;
  cursor?: string;
}

/** Exactly the shape of a generated wrapper. */
function getOrders(params?: GetOrdersParams): PagePromise<OrdersPage, Order> {
  return new PagePromise(
    (cursor) => getJson<OrdersPage>('/portfolio/orders', { ...params, cursor }),
    { itemsKey: 'orders', cursorKey: 'cursor', cursorParam: 'cursor', initialCursor: params?.cursor },
  );
}

/** Bounded consumption: collects at most `max` items and fails loudly past it. */
async function collect<T>(iterable: AsyncIterable<T>, max = 200_000): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) {
    out.push(value);
    if (out.length > max) throw new Error(`iterated more than ${max} values`);
  }
  return out;
}

const cursorsSent = (): (string | null)[] => requests.map((query) => query.get('cursor'));
const tick = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

// ---------------------------------------------------------------------------------------------------------------

describe('PagePromise over a real HTTP listing', () => {
  it('iterates 25 pages of 200 items: 5,000 items in order, 25 requests, filters and cursor on each', async () => {
    const orders = await collect(getOrders({ status: 'resting', limit: 200 }));
    expect(orders).toHaveLength(5_000);
    expect(orders.every((order, i) => order.seq === i && order.order_id === `ord-${i}`)).toBe(true);
    expect(requests).toHaveLength(25);
    for (const query of requests) {
      expect(query.get('status')).toBe('resting');
      expect(query.get('limit')).toBe('200');
    }
    expect(cursorsSent()).toEqual([null, ...Array.from({ length: 24 }, (_, i) => cursorFor(i + 1))]);
  });

  it('makes no request until awaited or iterated', async () => {
    const listingPromise = getOrders({ status: 'resting' });
    listingPromise.iterPages();
    listingPromise[Symbol.asyncIterator]();
    await tick();
    expect(requests).toHaveLength(0);
  });

  it('await gives page 1 only, fetched once and memoised', async () => {
    const orders = getOrders({ status: 'resting' });
    const page = await orders;
    expect(page.orders).toHaveLength(200);
    expect(page.orders?.[0]).toEqual({ order_id: 'ord-0', seq: 0 });
    expect(page.cursor).toBe(cursorFor(1));
    expect(requests).toHaveLength(1);
    expect(await orders).toBe(page);
    expect(await orders.then((p) => p.orders?.length)).toBe(200);
    expect(requests).toHaveLength(1);
  });

  it('iteration after await reuses the memoised first page; each iteration restarts from page 1', async () => {
    const orders = getOrders({ status: 'resting' });
    const first = await orders;
    const pages = await collect(orders.iterPages());
    expect(pages[0]).toBe(first);
    expect(requests).toHaveLength(25);
    expect(await collect(orders)).toHaveLength(5_000);
    expect(requests).toHaveLength(25 + 24);
  });

  it('an await concurrent with the start of an iteration shares the single first-page request', async () => {
    const orders = getOrders();
    const [page, step] = await Promise.all([orders, orders.iterPages().next()]);
    expect(step.value).toBe(page);
    expect(requests).toHaveLength(1);
  });

  it('iterPages yields every page, the first included', async () => {
    const pages = await collect(getOrders({ status: 'resting' }).iterPages());
    expect(pages).toHaveLength(25);
    expect(pages.map((page) => page.orders?.[0]?.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i * 200));
    expect(pages.map((page) => page.cursor)).toEqual([...Array.from({ length: 24 }, (_, i) => cursorFor(i + 1)), '']);
    expect(requests).toHaveLength(25);
  });

  it('breaking after 250 items has made exactly 2 requests, and no read-ahead follows', async () => {
    let seen = 0;
    for await (const order of getOrders({ status: 'resting' })) {
      expect(order.seq).toBe(seen);
      if (++seen === 250) break;
    }
    expect(seen).toBe(250);
    expect(requests).toHaveLength(2);
    await tick(50);
    expect(requests).toHaveLength(2);
  });

  it('requests the next page only when an item beyond the current page is asked for', async () => {
    const iterator = getOrders()[Symbol.asyncIterator]();
    for (let i = 0; i < 200; i++) expect((await iterator.next()).value?.seq).toBe(i);
    expect(requests).toHaveLength(1);
    expect((await iterator.next()).value?.seq).toBe(200);
    expect(requests).toHaveLength(2);
    await iterator.return!();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(requests).toHaveLength(2);
  });

  it('starts from params.cursor and re-sends the filters with it', async () => {
    const orders = await collect(getOrders({ status: 'resting', cursor: cursorFor(20) }));
    expect(orders.map((order) => order.seq)).toEqual(Array.from({ length: 1_000 }, (_, i) => 4_000 + i));
    expect(cursorsSent()).toEqual([20, 21, 22, 23, 24].map(cursorFor));
    expect(requests.every((query) => query.get('status') === 'resting')).toBe(true);
  });

  it('treats an empty params.cursor as "from the start"', async () => {
    listing = defaults({ pages: 2 });
    expect(await collect(getOrders({ cursor: '' }))).toHaveLength(400);
    expect(cursorsSent()).toEqual([null, cursorFor(1)]);
  });

  it.each([
    ['""', 'empty'],
    ['null', 'null'],
    ['an absent cursor', 'absent'],
  ] as const)('stops on %s', async (_label, end) => {
    listing = defaults({ pages: 3, end });
    const orders = await collect(getOrders({ status: 'resting' }));
    expect(orders).toHaveLength(600);
    expect(requests).toHaveLength(3);
    const pages = await collect(getOrders().iterPages());
    expect(pages).toHaveLength(3);
    expect(requests).toHaveLength(6);
  });

  it('a single page with no cursor is the whole listing', async () => {
    listing = defaults({ pages: 1, end: 'absent' });
    expect(await collect(getOrders())).toHaveLength(200);
    expect(requests).toHaveLength(1);
  });

  it('supports the next_cursor variant and another items key', async () => {
    listing = defaults({ pages: 4, perPage: 50, itemsKey: 'incentive_programs', cursorKey: 'next_cursor' });
    type ProgramsPage = { incentive_programs?: Order[]; next_cursor?: string | null };
    const programs = new PagePromise<ProgramsPage, Order>(
      (next_cursor) => getJson<ProgramsPage>('/portfolio/orders', { limit: 50, cursor: next_cursor }),
      { itemsKey: 'incentive_programs', cursorKey: 'next_cursor', cursorParam: 'cursor' },
    );
    const items = await collect(programs);
    expect(items.map((item) => item.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(cursorsSent()).toEqual([null, cursorFor(1), cursorFor(2), cursorFor(3)]);
    expect((await programs).next_cursor).toBe(cursorFor(1));
  });

  it('a missing or null items array counts as empty and the walk goes on', async () => {
    listing = defaults({
      pages: 4,
      bodyOverride: { 1: { cursor: 'CgwIpL2' }, 2: { orders: null, cursor: 'CgwIpL3' } },
    });
    const orders = await collect(getOrders());
    expect(orders.map((order) => order.seq)).toEqual([
      ...Array.from({ length: 200 }, (_, i) => i),
      ...Array.from({ length: 200 }, (_, i) => 600 + i),
    ]);
    expect(requests).toHaveLength(4);
  });
});

describe('repeated cursors', () => {
  it('throws KalshiPaginationError when a page returns the cursor it was requested with', async () => {
    listing = defaults({ cursorOverride: { 3: cursorFor(3) } });
    const seen: number[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const order of getOrders({ status: 'resting' })) {
          seen.push(order.seq);
          if (seen.length > 10_000) throw new Error('unbounded');
        }
      })(),
    );
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect(error).toBeInstanceOf(KalshiError);
    const pagination = error as KalshiPaginationError;
    expect(pagination.name).toBe('KalshiPaginationError');
    expect(pagination.page).toBe(4);
    expect(pagination.message).toBe(
      'page 4 returned the cursor page 3 returned again ("CgwIpL3"); stopped instead of looping over the same pages',
    );
    // Pages 1-3 were delivered; the page that repeated its cursor is not.
    expect(seen).toHaveLength(600);
    expect(requests).toHaveLength(4);
    expect(cursorsSent()).toEqual([null, cursorFor(1), cursorFor(2), cursorFor(3)]);
  });

  it('detects a longer cycle (page 5 points back to page 2) after a bounded number of requests', async () => {
    listing = defaults({ cursorOverride: { 4: cursorFor(2) } });
    const error = await rejectionOf(collect(getOrders().iterPages(), 100));
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as KalshiPaginationError).page).toBe(5);
    expect((error as Error).message).toContain('page 5 returned the cursor page 2 returned again');
    expect(requests).toHaveLength(5);
  });

  it('detects the starting cursor coming back', async () => {
    listing = defaults({ cursorOverride: { 10: cursorFor(10) } });
    const error = await rejectionOf(collect(getOrders({ cursor: cursorFor(10) })));
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as KalshiPaginationError).page).toBe(1);
    expect((error as Error).message).toContain('page 1 returned the starting cursor again ("CgwIpL10")');
    expect(requests).toHaveLength(1);
  });

  it('keeps the message short for a long cursor', async () => {
    listing = defaults({ cursorPrefix: `${'x'.repeat(150)}-` });
    listing.cursorOverride = { 1: cursorFor(1) };
    const error = await rejectionOf(collect(getOrders()));
    expect(error).toBeInstanceOf(KalshiPaginationError);
    const message = (error as Error).message;
    expect(message).toBe(
      'page 2 returned the cursor page 1 returned again ("xxxxxxxxxxxx"…, 152 chars); stopped instead of looping over the same pages',
    );
    expect(message).not.toContain(cursorFor(1));
    expect(requests).toHaveLength(2);
  });

  it('await (the first page alone) is not a walk and does not check cursors', async () => {
    listing = defaults({ cursorOverride: { 10: cursorFor(10) } });
    const page = await getOrders({ cursor: cursorFor(10) });
    expect(page.cursor).toBe(cursorFor(10));
  });
});

describe('errors', () => {
  it('an HTTP error on page 3 propagates to for await, after pages 1-2 were delivered', async () => {
    listing = defaults({ fail: { page: 2, status: 500, body: { code: 'internal', message: 'boom' } } });
    let seen = 0;
    const error = await rejectionOf(
      (async () => {
        for await (const _order of getOrders({ status: 'resting' })) if (++seen > 10_000) throw new Error('unbounded');
      })(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((error as Error).message).toBe('500 internal: boom');
    expect(seen).toBe(400);
    expect(requests).toHaveLength(3);
  });

  it('an HTTP error on page 3 propagates to iterPages', async () => {
    listing = defaults({ fail: { page: 2, status: 500, body: 'upstream reset' } });
    const pages: OrdersPage[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const page of getOrders().iterPages()) pages.push(page);
      })(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(pages).toHaveLength(2);
    expect(requests).toHaveLength(3);
  });

  it('an error on page 1 rejects await, catch and finally, and for await', async () => {
    listing = defaults({ fail: { page: 0, status: 500, body: '' } });
    const orders = getOrders();
    await expect(orders).rejects.toBeInstanceOf(InternalServerError);
    expect(await orders.catch((error: unknown) => (error as InternalServerError).status)).toBe(500);
    let finallyRan = false;
    await expect(orders.finally(() => (finallyRan = true))).rejects.toBeInstanceOf(InternalServerError);
    expect(finallyRan).toBe(true);
    expect(requests).toHaveLength(1); // the awaited rejection is memoised like a promise's
    await expect(collect(getOrders())).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(2);
  });

  it('a fetchPage that throws synchronously rejects instead of throwing from then()', async () => {
    const broken = new PagePromise<OrdersPage, Order>(
      () => {
        throw new TypeError('bad params');
      },
      { itemsKey: 'orders', cursorKey: 'cursor', cursorParam: 'cursor' },
    );
    await expect(broken).rejects.toThrow('bad params');
    await expect(collect(broken)).rejects.toThrow('bad params');
  });

  it.each([
    ['a numeric cursor', { 1: { orders: [], cursor: 42 } }, 'page 2: "cursor" is a number, expected a string'],
    ['a non-array items field', { 1: { orders: { a: 1 }, cursor: '' } }, 'page 2: "orders" is an object, expected an array'],
    ['a null body', { 1: null }, 'page 2: the response is null, expected an object'],
  ])('rejects %s with KalshiPaginationError', async (_label, bodyOverride, message) => {
    listing = defaults({ pages: 3, bodyOverride });
    const error = await rejectionOf(collect(getOrders()));
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as Error).message).toBe(message);
    expect((error as KalshiPaginationError).toJSON()).toEqual({ name: 'KalshiPaginationError', message, page: 2 });
    expect(requests).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Memory: nothing keeps earlier pages alive. A gc function comes from `--expose-gc` when the worker has it, else
// from V8's flag at runtime (node:v8 + node:vm, no CLI flag); if neither works the GC assertions are skipped.
// ---------------------------------------------------------------------------------------------------------------

function obtainGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const gc = obtainGc();

async function collectGarbage(): Promise<void> {
  // WeakRef targets stay alive until the end of the job that created/deref'd them: yield first.
  for (let i = 0; i < 3; i++) {
    await tick(0);
    gc?.();
  }
}

describe('memory', () => {
  it('iterates 500 pages of 200 items holding only a bounded number of pages', async () => {
    listing = defaults({ pages: 500, perPage: 200 });
    const refs: WeakRef<object>[] = [];
    const orders = new PagePromise<OrdersPage, Order>(
      async (cursor) => {
        const page = await getJson<OrdersPage>('/portfolio/orders', { status: 'resting', cursor });
        refs.push(new WeakRef(page));
        return page;
      },
      { itemsKey: 'orders', cursorKey: 'cursor', cursorParam: 'cursor' },
    );
    let count = 0;
    let outOfOrder = 0;
    let alive: number[] | undefined;
    const started = Date.now();
    for await (const order of orders) {
      if (order.seq !== count) outOfOrder++;
      count++;
      if (count === 400 * 200 + 1 && gc) {
        await collectGarbage();
        alive = refs.flatMap((ref, index) => (ref.deref() === undefined ? [] : [index + 1]));
      }
      if (count > 100_000 || Date.now() - started > 20_000) throw new Error('unbounded iteration');
    }
    expect(count).toBe(100_000);
    expect(outOfOrder).toBe(0);
    expect(requests).toHaveLength(500);
    if (alive !== undefined) {
      // Page 401 is being consumed; at most the page before it may linger in a generator register.
      expect(alive.every((page) => page >= 400)).toBe(true);
    }
  });

  it.skipIf(!gc)('a walk keeps no reference to page 1 or to the PagePromise once past page 1', async () => {
    listing = defaults({ pages: 6, perPage: 10 });
    let firstPage: WeakRef<object> | undefined;
    let firstItem: WeakRef<object> | undefined;
    let owner: WeakRef<object> | undefined;
    const iterator = (() => {
      const orders = new PagePromise<OrdersPage, Order>(
        async (cursor) => {
          const page = await getJson<OrdersPage>('/portfolio/orders', { cursor });
          if (firstPage === undefined) {
            firstPage = new WeakRef(page);
            firstItem = new WeakRef(page.orders?.[0] as object);
          }
          return page;
        },
        { itemsKey: 'orders', cursorKey: 'cursor', cursorParam: 'cursor' },
      );
      owner = new WeakRef(orders);
      return orders[Symbol.asyncIterator]();
    })();
    for (let i = 0; i < 35; i++) expect((await iterator.next()).value?.seq).toBe(i); // into page 4
    await collectGarbage();
    expect(owner?.deref()).toBeUndefined();
    expect(firstPage?.deref()).toBeUndefined();
    expect(firstItem?.deref()).toBeUndefined();
    await iterator.return!();
  });

  it.skipIf(!gc)('a PagePromise that is only iterated does not hold page 1; an awaited one does', async () => {
    listing = defaults({ pages: 6, perPage: 10 });
    const refs: WeakRef<object>[] = [];
    const make = (): PagePromise<OrdersPage, Order> =>
      new PagePromise<OrdersPage, Order>(
        async (cursor) => {
          const page = await getJson<OrdersPage>('/portfolio/orders', { cursor });
          refs.push(new WeakRef(page));
          return page;
        },
        { itemsKey: 'orders', cursorKey: 'cursor', cursorParam: 'cursor' },
      );

    const iteratedOnly = make();
    const walk = iteratedOnly.iterPages();
    for (let i = 0; i < 4; i++) await walk.next();
    await collectGarbage();
    expect(refs[0]?.deref()).toBeUndefined();
    expect(refs[1]?.deref()).toBeUndefined();
    await walk.return();

    refs.length = 0;
    const awaited = make();
    await awaited;
    const walk2 = awaited.iterPages();
    for (let i = 0; i < 4; i++) await walk2.next();
    await collectGarbage();
    expect(refs[0]?.deref()).toBeDefined(); // the awaited value, memoised like a promise's result
    expect(refs[1]?.deref()).toBeUndefined();
    expect(await awaited).toBe(refs[0]?.deref());
    await walk2.return();
  });
});

interface PositionsPage {
  market_positions: { ticker: string }[];
  event_positions: { event_ticker: string }[];
  cursor?: string | null;
}

/** Exactly the shape of a generated function for a listing with several arrays. */
function getPositions(params?: GetOrdersParams): ListingPromise<PositionsPage> {
  return new ListingPromise(
    (cursor) => getJson<PositionsPage>('/portfolio/positions', { ...params, cursor }),
    { cursorKey: 'cursor', cursorParam: 'cursor', initialCursor: params?.cursor },
  );
}

describe('ListingPromise: pages holding several arrays', () => {
  it('iterPages walks all 25 pages with both arrays, re-sending the filters and the right cursor', async () => {
    const pages = await collect(getPositions({ limit: 200 }).iterPages());
    expect(pages).toHaveLength(25);
    expect(pages.flatMap((p) => p.market_positions).map((m) => m.ticker)).toEqual(Array.from({ length: 5_000 }, (_, i) => `T-${i}`));
    expect(pages.flatMap((p) => p.event_positions)).toHaveLength(500);
    expect(cursorsSent()).toEqual([null, ...Array.from({ length: 24 }, (_, i) => cursorFor(i + 1))]);
    expect(requests.every((query) => query.get('limit') === '200')).toBe(true);
  });

  it('await gives the first page only; iterPages afterwards reuses it', async () => {
    const listing = getPositions({ limit: 200 });
    const first = await listing;
    expect(first.market_positions[0]?.ticker).toBe('T-0');
    expect(requests).toHaveLength(1);
    const pages = await collect(listing.iterPages());
    expect(pages[0]).toBe(first);
    expect(requests).toHaveLength(25);
  });

  it('is not itself async-iterable: there is no one array to walk', () => {
    const listing = getPositions();
    expect(Symbol.asyncIterator in listing).toBe(false);
    expect(Object.prototype.toString.call(listing)).toBe('[object ListingPromise]');
    expect(listing).not.toBeInstanceOf(PagePromise);
    expect(getOrders()).toBeInstanceOf(ListingPromise);
  });

  it('throws KalshiPaginationError on a repeated cursor, after the pages before it', async () => {
    listing = defaults({ cursorOverride: { 2: cursorFor(1) } });
    const seen: number[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const page of getPositions().iterPages()) seen.push(page.market_positions.length);
      })(),
    );
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as KalshiPaginationError).page).toBe(3);
    expect(seen).toEqual([200, 200]);
    expect(requests).toHaveLength(3);
  });

  it('stops on a null or absent cursor, and breaking out stops fetching', async () => {
    for (const end of ['null', 'absent'] as const) {
      listing = defaults({ pages: 3, end });
      requests = [];
      expect(await collect(getPositions().iterPages())).toHaveLength(3);
      expect(requests).toHaveLength(3);
    }
    listing = defaults();
    requests = [];
    for await (const page of getPositions().iterPages()) if (page.market_positions.length > 0) break;
    await tick();
    expect(requests).toHaveLength(1);
  });
});

describe('types', () => {
  it('a ListingPromise is awaitable and pages iterate, with no item iteration', () => {
    const shape: ListingShape = { cursorKey: 'cursor', cursorParam: 'cursor', initialCursor: undefined };
    expect(new ListingPromise(() => Promise.resolve({}), shape).shape).toEqual(shape);
    const positions = getPositions();
    expectTypeOf<Awaited<typeof positions>>().toEqualTypeOf<PositionsPage>();
    expectTypeOf(positions.iterPages()).toMatchTypeOf<AsyncIterable<PositionsPage>>();
    expectTypeOf(positions).not.toMatchTypeOf<AsyncIterable<unknown>>();
  });

  it('fits the generated wrapper shape (type checks only; nothing is fetched)', async () => {
    const shape: PageShape = { itemsKey: 'orders', cursorKey: 'cursor', cursorParam: 'cursor', initialCursor: undefined };
    expect(new PagePromise(() => Promise.resolve({}), shape).shape).toEqual(shape);
    const orders = getOrders();
    expectTypeOf(orders).toMatchTypeOf<PromiseLike<OrdersPage>>();
    expectTypeOf(orders).toMatchTypeOf<AsyncIterable<Order>>();
    expectTypeOf(orders.iterPages()).toMatchTypeOf<AsyncIterable<OrdersPage>>();
    expectTypeOf<Awaited<typeof orders>>().toEqualTypeOf<OrdersPage>();
    expectTypeOf(() => orders.then((page) => page.orders)).returns.resolves.toEqualTypeOf<Order[] | null | undefined>();
    expect(Object.prototype.toString.call(orders)).toBe('[object PagePromise]');
    await tick();
    expect(requests).toHaveLength(0);
  });
});
