import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { camelCase } from '../names.ts';
import { requirementOf } from '../security.ts';

/**
 * Derived `request.security`: a list of alternatives, each titled `a & b & c` with the credentials it sends
 * under `parameters.{header,query,cookie}`. Each alternative → one requirement naming all its schemes.
 */
export function convertSecurity(security: JsonValue | undefined): {
  requirements: JsonObject[] | undefined;
  schemes: Record<string, JsonObject>;
} {
  const schemes: Record<string, JsonObject> = {};
  if (!Array.isArray(security)) return { requirements: undefined, schemes };
  const requirements: JsonObject[] = [];
  for (const alternative of security) {
    if (!isObject(alternative)) continue;
    const names = String(alternative.title ?? '')
      .split('&')
      .map((n) => n.trim())
      .filter(Boolean);
    const credentials = credentialEntries(alternative.parameters);
    credentials.forEach(([wireName, location, entry], index) => {
      const name = names.find((n) => n === camelCase(wireName)) ?? names[index] ?? camelCase(wireName);
      schemes[name] = schemeOf(wireName, location, entry);
    });
    if (names.length > 0) requirements.push(requirementOf(names));
  }
  return { requirements, schemes };
}

function credentialEntries(parameters: JsonValue | undefined): [string, string, JsonObject][] {
  if (!isObject(parameters)) return [];
  const out: [string, string, JsonObject][] = [];
  for (const location of ['header', 'query', 'cookie']) {
    const group = parameters[location];
    if (!isObject(group)) continue;
    for (const [wireName, entry] of Object.entries(group)) if (isObject(entry)) out.push([wireName, location, entry]);
  }
  return out;
}

function schemeOf(wireName: string, location: string, entry: JsonObject): JsonObject {
  const description: JsonObject = typeof entry.description === 'string' ? { description: entry.description } : {};
  if (entry.type === 'http') {
    const scheme: JsonObject = { type: 'http', scheme: String(entry.scheme ?? 'bearer'), ...description };
    if (typeof entry.bearerFormat === 'string') scheme.bearerFormat = entry.bearerFormat;
    return scheme;
  }
  return { type: 'apiKey', in: location, name: wireName, ...description };
}
