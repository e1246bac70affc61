import { compareText } from '../diagnostics/diagnostic.ts';
import type { PageInfo } from '../normalise/fragment.ts';

/**
 * The one precedence rule for pages that define the same thing: a page the docs site lists (scrape manifest)
 * outranks every page it does not list, whatever their dates; then the newest page wins (date, then
 * `info.version`), then the more authoritative kind (embedded OpenAPI > derived > SDK > HTML scrape; a whole AsyncAPI
 * document > a derived channel page), then the file path, so the choice never depends on reading order.
 */
export function compareNewestFirst(a: PageInfo, b: PageInfo): number {
  return (
    unlistedRank(a) - unlistedRank(b) ||
    compareText(b.date ?? '', a.date ?? '') ||
    compareVersions(b.version, a.version) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareText(a.file, b.file)
  );
}

/** True when neither page is newer than the other: a choice between them is a real conflict. */
export function sameVintage(a: PageInfo, b: PageInfo): boolean {
  return unlistedRank(a) === unlistedRank(b) && (a.date ?? '') === (b.date ?? '') && compareVersions(a.version, b.version) === 0;
}

/** False only for a page the manifest does not list; without a manifest every page counts as live. */
export function isLive(page: PageInfo): boolean {
  return page.listed !== false;
}

const unlistedRank = (page: PageInfo) => (isLive(page) ? 0 : 1);

const KIND_RANK: Record<PageInfo['kind'], number> = {
  embedded: 0,
  derived: 1,
  'sdk-reference': 2,
  'html-scrape': 3,
  'asyncapi-document': 4,
  asyncapi: 5,
  'no-openapi': 6,
};

/** Numeric comparison of dotted versions (`3.10.0` > `3.9.2`); a missing version is the oldest. */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isNaN(nx) || Number.isNaN(ny) ? compareText(x, y) : nx - ny;
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
