/**
 * The docs site's index (`<site>/llms.txt`, markdown listing every page as a `.md` URL) → the API pages to
 * mirror, each with the file it is stored as: the URL's path below the site, so
 * `https://docs.kalshi.com/api-reference/portfolio/get-orders.md` → `api-reference/portfolio/get-orders.md`.
 */

export const API_PREFIXES: readonly string[] = ['api-reference/', 'margin-rest/', 'typescript-sdk/'];

export interface ListedPage {
  url: string;
  /** `/`-separated path relative to the specs folder. */
  file: string;
}

/** The site's base URL with a trailing slash, so relative resolution stays below it. */
export function siteBase(site: string): URL {
  const base = new URL(site);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return base;
}

export function indexUrl(site: string): string {
  return new URL('llms.txt', siteBase(site)).href;
}

/** Every `.md` page of the index below one of `prefixes`, deduplicated and sorted by file. */
export function listedPages(indexText: string, site: string, prefixes: readonly string[] = API_PREFIXES): ListedPage[] {
  const base = siteBase(site);
  const found = new Map<string, ListedPage>();
  for (const target of linkTargets(indexText)) {
    let url: URL;
    try {
      url = new URL(target, base);
    } catch {
      continue;
    }
    url.search = '';
    url.hash = '';
    const file = fileFor(url, base);
    if (file && prefixes.some((p) => file.startsWith(p)) && !found.has(file)) found.set(file, { url: url.href, file });
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Markdown link targets `[title](target)` and bare `http(s)://` URLs. */
function linkTargets(text: string): string[] {
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]!);
  for (const m of text.matchAll(/(?<![(<\w])https?:\/\/[^\s()<>\]]+/g)) targets.push(m[0].replace(/[.,;:]+$/, ''));
  return targets;
}

/**
 * The specs-relative file for a page URL of the site, or undefined when the URL is not a `.md` page below
 * the site or its path could escape the specs folder (empty, `.` or `..` segments, separators, control chars).
 */
export function fileFor(url: URL, base: URL): string | undefined {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  const segments = url.pathname.slice(base.pathname.length).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (name === '' || name === '.' || name === '..' || /[\\/\x00-\x1f]/.test(name)) return undefined;
    decoded.push(name);
  }
  const file = decoded.join('/');
  return file.endsWith('.md') && file.length > '.md'.length ? file : undefined;
}
