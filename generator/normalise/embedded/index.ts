import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { Page, YamlBlock } from '../../ingest/page.ts';
import { isObject, type JsonObject } from '../../openapi/json.ts';
import { mapComponentSchemas, mapOperationSchemas } from '../../openapi/schema-walk.ts';
import { apiOfPage } from '../api-name.ts';
import { bareReference, cleanSchema, dropVendorKeys } from '../common/schema-cleanup.ts';
import {
  COMPONENT_KINDS,
  HTTP_METHODS,
  type ComponentKind,
  type HttpMethod,
  type OperationFragment,
  type PageFragment,
  type SourcedValue,
} from '../fragment.ts';
import { operationIdFromTitle } from '../names.ts';

/** A page holding a real OpenAPI 3.0 excerpt: taken as it is, cleaned of `$ref` siblings and Go vendor keys. */
export function normaliseEmbedded(page: Page, block: YamlBlock, diagnostics: Diagnostics): PageFragment | undefined {
  const root = block.yaml.value as JsonObject;
  const file = page.file;
  const at = (path: (string | number)[]) => ({ file, line: block.yaml.lineOf(path) });
  if (typeof root.openapi === 'string' && !root.openapi.startsWith('3.')) {
    diagnostics.error('openapi-version-unsupported', `OpenAPI ${root.openapi} is not supported (3.x only)`, at(['openapi']));
    return undefined;
  }
  const operations: OperationFragment[] = [];
  const paths = isObject(root.paths) ? root.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters.filter(isObject) : [];
    for (const [method, op] of Object.entries(item)) {
      if (!(HTTP_METHODS as readonly string[]).includes(method) || !isObject(op)) continue;
      const operation = cleanOperation(withPathParameters(op, shared), root.security);
      if (typeof operation.operationId !== 'string') {
        operation.operationId = operationIdFromTitle(page.meta.title ?? `${method} ${path}`);
        diagnostics.info('operation-id-derived', `no operationId; using "${operation.operationId}"`, at(['paths', path, method]));
      }
      operations.push({ method: method as HttpMethod, path, operation, source: at(['paths', path, method]) });
    }
  }
  const info = isObject(root.info) ? root.info : {};
  const servers = Array.isArray(root.servers) ? root.servers.filter(isObject) : [];
  return {
    page: {
      file,
      kind: 'embedded',
      ...(page.meta.date ? { date: page.meta.date } : {}),
      ...(typeof info.version === 'string' ? { version: info.version } : {}),
    },
    api: apiOfPage(page, block.fence.specFile, typeof servers[0]?.url === 'string' ? servers[0].url : undefined),
    operations,
    components: readComponents(root.components, at, block.yaml.lineOf),
    servers,
    tags: Array.isArray(root.tags) ? root.tags.filter(isObject) : [],
    info,
  };
}

function withPathParameters(operation: JsonObject, shared: JsonObject[]): JsonObject {
  if (shared.length === 0) return operation;
  const own = Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : [];
  const key = (p: JsonObject) => (typeof p.$ref === 'string' ? p.$ref : `${String(p.in)}:${String(p.name)}`);
  const ownKeys = new Set(own.map(key));
  return { ...operation, parameters: [...shared.filter((p) => !ownKeys.has(key(p))), ...own] };
}

function cleanOperation(op: JsonObject, rootSecurity: JsonObject[keyof JsonObject] | undefined): JsonObject {
  let operation = dropVendorKeys(op);
  if (Array.isArray(operation.parameters)) {
    operation = { ...operation, parameters: operation.parameters.map((p) => (isObject(p) ? bareReference(dropVendorKeys(p)) : p)) };
  }
  if (isObject(operation.requestBody)) operation = { ...operation, requestBody: bareReference(operation.requestBody) };
  if (isObject(operation.responses)) {
    const responses: JsonObject = {};
    for (const [status, r] of Object.entries(operation.responses)) responses[status] = isObject(r) ? bareReference(r) : r;
    operation = { ...operation, responses };
  }
  operation = mapOperationSchemas(operation, cleanSchema);
  if (operation.security === undefined && Array.isArray(rootSecurity)) operation = { ...operation, security: rootSecurity };
  return operation;
}

function readComponents(
  components: JsonObject[keyof JsonObject] | undefined,
  at: (path: (string | number)[]) => { file: string; line: number },
  lineOf: (path: readonly (string | number)[]) => number,
): PageFragment['components'] {
  const out: PageFragment['components'] = {};
  if (!isObject(components)) return out;
  for (const kind of COMPONENT_KINDS) {
    const group = components[kind];
    if (!isObject(group)) continue;
    const entries: Record<string, SourcedValue> = {};
    for (const [name, value] of Object.entries(group)) {
      if (!isObject(value)) continue;
      const locate = (path: readonly (string | number)[]) => lineOf(['components', kind, name, ...path]);
      entries[name] = { value: cleanComponent(kind, value), source: at(['components', kind, name]), locate };
    }
    out[kind] = entries;
  }
  return out;
}

export function cleanComponent(kind: ComponentKind, value: JsonObject): JsonObject {
  const cleaned = kind === 'schemas' ? value : bareReference(dropVendorKeys(value));
  return mapComponentSchemas(kind, cleaned, cleanSchema);
}
