import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../openapi/json.ts';

/**
 * `specs/manifest.json`: the provenance `make scrape` records beside the pages it downloads. It says which pages
 * the docs site listed at the last scrape (those are live: they outrank every other page), where each came from,
 * the date the site's sitemap gives it and its sha256, and which pages the site has since dropped (kept under
 * `dropped/` with the last date they were listed). A specs folder without a manifest (a hand-made folder, an old
 * mirror) has no notion of liveness: every page counts.
 */

export const MANIFEST_FILE = 'manifest.json';
/** Where `make scrape` moves the pages the site stopped listing. */
export const DROPPED_DIR = 'dropped/';

export interface ListedPage {
  /** Path relative to the specs folder, `/`-separated. */
  file: string;
  url: string;
  /** The sitemap's `lastmod` for the page (ISO-8601), when it has one. */
  lastmod?: string;
  sha256: string;
}

export interface DroppedPage {
  /** Where the page is kept now: `dropped/<its old path>`. */
  file: string;
  url: string;
  /** The last date the site is known to have listed the page (its last `lastmod`, else the last scrape that saw it). */
  lastListed?: string;
}

export interface FailedPage {
  file: string;
  url: string;
  error: string;
}

export interface Manifest {
  /** The docs site the pages are from, as its index names it. */
  site: string;
  /** Where they were fetched, when not from `site` itself (a copy of the site served elsewhere). */
  fetchedFrom?: string;
  scrapedAt: string;
  pages: ListedPage[];
  dropped: DroppedPage[];
  /** Pages that could not be downloaded by a `--allow-partial` scrape: their old copies (if any) were kept. */
  failed: FailedPage[];
}

export class ManifestError extends Error {}

/** The manifest of a specs folder, undefined when it has none; throws `ManifestError` when it is unreadable. */
export function readManifest(specsDir: string): Manifest | undefined {
  const path = join(specsDir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ManifestError(`not valid JSON (${(error as Error).message}); re-run make scrape or restore it from git`);
  }
  if (!isObject(value) || typeof value.site !== 'string' || typeof value.scrapedAt !== 'string' || !Array.isArray(value.pages)) {
    throw new ManifestError('not a scrape manifest (site, scrapedAt and pages are required); re-run make scrape or restore it from git');
  }
  const entries = (key: string) => (Array.isArray(value[key]) ? value[key] : []).filter(isObject);
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const page = (e: Record<string, unknown>) => typeof e.file === 'string' && typeof e.url === 'string';
  return {
    site: value.site,
    ...(typeof value.fetchedFrom === 'string' ? { fetchedFrom: value.fetchedFrom } : {}),
    scrapedAt: value.scrapedAt,
    pages: entries('pages')
      .filter(page)
      .map((e) => ({ file: String(e.file), url: String(e.url), ...optional('lastmod', text(e.lastmod)), sha256: text(e.sha256) ?? '' })),
    dropped: entries('dropped')
      .filter(page)
      .map((e) => ({ file: String(e.file), url: String(e.url), ...optional('lastListed', text(e.lastListed)) })),
    failed: entries('failed')
      .filter(page)
      .map((e) => ({ file: String(e.file), url: String(e.url), error: text(e.error) ?? 'unknown error' })),
  };
}

/** The manifest as written: pages sorted by file, two-space JSON, a final newline; `failed` only when not empty. */
export function manifestJson(manifest: Manifest): string {
  const byFile = <T extends { file: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out = {
    site: manifest.site,
    ...(manifest.fetchedFrom ? { fetchedFrom: manifest.fetchedFrom } : {}),
    scrapedAt: manifest.scrapedAt,
    pages: byFile(manifest.pages),
    dropped: byFile(manifest.dropped),
    ...(manifest.failed.length > 0 ? { failed: byFile(manifest.failed) } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
