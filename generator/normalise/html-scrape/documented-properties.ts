import { isObject, type JsonObject } from '../../openapi/json.ts';
import { schemaOfEntry } from './entry-schema.ts';
import type { Entry } from './sections.ts';

/**
 * The `#### Body` and `#### Response` sections document the top-level properties of the payload (type,
 * required, description, options, range); the JSON example shows its full nested shape. These helpers
 * lay the documented facts over the inferred shape, and build a schema from the entries alone when the
 * page has no example.
 */

/** An object schema from documented entries alone. */
export function schemaOfEntries(entries: readonly Entry[]): JsonObject {
  return withDocumentedProperties({ type: 'object', properties: {} }, entries);
}

/** The inferred object schema with each documented property's facts applied and `required` set. */
export function withDocumentedProperties(schema: JsonObject, entries: readonly Entry[]): JsonObject {
  if (entries.length === 0 || schema.type !== 'object') return schema;
  const properties: JsonObject = isObject(schema.properties) ? { ...schema.properties } : {};
  for (const entry of entries) {
    const documented = propertySchemaOf(entry);
    const inferred = properties[entry.name];
    properties[entry.name] = isObject(inferred) ? mergeSchemas(inferred, documented) : documented;
  }
  const required = entries.filter((e) => e.required).map((e) => e.name);
  const out: JsonObject = { ...schema, properties };
  if (required.length > 0) out.required = required;
  return out;
}

function propertySchemaOf(entry: Entry): JsonObject {
  const schema = schemaOfEntry(entry);
  if (entry.description) schema.description = entry.description;
  if (entry.deprecated) schema.deprecated = true;
  return schema;
}

/**
 * The documented schema wins on every key it states; the inferred one keeps what the documentation
 * leaves out (nested properties, array items), as long as the two agree on the type.
 */
export function mergeSchemas(inferred: JsonObject, documented: JsonObject): JsonObject {
  if (documented.oneOf !== undefined) return documented;
  const out: JsonObject = { ...inferred, ...documented };
  if (documented.type !== undefined && inferred.type !== undefined && documented.type !== inferred.type) {
    for (const key of ['properties', 'items', 'format']) if (!(key in documented)) delete out[key];
  }
  if (isObject(inferred.items) && isObject(documented.items))
    out.items = mergeSchemas(inferred.items, documented.items);
  return out;
}
