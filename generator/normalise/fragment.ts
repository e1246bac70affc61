import type { SourceLocation } from '../diagnostics/diagnostic.ts';
import type { PageKind } from '../ingest/page.ts';
import type { JsonObject } from '../openapi/json.ts';

/** What the normaliser hands to the merger: the OpenAPI pieces one page contributes, each traceable to its line. */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ComponentKind = 'schemas' | 'responses' | 'parameters' | 'requestBodies' | 'headers' | 'securitySchemes';
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
];

export interface PageInfo {
  file: string;
  kind: PageKind;
  /** ISO-8601 date of the page (lastmod / scraped_at / Downloaded), when known. */
  date?: string;
  /** `info.version` of the embedded document, when present. */
  version?: string;
  /** From the scrape manifest: whether the docs site lists the page; absent when the specs folder has no manifest. */
  listed?: boolean;
  /** For a page the site dropped: the last date it was listed, when known. */
  lastListed?: string;
}

export interface OperationFragment {
  method: HttpMethod;
  /** Path template relative to the server URL, e.g. `/portfolio/orders/{order_id}`. */
  path: string;
  /** A valid OpenAPI 3.0 Operation object (plain JSON). */
  operation: JsonObject;
  source: SourceLocation;
  /** Method name used by the official SDK, for SDK reference pages. */
  sdkMethod?: string;
}

export interface SourcedValue {
  value: JsonObject;
  source: SourceLocation;
  /** The page line of a node inside the value (`['properties', 'status']`), for pages that keep the value's shape. */
  locate?: (path: readonly (string | number)[]) => number;
}

export interface PageFragment {
  page: PageInfo;
  /** Which API the page belongs to: `trade`, `perps`, or another API's short name. */
  api: string;
  operations: OperationFragment[];
  components: Partial<Record<ComponentKind, Record<string, SourcedValue>>>;
  servers?: JsonObject[];
  tags?: JsonObject[];
  /** `info.title` / `info.description` of the embedded document, when present. */
  info?: JsonObject;
}
