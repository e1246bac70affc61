import type { JsonObject } from '../../openapi/json.ts';
import { schemaOfEntries, withDocumentedProperties } from './documented-properties.ts';
import type { ResponseExamples } from './examples.ts';
import { inferRootSchema } from './infer-schema.ts';
import { isStatusLine, unescapeMarkdown } from './lines.ts';
import type { Section } from './sections.ts';
import type { Warn } from './warn.ts';

export interface BuiltResponses {
  responses: JsonObject;
  /** The status whose schema was inferred from the JSON example, with the example's line. */
  inferred?: { status: string; line: number };
}

/**
 * The responses: every status code listed under the cURL example, the first being the success response.
 * The success response carries the JSON example's inferred schema, overlaid with the properties the
 * `#### Response` section documents, and that section's description; the others get a description only.
 */
export function buildResponses(
  examples: ResponseExamples,
  section: Section | undefined,
  curlLine: number,
  warn: Warn,
): BuiltResponses {
  const documented = documentedResponse(section);
  const codes = [...new Set(examples.statuses.map((s) => s.text))];
  if (codes.length === 0 && (examples.json || documented.status)) codes.push(documented.status ?? '200');
  if (documented.status && !codes.includes(documented.status)) codes.push(documented.status);
  if (codes.length === 0) {
    warn(
      'html-scrape-no-responses',
      'the page lists no status code and no response example; the operation gets only a default response',
      curlLine,
    );
    return { responses: { default: { description: 'No response is documented on the page' } } };
  }
  const success = codes[0]!;
  const json = examples.json;
  if (json && !json.ok)
    warn(
      'html-scrape-example-invalid',
      `the response example is not valid JSON (${json.message}); its schema is left out`,
      json.line,
    );
  const responses: JsonObject = {};
  let inferred: BuiltResponses['inferred'];
  for (const code of codes) {
    const doc = code === (documented.status ?? success) ? documented : undefined;
    const response: JsonObject = {
      description: doc?.description ?? (code === success || /^[23]/.test(code) ? 'Success' : 'Error'),
    };
    let schema: JsonObject | undefined;
    if (code === success && json?.ok) {
      schema = withDocumentedProperties(inferRootSchema(json.value), doc?.entries ?? []);
      inferred = { status: code, line: json.line };
    } else if (doc && doc.entries.length > 0) schema = schemaOfEntries(doc.entries);
    if (schema) response.content = { [doc?.mediaType ?? 'application/json']: { schema } };
    responses[code] = response;
  }
  return inferred ? { responses, inferred } : { responses };
}

interface DocumentedResponse {
  status?: string;
  mediaType?: string;
  description?: string;
  entries: Section['entries'];
}

/** `#### Response` opens with the status, the media type and a description, then lists properties. */
function documentedResponse(section: Section | undefined): DocumentedResponse {
  const out: DocumentedResponse = { entries: section?.entries ?? [] };
  for (const { text } of section?.head ?? []) {
    if (isStatusLine(text)) out.status ??= text;
    else if (/^[\w.+-]+\/[\w.+-]+$/.test(text)) out.mediaType ??= text;
    else out.description ??= unescapeMarkdown(text);
  }
  return out;
}
