import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { ingestPage } from '../../generator/ingest/index.ts';
import { mergeAsyncApi, type AsyncApiMergeOptions } from '../../generator/merge/asyncapi/index.ts';
import type { AsyncApiFragment } from '../../generator/normalise/asyncapi-fragment.ts';
import { normaliseAsyncApi } from '../../generator/normalise/asyncapi/index.ts';
import type { PageInfo } from '../../generator/normalise/fragment.ts';
import { asyncApiDocument, channelPage, derivedChannel, derivedMessage, derivedOperation, resolvedPayload } from '../support/asyncapi-pages.ts';

/** The fragment of one page, with its standing (date, listed) set as ingest would from the manifest. */
function fragment(file: string, text: string, page: Partial<PageInfo> = {}): AsyncApiFragment {
  const diagnostics = new Diagnostics();
  const ingested = ingestPage(file, text, diagnostics);
  const [only] = normaliseAsyncApi([ingested!], diagnostics);
  expect(diagnostics.sorted().filter((d) => d.severity !== 'info')).toEqual([]);
  return { ...only!, page: { ...only!.page, ...page } };
}

function run(fragments: AsyncApiFragment[], options: AsyncApiMergeOptions = {}) {
  const diagnostics = new Diagnostics();
  const [merged] = mergeAsyncApi(fragments, diagnostics, options);
  return { merged, document: merged?.document as Record<string, any>, diagnostics: diagnostics.sorted() };
}

const payload = (type: string, msg: object = {}) => resolvedPayload(`${type}Payload`, type, msg);
const page = (channel: string, opts: { msg?: object; description?: string; servers?: object[] } = {}) =>
  channelPage({
    ...derivedChannel(channel, [derivedOperation(`receive_${channel}`, 'send', [derivedMessage(channel, payload(channel, opts.msg))])], opts.servers ? { servers: opts.servers } : {}),
    ...(opts.description ? { description: opts.description } : {}),
  });
const OLD = { date: '2026-05-01T00:00:00.000Z', listed: true };
const NEW = { date: '2026-06-01T00:00:00.000Z', listed: true };
const codes = (diagnostics: { code: string; severity: string }[]) => diagnostics.map((d) => `${d.severity} ${d.code}`);

const document = (channels: string[]) =>
  asyncApiDocument({
    asyncapi: '3.0.0',
    info: { title: 'Kalshi WS', version: '2.0.0' },
    servers: { production: { host: 'external-api-ws.kalshi.com', pathname: '/trade-api/ws/v2', protocol: 'wss' } },
    channels: Object.fromEntries(channels.map((c) => [c, { address: c, messages: { [c]: { $ref: `#/components/messages/${c}` } } }])),
    operations: Object.fromEntries(channels.map((c) => [`receive_${c}`, { action: 'send', channel: { $ref: `#/channels/${c}` }, messages: [{ $ref: `#/channels/${c}/messages/${c}` }] }])),
    components: {
      messages: Object.fromEntries(channels.map((c) => [c, { name: c, payload: { $ref: `#/components/schemas/${c}Payload` } }])),
      schemas: Object.fromEntries(channels.map((c) => [`${c}Payload`, { type: 'object', properties: { type: { type: 'string', const: c } } }])),
    },
  });

