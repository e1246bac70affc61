import { compareText } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import type { OperationRef } from './change.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One operation of a merged document, with what it inherits from its path item and the document. */
export interface OperationEntry {
  /** Identity across versions: method and path template with parameter names blanked, `get /x/{}`. */
  key: string;
  ref: OperationRef;
  operation: JsonObject;
  /** Path-level parameters, which the operation's own override (OpenAPI 3.0.3 §4.7.9). */
  pathParameters: JsonValue[];
  /** The operation's `security`, or the document's when the operation has none (§4.7.10). */
  security: JsonValue[];
}

/** `get /markets/{ticker}` and `get /markets/{market_ticker}` are the same operation. */
export function operationIdentity(method: string, path: string): string {
  return `${method.toLowerCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

/** Every operation of the document by identity, in path then method order (the first of any duplicates wins). */
export function listOperations(document: JsonObject): Map<string, OperationEntry> {
  const entries = new Map<string, OperationEntry>();
  const paths = isObject(document.paths) ? document.paths : {};
  const rootSecurity = Array.isArray(document.security) ? document.security : [];
  for (const path of Object.keys(paths).sort(compareText)) {
    const item = paths[path];
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      const key = operationIdentity(method, path);
      if (!isObject(operation) || entries.has(key)) continue;
      const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
      entries.set(key, {
        key,
        ref: { method: method.toUpperCase(), path, ...(operationId === undefined ? {} : { operationId }) },
        operation,
        pathParameters: Array.isArray(item.parameters) ? item.parameters : [],
        security: Array.isArray(operation.security) ? operation.security : rootSecurity,
      });
    }
  }
  return entries;
}

/** Parameter names of a path template in order: `/x/{a}/y/{b}` → `a`, `b`. */
export function pathTemplateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}
