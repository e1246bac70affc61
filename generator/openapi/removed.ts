import { isObject, type JsonObject } from './json.ts';

/**
 * `x-removed-from-docs` on an operation the docs site no longer lists, kept in the client for users migrating
 * off it: `{ lastListed?: ISO date, replacement?: operationId }`.
 */
export const REMOVED_EXTENSION = 'x-removed-from-docs';

export interface RemovedFromDocs {
  lastListed?: string;
  replacement?: string;
}

export function removedFromDocs(operation: JsonObject): RemovedFromDocs | undefined {
  const record = operation[REMOVED_EXTENSION];
  if (!isObject(record)) return undefined;
  return {
    ...(typeof record.lastListed === 'string' ? { lastListed: record.lastListed } : {}),
    ...(typeof record.replacement === 'string' ? { replacement: record.replacement } : {}),
  };
}
