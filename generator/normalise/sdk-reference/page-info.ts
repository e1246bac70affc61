import type { Page } from '../../ingest/page.ts';
import { words } from '../names.ts';
import type { PageLine } from './markdown.ts';

/** The `All URIs are relative to *[url](url)*` line: the URL and its page line. */
export function readServerUrl(lines: readonly PageLine[]): { url: string; line: number } | undefined {
  for (const line of lines) {
    if (line.inFence || !/All URIs are relative to/i.test(line.text)) continue;
    const url = /(https?:\/\/[^\s)\]*<>]+)/.exec(line.text)?.[1];
    if (url) return { url: url.replace(/[.,;]+$/, ''), line: line.line };
  }
  return undefined;
}

/**
 * The SDK class name without `Api` (`PortfolioApi` → `Portfolio`), from the file name, else the page URL,
 * else the page title.
 */
export function apiClassName(page: Pick<Page, 'file' | 'meta'>): string | undefined {
  const fromFile = /([A-Za-z0-9]+)Api\.md$/.exec(page.file)?.[1];
  if (fromFile) return fromFile;
  const fromUrl = /([A-Za-z0-9]+)Api\/?(?:[?#].*)?$/.exec(page.meta.url ?? '')?.[1];
  if (fromUrl) return fromUrl;
  const title = page.meta.title?.replace(/\s*Api$/, '').trim();
  return title && /^[A-Za-z0-9 ]+$/.test(title) ? title : undefined;
}

/** `MultivariateCollections` → `multivariate-collections`. */
export function tagOf(className: string): string {
  return words(className)
    .map((w) => w.toLowerCase())
    .join('-');
}
