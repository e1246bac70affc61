import { isObject, type JsonObject, type JsonValue } from './json.ts';

/**
 * Walks OpenAPI 3.0 Schema Objects (§4.7.24) wherever an operation or the components hold them.
 * Transformations return new objects; inputs are never mutated.
 */

export type SchemaFn = (schema: JsonObject) => JsonObject;

const SCHEMA_LIST_KEYS = ['allOf', 'oneOf', 'anyOf'] as const;
const SCHEMA_KEYS = ['items', 'not', 'additionalProperties'] as const;

/** Applies `fn` to each direct subschema of `schema`. */
export function mapSubschemas(schema: JsonObject, fn: SchemaFn): JsonObject {
  let out: JsonObject | undefined;
  const set = (key: string, value: JsonValue) => {
    out ??= { ...schema };
    out[key] = value;
  };
  const properties = schema.properties;
  if (isObject(properties)) {
    const mapped: JsonObject = {};
    for (const [name, sub] of Object.entries(properties)) mapped[name] = isObject(sub) ? fn(sub) : sub;
    set('properties', mapped);
  }
  for (const key of SCHEMA_LIST_KEYS) {
    const list = schema[key];
    if (Array.isArray(list)) set(key, list.map((sub) => (isObject(sub) ? fn(sub) : sub)));
  }
  for (const key of SCHEMA_KEYS) {
    const sub = schema[key];
    if (isObject(sub)) set(key, fn(sub));
  }
  return out ?? schema;
}

/** Applies `fn` bottom-up to every schema in the tree rooted at `schema` (children first). */
export function mapSchemaTree(schema: JsonObject, fn: SchemaFn): JsonObject {
  return fn(mapSubschemas(schema, (sub) => mapSchemaTree(sub, fn)));
}

/** Applies `fn` to the root schema of every parameter, body, response and header of an operation. */
export function mapOperationSchemas(operation: JsonObject, fn: SchemaFn): JsonObject {
  const out: JsonObject = { ...operation };
  if (Array.isArray(operation.parameters)) {
    out.parameters = operation.parameters.map((p) => (isObject(p) ? mapParameterSchema(p, fn) : p));
  }
  if (isObject(operation.requestBody)) out.requestBody = mapContentSchemas(operation.requestBody, fn);
  if (isObject(operation.responses)) {
    out.responses = mapValues(operation.responses, (r) => mapResponseSchemas(r, fn));
  }
  return out;
}

/** Applies `fn` to every root schema held by a components object (schemas, responses, parameters, ...). */
export function mapComponentSchemas(kind: string, component: JsonObject, fn: SchemaFn): JsonObject {
  switch (kind) {
    case 'schemas':
      return fn(component);
    case 'parameters':
    case 'headers':
      return mapParameterSchema(component, fn);
    case 'requestBodies':
      return mapContentSchemas(component, fn);
    case 'responses':
      return mapResponseSchemas(component, fn);
    default:
      return component;
  }
}

function mapParameterSchema(parameter: JsonObject, fn: SchemaFn): JsonObject {
  if (isObject(parameter.schema)) return { ...parameter, schema: fn(parameter.schema) };
  if (isObject(parameter.content)) return mapContentSchemas(parameter, fn);
  return parameter;
}

function mapContentSchemas(holder: JsonObject, fn: SchemaFn): JsonObject {
  if (!isObject(holder.content)) return holder;
  const content = mapValues(holder.content, (media) =>
    isObject(media.schema) ? { ...media, schema: fn(media.schema) } : media,
  );
  return { ...holder, content };
}

function mapResponseSchemas(response: JsonObject, fn: SchemaFn): JsonObject {
  const out = mapContentSchemas(response, fn);
  if (isObject(response.headers)) {
    return { ...out, headers: mapValues(response.headers, (h) => mapParameterSchema(h, fn)) };
  }
  return out;
}

function mapValues(object: JsonObject, fn: (value: JsonObject) => JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) out[key] = isObject(value) ? fn(value) : value;
  return out;
}

/** Every `$ref` string anywhere under `value`, with the path to the object holding it. */
export function collectRefs(value: JsonValue, path: (string | number)[] = []): { ref: string; path: (string | number)[] }[] {
  const found: { ref: string; path: (string | number)[] }[] = [];
  const visit = (v: JsonValue, p: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...p, i]));
    else if (isObject(v)) {
      if (typeof v.$ref === 'string') found.push({ ref: v.$ref, path: p });
      for (const [k, child] of Object.entries(v)) if (k !== '$ref') visit(child, [...p, k]);
    }
  };
  visit(value, path);
  return found;
}
