import type { Diagnostics, SourceLocation } from '../../diagnostics/diagnostic.ts';
import { isObject, unescapePointer, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { ASYNCAPI_COMPONENT_KINDS, type AsyncApiComponentKind } from '../../normalise/asyncapi-fragment.ts';
import type { ComponentChoice } from '../components.ts';
import { reachableFrom } from '../references.ts';

export type AsyncApiComponentTable = Record<AsyncApiComponentKind, Map<string, ComponentChoice>>;

/** `#/components/messages/ticker` → `{ kind: 'messages', name: 'ticker' }`; undefined for any other reference. */
export function parseComponentRef(ref: string): { kind: AsyncApiComponentKind; name: string } | undefined {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!match || !(ASYNCAPI_COMPONENT_KINDS as readonly string[]).includes(match[1]!)) return undefined;
  return { kind: match[1] as AsyncApiComponentKind, name: unescapePointer(match[2]!) };
}

/** The components reachable from `roots` (channels, servers), in discovery order, each once. */
export function reachableComponents(roots: readonly JsonValue[], table: AsyncApiComponentTable): { kind: AsyncApiComponentKind; name: string }[] {
  return reachableFrom(roots, table, parseComponentRef);
}

/**
 * `value` with every component `$ref` no page defines replaced, each reported once: a schema by a stand-in of
 * unknown type (`x-unresolved-ref`), a message or a security scheme by nothing (dropped from its map or list).
 */
export function resolveDangling(value: JsonObject, table: AsyncApiComponentTable, source: SourceLocation, diagnostics: Diagnostics): JsonObject {
  const reported = new Set<string>();
  const visit = (v: JsonValue): JsonValue | undefined => {
    if (Array.isArray(v)) return v.map(visit).filter((x): x is JsonValue => x !== undefined);
    if (!isObject(v)) return v;
    if (typeof v.$ref === 'string') {
      const target = parseComponentRef(v.$ref);
      if (!target || table[target.kind].has(target.name)) return v;
      if (!reported.has(v.$ref)) {
        reported.add(v.$ref);
        const effect = target.kind === 'schemas' ? 'its type becomes unknown' : 'it is left out';
        diagnostics.warn('ref-unresolved', `$ref "${v.$ref}" is defined on no page; ${effect} (add the page that defines it)`, source);
      }
      return target.kind === 'schemas' ? { description: `Unresolved reference ${v.$ref}`, 'x-unresolved-ref': v.$ref } : undefined;
    }
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(v)) {
      const mapped = visit(child);
      if (mapped !== undefined) out[key] = mapped;
    }
    return out;
  };
  return visit(value) as JsonObject;
}
