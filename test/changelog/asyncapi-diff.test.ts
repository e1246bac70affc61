import { describe, expect, it } from 'vitest';
import { apiChangelogs } from '../../generator/changelog/api-changelog.ts';
import { diffAsyncApiDocuments } from '../../generator/changelog/diff-asyncapi.ts';
import { renderMarkdown } from '../../generator/changelog/render-markdown.ts';
import { renderText } from '../../generator/changelog/render-text.ts';
import type { PageIndex } from '../../generator/changelog/pages.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';

/** A WebSocket document: channel → messages the server sends on it (name → payload); commands on the connection. */
interface Shape {
  channels?: Record<string, Record<string, object>>;
  commands?: Record<string, object>;
  schemas?: Record<string, object>;
  version?: string;
  servers?: Record<string, object>;
  description?: string;
}

function doc(shape: Shape): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};
  const add = (channel: string, address: string, action: 'send' | 'receive', list: Record<string, object>) => {
    const own = (channels[channel] ??= { address, messages: {} }) as { messages: JsonObject };
    for (const [name, payload] of Object.entries(list)) {
      own.messages[name] = { $ref: `#/components/messages/${name}` };
      messages[name] = { payload } as JsonObject;
      operations[`${action}_${name}`] = { action, channel: { $ref: `#/channels/${channel}` }, messages: [{ $ref: `#/channels/${channel}/messages/${name}` }] };
    }
  };
  for (const [name, sent] of Object.entries(shape.channels ?? {})) add(name, name, 'send', sent);
  if (shape.commands) add('root', '/', 'receive', shape.commands);
  return {
    asyncapi: '3.0.0',
    info: { title: 'WS', version: shape.version ?? '2.0.0', ...(shape.description ? { description: shape.description } : {}) },
    servers: (shape.servers ?? { production: { host: 'ws.kalshi.com', pathname: '/trade-api/ws/v2', protocol: 'wss' } }) as JsonObject,
    channels,
    operations,
    components: { messages, schemas: (shape.schemas ?? {}) as JsonObject },
  };
}

const str = { type: 'string' };
const message = (type: string, msg: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  required: ['type', 'msg'],
  properties: { type: { type: 'string', const: type }, msg: { type: 'object', properties: msg, required } },
});
const TICKER = message('ticker', { price: str, side: { $ref: '#/components/schemas/side' } }, ['price']);
const SIDE = { side: { type: 'string', enum: ['yes', 'no'] } };
const BASE: Shape = { channels: { ticker: { ticker: TICKER } }, schemas: SIDE };
const subscribe = (params: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  properties: { cmd: { const: 'subscribe' }, params: { type: 'object', properties: params, required } },
});

type Case = [name: string, before: Shape, after: Shape, expected: string[]];

/** One pair per construct: changes as `kind | severity | subject | message`. */
const CASES: Case[] = [
  ['the same document', BASE, BASE, []],
  ['a channel added', BASE, { ...BASE, channels: { ...BASE.channels, trade: { trade: message('trade', {}) } } }, ['channel-added | non-breaking | channel trade | channel added (sends trade)']],
  ['a channel removed', { ...BASE, channels: { ...BASE.channels, trade: { trade: message('trade', {}) } } }, BASE, ['channel-removed | breaking | channel trade | channel removed']],
  [
    'a message added to a channel',
    BASE,
    { ...BASE, channels: { ticker: { ticker: TICKER, snapshot: message('ticker_snapshot', {}) } } },
    ['channel-message-added | warning | channel ticker | message snapshot added'],
  ],
  [
    'a message removed from a channel',
    { ...BASE, channels: { ticker: { ticker: TICKER, snapshot: message('ticker_snapshot', {}) } } },
    BASE,
    ['channel-message-removed | breaking | channel ticker | message snapshot removed'],
  ],
  ['a command added', BASE, { ...BASE, commands: { subscribe: subscribe({}) } }, ['channel-added | non-breaking | channel root | channel added']],
  [
    'a command removed from the connection',
    { ...BASE, commands: { subscribe: subscribe({}), list: { type: 'object', properties: { cmd: { const: 'list_subscriptions' } } } } },
    { ...BASE, commands: { subscribe: subscribe({}) } },
    ['command-removed | breaking | channel root | command list removed'],
  ],
  [
    'a field removed from a message',
    BASE,
    { ...BASE, channels: { ticker: { ticker: message('ticker', { side: { $ref: '#/components/schemas/side' } }) } } },
    ['property-removed | breaking | message ticker | property `msg.price` removed'],
  ],
  [
    'an optional field added to a message',
    BASE,
    { ...BASE, channels: { ticker: { ticker: message('ticker', { price: str, side: { $ref: '#/components/schemas/side' }, ts: { type: 'integer' } }, ['price']) } } },
    ['property-added | non-breaking | message ticker | property `msg.ts` added'],
  ],
  [
    'a field retyped',
    BASE,
    { ...BASE, channels: { ticker: { ticker: message('ticker', { price: { type: 'number' }, side: { $ref: '#/components/schemas/side' } }, ['price']) } } },
    ['type-changed | breaking | message ticker | `msg.price`: type changed from string to number'],
  ],
  [
    'a value added to a shared enum: the schema\'s change, seen through the messages using it',
    BASE,
    { ...BASE, schemas: { side: { type: 'string', enum: ['yes', 'no', 'both'] } } },
    ['enum-value-added | warning | schema side | enum value "both" added'],
  ],
  [
    'a required param added to a command',
    { ...BASE, commands: { subscribe: subscribe({ channels: { type: 'array' } }) } },
    { ...BASE, commands: { subscribe: subscribe({ channels: { type: 'array' }, key: str }, ['key']) } },
    ['property-added | breaking | message subscribe | property `params.key` added as required'],
  ],
  [
    'an optional param added to a command',
    { ...BASE, commands: { subscribe: subscribe({}) } },
    { ...BASE, commands: { subscribe: subscribe({ shard_key: { type: 'integer' } }) } },
    ['property-added | non-breaking | message subscribe | property `params.shard_key` added'],
  ],
  ['a server removed', { ...BASE, servers: { production: { host: 'a', protocol: 'wss' }, demo: { host: 'b', protocol: 'wss' } } }, { ...BASE, servers: { production: { host: 'a', protocol: 'wss' } } }, ['server-removed | warning | the document | server wss://b removed']],
  ['the version', BASE, { ...BASE, version: '2.1.0' }, ['asyncapi-version-changed | non-breaking | the document | WebSocket API version 2.0.0 → 2.1.0']],
  [
    'text only: the differing places are listed, never "no changes"',
    BASE,
    { ...BASE, description: 'Now described.' },
    ['documentation-changed | non-breaking | the document | `info.description` added'],
  ],
];

