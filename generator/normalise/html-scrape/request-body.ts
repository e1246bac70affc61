import type { JsonObject } from '../../openapi/json.ts';
import type { CurlCommand } from './curl.ts';
import { schemaOfEntries, withDocumentedProperties } from './documented-properties.ts';
import { parseJsonExample } from './examples.ts';
import { inferRootSchema } from './infer-schema.ts';
import type { Section } from './sections.ts';
import type { Warn } from './warn.ts';

export interface BuiltBody {
  requestBody?: JsonObject;
  /** Line of the `--data` example when the schema was inferred from it. */
  inferredLine?: number;
}

/**
 * The request body: its schema inferred from the cURL `--data` JSON, with the top-level properties the
 * `#### Body` section documents laid over it; from the section alone when the example is missing or
 * not JSON. The media type is the cURL's Content-Type, else the section's, else `application/json`.
 */
export function buildRequestBody(curl: CurlCommand, body: Section | undefined, warn: Warn): BuiltBody {
  const entries = body?.entries ?? [];
  if (!curl.data && !body) return {};
  const mediaType =
    contentTypeOf(curl) ?? body?.head.find((l) => /^[\w.+-]+\/[\w.+-]+$/.test(l.text))?.text ?? 'application/json';
  let schema: JsonObject | undefined;
  let inferredLine: number | undefined;
  if (curl.data && /json/i.test(mediaType)) {
    const example = parseJsonExample(curl.data.text, curl.data.line);
    if (example.ok) {
      schema = withDocumentedProperties(inferRootSchema(example.value), entries);
      inferredLine = example.line;
    } else {
      warn(
        'html-scrape-example-invalid',
        `the cURL --data payload is not valid JSON (${example.message}); the request body schema ${entries.length > 0 ? 'comes from the Body section only' : 'is left open'}`,
        example.line,
      );
    }
  }
  schema ??= entries.length > 0 ? schemaOfEntries(entries) : {};
  const requestBody: JsonObject = { required: true, content: { [mediaType]: { schema } } };
  return inferredLine === undefined ? { requestBody } : { requestBody, inferredLine };
}

function contentTypeOf(curl: CurlCommand): string | undefined {
  const header = curl.headers.find((h) => h.name.toLowerCase() === 'content-type');
  const value = header?.value.split(';')[0]!.trim();
  return value || undefined;
}
