import type { Diagnostics, SourceLocation } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import { COMPONENT_KINDS, type ComponentKind } from '../normalise/fragment.ts';
import type { ComponentChoice, ComponentTable } from './components.ts';

/** A local component reference, split: `#/components/schemas/Order` → `{ kind: 'schemas', name: 'Order' }`. */
export function parseRef(ref: string): { kind: ComponentKind; name: string } | undefined {
  const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
  if (!match || !(COMPONENT_KINDS as readonly string[]).includes(match[1]!)) return undefined;
  return { kind: match[1] as ComponentKind, name: match[2]!.replace(/~1/g, '/').replace(/~0/g, '~') };
}

/**
 * Replaces every `$ref` that no page defines with a stand-in that keeps the document valid (a schema of
 * type `unknown`; a description-only response; a dropped parameter) and reports it once per place.
 */
export function resolveDangling(value: JsonObject, table: ComponentTable, source: SourceLocation, diagnostics: Diagnostics): JsonObject {
  const reported = new Set<string>();
  const visit = (v: JsonValue): JsonValue | undefined => {
    if (Array.isArray(v)) return v.map(visit).filter((x): x is JsonValue => x !== undefined);
    if (!isObject(v)) return v;
    if (typeof v.$ref === 'string') {
      const target = parseRef(v.$ref);
      if (target && table[target.kind].has(target.name)) return v;
      if (!reported.has(v.$ref)) {
        reported.add(v.$ref);
        diagnostics.warn(
          'ref-unresolved',
          `$ref "${v.$ref}" is defined on no page; its type becomes unknown (add the page that defines it)`,
          source,
        );
      }
      return standIn(v.$ref, target?.kind);
    }
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(v)) {
      const mapped = key === 'discriminator' && isObject(child) ? resolvedMapping(child) : visit(child);
      if (mapped !== undefined) out[key] = mapped;
    }
    return out;
  };
  /** Discriminator mapping values are references too: one naming no schema is dropped, with a warning. */
  const resolvedMapping = (discriminator: JsonObject): JsonObject => {
    if (!isObject(discriminator.mapping)) return discriminator;
    const mapping: JsonObject = {};
    for (const [value, ref] of Object.entries(discriminator.mapping)) {
      const target = typeof ref === 'string' ? mappingTarget(ref) : undefined;
      if (target && table.schemas.has(target)) mapping[value] = ref;
      else diagnostics.warn('ref-unresolved', `discriminator mapping "${value}" → ${JSON.stringify(ref)} names no schema on any page; dropped`, source);
    }
    const { mapping: _all, ...rest } = discriminator;
    return Object.keys(mapping).length > 0 ? { ...rest, mapping } : rest;
  };
  return visit(value) as JsonObject;
}

/** A mapping value is a `#/components/schemas/...` reference or a bare schema name (OpenAPI 3.0 §4.7.25). */
function mappingTarget(ref: string): string | undefined {
  if (!ref.startsWith('#')) return /^[A-Za-z0-9._-]+$/.test(ref) ? ref : undefined;
  const target = parseRef(ref);
  return target?.kind === 'schemas' ? target.name : undefined;
}

function standIn(ref: string, kind: ComponentKind | undefined): JsonValue | undefined {
  const note = `Unresolved reference ${ref}`;
  switch (kind) {
    case 'parameters':
      return undefined;
    case 'responses':
      return { description: note };
    case 'requestBodies':
      return { description: note, content: { 'application/json': { schema: { 'x-unresolved-ref': ref } } } };
    case 'headers':
      return { description: note, schema: { 'x-unresolved-ref': ref } };
    default:
      return { description: note, 'x-unresolved-ref': ref };
  }
}

/** The components reachable from `roots`, in discovery order, each listed once. */
export function reachableComponents(roots: readonly JsonValue[], table: ComponentTable): { kind: ComponentKind; name: string }[] {
  return reachableFrom(roots, table, parseRef);
}

/**
 * The components of `table` reachable from `roots` through `$ref`s (`parse` reads a reference as a component
 * kind and name, or undefined for any other), in discovery order, each listed once.
 */
export function reachableFrom<K extends string>(
  roots: readonly JsonValue[],
  table: Record<K, Map<string, ComponentChoice>>,
  parse: (ref: string) => { kind: K; name: string } | undefined,
): { kind: K; name: string }[] {
  const seen = new Set<string>();
  const order: { kind: K; name: string }[] = [];
  const queue: JsonValue[] = [...roots];
  while (queue.length > 0) {
    for (const ref of refsIn(queue.shift()!)) {
      const target = parse(ref);
      const key = target && `${target.kind}/${target.name}`;
      if (!target || !key || seen.has(key)) continue;
      const choice = table[target.kind].get(target.name);
      if (!choice) continue;
      seen.add(key);
      order.push(target);
      queue.push(choice.value);
    }
  }
  return order;
}

/** Every `$ref` under `value`, and the schemas discriminator mappings name (they must be in the document too). */
export function refsIn(value: JsonValue): string[] {
  const refs: string[] = [];
  const visit = (v: JsonValue) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      if (typeof v.$ref === 'string') refs.push(v.$ref);
      if (isObject(v.discriminator) && isObject(v.discriminator.mapping)) {
        for (const ref of Object.values(v.discriminator.mapping)) {
          const name = typeof ref === 'string' ? mappingTarget(ref) : undefined;
          if (name) refs.push(`#/components/schemas/${name}`);
        }
      }
      for (const [key, child] of Object.entries(v)) if (key !== '$ref') visit(child);
    }
  };
  visit(value);
  return refs;
}