const subject = (c: { channel?: string; messageName?: string; schema?: string }) =>
  c.schema ? `schema ${c.schema}` : c.channel ? `channel ${c.channel}` : c.messageName ? `message ${c.messageName}` : 'the document';

describe('diffAsyncApiDocuments: the WebSocket API\'s changes, classified for code using the client', () => {
  it.each(CASES)('%s', (_name, before, after, expected) => {
    const changes = diffAsyncApiDocuments(doc(before), doc(after));
    expect(changes.map((c) => `${c.kind} | ${c.severity} | ${subject(c)} | ${c.schemaMessage ?? c.message}`)).toEqual(expected);
    expect(changes.every((c) => c.lane === 'asyncapi')).toBe(true);
  });

  it('a const given twice through allOf is read as the override it means, on both sides', () => {
    const base = { type: 'object', properties: { type: { const: 'parent' }, msg: { type: 'object', properties: { a: str } } } };
    const child = (extra: object) => ({ allOf: [{ $ref: '#/components/schemas/base' }, { type: 'object', properties: { type: { const: 'child' }, ...extra } }] });
    const before = doc({ channels: { c: { child: child({}) } }, schemas: { base } });
    const after = doc({ channels: { c: { child: child({ b: str }) } }, schemas: { base } });
    expect(diffAsyncApiDocuments(before, after).map((c) => `${c.kind} ${c.message}`)).toEqual(['property-added property `b` added']);
  });

  it('does not modify its inputs', () => {
    const before = doc(BASE);
    const after = doc({ ...BASE, channels: { ticker: { ticker: message('ticker', {}) } } });
    const copies = [JSON.stringify(before), JSON.stringify(after)];
    diffAsyncApiDocuments(before, after);
    expect([JSON.stringify(before), JSON.stringify(after)]).toEqual(copies);
  });
});

describe('the WebSocket changes in the API changelog and its renderings', () => {
  const pages: PageIndex = {
    operation: () => undefined,
    schema: () => undefined,
    channel: (_api, name) => `specs/websockets/${name}.md:20`,
    message: (_api, name, property) => (property ? `specs/websockets/${name}.md:88` : `specs/websockets/${name}.md:40`),
    streamSchema: () => 'specs/asyncapi.yaml:900',
  };
  const before = doc({ ...BASE, channels: { ...BASE.channels, trade: { trade: message('trade', {}) } } });
  const after = doc({ ...BASE, schemas: { side: { type: 'string', enum: ['yes', 'no', 'both'] } }, channels: { ticker: { ticker: message('ticker', { side: { $ref: '#/components/schemas/side' } }) } } });
  const empty: JsonObject = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: {} };
  const changelogs = apiChangelogs(new Map([['trade', empty]]), new Map([['trade', empty]]), { before: new Map([['trade', before]]), after: new Map([['trade', after]]) });

  it('come after the REST changes of the same API, one entry per channel, message and schema, each with its page', () => {
    expect(renderText(changelogs, pages)).toBe(
      [
        'API changes in trade: 2 breaking, 1 warning, 0 non-breaking',
        '  BREAKING',
        '    channel trade — specs/websockets/trade.md:20',
        '      - channel removed',
        '    message ticker — specs/websockets/ticker.md:40',
        '      - property `msg.price` removed',
        '  WARNING',
        '    WebSocket schema side — specs/asyncapi.yaml:900',
        '      - enum value "both" added',
        '      used by message ticker',
        '',
      ].join('\n'),
    );
  });

  it('render as markdown too', () => {
    const text = renderMarkdown(changelogs, pages);
    expect(text).toContain('- channel `trade` (`specs/websockets/trade.md:20`)\n  - channel removed');
    expect(text).toContain('- WebSocket schema `side` (`specs/asyncapi.yaml:900`)\n  - enum value "both" added\n  - <sub>used by message ticker</sub>');
  });

  it('are left out when the caller passes no AsyncAPI documents (the REST changelog alone)', () => {
    expect(apiChangelogs(new Map([['trade', empty]]), new Map([['trade', empty]]))).toEqual([{ api: 'trade', changes: [] }]);
  });
});
