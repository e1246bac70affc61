import type { JsonObject } from '../../openapi/json.ts';
import type { SourcedValue } from '../fragment.ts';
import { apiKeyHeaderScheme, isCredentialHeader, requirementOf } from '../security.ts';
import type { CurlCommand } from './curl.ts';
import type { Section } from './sections.ts';

/**
 * The security of the operation: one API-key scheme per credential header the cURL example sends (and
 * per credential header the `#### Authorizations` section lists), described from that section, all
 * of them together forming a single requirement. No credential header means a public operation.
 */
export function securityOf(
  curl: CurlCommand,
  authorizations: Section | undefined,
  file: string,
): { security: JsonObject[]; schemes: Record<string, SourcedValue> } {
  const entries = authorizations?.entries ?? [];
  const headers: { name: string; line: number }[] = [];
  const add = (name: string, line: number): void => {
    if (isCredentialHeader(name) && !headers.some((h) => sameHeader(h.name, name))) headers.push({ name, line });
  };
  for (const header of curl.headers) add(header.name, header.line);
  for (const entry of entries) if ((entry.location ?? 'header') === 'header') add(entry.name, entry.line);
  const schemes: Record<string, SourcedValue> = {};
  for (const header of headers) {
    const description = entries.find((e) => sameHeader(e.name, header.name))?.description;
    const { name, scheme } = apiKeyHeaderScheme(header.name, description);
    schemes[name] ??= { value: scheme, source: { file, line: header.line } };
  }
  const names = Object.keys(schemes);
  return { security: names.length > 0 ? [requirementOf(names)] : [], schemes };
}

function sameHeader(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
