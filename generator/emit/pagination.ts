import { isObject, type JsonObject } from '../openapi/json.ts';
import { objectProperties, resolveRef } from '../openapi/resolve.ts';

/**
 * Cursor pagination, detected from the schema rather than from a list of endpoints: the operation takes a
 * `cursor` query parameter, and its success body holds a cursor field (`cursor`, or `next_cursor` on
 * `/incentive_programs`) and one array field beside it, the items (`markets`, `orders`, `fills`, ...); with several
 * arrays, the one the schema requires.
 */
export interface PaginationModel {
  itemsKey: string;
  cursorKey: string;
  cursorParam: string;
  /** The page-size parameter (`limit`, or `page_size` on `/structured_targets`), when there is one. */
  limitParam?: string;
}

const CURSOR_FIELDS = ['cursor', 'next_cursor'];
const LIMIT_PARAMS = ['limit', 'page_size'];

export function detectPagination(document: JsonObject, queryParameters: readonly string[], responseSchema: unknown): PaginationModel | undefined {
  if (!queryParameters.includes('cursor')) return undefined;
  const properties = objectProperties(document, responseSchema);
  if (!properties) return undefined;
  const cursorKey = CURSOR_FIELDS.find((name) => name in properties && isStringish(document, properties[name]));
  if (!cursorKey) return undefined;
  const arrays = Object.keys(properties).filter((name) => name !== cursorKey && resolveRef(document, properties[name])?.type === 'array');
  const itemsKey = arrays.length === 1 ? arrays[0] : onlyRequired(document, responseSchema, arrays);
  if (!itemsKey) return undefined;
  const model: PaginationModel = { itemsKey, cursorKey, cursorParam: 'cursor' };
  const limitParam = LIMIT_PARAMS.find((name) => queryParameters.includes(name));
  if (limitParam) model.limitParam = limitParam;
  return model;
}

/** Several arrays (`events` and the optional `milestones`): the items are the one the schema requires. */
function onlyRequired(document: JsonObject, schema: unknown, arrays: string[]): string | undefined {
  const required = resolveRef(document, schema)?.required;
  const candidates = Array.isArray(required) ? arrays.filter((name) => required.includes(name)) : [];
  return candidates.length === 1 ? candidates[0] : undefined;
}

function isStringish(document: JsonObject, schema: unknown): boolean {
  const resolved = resolveRef(document, schema);
  if (!resolved) return false;
  if (resolved.type === 'string') return true;
  const members = Array.isArray(resolved.allOf) ? resolved.allOf : [];
  return members.some((m) => isStringish(document, m));
}
