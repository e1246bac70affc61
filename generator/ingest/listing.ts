import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isPageFile } from '../specs-folder/pages.ts';
import { MANIFEST_FILE, ManifestError, readManifest, type Manifest } from '../specs-folder/manifest.ts';
import type { PageListing } from './page.ts';
import type { RawPage } from './read-pages.ts';

/** What the scrape manifest says of each page: `listing(file)` (undefined without a manifest) and each listed page's date. */
export interface Listings {
  manifest?: Manifest;
  listing(file: string): PageListing | undefined;
  /** The sitemap's `lastmod` of a listed page: the date of a page that carries none of its own. */
  lastmod(file: string): string | undefined;
  /** When the last scrape downloaded a listed file (the manifest's `scrapedAt`): the date of what the site serves undated. */
  servedAt(file: string): string | undefined;
}

/**
 * Reads the specs folder's manifest and checks it against the pages on disk: a listed page that is missing or
 * whose bytes differ from what was scraped, and a scrape that was partial, are reported.
 */
export function readListings(specsDir: string, pages: readonly RawPage[], diagnostics: Diagnostics): Listings {
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(specsDir);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    diagnostics.error('manifest-invalid', error.message, { file: MANIFEST_FILE });
  }
  if (!manifest) return { listing: () => undefined, lastmod: () => undefined, servedAt: () => undefined };
  const listed = new Map(manifest.pages.map((p) => [p.file, p]));
  const dropped = new Map(manifest.dropped.map((p) => [p.file, p]));
  const onDisk = new Map(pages.map((p) => [p.file, p]));
  for (const entry of manifest.pages.filter((p) => isPageFile(p.file))) {
    const page = onDisk.get(entry.file);
    if (!page) {
      diagnostics.warn('page-missing', `${MANIFEST_FILE} lists ${entry.file}, but the file is missing; re-run make scrape`, { file: MANIFEST_FILE });
    } else if (entry.sha256 && page.sha256 !== entry.sha256) {
      diagnostics.warn(
        'page-changed-since-scrape',
        `the page differs from what make scrape downloaded (sha256 in ${MANIFEST_FILE}); pages are kept as scraped: re-run make scrape or restore it`,
        { file: entry.file },
      );
    }
  }
  for (const failure of manifest.failed) {
    diagnostics.warn(
      'scrape-partial',
      `the last scrape (--allow-partial) could not download this page (${failure.error}); ${onDisk.has(failure.file) ? 'an older copy is used' : 'it is missing'}`,
      { file: failure.file },
    );
  }
  return {
    manifest,
    listing: (file) => {
      if (listed.has(file)) return { listed: true };
      const lastListed = dropped.get(file)?.lastListed;
      return { listed: false, ...(lastListed ? { lastListed } : {}) };
    },
    lastmod: (file) => listed.get(file)?.lastmod,
    servedAt: (file) => (listed.has(file) ? manifest.scrapedAt : undefined),
  };
}
