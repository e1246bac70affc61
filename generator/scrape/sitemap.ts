import { normaliseDate } from '../ingest/page-meta.ts';
import { pagesOf, siteBase, type ListedPage } from './site-index.ts';

/**
 * The site's `sitemap.xml` (sitemaps.org 0.9): every page with the date the site last modified it. Page URLs
 * there have no `.md` (`…/api-reference/orders/get-order`); the page's markdown is served at the URL plus `.md`.
 */

export interface SitemapPage extends ListedPage {
  /** `<lastmod>` as an ISO-8601 UTC date, when the entry has a readable one. */
  lastmod?: string;
}

export function sitemapUrl(site: string): string {
  return new URL('sitemap.xml', siteBase(site)).href;
}

/** The pages of the sitemap below one of `prefixes`, sorted by file, each with its `lastmod`. */
export function sitemapPages(xml: string, site: string, prefixes: readonly string[]): SitemapPage[] {
  const lastmods = new Map<string, string | undefined>();
  for (const block of xml.matchAll(/<url\b[^>]*>([\s\S]*?)<\/url>/g)) {
    const loc = tagText(block[1]!, 'loc');
    if (loc) lastmods.set(loc, tagText(block[1]!, 'lastmod'));
  }
  const withMd = (path: string) => (path.endsWith('.md') ? path : `${path.replace(/\/$/, '')}.md`);
  return pagesOf([...lastmods.keys()], site, prefixes, withMd).map((page) => {
    const raw = lastmods.get(page.url) ?? lastmods.get(page.url.replace(/\.md$/, ''));
    const lastmod = raw === undefined ? undefined : normaliseDate(raw);
    return { ...page, url: page.url.endsWith('.md') ? page.url : `${page.url}.md`, ...(lastmod ? { lastmod } : {}) };
  });
}

function tagText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? decodeEntities(match[1]!.trim()) : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