describe('mergeAsyncApi: one AsyncAPI 3.0 document per API, by the precedence rules of the REST lane', () => {
  it('the newest page defines a channel; the older one is reported superseded', () => {
    const { document: doc, diagnostics } = run([
      fragment('websockets/a.md', page('ticker', { description: 'old' }), OLD),
      fragment('websockets/b.md', page('ticker', { description: 'new' }), NEW),
    ]);
    expect(doc.channels.ticker.description).toBe('new');
    expect(codes(diagnostics)).toContain('info channel-superseded');
    expect(diagnostics.find((d) => d.code === 'channel-superseded')).toMatchObject({ source: { file: 'websockets/a.md' }, related: [{ file: 'websockets/b.md' }] });
  });

  it('a page the site lists outranks a newer one it does not list', () => {
    const { document: doc } = run([
      fragment('websockets/a.md', page('ticker', { description: 'listed' }), OLD),
      fragment('dropped/websockets/a.md', page('ticker', { description: 'dropped' }), { ...NEW, listed: false }),
    ]);
    expect(doc.channels.ticker.description).toBe('listed');
  });

  it('two pages of the same kind, date and version that disagree are a conflict, reported with both pages', () => {
    const { diagnostics } = run([fragment('websockets/a.md', page('ticker', { description: 'one' }), OLD), fragment('websockets/b.md', page('ticker', { description: 'two' }), OLD)]);
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([
      expect.objectContaining({ code: 'channel-conflict', source: expect.objectContaining({ file: 'websockets/b.md' }), related: [expect.objectContaining({ file: 'websockets/a.md' })] }),
    ]);
  });

  it('the whole document wins over a page of the same vintage without a conflict: the page is a lossy rendering of it', () => {
    const { document: doc, diagnostics } = run([fragment('asyncapi.yaml', document(['ticker'])), fragment('websockets/ticker.md', page('ticker', { description: 'rendered' }))]);
    expect(doc.channels.ticker.description).toBeUndefined();
    expect(doc.info).toEqual({ title: 'Kalshi WS', version: '2.0.0' });
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'channel-superseded')?.message).toBe('channel ticker is superseded by the document asyncapi.yaml');
  });

  it('a channel only pages older than the newest whole document define, and that document lacks, has left the docs', () => {
    const fragments = [fragment('asyncapi.yaml', document(['ticker']), NEW), fragment('websockets/lookups.md', page('multivariate'), OLD)];
    const left = run(fragments);
    expect(Object.keys(left.document.channels)).toEqual(['ticker']);
    expect(left.diagnostics.find((d) => d.code === 'channel-not-listed')).toMatchObject({
      severity: 'info',
      message: 'channel multivariate is only on pages older than asyncapi.yaml, which no longer defines it; left out of the client (generate --keep-removed keeps it, deprecated)',
      source: { file: 'websockets/lookups.md' },
    });
    const kept = run(fragments, { keepRemoved: true });
    expect(kept.document.channels.multivariate).toMatchObject({ 'x-deprecated': true, 'x-removed-from-docs': { lastListed: OLD.date } });
    expect(kept.document.operations.receive_multivariate).toBeDefined();
    // A page newer than the document is news the document has not caught up with: the channel stays.
    expect(Object.keys(run([fragment('asyncapi.yaml', document(['ticker']), OLD), fragment('websockets/new.md', page('brand_new'), NEW)]).document.channels)).toEqual(['brand_new', 'ticker']);
  });

  it('a channel only unlisted pages define is left out', () => {
    const { document: doc, diagnostics } = run([fragment('websockets/t.md', page('ticker'), OLD), fragment('dropped/websockets/x.md', page('gone'), { ...NEW, listed: false })]);
    expect(Object.keys(doc.channels)).toEqual(['ticker']);
    expect(diagnostics.find((d) => d.code === 'channel-not-listed')?.message).toMatch(/^channel gone is only on pages the docs site no longer lists/);
  });

  it('components: the newest definition of each message and schema; only those the channels reach', () => {
    const { document: doc, merged } = run([
      fragment('websockets/a.md', page('ticker', { msg: { price: { type: 'string' } } }), OLD),
      fragment('websockets/b.md', page('ticker', { msg: { price: { type: 'number' } } }), NEW),
    ]);
    expect(doc.components.schemas.tickerPayload.properties.msg.properties.price).toEqual({ type: 'number' });
    expect(Object.keys(doc.components.schemas)).toEqual(['subscriptionId', 'tickerPayload']);
    expect(Object.keys(doc.components.messages)).toEqual(['ticker']);
    expect(merged!.sources.schemas.get('tickerPayload')!.source.file).toBe('websockets/b.md');
  });

  it('servers by id from the newest page naming each; the document is canonical whatever the order of the pages', () => {
    const old = fragment('websockets/a.md', page('ticker', { servers: [{ id: 'production', protocol: 'wss', host: 'api.elections.kalshi.com' }] }), OLD);
    const fresh = fragment('websockets/b.md', page('trade', { servers: [{ id: 'production', protocol: 'wss', host: 'external-api-ws.kalshi.com' }, { id: 'demo', protocol: 'wss', host: 'demo' }] }), NEW);
    const one = run([old, fresh]).document;
    const two = run([fresh, old]).document;
    expect(one.servers).toEqual({ demo: { protocol: 'wss', host: 'demo' }, production: { protocol: 'wss', host: 'external-api-ws.kalshi.com' } });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(Object.keys(one)).toEqual(['asyncapi', 'info', 'servers', 'defaultContentType', 'channels', 'operations', 'components']);
    expect(one.info).toEqual({ title: 'Kalshi Trade API WebSocket', version: '0.0.0' });
  });

  it('a message no page defines is dropped from its channel and operation', () => {
    const dangling = asyncApiDocument({
      asyncapi: '3.0.0',
      info: { title: 'x', version: '1' },
      channels: { a: { address: 'a', messages: { m: { $ref: '#/components/messages/missing' } } } },
      operations: { op: { action: 'send', channel: { $ref: '#/channels/a' }, messages: [{ $ref: '#/channels/a/messages/m' }] } },
      components: {},
    });
    const { document: doc, diagnostics } = run([fragment('asyncapi.yaml', dangling)]);
    expect(doc.channels.a.messages).toEqual({});
    expect(doc.operations.op.messages).toEqual([]);
    expect(codes(diagnostics)).toEqual(['warning asyncapi-operation-message-missing', 'warning ref-unresolved']);
    expect(diagnostics.find((d) => d.code === 'ref-unresolved')?.message).toBe('$ref "#/components/messages/missing" is defined on no page; it is left out (add the page that defines it)');
  });

  it('an operation id two channels use stays with the first channel', () => {
    const op = (channel: string) => channelPage(derivedChannel(channel, [derivedOperation('receive', 'send', [derivedMessage(channel, payload(channel))])]));
    const { document: doc, diagnostics } = run([fragment('websockets/a.md', op('a')), fragment('websockets/b.md', op('b'))]);
    expect(doc.operations.receive.channel).toEqual({ $ref: '#/channels/a' });
    expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([
      expect.objectContaining({ code: 'asyncapi-operation-id-duplicate', source: expect.objectContaining({ file: 'websockets/b.md' }), related: [expect.objectContaining({ file: 'websockets/a.md' })] }),
    ]);
  });

  it('leaves its inputs as they were', () => {
    const fragments = [fragment('asyncapi.yaml', document(['ticker'])), fragment('websockets/t.md', page('ticker'))];
    const copy = JSON.stringify(fragments);
    run(fragments, { keepRemoved: true });
    expect(JSON.stringify(fragments)).toBe(copy);
  });
});
