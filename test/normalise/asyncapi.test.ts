import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { ingestPage } from '../../generator/ingest/index.ts';
import { normaliseAsyncApi } from '../../generator/normalise/asyncapi/index.ts';
import { asyncApiDocument, channelPage, derivedChannel, derivedMessage, derivedOperation, resolvedPayload } from '../support/asyncapi-pages.ts';
import { ROOT } from '../support/cli.ts';

function normalise(file: string, text: string) {
  const diagnostics = new Diagnostics();
  const page = ingestPage(file, text, diagnostics);
  const fragments = normaliseAsyncApi(page ? [page] : [], diagnostics);
  return { page, fragments, fragment: fragments[0], diagnostics: diagnostics.sorted() };
}

const TICKER = resolvedPayload('tickerPayload', 'ticker', {
  market_ticker: { type: 'string', pattern: '^[A-Z0-9-]+$', 'x-parser-schema-id': 'marketTicker' },
  price: { type: 'string', 'x-parser-schema-id': '<anonymous-schema-3>' },
}, ['market_ticker']);

describe('derived channel pages (```` ```yaml asyncapi.yaml <channel> ````)', () => {
  const text = channelPage(derivedChannel('ticker', [derivedOperation('receiveTicker', 'send', [derivedMessage('ticker', TICKER)])]));

  it('are WebSocket pages of the trade API; margin-ws pages and perps_asyncapi.yaml fences are the perps API\'s', () => {
    expect(normalise('websockets/market-ticker.md', text).page?.kind).toBe('asyncapi');
    expect(normalise('websockets/market-ticker.md', text).fragment?.api).toBe('trade');
    expect(normalise('margin-ws/websockets/market-ticker.md', text).fragment?.api).toBe('perps');
    expect(normalise('x/ticker.md', channelPage(derivedChannel('ticker', []), { spec: 'perps_asyncapi.yaml' })).fragment?.api).toBe('perps');
  });

  it('give the channel, its operation and message in AsyncAPI 3.0 form, with Mintlify\'s lists turned back into maps', () => {
    const { fragment, diagnostics } = normalise('websockets/market-ticker.md', text);
    expect(diagnostics).toEqual([]);
    expect(fragment!.whole).toBe(false);
    expect(fragment!.servers.production!.value).toEqual({ protocol: 'wss', host: 'external-api-ws.kalshi.com' });
    expect(fragment!.components.securitySchemes.apiKey!.value).toEqual({ type: 'apiKey', description: 'API key', in: 'user' });
    const [channel] = fragment!.channels;
    expect(channel!.name).toBe('ticker');
    expect(channel!.channel).toEqual({
      address: 'ticker',
      title: 'ticker title',
      description: 'ticker description',
      messages: { ticker: { $ref: '#/components/messages/ticker' } },
    });
    expect(channel!.operations).toEqual({
      receiveTicker: {
        action: 'send',
        channel: { $ref: '#/channels/ticker' },
        title: 'receiveTicker',
        summary: 'receiveTicker summary',
        messages: [{ $ref: '#/channels/ticker/messages/ticker' }],
      },
    });
    expect(fragment!.components.messages.ticker!.value).toEqual({
      title: 'ticker title',
      summary: 'ticker summary',
      contentType: 'application/json',
      payload: { $ref: '#/components/schemas/tickerPayload' },
    });
  });

  it('lift the schemas the AsyncAPI parser named (x-parser-schema-id) back into components; anonymous ones stay inline', () => {
    const { fragment } = normalise('websockets/market-ticker.md', text);
    expect(Object.keys(fragment!.components.schemas).sort()).toEqual(['marketTicker', 'subscriptionId', 'tickerPayload']);
    expect(fragment!.components.schemas.tickerPayload!.value).toEqual({
      type: 'object',
      required: ['type', 'sid', 'msg'],
      properties: {
        type: { type: 'string', const: 'ticker' },
        sid: { $ref: '#/components/schemas/subscriptionId' },
        msg: { type: 'object', required: ['market_ticker'], properties: { market_ticker: { $ref: '#/components/schemas/marketTicker' }, price: { type: 'string' } } },
      },
    });
    expect(fragment!.components.schemas.marketTicker!.value).toEqual({ type: 'string', pattern: '^[A-Z0-9-]+$' });
  });

  it('point each piece at its own line of the page', () => {
    const { fragment } = normalise('websockets/market-ticker.md', text);
    const lines = text.split('\n');
    const at = (line: number | undefined) => lines[(line ?? 0) - 1]!.trim();
    expect(at(fragment!.channels[0]!.source.line)).toBe('id: ticker');
    expect(at(fragment!.components.messages.ticker!.source.line)).toBe('- id: ticker');
    expect(at(fragment!.components.schemas.marketTicker!.source.line)).toBe('market_ticker:');
    const schema = fragment!.components.schemas.tickerPayload!;
    expect(at(schema.locate!(['properties', 'msg', 'properties', 'price']))).toBe('price:');
  });

  it('build a payload from the field list when the message has no JSON schema, and say so', () => {
    const list = [{ name: 'Ticker', type: 'object', properties: [{ name: 'type', type: 'string', description: 'ticker', required: true }] }];
    const page = channelPage(derivedChannel('ticker', [derivedOperation('receiveTicker', 'send', [derivedMessage('ticker', undefined, list)])]));
    const { fragment, diagnostics } = normalise('websockets/t.md', page);
    expect(fragment!.components.messages.ticker!.value.payload).toEqual({ type: 'object', properties: { type: { type: 'string', const: 'ticker' } }, required: ['type'] });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['asyncapi-payload-from-list', 'info']]);
  });

  it('report what they cannot use at its line, and keep the rest', () => {
    const page = channelPage(
      derivedChannel('ticker', [
        derivedOperation('receiveTicker', 'send', [derivedMessage('ticker', TICKER), { contentType: 'application/json' }]),
        derivedOperation('odd', 'publish' as 'send', []),
        derivedOperation('receiveNothing', 'send', [{ id: 'empty', payload: [] }]),
      ]),
      { channel: 'tickers' },
    );
    const { fragment, diagnostics } = normalise('websockets/t.md', page);
    const lines = page.split('\n');
    expect(diagnostics.map((d) => [d.code, d.severity, lines[(d.source?.line ?? 0) - 1]!.trim()])).toEqual([
      ['asyncapi-channel-mismatch', 'warning', 'id: ticker'],
      ['asyncapi-message-invalid', 'warning', '- contentType: application/json'],
      ['asyncapi-operation-invalid', 'warning', '- id: odd'],
      ['asyncapi-message-without-payload', 'warning', '- id: empty'],
    ]);
    expect(Object.keys(fragment!.channels[0]!.operations)).toEqual(['receiveTicker', 'receiveNothing']);
    expect(fragment!.components.messages.empty!.value).toEqual({});
  });

  it('refuse a block that names no channel, at its line', () => {
    const { fragments, diagnostics } = normalise('websockets/x.md', channelPage({ title: 'No id', operations: [] }, { channel: 'x' }));
    expect(fragments).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'asyncapi-channel-invalid', severity: 'error', source: { file: 'websockets/x.md', line: 8 } })]);
  });

  it('read every real page of a day of the site: one channel each, every message with a JSON-schema payload, nothing reported', () => {
    for (const folder of ['websockets', 'margin-ws/websockets']) {
      const dir = join(ROOT, 'test', 'fixtures', 'live-site', '2026-07-07', folder);
      for (const name of ['orderbook-updates.md', 'user-orders.md', 'websocket-connection.md', 'connection-keep-alive.md']) {
        const { fragment, diagnostics } = normalise(`${folder}/${name}`, readFileSync(join(dir, name), 'utf8'));
        expect(diagnostics, name).toEqual([]);
        expect(fragment!.channels).toHaveLength(1);
        for (const [id, message] of Object.entries(fragment!.components.messages)) expect(message.value.payload, `${name} ${id}`).toBeDefined();
        expect(JSON.stringify(fragment)).not.toContain('x-parser-');
      }
    }
  });
});

