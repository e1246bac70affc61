import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specsDocuments, type SpecsDocuments } from '../../generator/changelog/specs-documents.ts';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { emitChannelMap } from '../../generator/emit/channel-map.ts';
import { channelMapPath, RUNTIME_DIR, runtimeSources, tsconfigJson } from '../../generator/emit/package-files.ts';
import { typecheckInWorker } from '../../generator/emit/typecheck-thread.ts';
import { ingest } from '../../generator/ingest/index.ts';
import { mergeAsyncApi } from '../../generator/merge/asyncapi/index.ts';
import { normaliseAsyncApi } from '../../generator/normalise/asyncapi/index.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { scrape } from '../../generator/scrape/index.ts';
import { validateAsyncApi } from '../../generator/validate/asyncapi.ts';
import { startSite, type SiteServer } from '../scrape/site-server.ts';
import { ROOT } from '../support/cli.ts';

/**
 * The AsyncAPI lane over every day of the docs site in test/fixtures/live-site: each day gives a valid AsyncAPI
 * document per API, channel maps that compile with the real-time runtime and a consumer of both streams, and, after
 * a real `make scrape` of a served copy, the site's asyncapi.yaml (dated by the scrape) outranks its rendered pages.
 */

const DAYS = ['2026-06-30', '2026-07-01', '2026-07-05', '2026-07-07'];
const SITE = join(ROOT, 'test', 'fixtures', 'live-site');
const TITLES = { trade: 'Kalshi Trade API', perps: 'Kalshi Perps API' } as const;

const TRADE_CHANNELS = [
  'cfbenchmarks_value', 'communications', 'control_frames', 'fill', 'market_lifecycle_v2', 'market_positions', 'multivariate',
  'multivariate_market_lifecycle', 'order_group_updates', 'orderbook_delta', 'root', 'ticker', 'trade', 'user_orders',
];
const PERPS_CHANNELS = ['control_frames', 'fill', 'order_group_updates', 'orderbook_delta', 'root', 'ticker', 'trade', 'user_orders'];

/** A consumer of both entries: each channel's messages, narrowed on `type`. */
const CONSUMER = `
import { createKalshiStream } from './runtime/ws/trade.js';
import { createKalshiStream as createPerpsStream } from './runtime/ws/perps.js';

export async function consume(): Promise<string[]> {
  const seen: string[] = [];
  const trade = createKalshiStream({ url: 'ws://127.0.0.1:1' });
  for await (const m of await trade.subscribe('market_lifecycle_v2')) {
    if (m.type === 'market_lifecycle_v2') seen.push(m.msg.event_type, m.msg.price_level_structure ?? '');
    else if (m.type === 'event_lifecycle') seen.push(m.msg.event_ticker);
  }
  for await (const m of await trade.subscribe('multivariate_market_lifecycle')) if (m.type === 'multivariate_market_lifecycle') seen.push(m.msg.market_ticker);
  for await (const m of await trade.subscribe('fill', { market_tickers: ['A'] })) {
    if (m.type === 'fill') seen.push(m.msg.outcome_side, m.msg.count_fp);
    // @ts-expect-error the fill channel delivers fills, never tickers
    if (m.type === 'ticker') seen.push('impossible');
  }
  const perps = createPerpsStream({ url: 'ws://127.0.0.1:1' });
  for await (const m of await perps.subscribe('ticker', { market_tickers: ['B'], send_initial_snapshot: true })) {
    if (m.type !== 'ticker') continue;
    seen.push(m.msg.price);
    // @ts-expect-error the perps ticker has no yes/no prices
    seen.push(m.msg.yes_bid_dollars);
  }
  return seen;
}
`;

/** The day's asyncapi.yaml and WebSocket pages alone (the REST pages beside them change nothing: changelog/live-site-asyncapi.test.ts). */
function webSocketPages(day: string): string {
  const dir = mkdtempSync(join(tmpdir(), `live-ws-${day}-`));
  for (const entry of ['asyncapi.yaml', 'websockets', 'margin-ws']) cpSync(join(SITE, day, entry), join(dir, entry), { recursive: true });
  return dir;
}

