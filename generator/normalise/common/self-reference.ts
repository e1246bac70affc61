import { isObject, type JsonObject } from '../../openapi/json.ts';

/**
 * A component schema that is nothing but a reference to itself (`Node: {$ref: '#/components/schemas/Node'}`,
 * possibly with siblings such as a description) describes no value. Mintlify writes one where a recursive
 * schema is cut short; the YAML anchor of an inline schema carrying its own `refIdentifier` produces one too.
 */
export function isSelfReference(name: string, schema: JsonObject): boolean {
  const own = `#/components/schemas/${name}`;
  if (schema.$ref === own) return true;
  const members = Array.isArray(schema.allOf) ? schema.allOf : [];
  return members.length === 1 && isObject(members[0]) && members[0].$ref === own && !isObject(schema.properties);
}

/** The schema without the reference: its siblings only (a description, nullable ...), which any value matches. */
export function withoutSelfReference(schema: JsonObject): JsonObject {
  const { $ref: _ref, allOf: _allOf, ...siblings } = schema;
  return siblings;
}
