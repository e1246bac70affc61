import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { emitChannelMap } from '../../generator/emit/channel-map.ts';
import { channelMapPath, RUNTIME_DIR, runtimeSources, tsconfigJson } from '../../generator/emit/package-files.ts';
import { reportTypeProblems } from '../../generator/emit/type-errors.ts';
import { typecheckInWorker } from '../../generator/emit/typecheck-thread.ts';
import type { MergedAsyncApi } from '../../generator/merge/asyncapi/index.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';

/** A small Trade-like AsyncAPI document: the connection's commands and replies, an order book channel, a ticker channel. */
function tradeDocument(edit: (doc: Record<string, any>) => void = () => undefined): JsonObject {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const envelope = (type: string, msg: object, seq = false) => ({
    type: 'object',
    required: ['type', 'sid', 'msg', ...(seq ? ['seq'] : [])],
    properties: { type: { type: 'string', const: type }, sid: ref('subscriptionId'), ...(seq ? { seq: { type: 'integer' } } : {}), msg },
  });
  const object = (properties: object, required: string[]) => ({ type: 'object', required, properties });
  const levels = { type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 } };
  const doc: Record<string, any> = {
    asyncapi: '3.0.0',
    info: { title: 'Kalshi Market Data WebSocket API', version: '2.0.0' },
    servers: { production: { host: 'external-api-ws.kalshi.com', pathname: '/trade-api/ws/v2', protocol: 'wss' } },
    defaultContentType: 'application/json',
    channels: {
      root: { address: '/', messages: { subscribeCommand: { $ref: '#/components/messages/subscribeCommand' }, updateCommand: { $ref: '#/components/messages/updateCommand' }, okResponse: { $ref: '#/components/messages/okResponse' } } },
      control_frames: { address: '/', messages: { ping: { $ref: '#/components/messages/ping' } } },
      orderbook_delta: { address: 'orderbook_delta', title: 'Orderbook Updates', description: 'Snapshot, then deltas.', messages: { orderbookSnapshot: { $ref: '#/components/messages/orderbookSnapshot' }, orderbookDelta: { $ref: '#/components/messages/orderbookDelta' } } },
      ticker: { address: 'ticker', title: 'Market Ticker', description: 'Prices. */ not code', messages: { ticker: { $ref: '#/components/messages/ticker' } } },
    },
    operations: {
      sendSubscribe: { action: 'receive', channel: { $ref: '#/channels/root' }, messages: [{ $ref: '#/channels/root/messages/subscribeCommand' }] },
      sendUpdate: { action: 'receive', channel: { $ref: '#/channels/root' }, messages: [{ $ref: '#/channels/root/messages/updateCommand' }] },
      receiveOk: { action: 'send', channel: { $ref: '#/channels/root' }, messages: [{ $ref: '#/channels/root/messages/okResponse' }] },
      receivePing: { action: 'send', channel: { $ref: '#/channels/control_frames' }, messages: [{ $ref: '#/channels/control_frames/messages/ping' }] },
      receiveSnapshot: { action: 'send', channel: { $ref: '#/channels/orderbook_delta' }, messages: [{ $ref: '#/channels/orderbook_delta/messages/orderbookSnapshot' }] },
      receiveDelta: { action: 'send', channel: { $ref: '#/channels/orderbook_delta' }, messages: [{ $ref: '#/channels/orderbook_delta/messages/orderbookDelta' }] },
      receiveTicker: { action: 'send', channel: { $ref: '#/channels/ticker' }, messages: [{ $ref: '#/channels/ticker/messages/ticker' }] },
    },
    components: {
      messages: {
        subscribeCommand: { payload: ref('subscribeCommandPayload') },
        updateCommand: { payload: { type: 'object', required: ['id', 'cmd', 'params'], properties: { id: { type: 'integer' }, cmd: { const: 'update_subscription' }, params: object({ sid: ref('subscriptionId'), action: { type: 'string', enum: ['add_markets', 'delete_markets'] }, market_tickers: { type: 'array', items: { type: 'string' } } }, ['action']) } } },
        okResponse: { payload: { type: 'object', required: ['type'], properties: { type: { type: 'string', const: 'ok' }, id: { type: 'integer' } } } },
        ping: { contentType: 'application/octet-stream', payload: { type: 'string', const: 'heartbeat' } },
        orderbookSnapshot: { payload: envelope('orderbook_snapshot', object({ market_ticker: { type: 'string' }, yes_dollars_fp: levels, no_dollars_fp: levels }, ['market_ticker']), true) },
        orderbookDelta: { payload: envelope('orderbook_delta', object({ market_ticker: { type: 'string' }, price_dollars: { type: 'string' }, delta_fp: { type: 'string' }, side: { type: 'string', enum: ['yes', 'no'] }, client_order_id: { type: 'string' } }, ['market_ticker', 'price_dollars', 'delta_fp', 'side']), true) },
        ticker: { payload: envelope('ticker', object({ market_ticker: { type: 'string' }, price_dollars: { type: 'string' }, level: ref('level') }, ['market_ticker', 'price_dollars'])) },
      },
      schemas: {
        subscriptionId: { type: 'integer', minimum: 1 },
        level: { type: 'string', description: 'Named like the runtime\'s own `Level`.' },
        subscribeCommandPayload: {
          type: 'object',
          required: ['id', 'cmd', 'params'],
          properties: { id: { type: 'integer' }, cmd: { type: 'string', const: 'subscribe' }, params: object({ channels: { type: 'array', items: { type: 'string', enum: ['orderbook_delta', 'ticker'] } }, market_tickers: { type: 'array', items: { type: 'string' } }, use_yes_price: { type: 'boolean' } }, ['channels']) },
        },
      },
    },
  };
  edit(doc);
  return doc as JsonObject;
}

