/**
 * Cursor pagination through the generated `KalshiClient` (generated/dist), against the signature-verifying
 * Kalshi stand-in: every page request is signed, re-sends every filter, carries the right cursor, and the walk
 * stops on the empty cursor, on a repeated cursor (KalshiPaginationError), and when the consumer stops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDefaultSigner,
  createKalshiBaseClient,
  getPositions,
  KalshiApiError,
  KalshiPaginationError,
  ListingPromise,
} from '../../generated/dist/index.js';
import type { KalshiReply, KalshiRequest } from '../support/kalshi-server.js';
import { header, KEY_ID, queryOf, startHarness, testKeys, type Harness } from './harness.js';

const PAGES = 25;
const PER_PAGE = 200;
/** Safety net: no test may make more requests than this, whatever the client does. */
const REQUEST_CAP = 200;

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const cursorFor = (page: number): string => `CgwI${page}-opaque`;

/** Page index (0-based) a request asks for: no cursor → 0; `cursorFor(i)` → i; anything else → -1. */
function pageIndex(req: KalshiRequest): number {
  const cursor = req.query.get('cursor');
  if (cursor === null || cursor === '') return 0;
  const match = /^CgwI(\d+)-opaque$/.exec(cursor);
  return match ? Number(match[1]) : -1;
}

let served = 0;

/** `GET /portfolio/orders`: PAGES pages of PER_PAGE orders; `nextCursor` overrides the cursor a page returns. */
function ordersRoute(nextCursor: (page: number) => string | null | undefined = (page) => (page + 1 < PAGES ? cursorFor(page + 1) : '')) {
  return {
    method: 'GET',
    path: '/portfolio/orders',
    secured: true,
    handler(req: KalshiRequest): KalshiReply {
      if (++served > REQUEST_CAP) return { status: 500, body: { error: { code: 'cap', message: 'request cap reached' } } };
      const page = pageIndex(req);
      if (page < 0 || page >= PAGES) return { status: 400, body: { error: { code: 'bad_cursor', message: 'bad cursor' } } };
      const orders = Array.from({ length: PER_PAGE }, (_, i) => ({
        order_id: `order-${page * PER_PAGE + i}`,
        ticker: 'KXBTC-25DEC31-T100000',
        status: req.query.get('status'),
      }));
      return { status: 200, body: { orders, cursor: nextCursor(page) } };
    },
  };
}

async function withOrders(nextCursor?: (page: number) => string | null | undefined): Promise<Harness> {
  served = 0;
  harness = await startHarness([ordersRoute(nextCursor)], { maxRetries: 0 });
  return harness;
}

describe('getOrders: for await over every page', () => {
  it('yields exactly 5,000 orders in order with exactly 25 signed requests, each re-sending the filters and the right cursor', async () => {
    const { client, requestsTo } = await withOrders();
    const ids: string[] = [];
    for await (const order of client.getOrders({ status: 'resting', limit: 200 })) ids.push(order.order_id);

    expect(ids).toHaveLength(PAGES * PER_PAGE);
    expect(ids).toEqual(Array.from({ length: PAGES * PER_PAGE }, (_, i) => `order-${i}`));
    const requests = requestsTo('GET', '/portfolio/orders');
    expect(requests).toHaveLength(PAGES);
    requests.forEach((request, page) => {
      expect(request.verified, `page ${page + 1} signature`).toBe(true);
      expect(request.status).toBe(200);
      const query = queryOf(request);
      expect(query.get('status')).toBe('resting');
      expect(query.get('limit')).toBe('200');
      if (page === 0) expect(query.has('cursor'), 'first page has no cursor').toBe(false);
      else expect(query.get('cursor')).toBe(cursorFor(page));
      expect([...query.keys()].sort()).toEqual(page === 0 ? ['limit', 'status'] : ['cursor', 'limit', 'status']);
    });
    // Every page signed afresh: 25 signatures (a re-used one would be a replay).
    expect(new Set(requests.map((r) => header(r, 'kalshi-access-signature'))).size).toBe(PAGES);
  });

  it('stops on a null or absent cursor as well as on ""', async () => {
    for (const end of [null, undefined] as const) {
      const { client, requestsTo } = await withOrders((page) => (page + 1 < 3 ? cursorFor(page + 1) : end));
      let count = 0;
      for await (const _ of client.getOrders({ status: 'resting', limit: 200 })) count++;
      expect(count).toBe(3 * PER_PAGE);
      expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(3);
      await harness!.close();
      harness = undefined;
    }
  });

  it('starts from params.cursor and still sends the filters', async () => {
    const { client, requestsTo } = await withOrders();
    let count = 0;
    for await (const _ of client.getOrders({ status: 'resting', limit: 200, cursor: cursorFor(20) })) count++;
    expect(count).toBe(5 * PER_PAGE);
    const requests = requestsTo('GET', '/portfolio/orders');
    expect(requests.map((r) => queryOf(r).get('cursor'))).toEqual([20, 21, 22, 23, 24].map(cursorFor));
    for (const r of requests) expect([queryOf(r).get('status'), queryOf(r).get('limit'), r.verified]).toEqual(['resting', '200', true]);
  });
});

