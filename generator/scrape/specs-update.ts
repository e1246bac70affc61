import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPageMeta } from '../ingest/page-meta.ts';
import { DROPPED_DIR, MANIFEST_FILE, manifestJson, sha256, type DroppedPage, type FailedPage, type ListedPage, type Manifest } from '../specs-folder/manifest.ts';
import { listFiles } from '../write/list-files.ts';
import type { SitemapPage } from './sitemap.ts';

/**
 * The specs folder after a scrape, computed in full before anything is written (the caller swaps it in as a
 * whole): the pages the site lists, as downloaded; pages it no longer lists moved to `dropped/` (with the last
 * date they were listed); everything outside the mirrored folders (`seeds/`, `README.md`, `known-findings.json`)
 * kept as it is; and the manifest. Hidden files in mirrored folders (leftovers of killed runs) are not kept.
 */

export interface ScrapedPages {
  /** Every page the site lists (index and sitemap), with the sitemap's date. */
  listed: readonly SitemapPage[];
  /** What was downloaded, by file. */
  bodies: ReadonlyMap<string, Buffer>;
  /** Pages that could not be downloaded (only with `--allow-partial` does an update go ahead with any). */
  failed: readonly FailedPage[];
}

export interface SpecsUpdate {
  files: Map<string, Buffer>;
  manifest: Manifest;
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Pages moved to `dropped/` by this scrape (their paths before the move). */
  dropped: string[];
  /** Pages the site lists again, whose copy under `dropped/` was removed. */
  relisted: string[];
}

export interface UpdateContext {
  specsDir: string;
  /** Folders (`api-reference/`) and root files (`asyncapi.yaml`) the scrape mirrors. */
  mirrored: (file: string) => boolean;
  previous: Manifest | undefined;
  site: string;
  /** Where the pages were fetched from, when not from `site` itself. */
  fetchedFrom?: string;
  scrapedAt: string;
}

export function planUpdate(context: UpdateContext, scraped: ScrapedPages): SpecsUpdate {
  const { specsDir, previous } = context;
  const old = new Map(listFiles(specsDir).map((file) => [file, readFileSync(join(specsDir, file))]));
  const listed = new Map(scraped.listed.map((p) => [p.file, p]));
  const update: SpecsUpdate = { files: new Map(), manifest: emptyManifest(context), added: [], changed: [], unchanged: [], dropped: [], relisted: [] };
  const previouslyDropped = new Map((previous?.dropped ?? []).map((d) => [d.file, d]));
  const previouslyListed = new Map((previous?.pages ?? []).map((p) => [p.file, p]));

  for (const [file, bytes] of old) {
    if (file === MANIFEST_FILE) continue;
    if (file.startsWith(DROPPED_DIR)) {
      const original = file.slice(DROPPED_DIR.length);
      if (listed.has(original)) {
        update.relisted.push(original);
        continue;
      }
      update.files.set(file, bytes);
      update.manifest.dropped.push(previouslyDropped.get(file) ?? { file, url: urlOf(context, original) });
      continue;
    }
    if (!context.mirrored(file)) {
      update.files.set(file, bytes);
      continue;
    }
    if (file.split('/').some((name) => name.startsWith('.')) || listed.has(file)) continue;
    const lastListed = previouslyListed.get(file)?.lastmod ?? (previouslyListed.has(file) ? previous?.scrapedAt : readPageMeta(bytes.toString('utf8')).meta.date);
    update.files.set(DROPPED_DIR + file, bytes);
    update.manifest.dropped.push({ file: DROPPED_DIR + file, url: previouslyListed.get(file)?.url ?? urlOf(context, file), ...(lastListed ? { lastListed } : {}) });
    update.dropped.push(file);
  }

  const failed = new Set(scraped.failed.map((f) => f.file));
  for (const page of scraped.listed) {
    const body = scraped.bodies.get(page.file) ?? (failed.has(page.file) ? old.get(page.file) : undefined);
    if (!body) continue;
    update.files.set(page.file, body);
    update.manifest.pages.push(listedEntry(page, body));
    if (failed.has(page.file)) continue;
    const before = old.get(page.file);
    update[!before ? 'added' : before.equals(body) ? 'unchanged' : 'changed'].push(page.file);
  }
  update.manifest.failed.push(...scraped.failed);
  // A scrape that finds exactly what the last one found keeps its manifest (date, host), so an unchanged site
  // changes no byte.
  const content = (m: Manifest) => manifestJson({ ...m, scrapedAt: '', fetchedFrom: '' });
  if (previous && content(update.manifest) === content(previous)) update.manifest = previous;
  update.files.set(MANIFEST_FILE, Buffer.from(manifestJson(update.manifest)));
  for (const list of [update.added, update.changed, update.unchanged, update.dropped, update.relisted]) list.sort();
  return update;
}

function emptyManifest(context: UpdateContext): Manifest {
  const fetchedFrom = context.fetchedFrom ? { fetchedFrom: context.fetchedFrom } : {};
  return { site: context.site, ...fetchedFrom, scrapedAt: context.scrapedAt, pages: [], dropped: [] as DroppedPage[], failed: [] };
}

function listedEntry(page: SitemapPage, body: Buffer): ListedPage {
  return { file: page.file, url: page.url, ...(page.lastmod ? { lastmod: page.lastmod } : {}), sha256: sha256(body) };
}

function urlOf(context: UpdateContext, file: string): string {
  return new URL(file, context.site.endsWith('/') ? context.site : `${context.site}/`).href;
}
