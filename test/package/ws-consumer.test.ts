/**
 * The real-time client as a consumer gets it: `npm pack` of generated/, installed into a fresh strict TypeScript
 * project (with `ws` from the registry), test/fixtures/consumer/ws-consumer.ts compiled by real `tsc` (strict,
 * skipLibCheck false) and run by plain `node` against the WebSocket stand-in, which verifies the handshake
 * signature and plays: snapshot, deltas, a lost delta (seq gap), a dropped connection with changes made while
 * it was down, tickers and fills. The consumer subscribes to two channels, keeps a book through all of it, and
 * must end with exactly the stand-in's book.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestKeyPair, type TestKeyPair } from '../support/kalshi-auth.js';
import { startKalshiWsServer, type KalshiWsServer, type ServerSubscription } from '../support/kalshi-ws-server.js';
import { consumerTsconfig, createConsumerProject, type ConsumerProject, type TscResult } from './consumer-project.js';

const MARKET = 'KXBTC-25DEC31-T100000';
const KEY_ID = randomUUID();

let keys: TestKeyPair;
let server: KalshiWsServer;
let project: ConsumerProject;
let compile: TscResult;

const fill = (tradeId: string): Record<string, unknown> => ({
  trade_id: tradeId,
  order_id: 'ee587a1c-8b87-4dcf-b721-9f6f790619fa',
  market_ticker: MARKET,
  exchange_index: 2,
  is_taker: true,
  side: 'yes',
  yes_price_dollars: '0.750',
  count_fp: '278.00',
  fee_cost: '0.0100',
  action: 'buy',
  ts: 1671899397,
  ts_ms: 1671899397000,
  post_position_fp: '500.00',
  purchased_side: 'yes',
  outcome_side: 'yes',
  book_side: 'bid',
});
const ticker = (price: string): Record<string, unknown> => ({ market_ticker: MARKET, market_id: 'x', price_dollars: price });

/** The scenario, driven by the consumer's subscriptions as the stand-in confirms them. */
function playScenario(ws: KalshiWsServer): void {
  let books = 0;
  const later = (step: () => void): void => void setTimeout(step, 20);
  ws.onSubscribed((sub: ServerSubscription) => {
    if (sub.channel === 'orderbook_delta') books++;
    if (sub.channel === 'orderbook_delta' && books === 1) {
      later(() => {
        ws.delta(MARKET, 'yes', '0.4200', '50.00');
        ws.delta(MARKET, 'no', '0.5400', '-20.00');
        ws.delta(MARKET, 'yes', '0.4300', '7.00', { lose: true });
        ws.delta(MARKET, 'no', '0.5500', '12.00');
      });
    }
    if (sub.channel === 'orderbook_delta' && books === 2) {
      later(() => {
        ws.delta(MARKET, 'yes', '0.2200', '-333.00');
        ws.publish('ticker', 'ticker', ticker('0.480'));
        ws.publish('fill', 'fill', fill('before-drop'));
        ws.dropConnections();
        ws.delta(MARKET, 'no', '0.5600', '4.00');
      });
    }
    const onSecond = ws.subscriptions().filter((s) => s.connection === sub.connection);
    if (sub.connection > 1 && onSecond.length === 3 && books >= 3) {
      later(() => {
        ws.delta(MARKET, 'yes', '0.0800', '0.01', { clientOrderId: 'mine' });
        ws.publish('ticker', 'ticker', ticker('0.490'));
        ws.publish('fill', 'fill', fill('final'));
      });
    }
  });
}

beforeAll(async () => {
  keys = generateTestKeyPair();
  server = await startKalshiWsServer({ keys: { [KEY_ID]: keys.publicKey }, heartbeatMs: 50 });
  server.setBook(MARKET, { yes: [['0.0800', '300.00'], ['0.2200', '333.00']], no: [['0.5400', '20.00'], ['0.5600', '146.00']] });
  playScenario(server);
  project = await createConsumerProject();
  await project.addFixtures(['ws-consumer.ts']);
  await project.writeFile('tsconfig.json', consumerTsconfig({ noEmit: false, noEmitOnError: true, outDir: 'dist', rootDir: 'src', skipLibCheck: false }));
  compile = await project.tsc('tsconfig.json');
}, 180_000);

afterAll(async () => {
  await server?.close();
  await project?.remove();
}, 30_000);

describe('ws-consumer.ts against the stand-in', () => {
  let output: {
    synced: boolean;
    book: { yes: [string, string][]; no: [string, string][] };
    bestYesAsk: { price: string; size: string };
    tickers: string[];
    fills: string[];
    gaps: string[];
    bookUpdates: string[];
  };

  beforeAll(async () => {
    expect(compile.diagnostics, compile.stdout + compile.stderr).toEqual([]);
    const result = await project.node('dist/ws-consumer.js', {
      KALSHI_WS_URL: server.url,
      KALSHI_API_KEY_ID: KEY_ID,
      KALSHI_PRIVATE_KEY_PEM: keys.pkcs1,
      KALSHI_MARKET: MARKET,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    output = JSON.parse(result.stdout) as typeof output;
  }, 60_000);

  it('compiles strictly (skipLibCheck false, no @types/ws)', () => {
    expect(compile.code).toBe(0);
  });

  it('signed both handshakes, which the stand-in verified', () => {
    expect(server.handshakes).toHaveLength(2);
    for (const handshake of server.handshakes) expect(handshake).toMatchObject({ verified: true, keyId: KEY_ID });
  });

  it('ends with exactly the stand-in book, through a lost delta and a dropped connection', () => {
    expect(output.book).toEqual(server.book(MARKET));
    expect(output.book.yes).toEqual([['0.4300', '7.00'], ['0.4200', '50.00'], ['0.0800', '300.01']]);
    expect(output.synced).toBe(true);
    expect(output.bestYesAsk).toEqual({ price: '0.4400', size: '150.00' });
    expect(output.bookUpdates.filter((u) => u.startsWith('gap'))).toEqual(['gap:sequence', 'gap:reconnect']);
    expect(output.bookUpdates.filter((u) => u === 'snapshot')).toHaveLength(2);
  });

  it('read both channels across the reconnect, each told of the gap', () => {
    expect(output.tickers).toEqual(['0.480', '0.490']);
    expect(output.fills).toEqual(['before-drop', 'final']);
    expect(output.gaps).toEqual(expect.arrayContaining(['ticker:reconnect', 'fill:reconnect']));
    expect(output.gaps).toHaveLength(2);
  });
});
