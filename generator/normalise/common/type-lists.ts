import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';

/**
 * JSON Schema's ways of saying "null or T" and "T or U", in OpenAPI 3.0 terms: a `type` list becomes one type
 * plus `nullable`, or an `anyOf` of one schema per type (each taking the keywords that apply to it); a branch that
 * only says null leaves its union and marks the schema `nullable`. Merge (`nullable-refs.ts`) settles
 * `nullable` where no `type` stands beside it.
 */

/** `type: [string, 'null']` and `type: 'null'`. */
export function typeList(node: JsonObject): JsonObject {
  const types = (Array.isArray(node.type) ? node.type : [node.type]).map(String);
  const { type: _list, ...rest } = node;
  const nonNull = [...new Set(types.filter((t) => t !== 'null'))];
  const out: JsonObject = types.includes('null') ? { ...rest, nullable: true } : rest;
  if (nonNull.length === 1) return { ...out, type: nonNull[0]! };
  if (nonNull.length === 0) return { ...out, enum: [null] };
  // Each type gets its own branch, with the keywords that apply to it (`items` to the array, ...).
  const shared: JsonObject = { ...out };
  const branches = nonNull.map((type) => {
    const branch: JsonObject = { type };
    for (const key of TYPE_KEYWORDS[type] ?? []) {
      if (out[key] === undefined) continue;
      branch[key] = out[key]!;
      delete shared[key];
    }
    return branch;
  });
  return Array.isArray(shared.anyOf) || Array.isArray(shared.oneOf)
    ? { ...shared, allOf: [...(Array.isArray(shared.allOf) ? shared.allOf : []), { anyOf: branches }] }
    : { ...shared, anyOf: branches };
}

const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const TYPE_KEYWORDS: Record<string, string[]> = {
  array: ['items', 'minItems', 'maxItems', 'uniqueItems'],
  object: ['properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties'],
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: NUMBER_KEYWORDS,
  integer: NUMBER_KEYWORDS,
};

/** A branch that only says "null": `{type: 'null'}`, or the derived dialect's `{nullable: true}`. */
function isNullBranch(branch: JsonValue): boolean {
  if (!isObject(branch)) return false;
  const meaningful = Object.keys(branch).filter((k) => !['description', 'title', 'nullable', 'type', 'enum', 'example', 'default'].includes(k));
  if (meaningful.length > 0) return false;
  if (branch.type === 'null') return true;
  if (Array.isArray(branch.enum) && branch.enum.every((v) => v === null) && branch.nullable === true) return true;
  return branch.nullable === true && branch.type === undefined && branch.enum === undefined;
}

/** `anyOf`/`oneOf` null branches become `nullable` on the schema; a single branch left is merged in. */
export function nullBranches(node: JsonObject, key: 'anyOf' | 'oneOf'): JsonObject {
  const list = node[key];
  if (!Array.isArray(list) || !list.some(isNullBranch)) return node;
  const rest = list.filter((b) => !isNullBranch(b));
  const { [key]: _list, ...siblings } = node;
  if (rest.length === 0) return { ...siblings, nullable: true, enum: [null] };
  if (rest.length > 1) return { ...siblings, [key]: rest, nullable: true };
  const only = rest[0]!;
  if (isObject(only) && typeof only.$ref === 'string') return { ...siblings, allOf: [...(Array.isArray(siblings.allOf) ? siblings.allOf : []), only], nullable: true };
  if (isObject(only) && Object.keys(only).every((k) => !Object.hasOwn(siblings, k) || k === 'description')) return { ...only, ...siblings, nullable: true };
  return { ...siblings, allOf: [...(Array.isArray(siblings.allOf) ? siblings.allOf : []), only], nullable: true };
}

