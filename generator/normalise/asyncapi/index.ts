import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { Page } from '../../ingest/page.ts';
import { isObject } from '../../openapi/json.ts';
import { isAsyncApiDocumentFile } from '../../specs-folder/pages.ts';
import type { AsyncApiFragment } from '../asyncapi-fragment.ts';
import { normaliseChannelPage } from './channel-page.ts';
import { normaliseAsyncApiDocument } from './document.ts';

/**
 * Stage 2's AsyncAPI lane: the WebSocket pages → `AsyncApiFragment`s of AsyncAPI 3.0 pieces. Two dialects: a
 * whole document (`document.ts`: the site's `asyncapi.yaml`) and Mintlify's derived channel pages
 * (`channel-page.ts`: one channel each, messages inline, lists for maps). Pages of other kinds give nothing here.
 */
export function normaliseAsyncApi(pages: readonly Page[], diagnostics: Diagnostics): AsyncApiFragment[] {
  const fragments: AsyncApiFragment[] = [];
  for (const page of pages) {
    if (page.kind !== 'asyncapi' && page.kind !== 'asyncapi-document') continue;
    for (const block of page.blocks) {
      const whole = isObject(block.yaml.value) && typeof block.yaml.value.asyncapi === 'string';
      if (!whole && isAsyncApiDocumentFile(page.file)) {
        diagnostics.error('asyncapi-document-invalid', 'not an AsyncAPI document (no `asyncapi` version at the top); restore the file or re-run make scrape', {
          file: page.file,
          line: block.yaml.lineOf([]),
        });
        continue;
      }
      const fragment = whole ? normaliseAsyncApiDocument(page, block, diagnostics) : normaliseChannelPage(page, block, diagnostics);
      if (fragment) fragments.push(finish(fragment, page));
    }
  }
  return fragments;
}

/** The page's standing with the docs site (from ingest), recorded on its fragment. */
function finish(fragment: AsyncApiFragment, page: Page): AsyncApiFragment {
  const listing = page.listing;
  if (!listing) return fragment;
  return { ...fragment, page: { ...fragment.page, listed: listing.listed, ...(listing.lastListed ? { lastListed: listing.lastListed } : {}) } };
}
