import type { Diagnostics, SourceLocation } from '../../diagnostics/diagnostic.ts';
import type { Page, YamlBlock } from '../../ingest/page.ts';
import { escapePointer, isObject, unescapePointer, type JsonObject } from '../../openapi/json.ts';
import { apiOfPage } from '../api-name.ts';
import { ASYNCAPI_COMPONENT_KINDS, type AsyncApiFragment, type ChannelFragment } from '../asyncapi-fragment.ts';
import type { SourcedValue } from '../fragment.ts';
import { cleanAsyncApiSchema } from './schemas.ts';

/**
 * A whole AsyncAPI 3.0 document (the site's `asyncapi.yaml`): taken as it is, channel by channel, each with the
 * operations whose `channel` names it; messages a channel defines inline join the components under their key.
 * Schemas get the common clean-up (`schemas.ts`). AsyncAPI 2.x has another shape (publish/subscribe on channels)
 * and is refused.
 */
export function normaliseAsyncApiDocument(page: Page, block: YamlBlock, diagnostics: Diagnostics): AsyncApiFragment | undefined {
  const root = block.yaml.value as JsonObject;
  const file = page.file;
  const at = (path: (string | number)[]): SourceLocation => ({ file, line: block.yaml.lineOf(path) });
  const version = String(root.asyncapi);
  if (!version.startsWith('3.')) {
    diagnostics.error('asyncapi-version-unsupported', `AsyncAPI ${version} is not supported (3.x only)`, at(['asyncapi']));
    return undefined;
  }
  const info = isObject(root.info) ? root.info : {};
  const components = readComponents(root.components, block, at);
  const fragment: AsyncApiFragment = {
    page: { file, kind: 'asyncapi-document', ...(page.meta.date ? { date: page.meta.date } : {}), ...(typeof info.version === 'string' ? { version: info.version } : {}) },
    api: apiOfPage(page, block.fence.specFile),
    whole: true,
    info,
    servers: entries(root.servers, (id) => at(['servers', id])),
    channels: [],
    components,
    root: Object.fromEntries(Object.entries(root).filter(([key]) => key === 'defaultContentType' || key.startsWith('x-'))),
  };
  const operations = operationsByChannel(root.operations, at, diagnostics);
  for (const [name, value] of Object.entries(isObject(root.channels) ? root.channels : {})) {
    if (!isObject(value)) continue;
    const channel = { ...value, messages: channelMessages(name, value.messages, components.messages, at) };
    fragment.channels.push({ name, channel, operations: operations.get(name) ?? {}, source: at(['channels', name]) } satisfies ChannelFragment);
  }
  for (const name of operations.keys()) {
    if (!fragment.channels.some((c) => c.name === name)) {
      diagnostics.warn('asyncapi-operation-invalid', `operations name channel "${name}", which the document does not define; they are left out`, at(['operations']));
    }
  }
  return fragment;
}

function readComponents(value: unknown, block: YamlBlock, at: (path: (string | number)[]) => SourceLocation): AsyncApiFragment['components'] {
  const components = isObject(value) ? value : {};
  const out = Object.fromEntries(ASYNCAPI_COMPONENT_KINDS.map((kind) => [kind, entries(components[kind], (name) => at(['components', kind, name]))])) as AsyncApiFragment['components'];
  for (const [name, entry] of Object.entries(out.schemas)) {
    const locate = (path: readonly (string | number)[]) => block.yaml.lineOf(['components', 'schemas', name, ...path]);
    out.schemas[name] = { ...entry, value: cleanAsyncApiSchema(entry.value), locate };
  }
  for (const [name, entry] of Object.entries(out.messages)) {
    const locate = (path: readonly (string | number)[]) => block.yaml.lineOf(['components', 'messages', name, ...path]);
    out.messages[name] = { ...entry, value: cleanMessage(entry.value), locate };
  }
  return out;
}

/** A message's payload gets the schema clean-up, unless it is in another schema format (Avro, ...). */
export function cleanMessage(message: JsonObject): JsonObject {
  const payload = message.payload;
  if (!isObject(payload)) return message;
  if (typeof payload.schemaFormat === 'string') return message;
  return { ...message, payload: cleanAsyncApiSchema(payload) };
}

/** The channel's `messages`: `$ref`s as they are; an inline message joins the components under its key. */
function channelMessages(name: string, value: unknown, messages: Record<string, SourcedValue>, at: (path: (string | number)[]) => SourceLocation): JsonObject {
  const out: JsonObject = {};
  for (const [key, message] of Object.entries(isObject(value) ? value : {})) {
    if (!isObject(message)) continue;
    if (typeof message.$ref === 'string') {
      out[key] = { $ref: message.$ref };
      continue;
    }
    if (!Object.hasOwn(messages, key)) messages[key] = { value: cleanMessage(message), source: at(['channels', name, 'messages', key]) };
    out[key] = { $ref: `#/components/messages/${escapePointer(key)}` };
  }
  return out;
}

/** Operations by the channel their `channel.$ref` names (`#/channels/<name>`). */
function operationsByChannel(value: unknown, at: (path: (string | number)[]) => SourceLocation, diagnostics: Diagnostics): Map<string, Record<string, JsonObject>> {
  const out = new Map<string, Record<string, JsonObject>>();
  for (const [id, operation] of Object.entries(isObject(value) ? value : {})) {
    const ref = isObject(operation) && isObject(operation.channel) ? operation.channel.$ref : undefined;
    const match = typeof ref === 'string' ? /^#\/channels\/([^/]+)$/.exec(ref) : null;
    if (!isObject(operation) || !match) {
      diagnostics.warn('asyncapi-operation-invalid', `operation ${id} names no channel (\`channel: {$ref: '#/channels/<name>'}\`); left out`, at(['operations', id]));
      continue;
    }
    const channel = unescapePointer(match[1]!);
    out.set(channel, { ...out.get(channel), [id]: operation });
  }
  return out;
}

function entries(value: unknown, where: (key: string) => SourceLocation): Record<string, SourcedValue> {
  const out: Record<string, SourcedValue> = {};
  for (const [key, entry] of Object.entries(isObject(value) ? value : {})) if (isObject(entry)) out[key] = { value: entry, source: where(key) };
  return out;
}
