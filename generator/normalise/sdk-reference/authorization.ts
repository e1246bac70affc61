import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { JsonObject } from '../../openapi/json.ts';
import { apiKeyHeaderScheme, requirementOf } from '../security.ts';
import { contentLines, type MethodSection } from './method-section.ts';
import { plainText } from './markdown.ts';

/** The three headers every signed Kalshi request carries. */
export const KALSHI_AUTH_HEADERS = ['KALSHI-ACCESS-KEY', 'KALSHI-ACCESS-SIGNATURE', 'KALSHI-ACCESS-TIMESTAMP'] as const;

export const KALSHI_SCHEMES = KALSHI_AUTH_HEADERS.map((header) => apiKeyHeaderScheme(header));

export interface Authorization {
  /** `[]` for public calls, one requirement of the three schemes for signed calls. */
  security: JsonObject[];
  /** The SDK's scheme names (`bearerAuth`, `kalshiAccessKey` ...), empty for public calls. */
  sdkSchemes: string[];
  line: number;
}

/**
 * Reads the Authorization part. Any named scheme (`[bearerAuth](...)`, `[kalshiAccessKey](...)`) means the
 * call is signed with Kalshi's three headers; `No authorization required` means it is public.
 * Undefined (after a warning) when the part is missing or says neither.
 */
export function readAuthorization(
  section: MethodSection,
  file: string,
  diagnostics: Diagnostics,
): Authorization | undefined {
  const part = section.parts.get('authorization');
  if (!part) {
    diagnostics.warn(
      'sdk-reference-authorization-missing',
      `${section.name} has no Authorization part; its security is left to the document default`,
      { file, line: section.line },
    );
    return undefined;
  }
  const lines = contentLines(part);
  const text = lines.map((l) => l.text).join(' ');
  const line = lines[0]?.line ?? part.line;
  if (/no authori[sz]ation required/i.test(text)) return { security: [], sdkSchemes: [], line };
  const schemes = [...text.matchAll(/\[([^\]]+)\]\([^)]*\)/g)].map((m) => plainText(m[1]!)).filter(Boolean);
  if (schemes.length === 0) {
    diagnostics.warn(
      'sdk-reference-authorization-unknown',
      `cannot read the Authorization of ${section.name}: "${text.slice(0, 80)}"; its security is left to the document default`,
      { file, line },
    );
    return undefined;
  }
  return { security: [requirementOf(KALSHI_SCHEMES.map((s) => s.name))], sdkSchemes: schemes, line };
}
