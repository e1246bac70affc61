import { isObject, type JsonObject } from '../openapi/json.ts';
import { mapSchemaTree } from '../openapi/schema-walk.ts';
import type { ComponentTable } from './components.ts';
import { parseRef } from './references.ts';

/**
 * OpenAPI 3.0.3 gives `nullable` meaning only next to `type` (§4.7.24.1, "nullable"), and the validator refuses
 * it elsewhere. Each `nullable` without a `type` is settled here, where referenced schemas are known:
 * - a nullable reference or composition whose members share one type gets that `type` (`T | null`);
 * - a schema that allows only null (`enum: [null]`) becomes `{type: string, nullable: true, enum: [null]}`;
 * - members of different types: the null alternative becomes a branch of its own (`anyOf: [..., NULL]`);
 * - no type and no members (any value): `nullable` is dropped, any value already includes null.
 */
export const NULL_SCHEMA: JsonObject = { type: 'string', nullable: true, enum: [null] };

export function typeNullableRefs(schema: JsonObject, table: ComponentTable): JsonObject {
  return mapSchemaTree(schema, (node) => {
    if (node.nullable !== true || node.type !== undefined) return node;
    if (Array.isArray(node.enum) && node.enum.every((v) => v === null)) return { type: 'string', ...node };
    const members = [node.allOf, node.oneOf, node.anyOf].flatMap((l) => (Array.isArray(l) ? l : []));
    const types = new Set(members.map((m) => (isObject(m) ? typeOf(m, table, 0) : undefined)));
    const [only] = [...types];
    if (types.size === 1 && typeof only === 'string') return { type: only, ...node };
    const { nullable: _nullable, ...rest } = node;
    if (members.length === 0) return rest;
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = rest[key];
      if (Array.isArray(list)) return { ...rest, [key]: [...list, NULL_SCHEMA] };
    }
    const { allOf, ...siblings } = rest;
    const whole: JsonObject = Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0]) ? allOf[0] : { allOf: allOf ?? [] };
    return { ...siblings, anyOf: [whole, NULL_SCHEMA] };
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