function stream(document: JsonObject): MergedAsyncApi {
  return { api: 'trade', document, sources: { channels: new Map([['orderbook_delta', { file: 'websockets/orderbook-updates.md', line: 21 }]]), messages: new Map(), schemas: new Map() } };
}

async function emit(document: JsonObject) {
  const diagnostics = new Diagnostics();
  const text = await emitChannelMap(stream(document), 'Kalshi Trade API', RUNTIME_DIR, diagnostics);
  return { text, diagnostics: diagnostics.sorted() };
}

/** Type-checks the map with the real-time runtime and `check` (a consumer's file) as the package would. */
async function typecheck(map: string, check: string) {
  const files = new Map([...runtimeSources(new Set(['trade'])), [channelMapPath('trade'), map], ['src/check.ts', check], ['tsconfig.json', tsconfigJson()]]);
  return typecheckInWorker(files);
}

const CONSUMER = `
import { createKalshiStream, type TradeStreamCommand, type TradeStreamMessage } from './runtime/ws/trade.js';

export async function consume(): Promise<string[]> {
  const stream = createKalshiStream({ url: 'ws://127.0.0.1:1' });
  const seen: string[] = [];
  const tickers = await stream.subscribe('ticker', { market_tickers: ['A'] });
  for await (const message of tickers) {
    if (message.type === 'gap') continue;
    const type: 'ticker' = message.type;
    seen.push(type, message.msg.price_dollars, message.msg.level ?? '');
    // @ts-expect-error the ticker channel never delivers an order book snapshot
    if (message.type === 'orderbook_snapshot') seen.push('impossible');
  }
  const books = await stream.subscribe('orderbook_delta', { market_tickers: ['A'], use_yes_price: true });
  for await (const message of books) {
    if (message.type === 'orderbook_snapshot') seen.push(String(message.seq), ...(message.msg.yes_dollars_fp ?? []).flat());
    else if (message.type === 'orderbook_delta') seen.push(message.msg.side);
  }
  await books.update({ action: 'add_markets', market_tickers: ['B'] });
  // @ts-expect-error not an action of update_subscription
  await books.update({ action: 'rename_markets' });
  // @ts-expect-error not a channel of the document
  await stream.subscribe('fills');
  // @ts-expect-error channels is the stream's to add
  await stream.subscribe('ticker', { channels: ['ticker'] });
  const command: TradeStreamCommand = { id: 1, cmd: 'subscribe', params: { channels: ['ticker'] } };
  const reply = {} as TradeStreamMessage;
  if (reply.type === 'ok') seen.push(String(reply.id), command.cmd);
  return seen;
}
`;

