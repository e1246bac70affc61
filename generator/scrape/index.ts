import { DownloadError, download, type DownloadPolicy } from './download.ts';
import { mapBounded } from './pool.ts';
import { API_PREFIXES, CANONICAL_SITE, fetchUrl, indexUrl, listedPages, ROOT_FILES } from './site-index.ts';
import { sitemapPages, sitemapUrl, type SitemapPage } from './sitemap.ts';
import { planUpdate, type SpecsUpdate } from './specs-update.ts';
import { readManifest, type FailedPage } from '../specs-folder/manifest.ts';
import { writeOutputDir } from '../write/atomic-dir.ts';
import { recoverLeftovers } from '../write/leftovers.ts';

export const DEFAULT_SITE = CANONICAL_SITE;

export interface ScrapeOptions {
  /** The docs site, e.g. `https://docs.kalshi.com`; its index is `<site>/llms.txt`, its sitemap `<site>/sitemap.xml`. */
  site: string;
  specsDir: string;
  /** Folders of the site mirrored into the specs folder (default: see `API_PREFIXES`). */
  prefixes?: readonly string[];
  /** Files at the site root mirrored too (default `asyncapi.yaml`). */
  rootFiles?: readonly string[];
  /** Pages downloaded at once (default 8). */
  concurrency?: number;
  policy?: Partial<DownloadPolicy>;
  /** Update the specs folder even when some pages failed (their old copies are kept and the manifest says so). */
  allowPartial?: boolean;
  /** The clock for the manifest's `scrapedAt` (tests pin it). */
  now?: () => Date;
  onEvent?: (event: ScrapeEvent) => void;
}

export type ScrapeEvent =
  | { type: 'index'; url: string; pages: number }
  | { type: 'retry'; file: string; attempt: number; reason: string; delayMs: number }
  | { type: 'page'; file: string; outcome: 'downloaded' | 'failed'; error?: string; done: number; total: number };

export interface ScrapeResult {
  /** True when the index, the sitemap and every page were downloaded and the specs folder is up to date. */
  ok: boolean;
  /** Whether the specs folder was changed. */
  written: boolean;
  /** Set when the index or sitemap could not be used: then the specs folder was not touched at all. */
  indexError?: string;
  /** The folder was updated although pages failed (`allowPartial`). */
  partial: boolean;
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Pages the site no longer lists, moved to `dropped/`. */
  dropped: string[];
  /** Pages the site lists again (their `dropped/` copy removed). */
  relisted: string[];
  failed: { file: string; error: string }[];
}

export const DEFAULT_POLICY: DownloadPolicy = { timeoutMs: 30_000, retries: 3, backoffMs: 500, maxDelayMs: 30_000, maxBytes: 16 * 1024 * 1024 };

/**
 * `make scrape`: mirrors the API pages the site lists (its `llms.txt` index and its `sitemap.xml`) and its
 * AsyncAPI document into the specs folder, byte for byte, with a manifest of where each page came from, the
 * sitemap's date and its sha256. Everything is downloaded first; then the whole folder is replaced in one atomic
 * swap. By default a scrape with any failure changes nothing; `allowPartial` updates anyway, keeping the old
 * copies of failed pages and recording the failures in the manifest.
 */
export async function scrape(options: ScrapeOptions): Promise<ScrapeResult> {
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const emit = options.onEvent ?? (() => {});
  const result: ScrapeResult = { ok: false, written: false, partial: false, added: [], changed: [], unchanged: [], dropped: [], relisted: [], failed: [] };
  const fetchText = (url: string, file: string) =>
    download(url, policy, (attempt, reason, delayMs) => emit({ type: 'retry', file, attempt, reason, delayMs })).then((b) => b.toString('utf8'));
  let index: string;
  let sitemap: string;
  try {
    index = await fetchText(indexUrl(options.site), 'llms.txt').catch(rethrowAs(indexUrl(options.site)));
    sitemap = await fetchText(sitemapUrl(options.site), 'sitemap.xml').catch(rethrowAs(sitemapUrl(options.site)));
  } catch (error) {
    return { ...result, indexError: (error as Error).message };
  }
  const prefixes = options.prefixes ?? API_PREFIXES;
  const listed = listedSite(index, sitemap, options.site, prefixes, options.rootFiles ?? ROOT_FILES);
  emit({ type: 'index', url: indexUrl(options.site), pages: listed.pages.length });
  if (!listed.pages.some((p) => prefixes.some((prefix) => p.file.startsWith(prefix)))) {
    return { ...result, indexError: `${indexUrl(options.site)} lists no page below ${prefixes.join(', ')}` };
  }

  const bodies = new Map<string, Buffer>();
  const failed: FailedPage[] = [];
  let done = 0;
  await mapBounded(listed.pages, options.concurrency ?? 8, async ({ file, url }) => {
    const onRetry = (attempt: number, reason: string, delayMs: number) => emit({ type: 'retry', file, attempt, reason, delayMs });
    try {
      bodies.set(file, await download(fetchUrl(options.site, file), policy, onRetry));
      emit({ type: 'page', file, outcome: 'downloaded', done: ++done, total: listed.pages.length });
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      failed.push({ file, url, error: error.message });
      emit({ type: 'page', file, outcome: 'failed', error: error.message, done: ++done, total: listed.pages.length });
    }
  });
  result.failed = failed.map(({ file, error }) => ({ file, error })).sort((a, b) => (a.file < b.file ? -1 : 1));
  if (failed.length > 0 && !options.allowPartial) return result;

  // A scrape killed mid-swap left the folder renamed aside: put it back before reading what it holds.
  recoverLeftovers(options.specsDir);
  const previous = readManifest(options.specsDir);
  const update = planUpdate(
    {
      specsDir: options.specsDir,
      mirrored: (file) => prefixes.some((p) => file.startsWith(p)) || (options.rootFiles ?? ROOT_FILES).includes(file),
      previous,
      site: listed.site,
      ...(listed.site === options.site ? {} : { fetchedFrom: options.site }),
      scrapedAt: (options.now ?? (() => new Date()))().toISOString(),
    },
    { listed: listed.pages, bodies, failed },
  );
  result.written = writeOutputDir(options.specsDir, update.files);
  return { ...result, ...pick(update), ok: failed.length === 0, partial: failed.length > 0 };
}

/** The pages to mirror: the index's and the sitemap's (dates from the sitemap), and the root files. */
function listedSite(index: string, sitemap: string, site: string, prefixes: readonly string[], rootFiles: readonly string[]) {
  const fromIndex = listedPages(index, site, prefixes);
  const fromSitemap = sitemapPages(sitemap, site, prefixes);
  const byFile = new Map<string, SitemapPage>(fromIndex.map((p) => [p.file, p]));
  for (const page of fromSitemap) byFile.set(page.file, page);
  for (const file of rootFiles) byFile.set(file, { file, url: '' });
  // The site as its own index names it (a copy served elsewhere keeps the canonical links); every page is
  // recorded under that site's URL, whatever host served it.
  const canonical = [...fromIndex, ...fromSitemap].some((p) => p.url.startsWith(`${CANONICAL_SITE}/`)) ? CANONICAL_SITE : site;
  const pages = [...byFile.values()].map((page) => ({ ...page, url: fetchUrl(canonical, page.file) }));
  return { site: canonical, pages: pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

function pick(update: SpecsUpdate) {
  const { added, changed, unchanged, dropped, relisted } = update;
  return { added, changed, unchanged, dropped, relisted };
}

function rethrowAs(url: string) {
  return (error: unknown): never => {
    throw new Error(`${url}: ${(error as Error).message}`);
  };
}