describe('whole AsyncAPI documents (the site\'s asyncapi.yaml)', () => {
  const DOCUMENT = {
    asyncapi: '3.0.0',
    info: { title: 'Kalshi Market Data WebSocket API', version: '2.0.0' },
    servers: { production: { host: 'external-api-ws.kalshi.com', pathname: '/trade-api/ws/v2', protocol: 'wss' } },
    defaultContentType: 'application/json',
    channels: {
      ticker: { address: 'ticker', messages: { ticker: { $ref: '#/components/messages/ticker' }, inline: { payload: { type: 'string' } } } },
    },
    operations: {
      receiveTicker: { action: 'send', channel: { $ref: '#/channels/ticker' }, messages: [{ $ref: '#/channels/ticker/messages/ticker' }] },
      stray: { action: 'send', channel: { $ref: '#/channels/nowhere' } },
      broken: { action: 'send' },
    },
    components: {
      messages: { ticker: { name: 'ticker', payload: { $ref: '#/components/schemas/tickerPayload' } } },
      schemas: { tickerPayload: { type: 'object', properties: { side: { $ref: '#/components/schemas/side', deprecated: true }, x: { 'x-parser-schema-id': 'x', type: 'string' } } }, side: { enum: ['yes', 'no'] } },
    },
    'x-error-codes': { codes: [] },
  };

  it('are read whole, as one block whose lines are the file\'s', () => {
    const { page, fragment } = normalise('asyncapi.yaml', asyncApiDocument(DOCUMENT));
    expect(page!.kind).toBe('asyncapi-document');
    expect(page!.blocks[0]!.fence.line).toBe(0);
    expect(fragment!.whole).toBe(true);
    expect(fragment!.page).toMatchObject({ file: 'asyncapi.yaml', kind: 'asyncapi-document', version: '2.0.0' });
    expect(fragment!.root).toEqual({ defaultContentType: 'application/json', 'x-error-codes': { codes: [] } });
  });

  it('give each channel with the operations naming it; inline messages join the components; $ref siblings are kept explicit', () => {
    const { fragment, diagnostics } = normalise('asyncapi.yaml', asyncApiDocument(DOCUMENT));
    const [ticker] = fragment!.channels;
    expect(Object.keys(ticker!.operations)).toEqual(['receiveTicker']);
    expect(ticker!.channel.messages).toEqual({ ticker: { $ref: '#/components/messages/ticker' }, inline: { $ref: '#/components/messages/inline' } });
    expect(fragment!.components.messages.inline!.value).toEqual({ payload: { type: 'string' } });
    expect(fragment!.components.schemas.tickerPayload!.value).toEqual({
      type: 'object',
      properties: { side: { allOf: [{ $ref: '#/components/schemas/side' }], deprecated: true }, x: { type: 'string' } },
    });
    const text = asyncApiDocument(DOCUMENT).split('\n');
    expect(diagnostics.map((d) => [d.code, text[(d.source?.line ?? 0) - 1]!.trim()])).toEqual([
      ['asyncapi-operation-invalid', 'operations:'],
      ['asyncapi-operation-invalid', 'broken:'],
    ]);
  });

  it('refuse AsyncAPI 2.x, and a document file that is not one, at the line', () => {
    const v2 = normalise('asyncapi.yaml', 'asyncapi: 2.6.0\ninfo:\n  title: x\n  version: "1"\nchannels: {}\n');
    expect(v2.diagnostics).toEqual([expect.objectContaining({ code: 'asyncapi-version-unsupported', severity: 'error', source: { file: 'asyncapi.yaml', line: 1 } })]);
    const list = normalise('perps_asyncapi.yaml', '- just\n- a list\n');
    expect(list.diagnostics).toEqual([expect.objectContaining({ code: 'asyncapi-document-invalid', severity: 'error', source: { file: 'perps_asyncapi.yaml', line: 1 } })]);
  });

  it('read the real asyncapi.yaml: every channel, operation and message of it', () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'live-site', '2026-07-07', 'asyncapi.yaml'), 'utf8');
    const { fragment, diagnostics } = normalise('asyncapi.yaml', text);
    expect(diagnostics).toEqual([]);
    expect(fragment!.channels.map((c) => c.name)).toContain('orderbook_delta');
    expect(fragment!.channels.flatMap((c) => Object.keys(c.operations))).toHaveLength(37);
    expect(Object.keys(fragment!.components.messages)).toHaveLength(37);
  });
});
