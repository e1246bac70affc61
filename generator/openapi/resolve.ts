import { isObject, type JsonObject } from './json.ts';

/** Follows local `$ref`s (`#/components/...`) inside `document` until a non-reference object is reached. */
export function resolveRef(document: JsonObject, value: unknown, depth = 0): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.$ref !== 'string') return value;
  if (depth > 32 || !value.$ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const token of value.$ref.slice(2).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return resolveRef(document, node, depth + 1);
}

/** The properties of an object schema, following `$ref`s and merging `allOf` members. */
export function objectProperties(document: JsonObject, schema: unknown): Record<string, JsonObject> | undefined {
  const resolved = resolveRef(document, schema);
  if (!resolved) return undefined;
  const own: Record<string, JsonObject> = {};
  let isObjectSchema = resolved.type === 'object' || isObject(resolved.properties);
  if (isObject(resolved.properties)) {
    for (const [name, property] of Object.entries(resolved.properties)) if (isObject(property)) own[name] = property;
  }
  for (const member of Array.isArray(resolved.allOf) ? resolved.allOf : []) {
    const inner = objectProperties(document, member);
    if (inner) {
      isObjectSchema = true;
      Object.assign(own, inner);
    }
  }
  return isObjectSchema ? own : undefined;
}
