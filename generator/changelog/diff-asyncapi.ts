import { compareText } from '../diagnostics/diagnostic.ts';
import { streamChannels, type StreamChannel, type StreamMessage } from '../asyncapi/channels.ts';
import { resolveObject } from '../asyncapi/pointer.ts';
import { workingDocument } from '../asyncapi/working-schemas.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import type { Change, Side } from './change.ts';
import { collect, MAX_PLACES } from './diff-document.ts';
import { diffSchemas } from './diff-schema.ts';
import { streamEmitter } from './stream-emit.ts';

/**
 * The semantic changelog between two merged AsyncAPI 3.0 documents of one API's WebSocket API: its version and
 * servers; channels added and removed; per channel, the messages the server sends on it and the commands it takes,
 * added and removed; and each message's payload compared with the REST lane's schema diff (`diff-schema.ts`, on the
 * working form of the schemas), as what the client receives (`response`) or sends (`request`). A payload's own
 * fields belong to its message; a component it uses to that component (`marketSide`, seen through every message
 * using it). When nothing else changed but the documents differ, the places are listed. Pure.
 */
export function diffAsyncApiDocuments(beforeSource: JsonObject, afterSource: JsonObject): Change[] {
  const before = workingDocument(beforeSource);
  const after = workingDocument(afterSource);
  const out: Change[] = [];
  const whole = streamEmitter(out, {});
  const [vb, va] = [version(before), version(after)];
  if (vb !== va) whole('asyncapi-version-changed', vb === undefined ? `WebSocket API version ${va} (new)` : `WebSocket API version ${vb} → ${va ?? '(none)'}`);
  const [sb, sa] = [serverUrls(before), serverUrls(after)];
  for (const url of [...sa].filter((u) => !sb.has(u)).sort(compareText)) whole('server-added', `server ${url} added`);
  for (const url of [...sb].filter((u) => !sa.has(u)).sort(compareText)) whole('server-removed', `server ${url} removed`);
  const cb = new Map(streamChannels(before).map((c) => [c.name, c]));
  const ca = new Map(streamChannels(after).map((c) => [c.name, c]));
  for (const name of [...new Set([...cb.keys(), ...ca.keys()])].sort(compareText)) diffChannel(name, cb.get(name), ca.get(name), out);
  diffMessages({ before, after }, [...cb.values()], [...ca.values()], out);
  if (out.every((c) => c.kind === 'asyncapi-version-changed')) diffText(beforeSource, afterSource, out);
  return out;
}

function diffChannel(name: string, b: StreamChannel | undefined, a: StreamChannel | undefined, out: Change[]): void {
  const emit = streamEmitter(out, { channel: name });
  const names = (list: readonly StreamMessage[]) => list.map((m) => m.name);
  if (!b) return emit('channel-added', `channel added${a!.sent.length > 0 ? ` (sends ${names(a!.sent).join(', ')})` : ''}`);
  if (!a) return emit('channel-removed', 'channel removed');
  for (const [kindAdded, kindRemoved, before, after, what] of [
    ['channel-message-added', 'channel-message-removed', b.sent, a.sent, 'message'],
    ['command-added', 'command-removed', b.received, a.received, 'command'],
  ] as const) {
    const [was, is] = [new Set(names(before)), new Set(names(after))];
    for (const m of [...is].filter((x) => !was.has(x)).sort(compareText)) emit(kindAdded, `${what} ${m} added`);
    for (const m of [...was].filter((x) => !is.has(x)).sort(compareText)) emit(kindRemoved, `${what} ${m} removed`);
  }
}

/** Each message in both documents, once, as what the client receives (sent by the server anywhere) or sends. */
function diffMessages(docs: { before: JsonObject; after: JsonObject }, before: StreamChannel[], after: StreamChannel[], out: Change[]): void {
  const roles = (channels: StreamChannel[]) => {
    const map = new Map<string, { message: JsonObject; side: Side }>();
    for (const c of channels) for (const m of c.sent) map.set(m.name, { message: m.message, side: 'response' });
    for (const c of channels) for (const m of c.received) if (!map.has(m.name)) map.set(m.name, { message: m.message, side: 'request' });
    return map;
  };
  const [rb, ra] = [roles(before), roles(after)];
  for (const name of [...ra.keys()].filter((n) => rb.has(n)).sort(compareText)) {
    const side = ra.get(name)!.side;
    const emit = streamEmitter(out, { message: name }, side);
    diffSchemas({ beforeDoc: docs.before, afterDoc: docs.after, side, emit }, ownPayload(docs.before, rb.get(name)!.message), ownPayload(docs.after, ra.get(name)!.message));
  }
}

/**
 * A message's payload with its top `$ref` followed: the payload schema is the message's own (`tickerPayload` is
 * the ticker message), so its fields' changes are the message's; components further down keep their names.
 */
function ownPayload(document: JsonObject, message: JsonObject): JsonObject | undefined {
  return resolveObject(document, message.payload);
}

/** The differing places of two documents no semantic change explains: descriptions, examples, titles. */
function diffText(before: JsonObject, after: JsonObject, out: Change[]): void {
  const places: { path: string[]; change: 'added' | 'removed' | 'changed' }[] = [];
  collect(before, after, [], places);
  const shown = places.filter((p) => !(p.path[0] === 'info' && p.path[1] === 'version'));
  for (const { path, change } of shown.slice(0, MAX_PLACES)) {
    const [area, name, third, ...rest] = path;
    if (area === 'channels' && name) streamEmitter(out, { channel: name })('documentation-changed', `\`${[third, ...rest].filter(Boolean).join('.') || 'channel'}\` ${change}`);
    else if (area === 'components' && name === 'messages' && third) streamEmitter(out, { message: third })('documentation-changed', `\`${rest.join('.') || 'message'}\` ${change}`);
    else if (area === 'components' && name === 'schemas' && third) {
      const what = rest.length > 0 ? `\`${rest.join('.')}\` ${change}` : `definition ${change}`;
      streamEmitter(out, {})('documentation-changed', `schema \`${third}\`: ${what}`, { schema: third, schemaMessage: what });
    } else streamEmitter(out, {})('documentation-changed', `\`${path.join('.')}\` ${change}`);
  }
  if (shown.length > MAX_PLACES) streamEmitter(out, {})('documentation-changed', `and ${shown.length - MAX_PLACES} more place(s)`);
}

/** The document's version; `0.0.0` (a document merged from channel pages, which carry none) is none. */
function version(document: JsonObject): string | undefined {
  const value = isObject(document.info) ? document.info.version : undefined;
  return typeof value === 'string' && value !== '' && value !== '0.0.0' ? value : undefined;
}

/** `wss://external-api-ws.kalshi.com/trade-api/ws/v2` for each server. */
function serverUrls(document: JsonObject): Set<string> {
  const servers = Object.values(isObject(document.servers) ? document.servers : {}).filter(isObject);
  return new Set(servers.map((s) => `${String(s.protocol ?? 'wss')}://${String(s.host ?? '')}${typeof s.pathname === 'string' ? s.pathname : ''}`));
}
