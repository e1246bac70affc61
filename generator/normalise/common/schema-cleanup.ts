import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { mapSchemaTree } from '../../openapi/schema-walk.ts';

/**
 * Clean-ups every page kind needs, applied to each schema tree:
 * - `$ref` with sibling keys (ignored by OpenAPI 3.0 §4.7.26) becomes `allOf: [{$ref}]` plus the siblings, so
 *   `nullable`, `description`, `readOnly` ... keep their meaning (a nullable `$ref` comes out as `T | null`);
 * - a single-element `allOf` wrapper is unwrapped (its siblings merged in, unless the element is a `$ref`);
 * - vendor keys meant for Go code generators (`x-go-*`, `x-oapi-codegen-*`, `x-omitempty`) are dropped.
 */
export function cleanSchema(schema: JsonObject): JsonObject {
  return mapSchemaTree(schema, (node) => wrapRefSiblings(unwrapSingleAllOf(dropVendorKeys(node))));
}

export function unwrapSingleAllOf(schema: JsonObject): JsonObject {
  const list = schema.allOf;
  if (!Array.isArray(list) || list.length !== 1 || !isObject(list[0])) return schema;
  const { allOf: _wrapper, ...siblings } = schema;
  const inner = list[0];
  if (typeof inner.$ref === 'string') {
    return Object.keys(siblings).length === 0 ? inner : schema;
  }
  return { ...inner, ...siblings };
}

export function wrapRefSiblings(schema: JsonObject): JsonObject {
  if (typeof schema.$ref !== 'string') return schema;
  const { $ref, ...siblings } = schema;
  if (Object.keys(siblings).length === 0) return schema;
  return { allOf: [{ $ref }], ...siblings };
}

/** Vendor extensions dropped from the output document. */
export function isDroppedVendorKey(key: string): boolean {
  return key.startsWith('x-go-') || key.startsWith('x-oapi-codegen-') || key === 'x-omitempty';
}

export function dropVendorKeys<T extends JsonValue>(value: T): T {
  if (!isObject(value)) return value;
  if (!Object.keys(value).some(isDroppedVendorKey)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) if (!isDroppedVendorKey(key)) out[key] = v;
  return out as T;
}

/**
 * A `$ref` standing where OpenAPI 3.0 allows only a Reference Object (parameters, responses, request
 * bodies): siblings cannot be kept there, so they are dropped.
 */
export function bareReference(value: JsonObject): JsonObject {
  return typeof value.$ref === 'string' ? { $ref: value.$ref } : value;
}
