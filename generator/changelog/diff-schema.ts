import { type JsonObject } from '../openapi/json.ts';
import type { Side } from './change.ts';
import type { Emit } from './emit.ts';
import { typeRelation, viewOf, type SchemaView } from './schema-view.ts';

/**
 * Compares two schemas as a client sees them (see schema-view.ts), property by property, down through
 * arrays, maps and alternatives. Recursion stops where the same pair of schemas is already being compared
 * higher up (a reference cycle: the change is reported once, where the cycle is entered) and beyond
 * MAX_PATH_DEPTH levels.
 */
export interface SchemaPair {
  beforeDoc: JsonObject;
  afterDoc: JsonObject;
  side: Side;
  emit: Emit;
}

const MAX_PATH_DEPTH = 24;

export function diffSchemas(pair: SchemaPair, before: unknown, after: unknown): void {
  compare(pair, before, after, '', undefined, new Set(), 0);
}

function compare(pair: SchemaPair, before: unknown, after: unknown, path: string, parent: string | undefined, stack: Set<string>, depth: number): void {
  if (depth > MAX_PATH_DEPTH) return;
  const b = viewOf(pair.beforeDoc, before);
  const a = viewOf(pair.afterDoc, after);
  const schema = a.name ?? b.name ?? parent;
  const at = { ...(path ? { property: path } : {}), ...(schema ? { schema } : {}) };
  const target = path ? `\`${path}\`` : 'schema';
  if (b.type !== a.type) {
    pair.emit('type-changed', `${target}: type changed from ${b.type ?? 'any'} to ${a.type ?? 'any'}`, { ...at, ...qualifier(typeRelation(b.type, a.type)) });
    if (!(isNumeric(b.type) && isNumeric(a.type))) return;
  }
  if (b.format !== a.format) pair.emit('format-changed', `${target}: format changed from ${b.format ?? 'none'} to ${a.format ?? 'none'}`, at);
  if (b.nullable !== a.nullable) {
    pair.emit(a.nullable ? 'nullable-added' : 'nullable-removed', `${target} ${a.nullable ? 'became nullable' : 'is no longer nullable'}`, at);
  }
  compareEnums(pair, b, a, target, at);
  // Descend only into a pair of schemas not already being compared further up: a named component pair, or
  // a pair of inline nodes. Documents are finite, so every endless path repeats a key and stops here.
  const key = `${b.name ?? `#${identity(before)}`}|${a.name ?? `#${identity(after)}`}`;
  if (stack.has(key)) return;
  stack.add(key);
  try {
    compareProperties(pair, b, a, path, schema, stack, depth);
    const child = (x: JsonObject | undefined, y: JsonObject | undefined, suffix: string) => {
      if (x && y) compare(pair, x, y, `${path}${suffix}`, schema, stack, depth + 1);
    };
    child(b.items, a.items, '[]');
    child(b.additionalProperties, a.additionalProperties, path ? '.*' : '*');
    if (b.variants.length !== a.variants.length) {
      const more = a.variants.length > b.variants.length;
      pair.emit('variants-changed', `${target}: ${b.variants.length} → ${a.variants.length} oneOf/anyOf alternatives`, { ...at, qualifier: more ? 'more' : 'fewer' });
    } else {
      b.variants.forEach((variant, i) => child(variant, a.variants[i], `<${i + 1}>`));
    }
  } finally {
    stack.delete(key);
  }
}

function compareEnums(pair: SchemaPair, b: SchemaView, a: SchemaView, target: string, at: object): void {
  if (b.enum === undefined && a.enum === undefined) return;
  if (b.enum === undefined) return pair.emit('enum-added', `${target}: now restricted to ${a.enum!.map(show).join(', ')}`, at);
  if (a.enum === undefined) return pair.emit('enum-removed', `${target}: no longer restricted to an enum`, at);
  const before = new Set(b.enum.map(show));
  const after = new Set(a.enum.map(show));
  for (const value of [...after].filter((v) => !before.has(v)).sort()) pair.emit('enum-value-added', `${target}: enum value ${value} added`, at);
  for (const value of [...before].filter((v) => !after.has(v)).sort()) pair.emit('enum-value-removed', `${target}: enum value ${value} removed`, at);
}

function compareProperties(pair: SchemaPair, b: SchemaView, a: SchemaView, path: string, schema: string | undefined, stack: Set<string>, depth: number): void {
  const names = [...new Set([...b.properties.keys(), ...a.properties.keys()])].sort();
  for (const name of names) {
    const property = path ? `${path}.${name}` : name;
    const at = { property, ...(schema ? { schema } : {}) };
    const inBefore = b.properties.get(name);
    const inAfter = a.properties.get(name);
    if (!inBefore) {
      const required = a.required.has(name);
      pair.emit('property-added', `property \`${property}\` added${required ? ' as required' : ''}`, {
        ...at,
        qualifier: required ? 'required' : 'optional',
      });
      continue;
    }
    if (!inAfter) {
      pair.emit('property-removed', `property \`${property}\` removed`, at);
      continue;
    }
    if (b.required.has(name) !== a.required.has(name)) {
      const required = a.required.has(name);
      pair.emit(required ? 'property-required' : 'property-optional', `property \`${property}\` became ${required ? 'required' : 'optional'}`, at);
    }
    compare(pair, inBefore, inAfter, property, schema, stack, depth + 1);
  }
}

const isNumeric = (type: string | undefined) => type === 'integer' || type === 'number';
const show = (value: unknown) => JSON.stringify(value);
const qualifier = (q: string | undefined) => (q ? { qualifier: q } : {});

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable number per schema object, so a pair of nodes can be recognised when a cycle brings it back. */
function identity(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = nextId++));
  return id;
}
