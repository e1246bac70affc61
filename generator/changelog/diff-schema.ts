import { jsonEqual, type JsonObject, type JsonValue } from '../openapi/json.ts';
import type { ChangeKind, Side } from './change.ts';
import { constraintChanges } from './diff-constraints.ts';
import type { Emit } from './emit.ts';
import { componentSchema, typeRelation, viewOf, type SchemaView } from './schema-view.ts';

/**
 * Compares two schemas as a client sees them (see schema-view.ts), property by property, down through
 * arrays, maps and alternatives. Each change is attributed to where it was made: inside a component schema's
 * own definition (`Order.status` lost a value: a change of `Order`, whichever operation shows it) or in the
 * operation itself (an inline body, or a field that now refers elsewhere or became nullable at the reference).
 * Recursion stops where the same pair of schemas is already being compared higher up (a reference cycle: the
 * change is reported once, where the cycle is entered) and beyond MAX_PATH_DEPTH levels.
 */
export interface SchemaPair {
  beforeDoc: JsonObject;
  afterDoc: JsonObject;
  side: Side;
  emit: Emit;
}

const MAX_PATH_DEPTH = 24;

/** A component schema and a path relative to its definition (`''` at its root). */
interface Owner {
  name: string;
  path: string;
}

/** Where a node is: its path from the location's root, and the component definition it is inside, if any. */
interface Place {
  path: string;
  owner?: Owner;
}

export function diffSchemas(pair: SchemaPair, before: unknown, after: unknown): void {
  compare(pair, before, after, { path: '' }, new Set(), 0);
}

function compare(pair: SchemaPair, before: unknown, after: unknown, place: Place, stack: Set<string>, depth: number): void {
  if (depth > MAX_PATH_DEPTH) return;
  const b = viewOf(pair.beforeDoc, before);
  const a = viewOf(pair.afterDoc, after);
  const self: Owner | undefined = a.name !== undefined && b.name !== undefined && sameComponent(pair, b.name, a.name) ? { name: a.name, path: '' } : undefined;
  const inner = self ?? place.owner;
  const body = self ? definitions(pair, b.name!, a.name!) : undefined;
  // An attribute the component's own definition changed is the component's; one changed beside the reference
  // (`nullable` on an `allOf` wrapper) belongs to whatever holds the reference.
  const ownerOf = (attribute: (v: SchemaView) => unknown): Owner | undefined =>
    body && !same(attribute(body.before), attribute(body.after)) ? self : place.owner;
  const report = (owner: Owner | undefined, kind: ChangeKind, text: (subject: string) => string, qualifier?: string) =>
    emitAt(pair, place, owner, kind, text, qualifier);

  if (b.type !== a.type) {
    report(ownerOf((v) => v.type), 'type-changed', (s) => `${lead(s)}type changed from ${b.type ?? 'any'} to ${a.type ?? 'any'}`, typeRelation(b.type, a.type));
    if (!(isNumeric(b.type) && isNumeric(a.type))) return;
  }
  if (b.format !== a.format) {
    report(ownerOf((v) => v.format), 'format-changed', (s) => `${lead(s)}format changed from ${b.format ?? 'none'} to ${a.format ?? 'none'}`);
  }
  if (b.nullable !== a.nullable) {
    const text = a.nullable ? 'became nullable' : 'is no longer nullable';
    report(ownerOf((v) => v.nullable), a.nullable ? 'nullable-added' : 'nullable-removed', (s) => (s ? `${s} ${text}` : text));
  }
  compareEnums(b, a, (kind, text) => report(ownerOf((v) => v.enum), kind, text));
  for (const change of constraintChanges(b.constraints, a.constraints)) {
    report(ownerOf((v) => v.constraints.get(change.key)), 'constraint-changed', (s) => `${lead(s)}${change.text}`, change.qualifier);
  }
  // Descend only into a pair of schemas not already being compared further up: a named component pair, or
  // a pair of inline nodes. Documents are finite, so every endless path repeats a key and stops here.
  const key = `${b.name ?? `#${identity(before)}`}|${a.name ?? `#${identity(after)}`}`;
  if (stack.has(key)) return;
  stack.add(key);
  try {
    const inside = { path: place.path, ...(inner ? { owner: inner } : {}) };
    compareProperties(pair, b, a, inside, stack, depth);
    const child = (x: JsonObject | undefined, y: JsonObject | undefined, suffix: string) => {
      if (x && y) compare(pair, x, y, descend(inside, suffix), stack, depth + 1);
    };
    child(b.items, a.items, '[]');
    child(b.additionalProperties, a.additionalProperties, '.*');
    if (b.variants.length !== a.variants.length) {
      const more = a.variants.length > b.variants.length;
      report(inner, 'variants-changed', (s) => `${lead(s)}${b.variants.length} → ${a.variants.length} oneOf/anyOf alternatives`, more ? 'more' : 'fewer');
    } else {
      b.variants.forEach((variant, i) => child(variant, a.variants[i], `<${i + 1}>`));
    }
  } finally {
    stack.delete(key);
  }
}

/** Enum values added, and removed, each as one line listing the values. */
function compareEnums(b: SchemaView, a: SchemaView, report: (kind: ChangeKind, text: (subject: string) => string) => void): void {
  if (b.enum === undefined && a.enum === undefined) return;
  if (b.enum === undefined) return report('enum-added', (s) => `${lead(s)}now restricted to ${a.enum!.map(show).join(', ')}`);
  if (a.enum === undefined) return report('enum-removed', (s) => `${lead(s)}no longer restricted to an enum`);
  const before = new Set(b.enum.map(show));
  const after = new Set(a.enum.map(show));
  const added = [...after].filter((v) => !before.has(v)).sort();
  const removed = [...before].filter((v) => !after.has(v)).sort();
  const values = (list: string[]) => `enum value${list.length > 1 ? 's' : ''} ${list.join(', ')}`;
  if (added.length > 0) report('enum-value-added', (s) => `${lead(s)}${values(added)} added`);
  if (removed.length > 0) report('enum-value-removed', (s) => `${lead(s)}${values(removed)} removed`);
}

