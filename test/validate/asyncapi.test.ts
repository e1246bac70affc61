import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { validateAsyncApi } from '../../generator/validate/asyncapi.ts';

/** A small valid document: a ticker channel, the connection with a subscribe command listing it. */
function valid(): Record<string, any> {
  return {
    asyncapi: '3.0.0',
    info: { title: 'WS', version: '1.0.0' },
    servers: { production: { host: 'h', protocol: 'wss' } },
    channels: {
      root: { address: '/', messages: { subscribe: { $ref: '#/components/messages/subscribe' } } },
      ticker: { address: 'ticker', messages: { ticker: { $ref: '#/components/messages/ticker' }, other: { $ref: '#/components/messages/other' } } },
    },
    operations: {
      sendSubscribe: { action: 'receive', channel: { $ref: '#/channels/root' }, messages: [{ $ref: '#/channels/root/messages/subscribe' }] },
      receiveTicker: { action: 'send', channel: { $ref: '#/channels/ticker' }, messages: [{ $ref: '#/channels/ticker/messages/ticker' }] },
    },
    components: {
      messages: {
        subscribe: {
          payload: {
            type: 'object',
            properties: { cmd: { const: 'subscribe' }, params: { type: 'object', properties: { channels: { type: 'array', items: { type: 'string', enum: ['ticker'] } } } } },
          },
        },
        ticker: { payload: { $ref: '#/components/schemas/tickerPayload' } },
        other: { payload: { type: 'object', properties: { type: { const: 'other' } } } },
      },
      schemas: { tickerPayload: { type: 'object', required: ['type'], properties: { type: { type: 'string', const: 'ticker' } } } },
    },
  };
}

function check(edit: (doc: Record<string, any>) => void): string[] {
  const document = valid();
  edit(document);
  const diagnostics = new Diagnostics();
  validateAsyncApi([{ api: 'trade', document: document as JsonObject, sources: { channels: new Map(), messages: new Map(), schemas: new Map() } }], diagnostics);
  return diagnostics.sorted().map((d) => `${d.severity} ${d.code} ${d.pointer}: ${d.message.replace(/ \(at [^)]*\)$/, '')}`);
}

/** One broken construct per row, and what the check says, with the JSON pointer into asyncapi/trade.json. */
const CASES: [string, (doc: Record<string, any>) => void, string[]][] = [
  ['a valid document', () => undefined, []],
  ['an AsyncAPI 2 version', (d) => (d.asyncapi = '2.6.0'), ['error asyncapi-invalid /asyncapi: asyncapi must be a 3.x version string']],
  ['info without a version', (d) => delete d.info.version, ['error asyncapi-invalid /info: info must have a title and a version']],
  ['a server without a host', (d) => delete d.servers.production.host, ['error asyncapi-invalid /servers/production: server production must have a host and a protocol']],
  ['a numeric address', (d) => (d.channels.ticker.address = 7), ['error asyncapi-invalid /channels/ticker/address: address must be a string or null']],
  ['an action other than send or receive', (d) => (d.operations.receiveTicker.action = 'publish'), ['error asyncapi-invalid /operations/receiveTicker/action: action must be send or receive']],
  [
    'an operation on a channel the document lacks',
    (d) => (d.operations.receiveTicker.channel = { $ref: '#/channels/nowhere' }),
    ['error asyncapi-invalid /operations/receiveTicker/channel: $ref #/channels/nowhere does not resolve', 'error asyncapi-invalid /operations/receiveTicker/channel: channel must be a $ref to a channel of the document'],
  ],
  [
    'an operation naming another channel\'s message',
    (d) => (d.operations.receiveTicker.messages = [{ $ref: '#/channels/root/messages/subscribe' }]),
    ['error asyncapi-invalid /operations/receiveTicker/messages/0: messages must be $refs to messages of #/channels/ticker'],
  ],
  [
    'a $ref that does not resolve',
    (d) => (d.components.messages.ticker.payload = { $ref: '#/components/schemas/gone' }),
    ['error asyncapi-invalid /components/messages/ticker/payload: $ref #/components/schemas/gone does not resolve'],
  ],
  ['a schema type JSON Schema does not have', (d) => (d.components.schemas.tickerPayload.properties.type.type = 'text'), ['error asyncapi-invalid /components/schemas/tickerPayload/properties/type/type: type must be one of string, number, integer, boolean, object, array, null, or a list of them']],
  ['required that is not a list of names', (d) => (d.components.schemas.tickerPayload.required = 'type'), ['error asyncapi-invalid /components/schemas/tickerPayload/required: required must be a list of property names']],
  ['an empty enum', (d) => (d.components.schemas.tickerPayload.properties.type.enum = []), ['error asyncapi-invalid /components/schemas/tickerPayload/properties/type/enum: enum must be a non-empty list']],
  [
    'two messages of a channel with the same type',
    (d) => {
      d.components.messages.other.payload.properties.type.const = 'ticker';
      d.operations.receiveTicker.messages.push({ $ref: '#/channels/ticker/messages/other' });
    },
    ['warning asyncapi-lint /channels/ticker: messages ticker and other of channel ticker share the type "ticker"'],
  ],
  ['a command without a cmd constant', (d) => delete d.components.messages.subscribe.payload.properties.cmd, ['warning asyncapi-lint /components/messages/subscribe: command subscribe has no `cmd` constant']],
  [
    'a channel that delivers messages but is not in the subscribe list',
    (d) => (d.components.messages.subscribe.payload.properties.params.properties.channels.items.enum = ['other']),
    ['warning asyncapi-lint /channels/ticker: channel ticker is not in the subscribe command\'s `channels` list', 'warning asyncapi-lint /channels: the subscribe command lists channel "other", which the document does not define'],
  ],
  [
    'a server message without a type constant',
    (d) => delete d.components.schemas.tickerPayload.properties.type,
    ['warning asyncapi-lint /components/messages/ticker: message ticker, sent on channel ticker, has no `type` constant: clients cannot tell it from the channel\'s other messages'],
  ],
  [
    'a subscribe list naming a channel the document lacks',
    (d) => d.components.messages.subscribe.payload.properties.params.properties.channels.items.enum.push('fills'),
    ['warning asyncapi-lint /channels: the subscribe command lists channel "fills", which the document does not define'],
  ],
  [
    'an allOf giving the discriminant two constants',
    (d) => (d.components.schemas.child = { allOf: [{ $ref: '#/components/schemas/tickerPayload' }, { type: 'object', properties: { type: { const: 'child' } } }] }),
    ['warning asyncapi-lint /components/schemas/child: the allOf members give type: ticker / child: no value has both; the client reads the last as an override'],
  ],
];

describe('validateAsyncApi: a structural check of the merged AsyncAPI 3.0 documents', () => {
  it.each(CASES)('%s', (_name, edit, expected) => {
    expect(check(edit)).toEqual(expected);
  });

  it('names the document file', () => {
    const diagnostics = new Diagnostics();
    const document = valid();
    document.asyncapi = '2.0.0';
    validateAsyncApi([{ api: 'perps', document, sources: { channels: new Map(), messages: new Map(), schemas: new Map() } }], diagnostics);
    expect(diagnostics.sorted()[0]!.source).toEqual({ file: 'asyncapi/perps.json' });
  });
});
