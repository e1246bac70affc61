/**
 * The benchmark's stand-in for the Kalshi API, run in its own process (the second core) so it is never the
 * bottleneck and the same for every contender. Lean on purpose: responses are serialised once, and the
 * RSA-PSS signature is verified only while verification is switched on (`/__bench/verify?on=1`, used during
 * warm-ups to prove that every contender signs correctly; the check itself is what test/support's server does).
 *
 * Routes under /trade-api/v2:
 *   GET /portfolio/balance   signed; a fixed balance body.
 *   GET /portfolio/orders    signed; `limit` orders per page; the number of pages comes from the `ticker`
 *                            filter (`BENCH-P500` → 500 pages), which the client resends with every page.
 * Control: GET /__bench/verify?on=0|1 (switches, returns and resets the counts), GET /__bench/stats.
 * Prints `{"port":N}` on stdout once listening; closes and exits on SIGTERM.
 */
import { constants, createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const BASE = '/trade-api/v2';
const TOLERANCE_MS = 5_000;
const keyId = process.env.BENCH_KEY_ID ?? '';
const publicKey = createPublicKey(process.env.BENCH_PUBLIC_KEY ?? '');

let verifying = false;
let counts = { requests: 0, verified: 0, rejected: 0 };

const BALANCE = JSON.stringify({
  balance: 1_234_567,
  balance_dollars: '12345.6700',
  portfolio_value: 2_345_678,
  portfolio_value_dollars: '23456.7800',
  updated_ts: 1_767_225_600,
});

const POOL = Array.from({ length: 1000 }, (_, i) => JSON.stringify(order(i)));
const pageItems = new Map<number, string>();

function order(i: number): Record<string, unknown> {
  const id = `${i.toString(16).padStart(8, '0')}-1111-4222-8333-444455556666`;
  return {
    order_id: id,
    user_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    client_order_id: `bench-${i}`,
    ticker: 'KXBTC-26DEC31-T100000',
    side: 'yes',
    action: 'buy',
    outcome_side: 'yes',
    book_side: 'bid',
    type: 'limit',
    status: 'resting',
    yes_price_dollars: '0.4200',
    no_price_dollars: '0.5800',
    fill_count_fp: '0.00',
    remaining_count_fp: '10.00',
    initial_count_fp: '10.00',
    taker_fill_cost_dollars: '0.0000',
    maker_fill_cost_dollars: '0.0000',
    taker_fees_dollars: '0.0000',
    maker_fees_dollars: '0.0000',
    expiration_time: null,
    created_time: '2026-01-01T00:00:00Z',
    last_update_time: '2026-01-01T00:00:00Z',
    self_trade_prevention_type: 'taker_at_cross',
    order_group_id: '',
    cancel_order_on_pause: false,
  };
}

function ordersPage(query: URLSearchParams): string {
  const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 100) || 100));
  const pages = Math.max(1, Number(/^BENCH-P(\d+)$/.exec(query.get('ticker') ?? '')?.[1] ?? 1));
  const at = Number(/^c(\d+)$/.exec(query.get('cursor') ?? '')?.[1] ?? 0);
  let items = pageItems.get(limit);
  if (items === undefined) pageItems.set(limit, (items = POOL.slice(0, limit).join(',')));
  const cursor = at + 1 < pages ? `c${at + 1}` : '';
  return `{"orders":[${items}],"cursor":"${cursor}"}`;
}

function authentic(req: IncomingMessage, pathname: string): boolean {
  const h = req.headers;
  const id = h['kalshi-access-key'];
  const timestamp = h['kalshi-access-timestamp'];
  const signature = h['kalshi-access-signature'];
  if (id !== keyId || typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > TOLERANCE_MS) return false;
  const message = Buffer.from(`${timestamp}${req.method}${pathname}`, 'utf8');
  const options = { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  return verify('sha256', message, options, Buffer.from(signature, 'base64'));
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
}

const server = createServer((req, res) => {
  const target = req.url ?? '/';
  const cut = target.indexOf('?');
  const pathname = cut < 0 ? target : target.slice(0, cut);
  const query = new URLSearchParams(cut < 0 ? '' : target.slice(cut + 1));
  if (pathname === '/__bench/verify') {
    const before = counts;
    verifying = query.get('on') === '1';
    counts = { requests: 0, verified: 0, rejected: 0 };
    return reply(res, 200, JSON.stringify(before));
  }
  if (pathname === '/__bench/stats') return reply(res, 200, JSON.stringify(counts));
  counts.requests++;
  const route = req.method === 'GET' ? pathname.slice(BASE.length) : '';
  if (!pathname.startsWith(BASE) || (route !== '/portfolio/balance' && route !== '/portfolio/orders')) {
    return reply(res, 404, '{"error":{"code":"not_found","message":"not found"}}');
  }
  if (verifying) {
    if (!authentic(req, pathname)) {
      counts.rejected++;
      return reply(res, 401, '{"error":{"code":"authentication_error","message":"authentication_error","details":"INCORRECT_API_KEY_SIGNATURE"}}');
    }
    counts.verified++;
  }
  reply(res, 200, route === '/portfolio/balance' ? BALANCE : ordersPage(query));
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 130_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