describe('getOrders: a cursor that repeats', () => {
  it('a page returning the cursor it was fetched with raises KalshiPaginationError after 2 requests, not a loop', async () => {
    // Page 0 → cursor 1; page 1 → cursor 1 again (a server ignoring a garbage cursor looks like this).
    const { client, requestsTo } = await withOrders(() => cursorFor(1));
    const ids: string[] = [];
    const error = await (async () => {
      for await (const order of client.getOrders({ status: 'resting', limit: 200 })) ids.push(order.order_id);
    })().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as Error).name).toBe('KalshiPaginationError');
    expect((error as KalshiPaginationError).page).toBe(2);
    expect((error as Error).message).toMatch(/again/);
    expect(ids).toHaveLength(PER_PAGE); // page 1 delivered, the repeated page not
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(2);
  });

  it('a longer cycle (page 6 points back to page 3) is caught after 6 requests', async () => {
    const { client, requestsTo } = await withOrders((page) => cursorFor(page === 5 ? 2 : page + 1));
    const error = await (async () => {
      for await (const _ of client.getOrders({ status: 'resting', limit: 200 }).iterPages());
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as KalshiPaginationError).page).toBe(6);
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(6);
  });

  it('the starting cursor coming back is caught too', async () => {
    const { client, requestsTo } = await withOrders((page) => cursorFor(page === 11 ? 10 : page + 1));
    const error = await (async () => {
      for await (const _ of client.getOrders({ status: 'resting', limit: 200, cursor: cursorFor(10) }));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(2);
  });
});

