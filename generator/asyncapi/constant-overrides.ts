import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import { mapSchemaTree } from '../openapi/schema-walk.ts';
import { resolveObject } from './pointer.ts';

/**
 * A schema that extends another with `allOf` and gives a property another constant (the multivariate lifecycle
 * message: `allOf: [{$ref: marketLifecycleV2Payload}, {properties: {type: {const: multivariate_market_lifecycle}}}]`)
 * is, as written, satisfied by no value: `type` cannot be both constants. The document means an override, and the
 * types must say so for `message.type` to tell the messages apart: such an `allOf` of objects is merged into one
 * object whose later members' properties replace the earlier ones'. (In the working form, `const` is a one-value
 * `enum`.) `conflicts` lists what was overridden, for the lint.
 */
export function overrideConstants(document: JsonObject, schema: JsonObject): JsonObject {
  return mapSchemaTree(schema, (node) => (conflictingConstants(document, node).length > 0 ? mergedObject(document, node) : node));
}

/** `type: "market_lifecycle_v2" / "multivariate_market_lifecycle"` for each property two members give different constants. */
export function conflictingConstants(document: JsonObject, node: JsonObject): string[] {
  const members = allOfMembers(document, node);
  if (members === undefined) return [];
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  for (const member of members) {
    for (const [name, property] of Object.entries(isObject(member.properties) ? member.properties : {})) {
      const value = constantOf(document, property);
      if (value === undefined) continue;
      const before = seen.get(name);
      if (before !== undefined && before !== value) conflicts.push(`${name}: ${before} / ${value}`);
      seen.set(name, value);
    }
  }
  return conflicts;
}

function mergedObject(document: JsonObject, node: JsonObject): JsonObject {
  const { allOf: _members, ...own } = node;
  const properties: JsonObject = {};
  const required = new Set<string>();
  for (const member of allOfMembers(document, node)!) {
    Object.assign(properties, isObject(member.properties) ? member.properties : {});
    for (const name of Array.isArray(member.required) ? member.required : []) if (typeof name === 'string') required.add(name);
  }
  return { ...own, type: 'object', properties, ...(required.size > 0 ? { required: [...required] } : {}) };
}

/** The `allOf` members, references followed, when every one is an object schema; else undefined. */
function allOfMembers(document: JsonObject, node: JsonObject): JsonObject[] | undefined {
  if (!Array.isArray(node.allOf) || node.allOf.length < 2) return undefined;
  const members = node.allOf.map((m) => resolveObject(document, m));
  return members.every((m): m is JsonObject => m !== undefined && (m.type === 'object' || isObject(m.properties))) ? members : undefined;
}

function constantOf(document: JsonObject, property: JsonValue): string | undefined {
  const schema = resolveObject(document, property);
  if (!schema) return undefined;
  if (typeof schema.const === 'string') return schema.const;
  return Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'string' ? schema.enum[0] : undefined;
}
