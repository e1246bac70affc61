import type { Diagnostics, SourceLocation } from '../../diagnostics/diagnostic.ts';
import type { Page, YamlBlock } from '../../ingest/page.ts';
import { escapePointer, isObject, jsonEqual, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { apiOfPage } from '../api-name.ts';
import type { AsyncApiFragment, ChannelFragment } from '../asyncapi-fragment.ts';
import type { SourcedValue } from '../fragment.ts';
import { bindingsFromList, byId, keyed, securitySchemesFromList, serversFromList, text } from './derived-parts.ts';
import { messageFromDerived } from './derived-message.ts';

/**
 * A WebSocket page in Mintlify's derived AsyncAPI form (```` ```yaml asyncapi.yaml ticker ````): one channel
 * (`id`, `address`, `title`, `description`), the operations on it with their messages inline (`type: send` is a
 * message the server sends, `receive` a command it receives), servers as `[{id, protocol, host}]` and security
 * schemes as a list. → the channel, its operations, its messages and their named schemas as AsyncAPI 3.0 pieces.
 * `sendOperations`, `receiveMessages`, ... repeat the operations (YAML aliases) and are not read.
 */
export function normaliseChannelPage(page: Page, block: YamlBlock, diagnostics: Diagnostics): AsyncApiFragment | undefined {
  const root = block.yaml.value;
  const file = page.file;
  const at = (path: (string | number)[]): SourceLocation => ({ file, line: block.yaml.lineOf(path) });
  if (!isObject(root) || typeof root.id !== 'string' || root.id === '') {
    diagnostics.error('asyncapi-channel-invalid', 'the AsyncAPI block names no channel (`id`); fix the page or re-scrape it', at([]));
    return undefined;
  }
  const name = root.id;
  const named = block.fence.info.split(/\s+/)[1];
  if (named !== undefined && named !== name) {
    diagnostics.warn('asyncapi-channel-mismatch', `the fence names channel "${named}" but the block defines "${name}"; using "${name}"`, at(['id']));
  }
  const fragment: AsyncApiFragment = {
    page: { file, kind: 'asyncapi', ...(page.meta.date ? { date: page.meta.date } : {}) },
    // The info string is `<spec file> <channel>`: the spec file names the API (`perps_asyncapi.yaml`).
    api: apiOfPage(page, block.fence.specFile?.split(/\s+/)[0]),
    whole: false,
    servers: sourced(serversFromList(root.servers), (id) => at(['servers', indexOfId(root.servers, id)])),
    channels: [],
    components: { messages: {}, schemas: {}, securitySchemes: sourced(securitySchemesFromList(root.securitySchemes), () => at(['securitySchemes'])) },
  };
  const messages: JsonObject = {};
  const operations: Record<string, JsonObject> = {};
  const channelRef = `#/channels/${escapePointer(name)}`;
  (Array.isArray(root.operations) ? root.operations : []).forEach((op, i) => {
    const operation = operationOf(op, i, { name, channelRef, messages, fragment, block, file, at, diagnostics });
    if (operation) operations[operation.id] = operation.value;
  });
  const channel: JsonObject = {
    address: typeof root.address === 'string' ? root.address : null,
    ...text('title', root.title),
    ...text('description', root.description),
    ...keyed('parameters', byId(root.parameters)),
    ...keyed('bindings', bindingsFromList(root.bindings)),
    messages,
  };
  fragment.channels.push({ name, channel, operations, source: at(['id']) } satisfies ChannelFragment);
  return fragment;
}

interface OperationContext {
  name: string;
  channelRef: string;
  messages: JsonObject;
  fragment: AsyncApiFragment;
  block: YamlBlock;
  file: string;
  at: (path: (string | number)[]) => SourceLocation;
  diagnostics: Diagnostics;
}

/** One derived operation → its AsyncAPI 3.0 Operation Object; its messages join the channel and the components. */
function operationOf(op: JsonValue, index: number, ctx: OperationContext): { id: string; value: JsonObject } | undefined {
  const path = ['operations', index];
  if (!isObject(op) || typeof op.id !== 'string' || (op.type !== 'send' && op.type !== 'receive')) {
    ctx.diagnostics.warn('asyncapi-operation-invalid', 'an operation without an `id` or with a `type` other than send or receive; skipped', ctx.at(path));
    return undefined;
  }
  const refs: JsonObject[] = [];
  (Array.isArray(op.messages) ? op.messages : []).forEach((message, j) => {
    const messagePath = [...path, 'messages', j];
    const converted = messageFromDerived(message, messagePath, ctx);
    if (!converted) return;
    const known = ctx.fragment.components.messages[converted.id];
    if (known && !jsonEqual(known.value, converted.value)) {
      ctx.diagnostics.warn('asyncapi-message-conflict', `message ${converted.id} is defined twice on the page, differently; the first is used`, ctx.at(messagePath), { related: [known.source] });
    } else if (!known) {
      ctx.fragment.components.messages[converted.id] = { value: converted.value, source: ctx.at(messagePath) };
    }
    ctx.messages[converted.id] = { $ref: `#/components/messages/${escapePointer(converted.id)}` };
    refs.push({ $ref: `${ctx.channelRef}/messages/${escapePointer(converted.id)}` });
  });
  const value: JsonObject = {
    action: op.type,
    channel: { $ref: ctx.channelRef },
    ...text('title', op.title),
    // Mintlify shows an operation's summary as its `description`.
    ...text('summary', op.description),
    messages: refs,
    ...keyed('bindings', bindingsFromList(op.bindings)),
  };
  return { id: op.id, value };
}

function sourced(map: Record<string, JsonObject>, where: (id: string) => SourceLocation): Record<string, SourcedValue> {
  return Object.fromEntries(Object.entries(map).map(([id, value]) => [id, { value, source: where(id) }]));
}

function indexOfId(list: JsonValue | undefined, id: string): number {
  return Array.isArray(list) ? Math.max(0, list.findIndex((e) => isObject(e) && e.id === id)) : 0;
}
