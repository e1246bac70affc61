import type { Diagnostics, SourceLocation } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import { findCycles } from './cycles.ts';
import { parseRef } from './references.ts';

/**
 * openapi-typescript writes each component as a property of `components["schemas"]` and each reference as an
 * indexed access to it. TypeScript resolves an indexed access at once when it stands in a union, an
 * intersection or an array element (only object members wait), so a schema reaching itself that way through
 * an array (`JsonValue: anyOf [string, array of JsonValue, ...]`) makes the types fail to compile (TS2502).
 * Such a cycle is cut at one array: its items become unknown, and the cut is reported. Recursion through
 * object properties (a tree node holding its children) compiles and is left alone.
 */

interface EagerRef {
  target: string;
  /** Whether the way to the reference passes through `items`. */
  throughItems: boolean;
}

export function cutArrayCycles(schemas: Record<string, JsonObject>, sources: ReadonlyMap<string, SourceLocation>, diagnostics: Diagnostics): void {
  const names = Object.keys(schemas).sort();
  for (let guard = 0; guard < names.length * 4; guard++) {
    const cycle = findCycles(names, (name) => eagerRefs(schemas[name]!).map((r) => r.target)).find((c) => cutPoint(c, schemas));
    if (!cycle) return;
    const [from, to] = cutPoint(cycle, schemas)!;
    schemas[from] = cutItems(schemas[from]!, to);
    diagnostics.warn(
      'schema-recursive-array',
      `schema ${cycle.join(' → ')} → ${cycle[0]} holds itself through an array inside a union, which TypeScript cannot type; the items of that array in ${from} are typed as unknown`,
      sources.get(from),
    );
  }
}

/** The first edge of the cycle (from its smallest name on) that goes through an array's items. */
function cutPoint(cycle: string[], schemas: Record<string, JsonObject>): [string, string] | undefined {
  for (let i = 0; i < cycle.length; i++) {
    const from = cycle[i]!;
    const to = cycle[(i + 1) % cycle.length]!;
    if (eagerRefs(schemas[from]!).some((r) => r.target === to && r.throughItems)) return [from, to];
  }
  return undefined;
}

function eagerRefs(schema: JsonValue, throughItems = false): EagerRef[] {
  if (!isObject(schema)) return [];
  const found: EagerRef[] = [];
  if (typeof schema.$ref === 'string') {
    const target = parseRef(schema.$ref);
    if (target?.kind === 'schemas') found.push({ target: target.name, throughItems });
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const member of list) found.push(...eagerRefs(member, throughItems));
  }
  if (isObject(schema.items)) found.push(...eagerRefs(schema.items, true));
  return found;
}

/** `schema` with each reference to `target` reached through `items` replaced by an unknown schema. */
function cutItems(schema: JsonObject, target: string, throughItems = false): JsonObject {
  if (throughItems && typeof schema.$ref === 'string' && parseRef(schema.$ref)?.name === target) {
    const { $ref: _cut, ...siblings } = schema;
    return siblings;
  }
  const out: JsonObject = { ...schema };
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map((m) => (isObject(m) ? cutItems(m, target, throughItems) : m));
  }
  if (isObject(schema.items)) out.items = cutItems(schema.items, target, true);
  return out;
}