/**
 * Properties of an object, each change belonging to the object's owner. One property removed and one added in
 * the same object, of the same type, is reported as a rename.
 */
function compareProperties(pair: SchemaPair, b: SchemaView, a: SchemaView, place: Place, stack: Set<string>, depth: number): void {
  const names = [...new Set([...b.properties.keys(), ...a.properties.keys()])].sort();
  const removed = names.filter((n) => !a.properties.has(n));
  const added = names.filter((n) => !b.properties.has(n));
  const rename = removed.length === 1 && added.length === 1 && sameKind(pair, b.properties.get(removed[0]!)!, a.properties.get(added[0]!)!);
  for (const name of names) {
    if (rename && name === removed[0]) continue;
    const at = descend(place, `.${name}`);
    const report = (kind: ChangeKind, text: string, qualifier?: string) => emitAt(pair, at, at.owner, kind, (s) => `property ${s} ${text}`, qualifier);
    const inBefore = b.properties.get(name);
    const inAfter = a.properties.get(name);
    const required = a.required.has(name);
    if (rename && name === added[0]) {
      const old = descend(place, `.${removed[0]}`);
      const oldName = (relative: boolean) => `\`${relative ? old.owner!.path : old.path}\``;
      emitAt(pair, at, at.owner, 'property-renamed', (s, relative) => `property ${oldName(relative)} renamed to ${s}${required ? ' (required)' : ''}`);
      compare(pair, b.properties.get(removed[0]!)!, inAfter!, at, stack, depth + 1);
    } else if (!inBefore) {
      report('property-added', `added${required ? ' as required' : ''}`, required ? 'required' : 'optional');
    } else if (!inAfter) {
      report('property-removed', 'removed');
    } else {
      if (b.required.has(name) !== required) report(required ? 'property-required' : 'property-optional', `became ${required ? 'required' : 'optional'}`);
      const deprecated = viewOf(pair.afterDoc, inAfter).deprecated;
      if (viewOf(pair.beforeDoc, inBefore).deprecated !== deprecated) {
        report(deprecated ? 'property-deprecated' : 'property-undeprecated', deprecated ? 'deprecated' : 'no longer deprecated');
      }
      compare(pair, inBefore, inAfter, at, stack, depth + 1);
    }
  }
}

/**
 * Records one change of the node at `place`, owned by `owner` (then also worded relative to the owner's
 * definition). `phrase(subject, relative)` words it about the node's name: its path from the location's root
 * (`schema` at the root), or from the owner's definition (empty at its root).
 */
function emitAt(
  pair: SchemaPair,
  place: Place,
  owner: Owner | undefined,
  kind: ChangeKind,
  phrase: (subject: string, relative: boolean) => string,
  qualifier?: string,
): void {
  const subject = (path: string, root: string) => (path ? `\`${path}\`` : root);
  pair.emit(kind, phrase(subject(place.path, 'schema'), false), {
    ...(qualifier ? { qualifier } : {}),
    ...(place.path ? { property: place.path } : {}),
    ...(owner
      ? { schema: owner.name, schemaMessage: phrase(subject(owner.path, ''), true), ...(owner.path ? { schemaProperty: owner.path } : {}) }
      : {}),
  });
}

/** A child node: its path from the location and, inside a component, from the component's definition. */
function descend(place: Place, suffix: string): Place {
  const join = (path: string) => (suffix.startsWith('.') ? (path ? `${path}${suffix}` : suffix.slice(1)) : `${path}${suffix}`);
  return { path: join(place.path), ...(place.owner ? { owner: { name: place.owner.name, path: join(place.owner.path) } } : {}) };
}

/**
 * Whether a reference to `before` and one to `after` are to the same component: the same name, or a renamed one
 * (the old name is gone and the new one is new). A reference moved to another existing component is not.
 */
function sameComponent(pair: SchemaPair, before: string, after: string): boolean {
  return before === after || (!componentSchema(pair.afterDoc, before) && !componentSchema(pair.beforeDoc, after));
}

/** The two versions of a component's own definition, as views. */
function definitions(pair: SchemaPair, before: string, after: string): { before: SchemaView; after: SchemaView } {
  return { before: viewOf(pair.beforeDoc, componentSchema(pair.beforeDoc, before)), after: viewOf(pair.afterDoc, componentSchema(pair.afterDoc, after)) };
}

/** Evidence for a rename: the same type, format and enum. */
function sameKind(pair: SchemaPair, before: JsonObject, after: JsonObject): boolean {
  const b = viewOf(pair.beforeDoc, before);
  const a = viewOf(pair.afterDoc, after);
  return b.type !== undefined && b.type === a.type && b.format === a.format && same(b.enum, a.enum);
}

const same = (x: unknown, y: unknown) => jsonEqual(x as JsonValue | undefined, y as JsonValue | undefined);
const lead = (subject: string) => (subject ? `${subject}: ` : '');
const isNumeric = (type: string | undefined) => type === 'integer' || type === 'number';
const show = (value: unknown) => JSON.stringify(value);

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable number per schema object, so a pair of nodes can be recognised when a cycle brings it back. */
function identity(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = nextId++));
  return id;
}
