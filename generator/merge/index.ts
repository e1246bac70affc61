import { compareText, type Diagnostics, type SourceLocation } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import type { ComponentKind, PageFragment } from '../normalise/fragment.ts';
import { chooseComponents, reportComponentConflicts, type ComponentTable } from './components.ts';
import { checkSchemaCycles } from './cycles.ts';
import { assembleDocument } from './document.ts';
import { enforceUniqueOperationIds } from './operation-ids.ts';
import type { Candidate } from './candidate.ts';
import { chooseOperations, type OperationOptions } from './operations.ts';
import { isLive } from './precedence.ts';
import { typeNullableRefs } from './nullable-refs.ts';
import { reconcilePathParameters } from './path-parameters.ts';
import { dropCookieParameters } from './cookie-parameters.ts';
import { reachableComponents, resolveDangling } from './references.ts';
import { mapComponentSchemas, mapOperationSchemas } from '../openapi/schema-walk.ts';

export type MergeOptions = OperationOptions;

export interface MergedApi {
  /** `trade`, `perps`, or another API's short name. */
  api: string;
  document: JsonObject;
  /** The page each operation (`get /path`) and each component schema of the document comes from. */
  sources?: MergedSources;
}

export interface MergedSources {
  operations: Map<string, SourceLocation>;
  schemas: Map<string, SourceLocation>;
}

/**
 * Stage 3, merge: groups fragments by API and builds one document per API: one operation per
 * (method, path), one definition per component, only the components the operations use, every `$ref`
 * resolvable, operationIds unique. Every choice that drops something is reported.
 */
export function merge(fragments: readonly PageFragment[], diagnostics: Diagnostics, options: MergeOptions = {}): MergedApi[] {
  const apis = [...new Set(fragments.map((f) => f.api))].sort(compareText);
  return apis.flatMap((api) => {
    const own = fragments.filter((f) => f.api === api);
    const merged = mergeApi(api, own, diagnostics, options);
    return merged ? [merged] : [];
  });
}

function mergeApi(api: string, fragments: readonly PageFragment[], diagnostics: Diagnostics, options: MergeOptions): MergedApi | undefined {
  const table = chooseComponents(fragments);
  const operations = enforceUniqueOperationIds(chooseOperations(fragments, diagnostics, options), diagnostics).map((op) => {
    const resolved = { ...op, operation: resolveDangling(op.operation, table, op.source, diagnostics) };
    const withoutCookies = { ...op, operation: dropCookieParameters(resolved, table, diagnostics) };
    return { ...op, operation: mapOperationSchemas(reconcilePathParameters(withoutCookies, table, diagnostics), (s) => typeNullableRefs(s, table)) };
  });
  if (operations.length === 0) return undefined;
  const components: Partial<Record<ComponentKind, Record<string, JsonObject>>> = {};
  const include = (kind: ComponentKind, name: string) => {
    const choice = table[kind].get(name)!;
    reportComponentConflicts(kind, name, choice, diagnostics);
    const value = resolveDangling(choice.value, table, choice.source, diagnostics);
    (components[kind] ??= {})[name] = mapComponentSchemas(kind, value, (s) => typeNullableRefs(s, table));
  };
  for (const { kind, name } of reachableComponents(operations.map((op) => op.operation), table)) include(kind, name);
  for (const name of usedSecuritySchemes(operations, table, diagnostics)) include('securitySchemes', name);
  checkSchemaCycles(Object.keys(components.schemas ?? {}), table, diagnostics);
  const sources: MergedSources = {
    operations: new Map(operations.map((op) => [`${op.method} ${op.path}`, op.source])),
    schemas: new Map(Object.keys(components.schemas ?? {}).map((name) => [name, table.schemas.get(name)!.source])),
  };
  // The document's version, servers and description come from the live pages when the docs site lists any.
  const live = fragments.filter((f) => isLive(f.page));
  return { api, document: assembleDocument(api, live.length > 0 ? live : fragments, operations, components), sources };
}

function usedSecuritySchemes(operations: readonly Candidate[], table: ComponentTable, diagnostics: Diagnostics): string[] {
  const names = new Set<string>();
  for (const op of operations) {
    for (const requirement of Array.isArray(op.operation.security) ? op.operation.security : []) {
      if (!isObject(requirement)) continue;
      for (const name of Object.keys(requirement)) {
        if (table.securitySchemes.has(name)) names.add(name);
        else diagnostics.warn('security-scheme-missing', `security scheme "${name}" is defined on no page`, op.source);
      }
    }
  }
  return [...names].sort(compareText);
}
