import type { JsonObject } from '../../openapi/json.ts';
import { isCredentialHeader } from '../security.ts';
import { schemaOfEntry } from './entry-schema.ts';
import type { Entry, Section } from './sections.ts';
import { pathParameterNames } from './server-url.ts';
import type { Warn } from './warn.ts';

/**
 * The operation's parameters in page order: every `{x}` of the path (typed from `#### Path Parameters`,
 * else a string), then the entries of `#### Query Parameters` and of any header or cookie section, then
 * query names written into the cURL URL that no section documents. Credential headers are not
 * parameters: they become security schemes.
 */
export function buildParameters(
  path: string,
  urlQuery: readonly string[],
  sections: Map<string, Section>,
  warn: Warn,
): JsonObject[] {
  const pathEntries = entriesOf(sections, 'path parameters');
  const names = pathParameterNames(path);
  const parameters = names.map((name) =>
    parameterOf(
      name,
      'path',
      pathEntries.find((e) => e.name === name),
    ),
  );
  for (const entry of pathEntries) {
    if (!names.includes(entry.name)) {
      warn(
        'html-scrape-path-parameter-unused',
        `path parameter ${entry.name} is documented but the cURL URL has no {${entry.name}} segment; it is left out`,
        entry.line,
      );
    }
  }
  const queryEntries = entriesOf(sections, 'query parameters');
  parameters.push(...queryEntries.map((e) => parameterOf(e.name, 'query', e)));
  for (const name of urlQuery) {
    if (!queryEntries.some((e) => e.name === name)) parameters.push(parameterOf(name, 'query', undefined));
  }
  for (const [location, titles] of [
    ['header', ['header parameters', 'headers']],
    ['cookie', ['cookie parameters', 'cookies']],
  ] as const) {
    const entries = titles.flatMap((t) => entriesOf(sections, t));
    parameters.push(
      ...entries
        .filter((e) => location !== 'header' || !isCredentialHeader(e.name))
        .map((e) => parameterOf(e.name, location, e)),
    );
  }
  return parameters;
}

function entriesOf(sections: Map<string, Section>, title: string): Entry[] {
  return sections.get(title)?.entries ?? [];
}

function parameterOf(name: string, location: string, entry: Entry | undefined): JsonObject {
  const parameter: JsonObject = { name, in: location };
  if (entry?.description) parameter.description = entry.description;
  if (location === 'path' || entry?.required) parameter.required = true;
  if (entry?.deprecated) parameter.deprecated = true;
  parameter.schema = entry ? schemaOfEntry(entry) : { type: 'string' };
  return parameter;
}