describe('getOrders: await, iterPages, early exit', () => {
  it('await gives the first page only (one signed request)', async () => {
    const { client, requestsTo } = await withOrders();
    const page = await client.getOrders({ status: 'resting', limit: 200 });
    expect(page.orders).toHaveLength(PER_PAGE);
    expect(page.orders?.[0]?.order_id).toBe('order-0');
    expect(page.cursor).toBe(cursorFor(1));
    const requests = requestsTo('GET', '/portfolio/orders');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.verified).toBe(true);
    expect(queryOf(requests[0]!).has('cursor')).toBe(false);
  });

  it('iterPages() yields 25 pages of 200, the cursors chaining', async () => {
    const { client, requestsTo } = await withOrders();
    const pages: { first: string | undefined; size: number; cursor: string | null | undefined }[] = [];
    for await (const page of client.getOrders({ status: 'resting', limit: 200 }).iterPages()) {
      pages.push({ first: page.orders?.[0]?.order_id, size: page.orders?.length ?? 0, cursor: page.cursor });
    }
    expect(pages).toHaveLength(PAGES);
    pages.forEach((page, i) => {
      expect(page).toEqual({ first: `order-${i * PER_PAGE}`, size: PER_PAGE, cursor: i + 1 < PAGES ? cursorFor(i + 1) : '' });
    });
    expect(requestsTo('GET', '/portfolio/orders').every((r) => r.verified)).toBe(true);
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(PAGES);
  });

  it('breaking after 450 orders has made exactly 3 requests, and none follows', async () => {
    const { client, requestsTo } = await withOrders();
    let count = 0;
    for await (const _ of client.getOrders({ status: 'resting', limit: 200 })) {
      if (++count === 450) break;
    }
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(3);
  });

  it('breaking out of iterPages() after page 2 stops fetching', async () => {
    const { client, requestsTo } = await withOrders();
    let pages = 0;
    for await (const _ of client.getOrders({ status: 'resting', limit: 200 }).iterPages()) {
      if (++pages === 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsTo('GET', '/portfolio/orders')).toHaveLength(2);
  });

  it('an HTTP error on page 3 surfaces as the typed error after pages 1-2 were delivered', async () => {
    const { client } = await withOrders((page) => (page === 1 ? 'CgwIbroken' : cursorFor(page + 1)));
    let count = 0;
    const error = await (async () => {
      for await (const _ of client.getOrders({ status: 'resting', limit: 200 })) count++;
    })().catch((e: unknown) => e);
    expect(count).toBe(2 * PER_PAGE);
    expect(error).toBeInstanceOf(KalshiApiError);
    expect((error as KalshiApiError).status).toBe(400);
  });
});

describe('getIncentivePrograms: next_cursor', () => {
  it('walks every page of /incentive_programs following next_cursor, sent back as cursor, unsigned', async () => {
    served = 0;
    harness = await startHarness(
      [
        {
          method: 'GET',
          path: '/incentive_programs',
          secured: false,
          handler(req) {
            if (++served > REQUEST_CAP) return { status: 500, body: {} };
            const page = Number(req.query.get('cursor')?.replace('ip-', '') || '0');
            return {
              status: 200,
              body: {
                incentive_programs: Array.from({ length: 50 }, (_, i) => ({ id: `program-${page * 50 + i}` })),
                next_cursor: page < 3 ? `ip-${page + 1}` : '',
              },
            };
          },
        },
      ],
      { maxRetries: 0 },
    );
    const listing = harness.client.getIncentivePrograms({ status: 'active', limit: 50 });
    expect(listing.shape).toMatchObject({ itemsKey: 'incentive_programs', cursorKey: 'next_cursor', cursorParam: 'cursor' });
    const ids: string[] = [];
    for await (const program of listing) ids.push(program.id);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => `program-${i}`));
    const requests = harness.requestsTo('GET', '/incentive_programs');
    expect(requests.map((r) => queryOf(r).get('cursor'))).toEqual([null, 'ip-1', 'ip-2', 'ip-3']);
    for (const r of requests) {
      expect(queryOf(r).get('status')).toBe('active');
      expect(queryOf(r).get('limit')).toBe('50');
      expect(header(r, 'kalshi-access-signature')).toBeUndefined();
    }
  });
});

/** `GET /portfolio/positions`: 4 pages, each holding 250 market positions and the 25 event positions they belong to. */
function positionsRoute() {
  return {
    method: 'GET',
    path: '/portfolio/positions',
    secured: true,
    handler(req: KalshiRequest): KalshiReply {
      if (++served > REQUEST_CAP) return { status: 500, body: {} };
      const page = Number(req.query.get('cursor')?.replace('pos-', '') || '0');
      return {
        status: 200,
        body: {
          market_positions: Array.from({ length: 250 }, (_, i) => ({ ticker: `M-${page * 250 + i}`, position_fp: '1.00' })),
          event_positions: Array.from({ length: 25 }, (_, i) => ({ event_ticker: `E-${page * 25 + i}`, total_cost_dollars: '0.50' })),
          cursor: page < 3 ? `pos-${page + 1}` : '',
        },
      };
    },
  };
}

