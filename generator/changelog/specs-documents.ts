import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { ingest } from '../ingest/index.ts';
import { merge } from '../merge/index.ts';
import { mergeAsyncApi } from '../merge/asyncapi/index.ts';
import { normalise } from '../normalise/index.ts';
import { normaliseAsyncApi } from '../normalise/asyncapi/index.ts';
import type { JsonObject } from '../openapi/json.ts';
import { pageIndex, type PageIndex } from './pages.ts';

export interface SpecsDocuments {
  /** API name → merged document, exactly as `generate()` writes it to `openapi/<api>.json`. */
  documents: Map<string, JsonObject>;
  /** API name → merged AsyncAPI document, as `generate()` writes it to `asyncapi/<api>.json`. */
  streams: Map<string, JsonObject>;
  pages: PageIndex;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/**
 * The merged documents of a specs folder (the generator's ingest, normalise and merge stages, both lanes, without
 * the package), with the page index of the same pages. `label` prefixes page paths in the index (`specs/`).
 */
export function specsDocuments(specsDir: string, label: string, options: { keepRemoved?: boolean } = {}): SpecsDocuments {
  const diagnostics = new Diagnostics();
  const pages = ingest(specsDir, diagnostics);
  const fragments = normalise(pages, diagnostics);
  const channels = normaliseAsyncApi(pages, diagnostics);
  const apis = merge(fragments, diagnostics, options);
  const streams = mergeAsyncApi(channels, diagnostics, options);
  return {
    documents: new Map(apis.map((a) => [a.api, a.document])),
    streams: new Map(streams.map((s) => [s.api, s.document])),
    pages: pageIndex(fragments, label, channels),
    diagnostics: diagnostics.sorted(),
    ok: !diagnostics.hasErrors() && apis.length + streams.length > 0,
  };
}

/** Only the page index of a specs folder (when the documents come from elsewhere, e.g. `generate()`). */
export function specsPages(specsDir: string, label: string): PageIndex {
  const diagnostics = new Diagnostics();
  const pages = ingest(specsDir, diagnostics);
  return pageIndex(normalise(pages, diagnostics), label, normaliseAsyncApi(pages, diagnostics));
}