describe('the channel map generated from an AsyncAPI document', () => {
  it('types each channel by its messages, commands and replies as unions, names free of the runtime\'s own, environments and snapshot channels', async () => {
    const { text, diagnostics } = await emit(tradeDocument());
    expect(text).toContain('export type TradeChannels = {');
    expect(text).toMatch(/orderbook_delta: \{\s+params: SubscribeParams;\s+message: OrderbookSnapshotMessage \| OrderbookDeltaMessage;\s+update: UpdateSubscriptionParams;/);
    expect(text).toMatch(/ticker: \{\s+params: SubscribeParams;\s+message: TickerMessage;/);
    expect(text).not.toMatch(/\broot: \{|control_frames: \{/);
    expect(text).toContain('export type TradeStreamMessage = OrderbookSnapshotMessage | OrderbookDeltaMessage | OkResponse | TickerMessage;');
    expect(text).toContain('export type TradeStreamCommand = SubscribeCommand | UpdateCommand;');
    expect(text).toContain('export type SubscribeParams = Omit<NonNullable<SubscribeCommand["params"]>, "channels">;');
    expect(text).toContain('export type LevelSchema = string;');
    expect(text).not.toMatch(/\binterface components\b|\btype paths\b|\bPing/);
    expect(text).toContain('Prices. *\\/ not code');
    expect(text).toMatch(/title: "Kalshi Trade API",\s+environments: \{\s+production: "wss:\/\/external-api-ws\.kalshi\.com\/trade-api\/ws\/v2",\s+demo: "wss:\/\/external-api-ws\.demo\.kalshi\.co\/trade-api\/ws\/v2"\s+\},\s+snapshotChannels: \["orderbook_delta"\]/);
    expect(diagnostics.map((d) => [d.code, d.severity, d.source?.file])).toEqual([['asyncapi-server-assumed', 'info', 'asyncapi/trade.json']]);
    expect((await emit(tradeDocument())).text).toBe(text);
  });

  it('compiles with the real-time runtime, and subscribe(\'ticker\', …) yields ticker messages only', async () => {
    const { text } = await emit(tradeDocument());
    expect(await typecheck(text, CONSUMER)).toEqual([]);
  }, 60_000);

  it('a map whose order book messages the books cannot read fails the type check, pointing at the channel\'s page', async () => {
    const { text } = await emit(tradeDocument((d) => delete d.components.messages.orderbookDelta.payload.properties.msg.properties.price_dollars));
    const problems = await typecheck(text, 'export {};\n');
    expect(problems.map((p) => p.path)).toEqual(['src/runtime/ws/trade.ts']);
    const diagnostics = new Diagnostics();
    reportTypeProblems(problems, [{ api: 'trade', operations: [], operationPages: new Map(), schemaPages: new Map(), streamPage: { file: 'websockets/orderbook-updates.md', line: 21 } }], diagnostics);
    expect(diagnostics.sorted()[0]).toMatchObject({
      code: 'package-type-error',
      severity: 'error',
      message: expect.stringMatching(/^the trade WebSocket channel map \(asyncapi\/trade\.json\): the generated src\/runtime\/ws\/trade\.ts .* does not type-check: /),
      source: { file: 'websockets/orderbook-updates.md', line: 21 },
    });
  }, 60_000);

  it('gives every channel `update: never` when the document has no update_subscription command, and a deprecated channel its mark', async () => {
    const { text } = await emit(
      tradeDocument((d) => {
        delete d.channels.root.messages.updateCommand;
        delete d.operations.sendUpdate;
        d.channels.ticker['x-deprecated'] = true;
      }),
    );
    expect(text).toMatch(/ticker: \{\s+params: SubscribeParams;\s+message: TickerMessage;\s+update: never;/);
    expect(text).toContain("@deprecated No longer in Kalshi's AsyncAPI document: kept for migration only.");
  });
});
