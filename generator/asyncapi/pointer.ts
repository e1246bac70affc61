import { isObject, unescapePointer, type JsonObject, type JsonValue } from '../openapi/json.ts';

/** The value a local `$ref` (`#/components/messages/ticker`, `#/channels/root/messages/x`) points at, or undefined. */
export function followRef(document: JsonObject, ref: string): JsonValue | undefined {
  if (ref === '#') return document;
  if (!ref.startsWith('#/')) return undefined;
  let node: JsonValue | undefined = document;
  for (const token of ref.slice(2).split('/')) {
    const key = unescapePointer(token);
    node = isObject(node) ? node[key] : Array.isArray(node) && /^\d+$/.test(key) ? node[Number(key)] : undefined;
  }
  return node;
}

/** Follows a chain of `$ref`s to the object they name (at most 32), or undefined. */
export function resolveObject(document: JsonObject, value: JsonValue | undefined): JsonObject | undefined {
  let node = value;
  for (let depth = 0; isObject(node) && typeof node.$ref === 'string'; depth++) {
    if (depth > 32) return undefined;
    node = followRef(document, node.$ref);
  }
  return isObject(node) ? node : undefined;
}
