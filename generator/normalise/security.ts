import type { JsonObject } from '../openapi/json.ts';
import { camelCase } from './names.ts';

/**
 * Security schemes met on the pages. An API-key header such as `KALSHI-ACCESS-KEY` becomes the scheme
 * `kalshiAccessKey`, the name the Kalshi OpenAPI documents use; all headers of one request together form
 * a single requirement (every one of them must be sent).
 */
export function apiKeyHeaderScheme(header: string, description?: string): { name: string; scheme: JsonObject } {
  const scheme: JsonObject = { type: 'apiKey', in: 'header', name: header };
  if (description) scheme.description = description;
  return { name: camelCase(header), scheme };
}

/** One requirement needing every named scheme: `{ a: [], b: [], c: [] }`. */
export function requirementOf(schemeNames: readonly string[]): JsonObject {
  return Object.fromEntries([...schemeNames].map((n) => [n, []]));
}

/** Header names that carry credentials, as sent by Kalshi's cURL examples. */
export function isCredentialHeader(header: string): boolean {
  return /^(kalshi-access-|authorization$|x-api-key$)/i.test(header);
}
