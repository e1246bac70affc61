/**
 * The docs site's index (`<site>/llms.txt`, markdown listing every page as a `.md` URL) → the API pages to
 * mirror, each with the file it is stored as: the URL's path below the site, so
 * `https://docs.kalshi.com/api-reference/portfolio/get-orders.md` → `api-reference/portfolio/get-orders.md`.
 * Links may name the site itself or the canonical docs site (a copy of the site served elsewhere keeps the
 * canonical links); either way the page is fetched from the site being scraped.
 */

/** The folders of the site that hold API pages: REST (trade, perps), the SDK reference, WebSocket (trade, perps). */
export const API_PREFIXES: readonly string[] = ['api-reference/', 'margin-rest/', 'typescript-sdk/', 'websockets/', 'margin-ws/'];
/** Files at the site root that are mirrored too: the WebSocket API's AsyncAPI document. */
export const ROOT_FILES: readonly string[] = ['asyncapi.yaml'];
export const CANONICAL_SITE = 'https://docs.kalshi.com';

export interface ListedPage {
  /** The page's URL as the site names it (the canonical docs site's, in a copy). */
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
  return pagesOf(linkTargets(indexText), site, prefixes, (file) => file);
}

/**
 * The pages among `targets` (absolute or site-relative URLs) below one of `prefixes`, deduplicated and sorted by
 * file; `toFile` maps a URL path below the site to the stored file (`x` → `x.md` for the sitemap's page URLs).
 */
export function pagesOf(targets: readonly string[], site: string, prefixes: readonly string[], toFile: (path: string) => string | undefined): ListedPage[] {
  const bases = [siteBase(site), siteBase(CANONICAL_SITE)];
  const found = new Map<string, ListedPage>();
  for (const target of targets) {
    let url: URL;
    try {
      url = new URL(target, bases[0]);
    } catch {
      continue;
    }
    url.search = '';
    url.hash = '';
    const path = bases.map((base) => relativePath(url, base)).find((p) => p !== undefined);
    const file = path === undefined ? undefined : toFile(path);
    if (file && isSafeFile(file) && file.endsWith('.md') && prefixes.some((p) => file.startsWith(p)) && !found.has(file)) {
      found.set(file, { url: url.href, file });
    }
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Where the site serves a stored file: `<site>/<file>`. */
export function fetchUrl(site: string, file: string): string {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), siteBase(site)).href;
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
  const file = relativePath(url, base);
  return file !== undefined && isSafeFile(file) && file.endsWith('.md') && file.length > '.md'.length ? file : undefined;
}

/** The URL's decoded path below `base`, or undefined when it is not below it or a segment cannot be a file name. */
function relativePath(url: URL, base: URL): string | undefined {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  const decoded: string[] = [];
  for (const segment of url.pathname.slice(base.pathname.length).split('/')) {
    try {
      decoded.push(decodeURIComponent(segment));
    } catch {
      return undefined;
    }
  }
  return decoded.join('/');
}

/** No empty, `.` or `..` segment, separator or control character: the file stays inside the specs folder. */
function isSafeFile(file: string): boolean {
  return file.split('/').every((name) => name !== '' && name !== '.' && name !== '..' && !/[\\\x00-\x1f]/.test(name));
}
