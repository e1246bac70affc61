import { compareText } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../openapi/json.ts';
import type { Change } from './change.ts';
import { diffDocuments } from './index.ts';

export interface ApiChangelog {
  api: string;
  changes: Change[];
}

const EMPTY: JsonObject = { openapi: '3.0.3', info: { title: '', version: '' }, paths: {} };

/** One changelog per API present on either side; an API missing on one side is compared with an empty document. */
export function apiChangelogs(before: ReadonlyMap<string, JsonObject>, after: ReadonlyMap<string, JsonObject>): ApiChangelog[] {
  const apis = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  return apis.map((api) => ({ api, changes: diffDocuments(before.get(api) ?? EMPTY, after.get(api) ?? EMPTY) }));
}
