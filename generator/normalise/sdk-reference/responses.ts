import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { JsonObject } from '../../openapi/json.ts';
import { contentLines, type MethodSection } from './method-section.ts';
import { findTable, plainText, unescapeMarkdown } from './markdown.ts';
import { parseTypeText } from './type-expression.ts';

interface Where {
  file: string;
  sdkMethod: string;
  line: number;
}

/**
 * The operation's responses: one per row of `### HTTP response details`, the 2xx ones carrying the
 * `### Return type` as `application/json` content (none for `void`).
 */
export function operationResponses(
  section: MethodSection | undefined,
  where: Where,
  diagnostics: Diagnostics,
): JsonObject {
  const returned = section ? returnSchema(section, where, diagnostics) : undefined;
  const mediaType = section ? acceptedMediaType(section) : undefined;
  const responses: JsonObject = {};
  const part = section?.parts.get('http response details');
  const table = part ? findTable(part.lines, /^\s*\|?\s*Status code\s*\|/i) : undefined;
  for (const { cells, line } of table?.rows ?? []) {
    const code = plainText(cells[0] ?? '').toUpperCase();
    if (!/^([1-5]\d\d|[1-5]XX|DEFAULT)$/.test(code)) {
      diagnostics.warn('sdk-reference-status-code', `"${cells[0] ?? ''}" is not an HTTP status code; row skipped`, {
        file: where.file,
        line,
      });
      continue;
    }
    const key = code === 'DEFAULT' ? 'default' : code;
    const response: JsonObject = { description: plainText(cells[1] ?? '') || defaultDescription(key) };
    const headers = responseHeaders(cells[2] ?? '');
    if (headers) response.headers = headers;
    if (returned && key.startsWith('2') && key !== '204')
      response.content = { [mediaType ?? 'application/json']: { schema: returned } };
    responses[key] = response;
  }
  if (Object.keys(responses).length === 0) {
    diagnostics.warn(
      'sdk-reference-no-responses',
      `${where.sdkMethod} has no HTTP response details table; a 200 response is assumed`,
      {
        file: where.file,
        line: part?.line ?? where.line,
      },
    );
    responses['200'] = {
      description: 'Successful response',
      ...(returned ? { content: { [mediaType ?? 'application/json']: { schema: returned } } } : {}),
    };
  } else if (returned && !Object.keys(responses).some((k) => k.startsWith('2'))) {
    diagnostics.warn(
      'sdk-reference-no-success-response',
      `${where.sdkMethod} returns ${JSON.stringify(returned)} but lists no 2xx status; the return type is dropped`,
      {
        file: where.file,
        line: part?.line ?? where.line,
      },
    );
  }
  return responses;
}

/** Schema of the Return type part (or of the signature when the part is missing); undefined for void. */
function returnSchema(section: MethodSection, where: Where, diagnostics: Diagnostics): JsonObject | undefined {
  const part = section.parts.get('return type');
  const first = contentLines(part)[0];
  const text = first ? plainText(first.text) : section.signature?.returnType;
  if (!text || /^(void|null|undefined|none)\b/i.test(text)) return undefined;
  const type = parseTypeText(text.replace(/^Promise\s*<(.*)>$/, '$1'));
  if (!type) {
    diagnostics.warn(
      'sdk-reference-return-type',
      `cannot read the return type "${text}" of ${where.sdkMethod}; the response gets no content`,
      {
        file: where.file,
        line: first?.line ?? section.signature?.line ?? section.line,
      },
    );
    return undefined;
  }
  return type.schema;
}

/** The `* **Accept**: ...` media type of the section, when it names one. */
function acceptedMediaType(section: MethodSection): string | undefined {
  return headerValue(section, 'accept');
}

/** `* **Content-Type**: application/json` from the HTTP request headers part; undefined for `Not defined`. */
export function headerValue(section: MethodSection, header: string): string | undefined {
  for (const line of contentLines(section.parts.get('http request headers'))) {
    const match = /^\s*[*-]\s*\**([\w-]+)\**\s*:\s*(.*?)\s*$/.exec(line.text);
    if (match && match[1]!.toLowerCase() === header) {
      const value = plainText(match[2]!).split(',')[0]!.trim();
      return /^[\w.+-]+\/[\w.+*-]+$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The Response headers cell: ` * X-Name - description <br> ` per header, or `-` for none. */
function responseHeaders(cell: string): JsonObject | undefined {
  const headers: JsonObject = {};
  for (const match of unescapeMarkdown(cell).matchAll(/\*\s*([\w-]+)\s+-\s*(.*?)\s*(?:<br\s*\/?>|$)/g)) {
    const description = plainText(match[2]!);
    headers[match[1]!] = { ...(description ? { description } : {}), schema: { type: 'string' } };
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}

function defaultDescription(code: string): string {
  return code.startsWith('2') ? 'Successful response' : 'Error response';
}
