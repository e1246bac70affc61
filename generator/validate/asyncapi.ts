import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isObject, pointerOf, type JsonObject, type JsonValue } from '../openapi/json.ts';
import { isJsonMessage, payloadConstant, streamChannels } from '../asyncapi/channels.ts';
import { followRef, resolveObject } from '../asyncapi/pointer.ts';
import { conflictingConstants } from '../asyncapi/constant-overrides.ts';
import type { MergedAsyncApi } from '../merge/asyncapi/index.ts';
import { checkSchema } from './asyncapi-schema.ts';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * Stage 4's AsyncAPI lane: each merged document must be a well-formed AsyncAPI 3.0 document, checked
 * structurally (no AsyncAPI validator runs offline here): what the client is generated from must resolve and
 * mean one thing. Errors (`asyncapi-invalid`) are what a spec-conforming tool would refuse: the version, `info`,
 * servers, channels, operations (`action`, a `channel` that exists, messages on that channel), messages, schemas
 * and every `$ref`. Warnings (`asyncapi-lint`) are what the client cannot type well: a server message without a
 * `type` constant, a command without a `cmd` constant, two messages of one channel with the same `type`, an
 * `allOf` giving a property two constants (read as an override, `asyncapi/constant-overrides.ts`), and a
 * `subscribe` command whose `channels` list and the document's channels disagree.
 */
export function validateAsyncApi(streams: readonly MergedAsyncApi[], diagnostics: Diagnostics): void {
  for (const { api, document } of streams) {
    const file = `asyncapi/${api}.json`;
    const error: Report = (path, message) => diagnostics.error('asyncapi-invalid', `${message} (at ${pointerOf(path)})`, { file }, { pointer: pointerOf(path) });
    const lint: Report = (path, message) => diagnostics.warn('asyncapi-lint', `${message} (at ${pointerOf(path)})`, { file }, { pointer: pointerOf(path) });
    const before = diagnostics.count('error');
    checkStructure(document, error);
    checkReferences(document, document, [], error);
    // The lints read the document as well-formed: after a structural error they would only repeat it.
    if (diagnostics.count('error') > before) continue;
    checkMessages(document, lint);
    checkOverrides(document, document.components, ['components'], lint);
  }
}

/** Each `allOf` whose members give a property different constants. */
function checkOverrides(document: JsonObject, value: JsonValue | undefined, path: Path, lint: Report): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkOverrides(document, v, [...path, i], lint));
  if (!isObject(value)) return;
  const conflicts = conflictingConstants(document, value);
  if (conflicts.length > 0) {
    lint(path, `the allOf members give ${conflicts.join(', ')}: no value has both; the client reads the last as an override`);
  }
  for (const [key, child] of Object.entries(value)) checkOverrides(document, child, [...path, key], lint);
}

function checkStructure(document: JsonObject, error: Report): void {
  if (typeof document.asyncapi !== 'string' || !document.asyncapi.startsWith('3.')) error(['asyncapi'], 'asyncapi must be a 3.x version string');
  const info = document.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') error(['info'], 'info must have a title and a version');
  for (const [id, server] of entries(document.servers)) {
    if (!isObject(server) || typeof server.host !== 'string' || typeof server.protocol !== 'string') error(['servers', id], `server ${id} must have a host and a protocol`);
  }
  for (const [name, channel] of entries(document.channels)) {
    if (!isObject(channel)) {
      error(['channels', name], `channel ${name} must be an object`);
      continue;
    }
    if (channel.address !== undefined && channel.address !== null && typeof channel.address !== 'string') error(['channels', name, 'address'], 'address must be a string or null');
    for (const [key, message] of entries(channel.messages)) {
      if (!isObject(message)) error(['channels', name, 'messages', key], `message ${key} must be a Message Object or a $ref`);
    }
  }
  for (const [id, operation] of entries(document.operations)) checkOperation(document, id, operation, error);
  for (const [name, message] of entries(isObject(document.components) ? document.components.messages : undefined)) {
    const at = ['components', 'messages', name];
    if (!isObject(message)) error(at, `message ${name} must be an object`);
    else if (message.payload !== undefined && !isObject(message.payload)) error([...at, 'payload'], 'payload must be a schema');
    else if (isObject(message.payload)) checkSchema(message.payload, [...at, 'payload'], error);
  }
  for (const [name, schema] of entries(isObject(document.components) ? document.components.schemas : undefined)) {
    if (isObject(schema) || typeof schema === 'boolean') checkSchema(schema, ['components', 'schemas', name], error);
    else error(['components', 'schemas', name], `schema ${name} must be a schema`);
  }
}

