import type { Page } from '../ingest/page.ts';

/** A tag for pages that carry none: the docs section the page sits in (`api-reference/live_data/x` → `live-data`). */
export function pageTag(page: Pick<Page, 'file' | 'meta'>): string | undefined {
  const fromUrl = page.meta.url ? safePath(page.meta.url) : undefined;
  const segments = (fromUrl ?? page.file).split('/').filter(Boolean);
  const section = segments.length >= 2 ? segments[segments.length - 2] : undefined;
  return section ? section.replace(/_/g, '-').toLowerCase() : undefined;
}

function safePath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
