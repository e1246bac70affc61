import { isObject, type JsonObject } from '../openapi/json.ts';
import { mapSchemaTree } from '../openapi/schema-walk.ts';
import type { ComponentTable } from './components.ts';
import { parseRef } from './references.ts';

/**
 * OpenAPI 3.0.3 gives `nullable` meaning only next to `type` (§4.7.24.1, "nullable"). A nullable reference,
 * written `{allOf: [{$ref}], nullable: true}` by the clean-up, therefore also gets the referenced schema's
 * `type`, so validators accept it and generators emit `T | null`.
 */
export function typeNullableRefs(schema: JsonObject, table: ComponentTable): JsonObject {
  return mapSchemaTree(schema, (node) => {
    if (node.nullable !== true || node.type !== undefined) return node;
    const members = [node.allOf, node.oneOf, node.anyOf].flatMap((l) => (Array.isArray(l) ? l : []));
    const types = new Set(members.map((m) => (isObject(m) ? typeOf(m, table, 0) : undefined)));
    const [only] = [...types];
    return types.size === 1 && typeof only === 'string' ? { type: only, ...node } : node;
  });
}

function typeOf(schema: JsonObject, table: ComponentTable, depth: number): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (depth > 16) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = parseRef(schema.$ref);
    const choice = target?.kind === 'schemas' ? table.schemas.get(target.name) : undefined;
    return choice ? typeOf(choice.value, table, depth + 1) : undefined;
  }
  if (isObject(schema.properties)) return 'object';
  const members = [schema.allOf, schema.oneOf, schema.anyOf].flatMap((l) => (Array.isArray(l) ? l : []));
  const types = new Set(members.map((m) => (isObject(m) ? typeOf(m, table, depth + 1) : undefined)));
  const [only] = [...types];
  return types.size === 1 ? only : undefined;
}
