import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';

/**
 * A JSON schema guessed from a JSON example. Mintlify's examples are placeholders (`"<string>"`, `123`,
 * `true`), so only the shape and the kinds of values are kept: objects list every property (none
 * required), arrays take their items from the first element, and no example value ever becomes an
 * `enum` or a `default`.
 */
export function inferSchema(value: JsonValue): JsonObject {
  if (value === null) return { nullable: true };
  if (Array.isArray(value)) return { type: 'array', items: value.length > 0 ? inferSchema(value[0]!) : {} };
  if (isObject(value)) {
    const properties: JsonObject = {};
    for (const [key, item] of Object.entries(value)) properties[key] = inferSchema(item);
    return { type: 'object', properties };
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  return schemaOfString(value);
}

/** The root of a schema inferred from an example, marked so later stages and readers know it is a guess. */
export function inferRootSchema(value: JsonValue): JsonObject {
  return { ...inferSchema(value), 'x-inferred-from-example': true };
}

/** Placeholders name their type (`<string>`, `<integer>`, `<any>`); a full ISO date-time is a date-time. */
function schemaOfString(value: string): JsonObject {
  const placeholder = /^<(\w+)>$/.exec(value)?.[1]?.toLowerCase();
  if (placeholder === 'any') return {};
  if (placeholder && ['integer', 'number', 'boolean', 'object'].includes(placeholder)) return { type: placeholder };
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value))
    return { type: 'string', format: 'date-time' };
  return { type: 'string' };
}
