import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { convertSchemaList, type DerivedSchemaContext } from './schema.ts';

/** Derived `request.parameters` / `request.body` and `response` → OpenAPI parameters, requestBody, responses. */

const LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;
const PARAMETER_KEYS = ['style', 'explode', 'deprecated', 'allowEmptyValue', 'allowReserved'];

export function convertParameters(parameters: JsonValue | undefined, ctx: DerivedSchemaContext): JsonObject[] {
  if (!isObject(parameters)) return [];
  const out: JsonObject[] = [];
  for (const location of LOCATIONS) {
    const group = parameters[location];
    if (!isObject(group)) continue;
    for (const [name, entry] of Object.entries(group)) {
      if (!isObject(entry)) continue;
      out.push(convertParameter(name, location, entry, ctx));
    }
  }
  return out;
}

function convertParameter(name: string, location: string, entry: JsonObject, ctx: DerivedSchemaContext): JsonObject {
  const alternatives = Array.isArray(entry.schema) ? entry.schema.filter(isObject) : isObject(entry.schema) ? [entry.schema] : [];
  const required = location === 'path' || entry.required === true || alternatives.some((alt) => alt.required === true);
  const schema = convertSchemaList(alternatives, ctx);
  const description = typeof schema.description === 'string' ? schema.description : entry.description;
  const { description: _moved, ...schemaRest } = schema;
  const parameter: JsonObject = { name, in: location, required };
  if (typeof description === 'string') parameter.description = description;
  for (const key of PARAMETER_KEYS) if (entry[key] !== undefined) parameter[key] = entry[key]!;
  if (schemaRest.deprecated === true) parameter.deprecated = true;
  parameter.schema = schemaRest;
  return parameter;
}

export function convertBody(body: JsonValue | undefined, ctx: DerivedSchemaContext): JsonObject | undefined {
  if (!isObject(body) || Object.keys(body).length === 0) return undefined;
  const content: JsonObject = {};
  let required = false;
  for (const [mediaType, media] of Object.entries(body)) {
    if (!isObject(media)) continue;
    const alternatives = schemaAlternatives(media);
    if (alternatives.some((alt) => alt.required === true) || media.required === true) required = true;
    content[mediaType] = { schema: convertSchemaList(alternatives, ctx) };
  }
  const requestBody: JsonObject = { content };
  if (required) requestBody.required = true;
  return requestBody;
}

export function convertResponses(response: JsonValue | undefined, ctx: DerivedSchemaContext): JsonObject {
  const responses: JsonObject = {};
  if (!isObject(response)) return { default: { description: 'Response' } };
  for (const [status, entry] of Object.entries(response)) {
    if (!isObject(entry)) continue;
    let description: string | undefined = typeof entry.description === 'string' ? entry.description : undefined;
    const content: JsonObject = {};
    for (const [mediaType, media] of Object.entries(entry)) {
      if (!isObject(media)) continue;
      const alternatives = schemaAlternatives(media);
      description ??= typeof media.description === 'string' ? media.description : firstDescription(alternatives);
      if (mediaType === '_mintlify/placeholder') continue;
      content[mediaType] = { schema: convertSchemaList(alternatives, ctx) };
    }
    const out: JsonObject = { description: description ?? `Status ${status}` };
    if (Object.keys(content).length > 0) out.content = content;
    responses[status] = out;
  }
  return Object.keys(responses).length > 0 ? responses : { default: { description: 'Response' } };
}

function schemaAlternatives(media: JsonObject): JsonObject[] {
  const list = media.schemaArray ?? media.schema;
  if (Array.isArray(list)) return list.filter(isObject);
  return isObject(list) ? [list] : [];
}

function firstDescription(alternatives: JsonObject[]): string | undefined {
  const found = alternatives.find((alt) => typeof alt.description === 'string');
  return found ? String(found.description) : undefined;
}
