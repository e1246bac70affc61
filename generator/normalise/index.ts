import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Page } from '../ingest/page.ts';
import { mapOperationSchemas } from '../openapi/schema-walk.ts';
import { cleanSchema } from './common/schema-cleanup.ts';
import { pathTemplateProblem } from './common/path-template.ts';
import { downgrade } from './common/fragment-downgrade.ts';
import { normaliseDerived } from './derived/index.ts';
import { cleanComponent, normaliseEmbedded } from './embedded/index.ts';
import { COMPONENT_KINDS, type PageFragment } from './fragment.ts';
import { normaliseHtmlScrape } from './html-scrape/index.ts';
import { normaliseSdkReference } from './sdk-reference/index.ts';

/**
 * Stage 2, normalise: every page kind → `PageFragment`s of plain OpenAPI 3.0, whatever the page's dialect.
 * The common clean-up (`$ref` siblings, single `allOf` wrappers, Go vendor keys) runs on every fragment, and
 * an operation whose path the client could not request safely is refused.
 */
export function normalise(pages: readonly Page[], diagnostics: Diagnostics): PageFragment[] {
  const fragments: PageFragment[] = [];
  for (const page of pages) {
    for (const fragment of normalisePage(page, diagnostics)) {
      fragments.push(finish(downgrade(usablePaths(fragment, diagnostics), diagnostics), page));
    }
  }
  return fragments;
}

function usablePaths(fragment: PageFragment, diagnostics: Diagnostics): PageFragment {
  const operations = fragment.operations.filter((op) => {
    const problem = pathTemplateProblem(op.path);
    if (problem) {
      diagnostics.error(
        'operation-path-invalid',
        `${op.method.toUpperCase()} ${JSON.stringify(op.path)} is refused: ${problem}; fix the path on the page`,
        op.source,
      );
    }
    return !problem;
  });
  return operations.length === fragment.operations.length ? fragment : { ...fragment, operations };
}

function normalisePage(page: Page, diagnostics: Diagnostics): PageFragment[] {
  switch (page.kind) {
    case 'derived':
      return page.blocks.flatMap((block) => normaliseDerived(page, block, diagnostics) ?? []);
    case 'embedded':
      return page.blocks.flatMap((block) => normaliseEmbedded(page, block, diagnostics) ?? []);
    case 'html-scrape':
      return [normaliseHtmlScrape(page, diagnostics) ?? []].flat();
    case 'sdk-reference':
      return [normaliseSdkReference(page, diagnostics) ?? []].flat();
    default:
      return [];
  }
}

/** The common clean-up, and the page's standing with the docs site (from ingest) recorded on its fragment. */
function finish(fragment: PageFragment, page: Page): PageFragment {
  const components: PageFragment['components'] = {};
  for (const kind of COMPONENT_KINDS) {
    const group = fragment.components[kind];
    if (!group) continue;
    components[kind] = Object.fromEntries(
      Object.entries(group).map(([name, entry]) => [name, { ...entry, value: cleanComponent(kind, entry.value) }]),
    );
  }
  const listing = page.listing;
  return {
    ...fragment,
    page: {
      ...fragment.page,
      ...(listing ? { listed: listing.listed } : {}),
      ...(listing?.lastListed ? { lastListed: listing.lastListed } : {}),
    },
    operations: fragment.operations.map((op) => ({ ...op, operation: mapOperationSchemas(op.operation, cleanSchema) })),
    components,
  };
}