describe('getPositions: two arrays per page, walked by pages', () => {
  it('for await over iterPages() delivers both arrays of all 4 pages, each page signed, filters re-sent', async () => {
    served = 0;
    harness = await startHarness([positionsRoute()], { maxRetries: 0 });
    const listing = harness.client.getPositions({ limit: 250, count_filter: 'position' });
    expect(listing).toBeInstanceOf(ListingPromise);
    expect(listing.shape).toEqual({ cursorKey: 'cursor', cursorParam: 'cursor', initialCursor: undefined });
    const markets: string[] = [];
    const events: string[] = [];
    for await (const page of listing.iterPages()) {
      markets.push(...page.market_positions.map((p) => p.ticker));
      events.push(...page.event_positions.map((p) => p.event_ticker));
    }
    expect(markets).toEqual(Array.from({ length: 1000 }, (_, i) => `M-${i}`));
    expect(events).toEqual(Array.from({ length: 100 }, (_, i) => `E-${i}`));
    const requests = harness.requestsTo('GET', '/portfolio/positions');
    expect(requests.map((r) => queryOf(r).get('cursor'))).toEqual([null, 'pos-1', 'pos-2', 'pos-3']);
    for (const r of requests) {
      expect(r.verified).toBe(true);
      expect([queryOf(r).get('limit'), queryOf(r).get('count_filter')]).toEqual(['250', 'position']);
    }
  });

  it('the getPositions function on a base client (signer given explicitly) walks the same pages', async () => {
    served = 0;
    harness = await startHarness([positionsRoute()], { maxRetries: 0 });
    const base = createKalshiBaseClient({ baseUrl: harness.server.url, apiKeyId: KEY_ID, signer: createDefaultSigner(testKeys().pkcs8), maxRetries: 0 });
    const first = await getPositions(base, { limit: 250 });
    expect(first.market_positions).toHaveLength(250);
    let pages = 0;
    for await (const page of getPositions(base, { limit: 250, cursor: 'pos-2' }).iterPages()) pages += page.market_positions.length > 0 ? 1 : 0;
    expect(pages).toBe(2);
    const requests = harness.requestsTo('GET', '/portfolio/positions');
    expect(requests.map((r) => queryOf(r).get('cursor'))).toEqual([null, 'pos-2', 'pos-3']);
    expect(requests.every((r) => r.verified)).toBe(true);
  });
});

describe('getEvents: items are the events; milestones stay on the pages', () => {
  it('for await walks the events of every page; iterPages() still shows the milestones', async () => {
    served = 0;
    harness = await startHarness(
      [
        {
          method: 'GET',
          path: '/events',
          secured: false,
          handler(req) {
            if (++served > REQUEST_CAP) return { status: 500, body: {} };
            const page = Number(req.query.get('cursor')?.replace('ev-', '') || '0');
            return {
              status: 200,
              body: {
                events: Array.from({ length: 10 }, (_, i) => ({ event_ticker: `EV-${page * 10 + i}` })),
                milestones: [{ id: `ms-${page}` }],
                cursor: page < 2 ? `ev-${page + 1}` : '',
              },
            };
          },
        },
      ],
      { maxRetries: 0 },
    );
    const tickers: string[] = [];
    for await (const event of harness.client.getEvents({ with_milestones: true, limit: 10 })) tickers.push(event.event_ticker);
    expect(tickers).toEqual(Array.from({ length: 30 }, (_, i) => `EV-${i}`));
    const milestones: string[] = [];
    for await (const page of harness.client.getEvents({ with_milestones: true, limit: 10 }).iterPages()) {
      milestones.push(...(page.milestones ?? []).map((m) => m.id));
    }
    expect(milestones).toEqual(['ms-0', 'ms-1', 'ms-2']);
    expect(harness.requestsTo('GET', '/events').every((r) => queryOf(r).get('with_milestones') === 'true')).toBe(true);
  });
});
