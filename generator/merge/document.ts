import { compareText } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import { COMPONENT_KINDS, HTTP_METHODS, type PageFragment } from '../normalise/fragment.ts';
import type { Candidate } from './candidate.ts';
import { compareNewestFirst, compareVersions } from './precedence.ts';

const TITLES: Record<string, string> = { trade: 'Kalshi Trade API', perps: 'Kalshi Perps API' };

/**
 * Assembles one OpenAPI 3.0.3 document in a canonical order: paths sorted, methods in HTTP order,
 * component names sorted. No timestamps: the same inputs always give the same bytes.
 */
export function assembleDocument(
  api: string,
  fragments: readonly PageFragment[],
  operations: readonly Candidate[],
  components: Partial<Record<(typeof COMPONENT_KINDS)[number], Record<string, JsonObject>>>,
): JsonObject {
  const newest = [...fragments].sort((a, b) => compareNewestFirst(a.page, b.page));
  const version = fragments.map((f) => f.page.version).reduce<string | undefined>(
    (best, v) => (compareVersions(v, best) > 0 ? v : best),
    undefined,
  );
  const description = newest.map((f) => f.info?.description).find((d) => typeof d === 'string');
  const info: JsonObject = { title: TITLES[api] ?? `${api} API`, version: version ?? '0.0.0' };
  if (typeof description === 'string') info.description = description;
  const document: JsonObject = { openapi: '3.0.3', info, servers: servers(newest) };
  const tags = usedTags(operations, newest);
  if (tags.length > 0) document.tags = tags;
  document.paths = paths(operations);
  const out: JsonObject = {};
  for (const kind of COMPONENT_KINDS) {
    const group = components[kind];
    if (!group || Object.keys(group).length === 0) continue;
    out[kind] = Object.fromEntries(Object.keys(group).sort(compareText).map((name) => [name, group[name]!]));
  }
  document.components = out;
  return document;
}

function servers(newest: readonly PageFragment[]): JsonObject[] {
  const seen = new Set<string>();
  const list: JsonObject[] = [];
  for (const fragment of newest) {
    for (const server of fragment.servers ?? []) {
      const url = String(server.url ?? '');
      if (!url || seen.has(url)) continue;
      seen.add(url);
      list.push(server);
    }
  }
  return list;
}

function usedTags(operations: readonly Candidate[], newest: readonly PageFragment[]): JsonObject[] {
  const names = new Set(operations.flatMap((op) => (Array.isArray(op.operation.tags) ? op.operation.tags.map(String) : [])));
  const described = new Map<string, JsonObject>();
  for (const fragment of newest) {
    for (const tag of fragment.tags ?? []) {
      const name = String(tag.name);
      if (names.has(name) && !described.has(name)) described.set(name, tag);
    }
  }
  return [...names].sort(compareText).map((name) => described.get(name) ?? { name });
}

function paths(operations: readonly Candidate[]): JsonObject {
  const byPath = new Map<string, Candidate[]>();
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const out: JsonObject = {};
  for (const path of [...byPath.keys()].sort(compareText)) {
    const item: JsonObject = {};
    const ops = byPath.get(path)!;
    for (const method of HTTP_METHODS) {
      const op = ops.find((o) => o.method === method);
      if (op) item[method] = isObject(op.operation) ? op.operation : {};
    }
    out[path] = item;
  }
  return out;
}
