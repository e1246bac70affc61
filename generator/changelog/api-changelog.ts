import { compareText } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../openapi/json.ts';
import type { Change } from './change.ts';
import { diffAsyncApiDocuments } from './diff-asyncapi.ts';
import { diffDocuments } from './index.ts';

export interface ApiChangelog {
  api: string;
  changes: Change[];
}

/** The merged documents of both lanes on one side: API → OpenAPI document, API → AsyncAPI document. */
export interface StreamDocuments {
  before: ReadonlyMap<string, JsonObject>;
  after: ReadonlyMap<string, JsonObject>;
}

const EMPTY: JsonObject = { openapi: '3.0.3', info: { title: '', version: '' }, paths: {} };
const EMPTY_ASYNCAPI: JsonObject = { asyncapi: '3.0.0', info: { title: '', version: '' }, channels: {} };

/**
 * One changelog per API present on either side; an API missing on one side is compared with an empty document.
 * With `streams`, each API's changes also hold those of its WebSocket API (AsyncAPI documents, compared the same
 * way), after the REST ones.
 */
export function apiChangelogs(before: ReadonlyMap<string, JsonObject>, after: ReadonlyMap<string, JsonObject>, streams?: StreamDocuments): ApiChangelog[] {
  const keys = [...before.keys(), ...after.keys(), ...(streams ? [...streams.before.keys(), ...streams.after.keys()] : [])];
  const apis = [...new Set(keys)].sort(compareText);
  return apis.map((api) => {
    const rest = before.has(api) || after.has(api) ? diffDocuments(before.get(api) ?? EMPTY, after.get(api) ?? EMPTY) : [];
    const stream = streams && (streams.before.has(api) || streams.after.has(api)) ? diffAsyncApiDocuments(streams.before.get(api) ?? EMPTY_ASYNCAPI, streams.after.get(api) ?? EMPTY_ASYNCAPI) : [];
    return { api, changes: [...rest, ...stream] };
  });
}
