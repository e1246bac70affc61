import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { classifyPage } from './classify.ts';
import { findYamlFences } from './fences.ts';
import type { Page, YamlBlock } from './page.ts';
import { readPageMeta } from './page-meta.ts';
import { readListings } from './listing.ts';
import { readPages } from './read-pages.ts';
import { parseYaml, YamlError } from './yaml.ts';

/**
 * Stage 1, ingest: reads every page of the specs folder, splits off its metadata, finds its YAML
 * fences and parses them, and marks each page live or not from the scrape manifest (a listed page that
 * carries no date of its own takes the sitemap's). Pages that cannot be used are reported; the rest go on
 * to normalisation.
 */
export function ingest(specsDir: string, diagnostics: Diagnostics): Page[] {
  const raws = readPages(specsDir, diagnostics);
  const listings = readListings(specsDir, raws, diagnostics);
  const pages: Page[] = [];
  for (const raw of raws) {
    const page = ingestPage(raw.file, raw.text, diagnostics);
    if (!page) continue;
    const listing = listings.listing(raw.file);
    const lastmod = listings.lastmod(raw.file);
    pages.push({ ...page, ...(listing ? { listing } : {}), meta: { ...page.meta, ...(page.meta.date || !lastmod ? {} : { date: lastmod }) } });
  }
  return pages;
}

/** Ingests one page's text; returns undefined (after reporting why) when the page cannot be used. */
export function ingestPage(file: string, text: string, diagnostics: Diagnostics): Page | undefined {
  const { meta } = readPageMeta(text);
  const { fences, unterminated } = findYamlFences(text);
  for (const open of unterminated) {
    diagnostics.error(
      'fence-unterminated',
      `the YAML fence opened here (${open.info || 'no info string'}) is never closed; close it with a line of backticks or re-scrape the page`,
      { file, line: open.line },
    );
  }
  if (unterminated.length > 0) return undefined;
  const blocks: YamlBlock[] = [];
  for (const fence of fences) {
    try {
      blocks.push({ fence, yaml: parseYaml(fence.body, fence.line + 1) });
    } catch (error) {
      if (!(error instanceof YamlError)) throw error;
      diagnostics.error(error.code, `${error.message}; fix the YAML or re-scrape the page`, { file, line: error.line });
      return undefined;
    }
  }
  const kind = classifyPage(file, text, blocks);
  if (kind === 'no-openapi') {
    diagnostics.warn('page-without-openapi', 'page has no OpenAPI block, cURL example or SDK table; skipped', { file });
    return undefined;
  }
  return { file, text, meta, kind, blocks };
}