describe.each(DAYS)('the WebSocket pages of %s', (day) => {
  let result: SpecsDocuments;
  let diagnostics: Diagnostics;
  beforeAll(() => {
    result = specsDocuments(webSocketPages(day), 'specs/');
    diagnostics = new Diagnostics();
    const streams = [...result.streams].map(([api, document]) => ({ api, document, sources: { channels: new Map(), messages: new Map(), schemas: new Map() } }));
    validateAsyncApi(streams, diagnostics);
  }, 60_000);

  it('give one valid AsyncAPI 3.0 document per API, with every channel of the document and the pages', () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.sorted().filter((d) => d.severity === 'error')).toEqual([]);
    // The one thing the check finds in Kalshi's document: the multivariate message overrides `type` through allOf.
    expect(diagnostics.sorted().map((d) => d.pointer)).toEqual(['/components/schemas/multivariateMarketLifecyclePayload']);
    const trade = result.streams.get('trade')!;
    const perps = result.streams.get('perps')!;
    expect(Object.keys(trade.channels as JsonObject)).toEqual(TRADE_CHANNELS);
    expect(Object.keys(perps.channels as JsonObject)).toEqual(PERPS_CHANNELS);
    expect(trade.info).toMatchObject({ title: 'Kalshi Market Data WebSocket API', version: '2.0.0' });
    expect(JSON.stringify([trade, perps])).not.toMatch(/x-parser-|<anonymous-schema/);
  });

  it('give channel maps that compile with the real-time runtime, each channel typed by its own messages', async () => {
    const files = new Map([...runtimeSources(new Set(['trade', 'perps'])), ['src/check.ts', CONSUMER], ['tsconfig.json', tsconfigJson()]]);
    const emitted = new Diagnostics();
    for (const [api, document] of result.streams) {
      const stream = { api, document, sources: { channels: new Map(), messages: new Map(), schemas: new Map() } };
      files.set(channelMapPath(api), await emitChannelMap(stream, TITLES[api as keyof typeof TITLES], RUNTIME_DIR, emitted));
    }
    expect(emitted.sorted().filter((d) => d.severity !== 'info')).toEqual([]);
    expect(await typecheckInWorker(files)).toEqual([]);
  }, 120_000);
});

describe('make scrape of the site as served on 2026-07-07, then the AsyncAPI lane', () => {
  let site: SiteServer;
  let specs: string;
  beforeAll(async () => {
    site = await startSite(join(SITE, '2026-07-07'));
    specs = join(mkdtempSync(join(tmpdir(), 'live-ws-')), 'specs');
    const scraped = await scrape({ site: site.url, specsDir: specs, policy: { timeoutMs: 10_000, retries: 1 } });
    expect(scraped.ok, JSON.stringify(scraped.failed)).toBe(true);
  }, 60_000);
  afterAll(() => site.close());

  it('dates asyncapi.yaml by the scrape: it defines every channel it has, the pages rendered from it are superseded without a conflict', () => {
    const diagnostics = new Diagnostics();
    const pages = ingest(specs, diagnostics);
    const document = pages.find((p) => p.file === 'asyncapi.yaml')!;
    expect(document.kind).toBe('asyncapi-document');
    expect(document.listing).toEqual({ listed: true });
    expect(document.meta.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    const [, trade] = mergeAsyncApi(normaliseAsyncApi(pages, diagnostics), diagnostics);
    const found = diagnostics.sorted();
    expect(found.filter((d) => d.severity === 'error' || d.code.startsWith('channel-conflict') || d.code === 'component-conflict')).toEqual([]);
    const superseded = found.filter((d) => d.code === 'channel-superseded' && d.message.includes('by the document asyncapi.yaml'));
    expect(superseded.length).toBeGreaterThanOrEqual(13);
    expect([...trade!.sources.channels.values()].every((s) => s.file === 'asyncapi.yaml')).toBe(true);
  });
});
