import { compareText } from '../diagnostics/diagnostic.ts';
import { escapePointer, isObject, unescapePointer, type JsonObject, type JsonValue } from '../openapi/json.ts';
import { followRef, resolveObject } from './pointer.ts';

/**
 * How a merged AsyncAPI 3.0 document describes a WebSocket API, read once for the stages after merge (validate,
 * emit, changelog): each channel with the messages the server sends on it and the commands it receives, by the
 * operations' `action` (`send`: the server sends; `receive`: the server receives, from the client).
 */

export interface StreamMessage {
  /** The message's key in `components.messages` (`ticker`, `subscribeCommand`), or `<channel>/<key>` when inline. */
  name: string;
  message: JsonObject;
}

export interface StreamChannel {
  name: string;
  channel: JsonObject;
  /** Messages the server sends on the channel (operations with `action: send`). */
  sent: StreamMessage[];
  /** Messages the server receives on it: the client's commands (operations with `action: receive`). */
  received: StreamMessage[];
}

export function streamChannels(document: JsonObject): StreamChannel[] {
  const channels = isObject(document.channels) ? document.channels : {};
  const operations = Object.values(isObject(document.operations) ? document.operations : {}).filter(isObject);
  return Object.keys(channels)
    .sort(compareText)
    .flatMap((name) => {
      const channel = channels[name];
      if (!isObject(channel)) return [];
      const own = operations.filter((op) => isObject(op.channel) && op.channel.$ref === `#/channels/${escapePointer(name)}`);
      const of = (action: string) => uniqueMessages(document, own.filter((op) => op.action === action).flatMap((op) => (Array.isArray(op.messages) ? op.messages : [])));
      return [{ name, channel, sent: of('send'), received: of('receive') }];
    });
}

/** The message a reference names (`#/channels/c/messages/k` → the component it refers to), with its name. */
export function messageAt(document: JsonObject, reference: JsonValue): StreamMessage | undefined {
  let node: JsonValue | undefined = reference;
  let name: string | undefined;
  for (let depth = 0; isObject(node) && typeof node.$ref === 'string' && depth < 32; depth++) {
    const component = /^#\/components\/messages\/([^/]+)$/.exec(node.$ref);
    const inline = /^#\/channels\/([^/]+)\/messages\/([^/]+)$/.exec(node.$ref);
    if (component) name = unescapePointer(component[1]!);
    else if (inline) name = `${unescapePointer(inline[1]!)}/${unescapePointer(inline[2]!)}`;
    node = followRef(document, node.$ref);
  }
  return isObject(node) && name !== undefined ? { name, message: node } : undefined;
}

/** The payload's constant for `property` (its `const`, or a one-value `enum`): a message's `type`, a command's `cmd`. */
export function payloadConstant(document: JsonObject, message: JsonObject, property: string): string | undefined {
  const payload = resolveObject(document, message.payload);
  const members = [payload, ...(Array.isArray(payload?.allOf) ? payload.allOf.map((m) => resolveObject(document, m)) : [])];
  for (const member of members) {
    const schema = member && isObject(member.properties) ? resolveObject(document, member.properties[property]) : undefined;
    if (!schema) continue;
    if (typeof schema.const === 'string') return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'string') return schema.enum[0];
  }
  return undefined;
}

/** Whether a message is JSON (the document's `defaultContentType` applies when it names none). */
export function isJsonMessage(document: JsonObject, message: JsonObject): boolean {
  const type = typeof message.contentType === 'string' ? message.contentType : typeof document.defaultContentType === 'string' ? document.defaultContentType : 'application/json';
  return /^application\/([\w.+-]+\+)?json\b/.test(type);
}

function uniqueMessages(document: JsonObject, references: JsonValue[]): StreamMessage[] {
  const out: StreamMessage[] = [];
  for (const reference of references) {
    const found = messageAt(document, reference);
    if (found && !out.some((m) => m.name === found.name)) out.push(found);
  }
  return out;
}
