import { compareText } from '../../diagnostics/diagnostic.ts';
import { escapePointer, isObject, type JsonObject } from '../../openapi/json.ts';
import type { AsyncApiFragment } from '../../normalise/asyncapi-fragment.ts';
import { ASYNCAPI_COMPONENT_KINDS, type AsyncApiComponentKind } from '../../normalise/asyncapi-fragment.ts';
import { compareNewestFirst } from '../precedence.ts';
import type { ChannelCandidate } from './channels.ts';

const TITLES: Record<string, string> = { trade: 'Kalshi Trade API', perps: 'Kalshi Perps API' };

/**
 * Assembles one AsyncAPI 3.0 document in a canonical order: servers, channels, operations and component names
 * sorted. `info` (and `defaultContentType`, the `x-` extensions) come from the newest whole document when there
 * is one, else the title is the API's and the version `0.0.0`. Servers are those of the given (live) pages, each
 * id from the newest page naming it. No timestamps: the same inputs give the same bytes.
 */
export function assembleAsyncApiDocument(
  api: string,
  fragments: readonly AsyncApiFragment[],
  channels: readonly ChannelCandidate[],
  components: Partial<Record<AsyncApiComponentKind, Record<string, JsonObject>>>,
): JsonObject {
  const newest = [...fragments].sort((a, b) => compareNewestFirst(a.page, b.page));
  const whole = newest.find((f) => f.whole);
  const info: JsonObject = whole?.info ? { ...whole.info } : { title: `${TITLES[api] ?? `${api} API`} WebSocket`, version: '0.0.0' };
  if (typeof info.version !== 'string') info.version = '0.0.0';
  if (typeof info.title !== 'string') info.title = `${TITLES[api] ?? `${api} API`} WebSocket`;
  const document: JsonObject = { asyncapi: '3.0.0', info };
  const servers = serversOf(newest);
  if (Object.keys(servers).length > 0) document.servers = servers;
  const root = whole?.root ?? {};
  document.defaultContentType = typeof root.defaultContentType === 'string' ? root.defaultContentType : 'application/json';
  const sorted = [...channels].sort((a, b) => compareText(a.name, b.name));
  document.channels = Object.fromEntries(sorted.map((c) => [c.name, c.channel]));
  const operations = sorted.flatMap((c) => Object.entries(c.operations)).sort(([a], [b]) => compareText(a, b));
  document.operations = Object.fromEntries(operations);
  const out: JsonObject = {};
  for (const kind of ASYNCAPI_COMPONENT_KINDS) {
    const group = components[kind];
    if (!group || Object.keys(group).length === 0) continue;
    out[kind] = Object.fromEntries(Object.keys(group).sort(compareText).map((name) => [name, group[name]!]));
  }
  document.components = out;
  for (const [key, value] of Object.entries(root)) if (key.startsWith('x-')) document[key] = value;
  return document;
}

function serversOf(newest: readonly AsyncApiFragment[]): JsonObject {
  const servers: JsonObject = {};
  for (const fragment of newest) {
    for (const [id, server] of Object.entries(fragment.servers)) if (!Object.hasOwn(servers, id)) servers[id] = server.value;
  }
  return Object.fromEntries(Object.keys(servers).sort(compareText).map((id) => [id, servers[id]!]));
}

/** `#/channels/<name>/messages/<key>` for a channel's message. */
export function channelMessageRef(channel: string, key: string): string {
  return `#/channels/${escapePointer(channel)}/messages/${escapePointer(key)}`;
}

/** The keys of a channel's `messages`. */
export function channelMessageKeys(channel: JsonObject): string[] {
  return Object.keys(isObject(channel.messages) ? channel.messages : {});
}
