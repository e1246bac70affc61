import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { classifyPage } from './classify.ts';
import { findYamlFences, wholeFileFence } from './fences.ts';
import type { Page, YamlBlock } from './page.ts';
import { readPageMeta } from './page-meta.ts';
import { readListings } from './listing.ts';
import { readPages } from './read-pages.ts';
import { parseYaml, YamlError, type ParsedYaml } from './yaml.ts';
import { RESERVED_KEY } from './yaml-tree.ts';
import { isAsyncApiDocumentFile } from '../specs-folder/pages.ts';

/**
 * Stage 1, ingest: reads every page of the specs folder, splits off its metadata, finds its YAML
 * fences and parses them, and marks each page live or not from the scrape manifest (a listed page that
 * carries no date of its own takes the sitemap's; a whole AsyncAPI document, which the sitemap does not date, the
 * scrape's: it is the document as the site served it then). A YAML document file (`asyncapi.yaml`) is one block.
 * Pages that cannot be used are reported; the rest go on to normalisation.
 */
export function ingest(specsDir: string, diagnostics: Diagnostics): Page[] {
  const raws = readPages(specsDir, diagnostics);
  const listings = readListings(specsDir, raws, diagnostics);
  const pages: Page[] = [];
  for (const raw of raws) {
    const page = ingestPage(raw.file, raw.text, diagnostics);
    if (!page) continue;
    const listing = listings.listing(raw.file);
    const lastmod = listings.lastmod(raw.file) ?? (page.kind === 'asyncapi-document' ? listings.servedAt(raw.file) : undefined);
    pages.push({ ...page, ...(listing ? { listing } : {}), meta: { ...page.meta, ...(page.meta.date || !lastmod ? {} : { date: lastmod }) } });
  }
  return pages;
}

/** Ingests one page's text; returns undefined (after reporting why) when the page cannot be used. */
export function ingestPage(file: string, text: string, diagnostics: Diagnostics): Page | undefined {
  const whole = isAsyncApiDocumentFile(file);
  const { meta } = whole ? { meta: {} } : readPageMeta(text);
  const { fences, unterminated } = whole ? { fences: [wholeFileFence(file, text)], unterminated: [] } : findYamlFences(text);
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
    let yaml: ParsedYaml;
    try {
      yaml = parseYaml(fence.body, fence.line + 1);
    } catch (error) {
      if (!(error instanceof YamlError)) throw error;
      diagnostics.error(error.code, `${error.message}; fix the YAML or re-scrape the page`, { file, line: error.line });
      return undefined;
    }
    if (!reportFindings(file, yaml, diagnostics)) return undefined;
    blocks.push({ fence, yaml });
  }
  const kind = classifyPage(file, text, blocks);
  if (kind === 'no-openapi') {
    diagnostics.warn('page-without-openapi', 'page has no OpenAPI block, cURL example or SDK table; skipped', { file });
    return undefined;
  }
  return { file, text, meta, kind, blocks };
}

/** Reports what the YAML tree holds that later stages cannot carry; false when the page must not be used. */
function reportFindings(file: string, yaml: ParsedYaml, diagnostics: Diagnostics): boolean {
  const { reservedKeys, controlCharacters } = yaml.findings;
  for (const path of reservedKeys) {
    diagnostics.error(
      'name-reserved',
      `"${RESERVED_KEY}" is used as a name at ${path.slice(0, -1).join('.') || 'the top level'}: JavaScript objects cannot hold it as a key, so the generator refuses it; rename it on the page`,
      { file, line: yaml.lineOf(path) },
    );
  }
  if (controlCharacters.count > 0) {
    diagnostics.warn(
      'yaml-control-character',
      `${controlCharacters.count} YAML string(s) hold control characters (escapes such as "\\0"); each was replaced with U+FFFD`,
      { file, line: yaml.lineOf(controlCharacters.first ?? []) },
    );
  }
  return reservedKeys.length === 0;
}
