import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { Page } from '../../ingest/page.ts';
import type { JsonObject } from '../../openapi/json.ts';
import { apiOfPage } from '../api-name.ts';
import type { PageFragment } from '../fragment.ts';
import { securityOf } from './credentials.ts';
import { findCurl } from './curl.ts';
import { readResponseExamples } from './examples.ts';
import { pageLines, unescapeMarkdown } from './lines.ts';
import { namesOf } from './naming.ts';
import { buildParameters } from './parameters.ts';
import { buildRequestBody } from './request-body.ts';
import { buildResponses } from './responses.ts';
import { readSections } from './sections.ts';
import { splitUrl } from './server-url.ts';
import { warnerFor, type Warn } from './warn.ts';

/**
 * Normalises an HTML-to-markdown scrape: the cURL example gives method, server, path and credentials;
 * the documented sections give parameters, body and response properties; the JSON examples give the
 * shapes of body and response (marked as inferred). Returns undefined, after a warning, when the page
 * has no usable cURL command. Never throws.
 */
export function normaliseHtmlScrape(page: Page, diagnostics: Diagnostics): PageFragment | undefined {
  try {
    return normalise(page, diagnostics);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.warn('html-scrape-unusable', `the page could not be read (${reason}); it is skipped`, {
      file: page.file,
      line: 1,
    });
    return undefined;
  }
}

function normalise(page: Page, diagnostics: Diagnostics): PageFragment | undefined {
  const warn = warnerFor(page.file, diagnostics);
  const lines = pageLines(page.text);
  const found = findCurl(lines);
  if (!found || !found.ok) {
    const why = found ? found.message : 'the page has no cURL command (a line starting with `curl`)';
    warn('html-scrape-unusable', `${why}, so method and path are unknown; the page is skipped`, found?.line ?? 1);
    return undefined;
  }
  const curl = found.curl;
  const url = splitUrl(unescapeMarkdown(curl.url));
  if (!url) {
    warn(
      'html-scrape-unusable',
      `the cURL URL ${curl.url} is not an absolute http(s) URL, so the path is unknown; the page is skipped`,
      curl.line,
    );
    return undefined;
  }
  const sections = readSections(lines);
  const names = namesOf(page, lines, curl.line, `${curl.method} ${url.path}`);
  const { security, schemes } = securityOf(curl, sections.get('authorizations'), page.file);
  const parameters = buildParameters(url.path, url.query, sections, warn);
  const body = buildRequestBody(curl, sections.get('body'), warn);
  const built = buildResponses(readResponseExamples(lines, curl.endIndex), sections.get('response'), curl.line, warn);
  reportInference(body.inferredLine, built.inferred, warn);

  const operation: JsonObject = { operationId: names.operationId };
  if (names.summary) operation.summary = names.summary;
  if (page.meta.description?.trim()) operation.description = page.meta.description.trim();
  if (names.tags) operation.tags = names.tags;
  if (parameters.length > 0) operation.parameters = parameters;
  if (body.requestBody) operation.requestBody = body.requestBody;
  operation.responses = built.responses;
  operation.security = security;
  operation['x-source-kind'] = 'html-scrape';

  const fragment: PageFragment = {
    page: { file: page.file, kind: 'html-scrape', ...(page.meta.date ? { date: page.meta.date } : {}) },
    api: apiOfPage(page, undefined, url.server),
    operations: [{ method: curl.method, path: url.path, operation, source: { file: page.file, line: curl.line } }],
    components: Object.keys(schemes).length > 0 ? { securitySchemes: schemes } : {},
    servers: [{ url: url.server }],
  };
  return fragment;
}

/** One warning per page naming every schema that was guessed from an example. */
function reportInference(
  bodyLine: number | undefined,
  response: { status: string; line: number } | undefined,
  warn: Warn,
): void {
  const what = [
    bodyLine !== undefined ? 'the request body' : undefined,
    response ? `the ${response.status} response` : undefined,
  ].filter(Boolean);
  if (what.length === 0) return;
  const [schemas, are, examples] = what.length > 1 ? ['schemas', 'are', 'examples'] : ['schema', 'is', 'example'];
  warn(
    'schema-inferred-from-example',
    `the ${schemas} of ${what.join(' and ')} ${are} inferred from the page's JSON ${examples} (placeholder values give only shapes and kinds of values); marked x-inferred-from-example`,
    bodyLine ?? response?.line ?? 1,
  );
}
