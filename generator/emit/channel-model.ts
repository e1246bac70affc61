import { isJsonMessage, payloadConstant, streamChannels, type StreamMessage } from '../asyncapi/channels.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';

/**
 * What a channel map is made of, read once from a merged AsyncAPI document:
 * - the channels a client subscribes to: every channel but the connection's own (`address: /`, where commands
 *   and their replies travel) on which the server sends JSON messages, each with those messages;
 * - the commands (JSON messages the server receives) and, by their `cmd` constant, the `subscribe` command and
 *   the `update_subscription` ones (whose params, less `sid`/`sids`, a subscription's `update()` takes);
 * - the snapshot channels: those sending a message whose `type` ends in `_snapshot` (`orderbook_snapshot`): a
 *   sequence gap there is repaired by subscribing again.
 * Ping and pong (binary control frames) are not JSON messages and have no type.
 */

export interface ChannelModel {
  name: string;
  title?: string;
  description?: string;
  deprecated: boolean;
  /** The names (`components.messages` keys) of the messages the server sends on it. */
  messages: string[];
}

export interface ChannelMapModel {
  channels: ChannelModel[];
  /** Every JSON message the server sends, on any channel (replies to commands included), in document order. */
  sent: StreamMessage[];
  /** Every JSON command the server takes. */
  commands: StreamMessage[];
  subscribe?: StreamMessage;
  updates: StreamMessage[];
  snapshotChannels: string[];
}

export function channelMapModel(document: JsonObject): ChannelMapModel {
  const sent: StreamMessage[] = [];
  const commands: StreamMessage[] = [];
  const channels: ChannelModel[] = [];
  const snapshotChannels: string[] = [];
  const add = (list: StreamMessage[], message: StreamMessage) => void (list.some((m) => m.name === message.name) ? undefined : list.push(message));
  for (const stream of streamChannels(document)) {
    const json = stream.sent.filter((m) => isJsonMessage(document, m.message));
    json.forEach((m) => add(sent, m));
    stream.received.filter((m) => isJsonMessage(document, m.message)).forEach((m) => add(commands, m));
    if (stream.channel.address === '/' || json.length === 0) continue;
    channels.push({
      name: stream.name,
      ...text('title', stream.channel.title),
      ...text('description', stream.channel.description),
      deprecated: stream.channel['x-deprecated'] === true,
      messages: json.map((m) => m.name),
    });
    if (json.some((m) => payloadConstant(document, m.message, 'type')?.endsWith('_snapshot'))) snapshotChannels.push(stream.name);
  }
  const cmd = (m: StreamMessage) => payloadConstant(document, m.message, 'cmd');
  const subscribe = commands.find((m) => cmd(m) === 'subscribe');
  return {
    channels,
    sent,
    commands,
    ...(subscribe ? { subscribe } : {}),
    updates: distinctPayloads(commands.filter((m) => cmd(m) === 'update_subscription')),
    snapshotChannels,
  };
}

/** Commands sharing one payload (`$ref` to the same schema) are one set of params. */
function distinctPayloads(messages: StreamMessage[]): StreamMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = isObject(m.message.payload) && typeof m.message.payload.$ref === 'string' ? m.message.payload.$ref : `#${m.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function text(key: 'title' | 'description', value: unknown): Partial<Record<'title' | 'description', string>> {
  return typeof value === 'string' && value.trim() !== '' ? { [key]: value } : {};
}