function checkOperation(document: JsonObject, id: string, operation: JsonValue, error: Report): void {
  const at = ['operations', id];
  if (!isObject(operation)) return error(at, `operation ${id} must be an object`);
  if (operation.action !== 'send' && operation.action !== 'receive') error([...at, 'action'], 'action must be send or receive');
  const channelRef = isObject(operation.channel) ? operation.channel.$ref : undefined;
  if (typeof channelRef !== 'string' || !/^#\/channels\/[^/]+$/.test(channelRef) || !isObject(followRef(document, channelRef))) {
    return error([...at, 'channel'], 'channel must be a $ref to a channel of the document');
  }
  (Array.isArray(operation.messages) ? operation.messages : []).forEach((message, i) => {
    const ref = isObject(message) ? message.$ref : undefined;
    if (typeof ref !== 'string' || !ref.startsWith(`${channelRef}/messages/`)) error([...at, 'messages', i], `messages must be $refs to messages of ${channelRef}`);
  });
}

/** Every `$ref` resolves inside the document. */
function checkReferences(document: JsonObject, value: JsonValue, path: Path, error: Report): void {
  if (Array.isArray(value)) return value.forEach((v, i) => checkReferences(document, v, [...path, i], error));
  if (!isObject(value)) return;
  if (typeof value.$ref === 'string' && followRef(document, value.$ref) === undefined) error(path, `$ref ${value.$ref} does not resolve`);
  for (const [key, child] of Object.entries(value)) if (key !== '$ref') checkReferences(document, child, [...path, key], error);
}

function checkMessages(document: JsonObject, lint: Report): void {
  const subscribable: string[] = [];
  for (const { name, channel, sent, received } of streamChannels(document)) {
    const types = new Map<string, string>();
    for (const { name: message, message: value } of sent.filter((m) => isJsonMessage(document, m.message))) {
      const type = payloadConstant(document, value, 'type');
      if (type === undefined) lint(['components', 'messages', message], `message ${message}, sent on channel ${name}, has no \`type\` constant: clients cannot tell it from the channel's other messages`);
      else if (channel.address !== '/' && types.has(type)) lint(['channels', name], `messages ${types.get(type)} and ${message} of channel ${name} share the type "${type}"`);
      else types.set(type, message);
    }
    for (const { name: message, message: value } of received.filter((m) => isJsonMessage(document, m.message))) {
      if (payloadConstant(document, value, 'cmd') === undefined) lint(['components', 'messages', message], `command ${message} has no \`cmd\` constant`);
    }
    if (channel.address !== '/' && sent.some((m) => isJsonMessage(document, m.message))) subscribable.push(name);
  }
  checkSubscribeChannels(document, subscribable, lint);
}

/** The `subscribe` command's `channels` enum and the channels that deliver messages should be the same set. */
function checkSubscribeChannels(document: JsonObject, subscribable: readonly string[], lint: Report): void {
  const listed = subscribeChannelNames(document);
  if (listed === undefined) return;
  for (const name of listed.filter((n) => !subscribable.includes(n))) lint(['channels'], `the subscribe command lists channel "${name}", which the document does not define`);
  for (const name of subscribable.filter((n) => !listed.includes(n))) lint(['channels', name], `channel ${name} is not in the subscribe command's \`channels\` list`);
}

/** The values of the subscribe command's `params.channels` items enum, when the document has one. */
export function subscribeChannelNames(document: JsonObject): string[] | undefined {
  for (const { received } of streamChannels(document)) {
    for (const { message } of received) {
      if (payloadConstant(document, message, 'cmd') !== 'subscribe') continue;
      const payload = resolveObject(document, message.payload);
      const params = resolveObject(document, isObject(payload?.properties) ? payload.properties.params : undefined);
      const channels = resolveObject(document, isObject(params?.properties) ? params.properties.channels : undefined);
      const items = resolveObject(document, channels?.items);
      if (Array.isArray(items?.enum)) return items.enum.filter((v): v is string => typeof v === 'string');
    }
  }
  return undefined;
}

function entries(value: JsonValue | undefined): [string, JsonValue][] {
  return isObject(value) ? Object.entries(value) : [];
}
