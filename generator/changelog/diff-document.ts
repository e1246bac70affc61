import { compareText } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import type { Change } from './change.ts';
import { emitter } from './emit.ts';
import { listOperations } from './operations.ts';

/** The document as a whole: `info.version` ("3.27.0 → 3.28.0") and the server URLs the environments come from. */
export function diffDocumentInfo(before: JsonObject, after: JsonObject, out: Change[]): void {
  const emit = emitter(out, undefined);
  const version = (d: JsonObject) => (isObject(d.info) && typeof d.info.version === 'string' && d.info.version ? d.info.version : undefined);
  const [b, a] = [version(before), version(after)];
  if (b !== a) emit('info-version-changed', b === undefined ? `version ${a} (new)` : `version ${b} → ${a ?? '(none)'}`);
  const urls = (d: JsonObject) => new Set((Array.isArray(d.servers) ? d.servers : []).filter(isObject).map((s) => String(s.url)));
  const [oldUrls, newUrls] = [urls(before), urls(after)];
  for (const url of [...newUrls].filter((u) => !oldUrls.has(u)).sort(compareText)) emit('server-added', `server ${url} added`);
  for (const url of [...oldUrls].filter((u) => !newUrls.has(u)).sort(compareText)) emit('server-removed', `server ${url} removed`);
}

/** At most this many differing places are listed when only text changed. */
export const MAX_PLACES = 20;

/**
 * What differs between two documents the semantic diff finds equal: descriptions, summaries, examples, tags.
 * Each differing place becomes a `documentation-changed` entry of its operation, its component schema or the
 * document, so a difference is never reported as "no changes".
 */
export function diffDocumentation(before: JsonObject, after: JsonObject, out: Change[]): void {
  const places: Place[] = [];
  collect(before, after, [], places);
  // The version and the servers are reported by diffDocumentInfo.
  const covered = (place: string[]) => place[0] === 'servers' || (place[0] === 'info' && place[1] === 'version');
  places.splice(0, places.length, ...places.filter((p) => !covered(p.path)));
  const operations = [...listOperations(after).values(), ...listOperations(before).values()];
  for (const { path, change } of places.slice(0, MAX_PLACES)) {
    const [area, name, method, ...rest] = path;
    const entry = area === 'paths' ? operations.find((e) => e.ref.path === name && e.ref.method === method?.toUpperCase()) : undefined;
    if (entry) {
      emitter(out, entry.ref)('documentation-changed', `\`${rest.length > 0 ? rest.join('.') : 'operation'}\` ${change}`);
    } else if (area === 'components' && name === 'schemas' && method) {
      const what = rest.length > 0 ? `\`${rest.join('.')}\` ${change}` : `definition ${change} (no operation sees a different type)`;
      emitter(out, undefined)('documentation-changed', `schema \`${method}\`: ${what}`, { schema: method, schemaMessage: what });
    } else {
      emitter(out, undefined)('documentation-changed', `\`${path.join('.')}\` ${change}`);
    }
  }
  if (places.length > MAX_PLACES) emitter(out, undefined)('documentation-changed', `and ${places.length - MAX_PLACES} more place(s)`);
}

export interface Place {
  path: string[];
  change: 'added' | 'removed' | 'changed';
}

/** The places (key paths) where two JSON values differ, down through objects; an array is one place. */
export function collect(a: JsonValue | undefined, b: JsonValue | undefined, path: string[], out: Place[]): void {
  if (isObject(a) && isObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareText)) collect(a[key], b[key], [...path, key], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed' });
}
