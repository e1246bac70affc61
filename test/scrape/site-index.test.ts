import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../generator/scrape/download.ts';
import { mapBounded } from '../../generator/scrape/pool.ts';
import { fileFor, indexUrl, listedPages, siteBase } from '../../generator/scrape/site-index.ts';
import { sitemapPages } from '../../generator/scrape/sitemap.ts';

describe('the site index', () => {
  it.each([
    ['https://docs.kalshi.com', 'https://docs.kalshi.com/llms.txt'],
    ['https://docs.kalshi.com/', 'https://docs.kalshi.com/llms.txt'],
    ['http://127.0.0.1:8080/mirror', 'http://127.0.0.1:8080/mirror/llms.txt'],
  ])('%s has its index at %s', (site, index) => expect(indexUrl(site)).toBe(index));

  it('lists the .md pages below the API folders, deduplicated and sorted, as files under their URL paths', () => {
    const index = [
      '- [Get Orders](https://docs.kalshi.com/api-reference/portfolio/get-orders.md): Get orders.',
      '- [Create Order](https://docs.kalshi.com/api-reference/orders/create-order.md?x=1#top)',
      '- [Again](https://docs.kalshi.com/api-reference/orders/create-order.md)',
      '- [Relative](/margin-rest/orders/get-orders.md)',
      '- [Sdk](<https://docs.kalshi.com/typescript-sdk/api/ApiKeysApi.md> "title")',
      'Bare link: https://docs.kalshi.com/api-reference/market/get-market.md.',
      '- [Guide](https://docs.kalshi.com/getting_started/quick_start.md)',
      '- [Spec](https://docs.kalshi.com/api-reference/openapi.yaml)',
      '- [Other site](https://example.com/api-reference/x.md)',
      '- [Page, not markdown](https://docs.kalshi.com/api-reference/orders/create-order)',
    ].join('\n');
    expect(listedPages(index, 'https://docs.kalshi.com')).toEqual([
      { file: 'api-reference/market/get-market.md', url: 'https://docs.kalshi.com/api-reference/market/get-market.md' },
      { file: 'api-reference/orders/create-order.md', url: 'https://docs.kalshi.com/api-reference/orders/create-order.md' },
      { file: 'api-reference/portfolio/get-orders.md', url: 'https://docs.kalshi.com/api-reference/portfolio/get-orders.md' },
      { file: 'margin-rest/orders/get-orders.md', url: 'https://docs.kalshi.com/margin-rest/orders/get-orders.md' },
      { file: 'typescript-sdk/api/ApiKeysApi.md', url: 'https://docs.kalshi.com/typescript-sdk/api/ApiKeysApi.md' },
    ]);
  });

  it.each([
    ['https://docs.kalshi.com/api-reference/orders/get-order.md', 'api-reference/orders/get-order.md'],
    ['https://docs.kalshi.com/api-reference/orders/get%20order.md', 'api-reference/orders/get order.md'],
    ['https://docs.kalshi.com/api-reference/a%2F..%2F..%2Fescape.md', undefined],
    ['https://docs.kalshi.com/api-reference/a%5C..%5Cescape.md', undefined],
    ['https://docs.kalshi.com/api-reference//double.md', undefined],
    ['https://docs.kalshi.com/api-reference/%00.md', undefined],
    ['https://docs.kalshi.com/api-reference/bad%E0%A4%A.md', undefined],
    ['https://docs.kalshi.com/api-reference/', undefined],
    ['https://other.example/api-reference/x.md', undefined],
    ['http://docs.kalshi.com/api-reference/x.md', undefined],
  ])('%s is stored as %s', (url, file) => expect(fileFor(new URL(url), siteBase('https://docs.kalshi.com'))).toBe(file));
});

describe('the sitemap', () => {
  it('gives each page below the API folders its .md file and its lastmod; links may name the canonical site', () => {
    const xml = [
      '<urlset>',
      '<url><loc>https://docs.kalshi.com/api-reference/orders/get-order</loc><lastmod>2026-08-21T22:07:01.187Z</lastmod></url>',
      '<url>\n  <loc> http://127.0.0.1:9/api-reference/a&amp;b </loc>\n  <lastmod>2026-08-21</lastmod>\n</url>',
      '<url><loc><![CDATA[https://docs.kalshi.com/margin-rest/orders/get-orders]]></loc></url>',
      '<url><loc>https://docs.kalshi.com/getting_started/intro</loc></url>',
      '<url><loc>https://example.com/api-reference/evil</loc></url>',
      '<url><lastmod>2026-01-01</lastmod></url>',
      '</urlset>',
    ].join('\n');
    expect(sitemapPages(xml, 'http://127.0.0.1:9', ['api-reference/', 'margin-rest/'])).toEqual([
      { file: 'api-reference/a&b.md', url: 'http://127.0.0.1:9/api-reference/a&b.md', lastmod: '2026-08-21T00:00:00.000Z' },
      { file: 'api-reference/orders/get-order.md', url: 'https://docs.kalshi.com/api-reference/orders/get-order.md', lastmod: '2026-08-21T22:07:01.187Z' },
      { file: 'margin-rest/orders/get-orders.md', url: 'https://docs.kalshi.com/margin-rest/orders/get-orders.md' },
    ]);
  });
});

describe('downloads', () => {
  it.each<[string | null, number | undefined]>([
    ['3', 3000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 5000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('Retry-After %j waits %j ms', (value, ms) => expect(parseRetryAfter(value, Date.parse('Wed, 21 Oct 2015 07:28:05 GMT'))).toBe(ms));

  it('runs at most `limit` tasks at once and keeps the results in order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });
});
