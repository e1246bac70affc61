/**
 * One pagination measurement, in a process of its own started with `--expose-gc` (see pagination.ts):
 * iterates `pages` pages of 200 orders from the benchmark server with `for await` over the client's
 * `getOrders()`, and the same walk by hand (floor: fetch + inline signature + JSON). Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/pagination-child.ts <serverUrl> <pages> <rounds>
 *   env: BENCH_KEY_ID, BENCH_PRIVATE_KEY
 */
import { constants, createPrivateKey, sign } from 'node:crypto';
import { createKalshiClient } from '../generated/dist/index.js';

const PAGE_SIZE = 200;
/** Forced-GC samples of the retained heap are taken every this many pages. */
const SAMPLE_EVERY = 10;

const [url = '', pagesArg = '50', roundsArg = '3'] = process.argv.slice(2);
const pages = Number(pagesArg);
const rounds = Number(roundsArg);
const keyId = process.env.BENCH_KEY_ID ?? '';
const pem = process.env.BENCH_PRIVATE_KEY ?? '';
const gc = (globalThis as { gc?: () => void }).gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const client = createKalshiClient({ baseUrl: url, apiKeyId: keyId, privateKeyPem: pem, maxRetries: 0 });
const key = createPrivateKey(pem);
const ordersUrl = `${url}/portfolio/orders`;
const ordersPath = new URL(ordersUrl).pathname;

type Probe = (pageNo: number) => void;

async function ours(count: number, probe?: Probe): Promise<number> {
  let items = 0;
  for await (const order of client.getOrders({ limit: PAGE_SIZE, ticker: `BENCH-P${count}` })) {
    if (order.order_id === '') throw new Error('empty order');
    if (++items % PAGE_SIZE === 0) probe?.(items / PAGE_SIZE);
  }
  return items;
}

/** The same walk by hand: what the client's iterator costs over. */
async function floor(count: number): Promise<number> {
  let items = 0;
  let cursor = '';
  do {
    const query = `limit=${PAGE_SIZE}&ticker=BENCH-P${count}${cursor ? `&cursor=${cursor}` : ''}`;
    const timestamp = String(Date.now());
    const signature = sign('sha256', Buffer.from(`${timestamp}GET${ordersPath}`), {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    }).toString('base64');
    const response = await fetch(`${ordersUrl}?${query}`, {
      headers: { 'KALSHI-ACCESS-KEY': keyId, 'KALSHI-ACCESS-TIMESTAMP': timestamp, 'KALSHI-ACCESS-SIGNATURE': signature },
    });
    if (!response.ok) throw new Error(`floor: HTTP ${response.status}`);
    const page = (await response.json()) as { orders: { order_id: string }[]; cursor: string };
    for (const order of page.orders) {
      if (order.order_id === '') throw new Error('empty order');
      items++;
    }
    cursor = page.cursor;
  } while (cursor !== '');
  return items;
}

async function itemsPerSecond(walk: (count: number) => Promise<number>): Promise<number> {
  gc!();
  const start = performance.now();
  const items = await walk(pages);
  if (items !== pages * PAGE_SIZE) throw new Error(`expected ${pages * PAGE_SIZE} items, got ${items}`);
  return items / ((performance.now() - start) / 1000);
}

/** Heap growth over a walk of `ours`: sampled every page as it is, or after a forced GC every few pages. */
async function heapGrowth(forceGc: boolean): Promise<number> {
  gc!();
  gc!();
  const base = process.memoryUsage().heapUsed;
  let max = 0;
  await ours(pages, (pageNo) => {
    if (forceGc && pageNo % SAMPLE_EVERY !== 0) return;
    if (forceGc) gc!();
    max = Math.max(max, process.memoryUsage().heapUsed - base);
  });
  return max;
}

const walks = { floor, ours } as const;
for (const walk of Object.values(walks)) await walk(5);
const figures: Record<keyof typeof walks, number[]> = { floor: [], ours: [] };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
  for (const name of order) figures[name].push(await itemsPerSecond(walks[name]));
}
const peakGrowthBytes = await heapGrowth(false);
const retainedGrowthBytes = await heapGrowth(true);
process.stdout.write(`${JSON.stringify({ pages, items: pages * PAGE_SIZE, itemsPerSecond: figures, peakGrowthBytes, retainedGrowthBytes })}\n`);
