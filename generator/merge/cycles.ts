import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import type { ComponentTable } from './components.ts';
import { parseRef, refsIn } from './references.ts';

/**
 * Recursive schemas are legal (a tree node holding its children) and are reported only as information.
 * A cycle made of nothing but references (`A: {$ref: B}`, `B: {allOf: [{$ref: A}]}`) describes no value at
 * all and cannot become a type: that is an error.
 */
export function checkSchemaCycles(names: readonly string[], table: ComponentTable, diagnostics: Diagnostics): void {
  const schema = (name: string) => table.schemas.get(name);
  for (const cycle of findCycles(names, (n) => schemaTargets(refsIn(schema(n)?.value ?? {})))) {
    const first = schema(cycle[0]!)!;
    diagnostics.info('schema-circular', `schema ${cycle.join(' → ')} → ${cycle[0]} is recursive`, first.source);
  }
  for (const cycle of findCycles(names, (n) => schemaTargets(aliasRefs(schema(n)?.value ?? {})))) {
    const first = schema(cycle[0]!)!;
    diagnostics.error(
      'schema-ref-cycle',
      `schemas ${cycle.join(' → ')} → ${cycle[0]} refer to each other with no structure between them; no value can match`,
      first.source,
      { related: cycle.slice(1).map((n) => schema(n)!.source) },
    );
  }
}

function schemaTargets(refs: string[]): string[] {
  return refs.flatMap((ref) => {
    const target = parseRef(ref);
    return target?.kind === 'schemas' ? [target.name] : [];
  });
}

/** References a schema *is* (rather than contains): a bare `$ref` or members of a root-level composition. */
function aliasRefs(schema: JsonObject): string[] {
  if (typeof schema.$ref === 'string') return [schema.$ref];
  const members: JsonValue[] = [schema.allOf, schema.oneOf, schema.anyOf].flatMap((l) => (Array.isArray(l) ? l : []));
  return members.flatMap((m) => (isObject(m) ? aliasRefs(m) : []));
}

/** Each elementary cycle found by depth-first search, reported once, starting at its smallest name. */
export function findCycles(names: readonly string[], edges: (name: string) => string[]): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (name: string) => {
    state.set(name, 'active');
    stack.push(name);
    for (const next of edges(name)) {
      if (!names.includes(next)) continue;
      if (state.get(next) === 'active') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(rotated.join('\u0000'), rotated);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of [...names].sort()) if (!state.has(name)) visit(name);
  return [...found.values()];
}
