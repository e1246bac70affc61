import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { ingest } from '../ingest/index.ts';
import { merge } from '../merge/index.ts';
import { normalise } from '../normalise/index.ts';
import type { JsonObject } from '../openapi/json.ts';
import { pageIndex, type PageIndex } from './pages.ts';

export interface SpecsDocuments {
  /** API name → merged document, exactly as `generate()` writes it to `openapi/<api>.json`. */
  documents: Map<string, JsonObject>;
  pages: PageIndex;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/**
 * The merged documents of a specs folder (the generator's ingest, normalise and merge stages, without the
 * package), with the page index of the same pages. `label` prefixes page paths in the index (`specs/`).
 */
export function specsDocuments(specsDir: string, label: string): SpecsDocuments {
  const diagnostics = new Diagnostics();
  const fragments = normalise(ingest(specsDir, diagnostics), diagnostics);
  const apis = merge(fragments, diagnostics);
  return {
    documents: new Map(apis.map((a) => [a.api, a.document])),
    pages: pageIndex(fragments, label),
    diagnostics: diagnostics.sorted(),
    ok: !diagnostics.hasErrors() && apis.length > 0,
  };
}

/** Only the page index of a specs folder (when the documents come from elsewhere, e.g. `generate()`). */
export function specsPages(specsDir: string, label: string): PageIndex {
  const diagnostics = new Diagnostics();
  return pageIndex(normalise(ingest(specsDir, diagnostics), diagnostics), label);
}
