import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scrape, type ScrapeEvent, type ScrapeOptions } from '../../generator/scrape/index.ts';
import { readManifest } from '../../generator/specs-folder/manifest.ts';
import { startSite, type Fault, type SiteServer } from './site-server.ts';
import { emptySpecs, existingSpecs, MANIFEST, SITE, SITE_PAGES, tree, writeText } from './tree.ts';

const FAST = { timeoutMs: 300, retries: 2, backoffMs: 20, maxDelayMs: 2_000 };
const NOW = () => new Date('2026-08-22T05:00:00.000Z');
let site: SiteServer | undefined;

afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function run(specsDir: string, faults: Record<string, Fault> = {}, options: Partial<ScrapeOptions> = {}) {
  await site?.close();
  site = await startSite(SITE, faults);
  const events: ScrapeEvent[] = [];
  const result = await scrape({ site: site.url, specsDir, policy: FAST, now: NOW, onEvent: (e) => events.push(e), ...options });
  return { result, events, site };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(join(SITE, file))).digest('hex');
const pagesOnly = (specs: string) => [...tree(specs).keys()].filter((f) => !f.startsWith('seeds/') && !f.startsWith('dropped/') && f !== 'README.md' && f !== MANIFEST);

describe('scrape against a local docs site', () => {
  it('mirrors what the index and the sitemap list, byte for byte, with a manifest of URL, sitemap date and sha256', async () => {
    const specs = emptySpecs();
    const { result, events } = await run(specs);
    expect(result).toMatchObject({ ok: true, written: true, partial: false, added: SITE_PAGES, changed: [], dropped: [], failed: [] });
    expect([...tree(specs).keys()]).toEqual([...SITE_PAGES.slice(0, 5), MANIFEST, ...SITE_PAGES.slice(5)].sort());
    for (const file of SITE_PAGES) expect(readFileSync(join(specs, file)).equals(readFileSync(join(SITE, file)))).toBe(true);
    const manifest = readManifest(specs)!;
    expect(manifest).toMatchObject({ site: 'https://docs.kalshi.com', fetchedFrom: site!.url, scrapedAt: '2026-08-22T05:00:00.000Z', dropped: [], failed: [] });
    expect(manifest.pages.map((p) => p.file)).toEqual(SITE_PAGES);
    expect(manifest.pages[0]).toEqual({
      file: 'api-reference/exchange/get-exchange-status.md',
      url: 'https://docs.kalshi.com/api-reference/exchange/get-exchange-status.md',
      lastmod: '2026-08-21T22:07:01.300Z',
      sha256: sha('api-reference/exchange/get-exchange-status.md'),
    });
    // No sitemap date for the SDK page, an unreadable one for the WebSocket page, none for the root AsyncAPI file.
    for (const file of ['typescript-sdk/api/ApiKeysApi.md', 'websockets/websocket-connection.md', 'asyncapi.yaml']) {
      expect(manifest.pages.find((p) => p.file === file)).toEqual({ file, url: `https://docs.kalshi.com/${file}`, sha256: sha(file) });
    }
    expect(events[0]).toMatchObject({ type: 'index', pages: SITE_PAGES.length });
    expect(events.filter((e) => e.type === 'page').length).toBe(SITE_PAGES.length);
  });

  it('moves pages the site no longer lists to dropped/ with the last date they were listed, leaving seeds/ and README.md alone', async () => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result } = await run(specs);
    expect(result).toMatchObject({
      ok: true,
      added: SITE_PAGES.filter((f) => !['api-reference/orders/get-order.md', 'api-reference/portfolio/get-balance.md', 'typescript-sdk/api/ApiKeysApi.md'].includes(f)),
      changed: ['api-reference/orders/get-order.md', 'typescript-sdk/api/ApiKeysApi.md'],
      unchanged: ['api-reference/portfolio/get-balance.md'],
      dropped: ['api-reference/live_data/get-live-data.md'],
    });
    const after = tree(specs);
    expect(pagesOnly(specs)).toEqual(SITE_PAGES);
    for (const [file, bytes] of before) if (file.startsWith('seeds/') || file === 'README.md') expect(after.get(file)).toBe(bytes);
    expect(after.get('dropped/api-reference/live_data/get-live-data.md')).toBe(before.get('api-reference/live_data/get-live-data.md'));
    expect(existsSync(join(specs, 'api-reference/live_data'))).toBe(false);
    expect(readManifest(specs)!.dropped).toEqual([
      {
        file: 'dropped/api-reference/live_data/get-live-data.md',
        url: 'https://docs.kalshi.com/api-reference/live_data/get-live-data.md',
        lastListed: '2026-06-18T00:28:16.066Z',
      },
    ]);
    const again = await run(specs, {}, { now: () => new Date('2026-08-23T05:00:00.000Z') });
    expect(again.result).toMatchObject({ ok: true, written: false, added: [], changed: [], dropped: [], unchanged: SITE_PAGES });
    expect(tree(specs)).toEqual(after);
  });

  it('dates a page dropped since the last scrape by its last sitemap date, and brings a page listed again back from dropped/', async () => {
    const specs = emptySpecs();
    await run(specs);
    writeText(specs, 'dropped/api-reference/orders/get-order.md', 'an old copy kept under dropped/\n');
    const without = (file: string) => readFileSync(join(SITE, file), 'utf8').split('\n').filter((l) => !l.includes('margin-rest/')).join('\n');
    const hidden = await run(specs, { '/llms.txt': { kind: 'body', body: without('llms.txt') }, '/sitemap.xml': { kind: 'body', body: without('sitemap.xml') } });
    expect(hidden.result.dropped).toEqual(['margin-rest/orders/get-orders.md']);
    expect(hidden.result.relisted).toEqual(['api-reference/orders/get-order.md']);
    expect(existsSync(join(specs, 'dropped/api-reference/orders/get-order.md'))).toBe(false);
    expect(readManifest(specs)!.dropped).toEqual([
      { file: 'dropped/margin-rest/orders/get-orders.md', url: 'https://docs.kalshi.com/margin-rest/orders/get-orders.md', lastListed: '2026-08-21T22:07:01.306Z' },
    ]);
  });

  it('retries 503 and 429 (honouring Retry-After) and succeeds', async () => {
    const specs = existingSpecs();
    const { result, events, site: server } = await run(specs, {
      '/api-reference/market/get-market.md': { kind: 'fail-first', times: 2, status: 503 },
      '/margin-rest/orders/get-orders.md': { kind: 'fail-first', times: 1, status: 429, headers: { 'retry-after': '1' } },
    });
    expect(result.ok).toBe(true);
    expect(server.hits.get('/api-reference/market/get-market.md')).toBe(3);
    const [first, second] = server.times.get('/margin-rest/orders/get-orders.md')!;
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(events).toContainEqual({ type: 'retry', file: 'margin-rest/orders/get-orders.md', attempt: 1, reason: 'HTTP 429', delayMs: 1000 });
  });

  it('changes nothing when any page fails (a timeout, a 404), and lists the failures', async () => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result, site: server } = await run(specs, {
      '/api-reference/orders/get-order.md': { kind: 'hang' },
      '/typescript-sdk/api/ApiKeysApi.md': { kind: 'status', status: 404 },
    });
    expect(result).toMatchObject({ ok: false, written: false, partial: false, added: [], dropped: [] });
    expect(result.failed).toEqual([
      { file: 'api-reference/orders/get-order.md', error: 'timed out after 300 ms (after 3 attempts)' },
      { file: 'typescript-sdk/api/ApiKeysApi.md', error: 'HTTP 404' },
    ]);
    expect(server.hits.get('/api-reference/orders/get-order.md')).toBe(3);
    expect(server.hits.get('/typescript-sdk/api/ApiKeysApi.md')).toBe(1);
    expect(tree(specs)).toEqual(before);
  });

  it('with allowPartial, updates the rest, keeps the old copies of failed pages and records the failures', async () => {
    const specs = existingSpecs();
    const oldSdk = readFileSync(join(specs, 'typescript-sdk/api/ApiKeysApi.md'));
    const { result } = await run(specs, { '/typescript-sdk/api/ApiKeysApi.md': { kind: 'status', status: 404 } }, { allowPartial: true });
    expect(result).toMatchObject({ ok: false, written: true, partial: true, failed: [{ file: 'typescript-sdk/api/ApiKeysApi.md', error: 'HTTP 404' }] });
    expect(readFileSync(join(specs, 'typescript-sdk/api/ApiKeysApi.md')).equals(oldSdk)).toBe(true);
    expect(readFileSync(join(specs, 'api-reference/orders/get-order.md')).equals(readFileSync(join(SITE, 'api-reference/orders/get-order.md')))).toBe(true);
    const manifest = readManifest(specs)!;
    expect(manifest.failed).toEqual([{ file: 'typescript-sdk/api/ApiKeysApi.md', url: 'https://docs.kalshi.com/typescript-sdk/api/ApiKeysApi.md', error: 'HTTP 404' }]);
    expect(manifest.pages.find((p) => p.file === 'typescript-sdk/api/ApiKeysApi.md')?.sha256).toBe(createHash('sha256').update(oldSdk).digest('hex'));
  });

  it.each<[string, Record<string, Fault>, RegExp, string, number]>([
    ['an index that keeps failing with 500', { '/llms.txt': { kind: 'status', status: 500 } }, /llms\.txt: HTTP 500 \(after 3 attempts\)/, '/llms.txt', 3],
    ['an index that is not found', { '/llms.txt': { kind: 'status', status: 404 } }, /llms\.txt: HTTP 404$/, '/llms.txt', 1],
    ['an index that never answers', { '/llms.txt': { kind: 'hang' } }, /timed out after 300 ms/, '/llms.txt', 3],
    ['a sitemap that is not found', { '/sitemap.xml': { kind: 'status', status: 404 } }, /sitemap\.xml: HTTP 404$/, '/sitemap.xml', 1],
  ])('leaves specs/ untouched for %s', async (_name, faults, message, path, attempts) => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result, site: server } = await run(specs, faults);
    expect(result.ok).toBe(false);
    expect(result.indexError).toMatch(message);
    expect(server.hits.get(path)).toBe(attempts);
    expect([...server.hits.keys()].every((p) => p === '/llms.txt' || p === '/sitemap.xml')).toBe(true);
    expect(tree(specs)).toEqual(before);
  });

  it('leaves specs/ untouched when the index lists no API page (rather than dropping every page)', async () => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result } = await run(specs, {}, { prefixes: ['no-such-folder/'] });
    expect(result.indexError).toMatch(/lists no page below no-such-folder\//);
    expect(tree(specs)).toEqual(before);
  });

  it('keeps no hidden leftover in the mirrored folders and everything outside them', async () => {
    const specs = existingSpecs();
    writeText(specs, 'api-reference/orders/.get-order.md.scrape-1.tmp', 'left by a killed run');
    writeText(specs, 'notes/keep.md', 'not mirrored');
    const { result } = await run(specs);
    expect(result.dropped).toEqual(['api-reference/live_data/get-live-data.md']);
    expect(existsSync(join(specs, 'notes/keep.md'))).toBe(true);
    expect([...tree(specs).keys()].some((f) => f.includes('.tmp'))).toBe(false);
  });
});
