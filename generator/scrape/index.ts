import { download, DownloadError, type DownloadPolicy } from './download.ts';
import { applyUpdate, mirroredFiles, outcomeFor, type PageOutcome } from './mirror.ts';
import { mapBounded } from './pool.ts';
import { API_PREFIXES, indexUrl, listedPages } from './site-index.ts';

export const DEFAULT_SITE = 'https://docs.kalshi.com';

export interface ScrapeOptions {
  /** The docs site, e.g. `https://docs.kalshi.com`; its index is `<site>/llms.txt`. */
  site: string;
  specsDir: string;
  /** Folders of the site mirrored into the specs folder (default `api-reference/`, `margin-rest/`, `typescript-sdk/`). */
  prefixes?: readonly string[];
  /** Pages downloaded at once (default 8). */
  concurrency?: number;
  policy?: Partial<DownloadPolicy>;
  onEvent?: (event: ScrapeEvent) => void;
}

export type ScrapeEvent =
  | { type: 'index'; url: string; pages: number }
  | { type: 'retry'; file: string; attempt: number; reason: string; delayMs: number }
  | { type: 'page'; file: string; outcome: PageOutcome | 'failed'; error?: string; done: number; total: number };

export interface ScrapeResult {
  /** True when the index and every page were downloaded. */
  ok: boolean;
  /** Set when the index could not be used: then the specs folder was not touched at all. */
  indexError?: string;
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  failed: { file: string; error: string }[];
}

export const DEFAULT_POLICY: DownloadPolicy = { timeoutMs: 30_000, retries: 3, backoffMs: 500, maxDelayMs: 30_000, maxBytes: 16 * 1024 * 1024 };

/**
 * `make scrape`: mirrors the API pages the site's index lists into the specs folder, byte for byte.
 * Everything is downloaded first; only then are pages written (each atomically) and pages the index no
 * longer lists removed. A page that fails to download keeps its old copy; an index that fails, or lists no
 * API page at all, leaves the folder untouched.
 */
export async function scrape(options: ScrapeOptions): Promise<ScrapeResult> {
  const prefixes = options.prefixes ?? API_PREFIXES;
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const emit = options.onEvent ?? (() => {});
  const result: ScrapeResult = { ok: false, added: [], changed: [], unchanged: [], removed: [], failed: [] };
  const url = indexUrl(options.site);
  let indexText: string;
  try {
    const onRetry = (attempt: number, reason: string, delayMs: number) => emit({ type: 'retry', file: 'llms.txt', attempt, reason, delayMs });
    indexText = (await download(url, policy, onRetry)).toString('utf8');
  } catch (error) {
    return { ...result, indexError: `${url}: ${(error as Error).message}` };
  }
  const pages = listedPages(indexText, options.site, prefixes);
  emit({ type: 'index', url, pages: pages.length });
  if (pages.length === 0) return { ...result, indexError: `${url} lists no page below ${prefixes.join(', ')}` };

  const writes = new Map<string, Buffer>();
  let done = 0;
  await mapBounded(pages, options.concurrency ?? 8, async ({ url: pageUrl, file }) => {
    const onRetry = (attempt: number, reason: string, delayMs: number) => emit({ type: 'retry', file, attempt, reason, delayMs });
    try {
      const body = await download(pageUrl, policy, onRetry);
      const outcome = outcomeFor(options.specsDir, file, body);
      result[outcome].push(file);
      if (outcome !== 'unchanged') writes.set(file, body);
      emit({ type: 'page', file, outcome, done: ++done, total: pages.length });
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      result.failed.push({ file, error: error.message });
      emit({ type: 'page', file, outcome: 'failed', error: error.message, done: ++done, total: pages.length });
    }
  });

  const listed = new Set(pages.map((p) => p.file));
  result.removed = mirroredFiles(options.specsDir, prefixes).filter((file) => !listed.has(file));
  applyUpdate(options.specsDir, prefixes, { writes: new Map([...writes].sort(([a], [b]) => (a < b ? -1 : 1))), removals: result.removed });
  for (const list of [result.added, result.changed, result.unchanged]) list.sort();
  result.failed.sort((a, b) => (a.file < b.file ? -1 : 1));
  result.ok = result.failed.length === 0;
  return result;
}
