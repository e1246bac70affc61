import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scrape, type ScrapeEvent, type ScrapeOptions } from '../../generator/scrape/index.ts';
import { startSite, type Fault, type SiteServer } from './site-server.ts';
import { emptySpecs, existingSpecs, SITE, SITE_PAGES, tree, writeText } from './tree.ts';

const FAST = { timeoutMs: 300, retries: 2, backoffMs: 20, maxDelayMs: 2_000 };
let site: SiteServer | undefined;

afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function run(specsDir: string, faults: Record<string, Fault> = {}, options: Partial<ScrapeOptions> = {}) {
  site = await startSite(SITE, faults);
  const events: ScrapeEvent[] = [];
  const result = await scrape({ site: site.url, specsDir, policy: FAST, onEvent: (e) => events.push(e), ...options });
  return { result, events, site };
}

describe('scrape against a local docs site', () => {
  it('mirrors the API pages the index lists, byte for byte, under their URL paths', async () => {
    const specs = emptySpecs();
    const { result, events } = await run(specs);
    expect(result).toMatchObject({ ok: true, added: SITE_PAGES, changed: [], unchanged: [], removed: [], failed: [] });
    const mirrored = tree(specs);
    expect([...mirrored.keys()]).toEqual(SITE_PAGES);
    for (const file of SITE_PAGES) expect(readFileSync(join(specs, file)).equals(readFileSync(join(SITE, file)))).toBe(true);
    expect(events[0]).toMatchObject({ type: 'index', pages: SITE_PAGES.length });
    expect(events.filter((e) => e.type === 'page').map((e) => (e as { done: number }).done).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('adds, changes, keeps and removes pages, leaving seeds/ and README.md alone; a second run changes nothing', async () => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result } = await run(specs);
    expect(result).toMatchObject({
      ok: true,
      added: ['api-reference/market/get-market.md', 'api-reference/orders/create-order.md', 'margin-rest/orders/get-orders.md'],
      changed: ['api-reference/orders/get-order.md', 'typescript-sdk/api/ApiKeysApi.md'],
      unchanged: ['api-reference/portfolio/get-balance.md'],
      removed: ['api-reference/live_data/get-live-data.md'],
    });
    const after = tree(specs);
    expect([...after.keys()].filter((f) => !f.startsWith('seeds/') && f !== 'README.md')).toEqual(SITE_PAGES);
    for (const [file, bytes] of before) if (file.startsWith('seeds/') || file === 'README.md') expect(after.get(file)).toBe(bytes);
    expect(existsSync(join(specs, 'api-reference/live_data'))).toBe(false);
    await site!.close();
    site = undefined;
    const again = await run(specs);
    expect(again.result).toMatchObject({ ok: true, added: [], changed: [], removed: [], unchanged: SITE_PAGES });
    expect(tree(specs)).toEqual(after);
  });

  it('retries 503 and 429 (honouring Retry-After), gives up on timeouts and 404s, and keeps the old copies of failed pages', async () => {
    const specs = existingSpecs();
    const oldOrder = readFileSync(join(specs, 'api-reference/orders/get-order.md'));
    const oldSdk = readFileSync(join(specs, 'typescript-sdk/api/ApiKeysApi.md'));
    const start = Date.now();
    const { result, events, site: server } = await run(specs, {
      '/api-reference/market/get-market.md': { kind: 'fail-first', times: 2, status: 503 },
      '/margin-rest/orders/get-orders.md': { kind: 'fail-first', times: 1, status: 429, headers: { 'retry-after': '1' } },
      '/api-reference/orders/get-order.md': { kind: 'hang' },
      '/typescript-sdk/api/ApiKeysApi.md': { kind: 'status', status: 404 },
    });
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(result.ok).toBe(false);
    expect(result.added).toEqual(['api-reference/market/get-market.md', 'api-reference/orders/create-order.md', 'margin-rest/orders/get-orders.md']);
    expect(result.failed).toEqual([
      { file: 'api-reference/orders/get-order.md', error: 'timed out after 300 ms (after 3 attempts)' },
      { file: 'typescript-sdk/api/ApiKeysApi.md', error: 'HTTP 404' },
    ]);
    expect(server.hits.get('/api-reference/market/get-market.md')).toBe(3);
    expect(server.hits.get('/api-reference/orders/get-order.md')).toBe(3);
    expect(server.hits.get('/typescript-sdk/api/ApiKeysApi.md')).toBe(1);
    const [first, second] = server.times.get('/margin-rest/orders/get-orders.md')!;
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(events).toContainEqual({ type: 'retry', file: 'margin-rest/orders/get-orders.md', attempt: 1, reason: 'HTTP 429', delayMs: 1000 });
    expect(readFileSync(join(specs, 'api-reference/orders/get-order.md')).equals(oldOrder)).toBe(true);
    expect(readFileSync(join(specs, 'typescript-sdk/api/ApiKeysApi.md')).equals(oldSdk)).toBe(true);
    expect(result.removed).toEqual(['api-reference/live_data/get-live-data.md']);
    expect([...tree(specs).keys()].some((f) => f.includes('.tmp'))).toBe(false);
  });

  it.each<[string, Record<string, Fault>, RegExp, number]>([
    ['an index that keeps failing with 500', { '/llms.txt': { kind: 'status', status: 500 } }, /llms\.txt: HTTP 500 \(after 3 attempts\)/, 3],
    ['an index that is not found', { '/llms.txt': { kind: 'status', status: 404 } }, /llms\.txt: HTTP 404$/, 1],
    ['an index that never answers', { '/llms.txt': { kind: 'hang' } }, /timed out after 300 ms/, 3],
  ])('leaves specs/ untouched for %s', async (_name, faults, message, attempts) => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result, site: server } = await run(specs, faults);
    expect(result.ok).toBe(false);
    expect(result.indexError).toMatch(message);
    expect(server.hits.get('/llms.txt')).toBe(attempts);
    expect([...server.hits.keys()]).toEqual(['/llms.txt']);
    expect(tree(specs)).toEqual(before);
  });

  it('leaves specs/ untouched when the index lists no API page (rather than removing every page)', async () => {
    const specs = existingSpecs();
    const before = tree(specs);
    const { result } = await run(specs, {}, { prefixes: ['no-such-folder/'] });
    expect(result.indexError).toMatch(/lists no page below no-such-folder\//);
    expect(tree(specs)).toEqual(before);
  });

  it('leaves no temporary file behind and removes only below the mirrored folders', async () => {
    const specs = existingSpecs();
    writeText(specs, 'api-reference/orders/.get-order.md.scrape-1.tmp', 'left by a killed run');
    writeText(specs, 'notes/keep.md', 'not mirrored');
    const { result } = await run(specs);
    expect(result.removed).toEqual(['api-reference/live_data/get-live-data.md', 'api-reference/orders/.get-order.md.scrape-1.tmp']);
    expect(existsSync(join(specs, 'notes/keep.md'))).toBe(true);
  });
});
