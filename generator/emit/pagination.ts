import { componentName, isObject, type JsonObject } from '../openapi/json.ts';
import { objectProperties, resolveRef } from '../openapi/resolve.ts';

/**
 * Cursor pagination, detected from the schema rather than from a list of endpoints: the operation takes a
 * `cursor` query parameter, and its success body holds a cursor field (`cursor`, or `next_cursor` on
 * `/incentive_programs`) and at least one array beside it.
 *
 * Every such listing can be walked page by page. It can also be walked item by item when one array is meant:
 * the only array (`orders`, `markets`, `fills`, ...), or, among several, the only one the schema requires
 * (`events`, beside the `milestones` sent only on request). Pages with several required arrays
 * (`market_positions` and `event_positions`) are walked by pages only: neither array is the listing on its own.
 */
export interface PaginationModel {
  /** The array walked by item iteration, when one array is meant. */
  itemsKey?: string;
  /** The component of one item (`Order`), when the items schema is a `$ref`. */
  itemSchemaName?: string;
  /** Every array property of a page, in schema order (`market_positions`, `event_positions`). */
  arrays: string[];
  cursorKey: string;
  cursorParam: string;
  /** The page-size parameter (`limit`, or `page_size` on `/structured_targets`), when there is one. */
  limitParam?: string;
}

/** The runtime classes the operations' listings are: `ListingPromise` (pages only) and `PagePromise` (items). */
export function listingClasses(paginations: readonly (PaginationModel | undefined)[]): string[] {
  return [
    ...(paginations.some((p) => p !== undefined && p.itemsKey === undefined) ? ['ListingPromise'] : []),
    ...(paginations.some((p) => p?.itemsKey !== undefined) ? ['PagePromise'] : []),
  ];
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
  if (arrays.length === 0) return undefined;
  const model: PaginationModel = { arrays, cursorKey, cursorParam: 'cursor' };
  const itemsKey = arrays.length === 1 ? arrays[0] : onlyRequired(document, responseSchema, arrays);
  if (itemsKey) {
    model.itemsKey = itemsKey;
    const items = resolveRef(document, properties[itemsKey])?.items;
    const itemSchemaName = isObject(items) && typeof items.$ref === 'string' ? componentName(items.$ref) : undefined;
    if (itemSchemaName) model.itemSchemaName = itemSchemaName;
  }
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
