import type { ParsedYaml } from './yaml.ts';

/** What the ingest stage hands to the normaliser: one scraped page, read and split, not yet interpreted. */

export type PageKind =
  /** Mintlify's derived format: `paths: {path, method, request, response}` (until ~2025-12). */
  | 'derived'
  /** A real OpenAPI 3.0 excerpt inside the fence (from ~2025-12). */
  | 'embedded'
  /** HTML converted to markdown: a cURL example and a JSON example, no YAML. */
  | 'html-scrape'
  /** The official SDK's reference pages (`typescript-sdk/api/*Api.md`). */
  | 'sdk-reference'
  /** WebSocket API pages: Mintlify's derived AsyncAPI form (```` ```yaml asyncapi.yaml <channel> ````), one channel each. */
  | 'asyncapi'
  /** A whole AsyncAPI 3 document: the site's `asyncapi.yaml` (read as one block), or a page embedding one. */
  | 'asyncapi-document'
  /** Anything else: a title and description only, or an empty page. */
  | 'no-openapi';

export interface PageMeta {
  /** Canonical URL from front matter or a `Source:` line. */
  url?: string;
  /** When the page was last modified or scraped, as an ISO-8601 string. */
  date?: string;
  title?: string;
  description?: string;
}

/** One fenced OpenAPI block, e.g. ```` ````yaml /openapi.yaml get /portfolio/orders ````. */
export interface Fence {
  /** The info string after the language, verbatim (may be empty). */
  info: string;
  /** `openapi.yaml`, `/perps_openapi.yaml`, a URL ... when the info string names one. */
  specFile?: string;
  /** Lower-case HTTP method named by the info string, when present. */
  method?: string;
  /** Path named by the info string, when present. */
  path?: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
  /** The YAML inside the fence. Its first line is page line `line + 1`. */
  body: string;
}

/** A fence whose YAML parsed cleanly. */
export interface YamlBlock {
  fence: Fence;
  yaml: ParsedYaml;
}

/** Where a page stands with the docs site, from the specs folder's scrape manifest (`specs-folder/manifest.ts`). */
export interface PageListing {
  /** The latest scrape found the page listed by the site: it is live and outranks every unlisted page. */
  listed: boolean;
  /** For a page the site dropped: the last date it was listed, when known. */
  lastListed?: string;
}

export interface Page {
  /** Path relative to the specs folder, with `/` separators. */
  file: string;
  text: string;
  meta: PageMeta;
  /** Absent when the specs folder has no manifest: then liveness is unknown and every page counts alike. */
  listing?: PageListing;
  kind: PageKind;
  /** The page's YAML blocks: OpenAPI (derived and embedded pages) or AsyncAPI; a YAML document file is one block. */
  blocks: YamlBlock[];
}
