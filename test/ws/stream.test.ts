/**
 * The stream against the loopback stand-in: the signed handshake, subscribing and reading, updates and
 * unsubscribes, typed error replies with Kalshi's codes, command ids, and listing subscriptions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KalshiAbortError } from '../../generator/runtime/abort.js';
import { AuthenticationError } from '../../generator/runtime/errors.js';
import { KalshiCommandError } from '../../generator/runtime/ws/errors.js';
import type { KalshiWsServer } from '../support/kalshi-ws-server.js';
import { generateTestKeyPair } from '../support/kalshi-auth.js';
import { KEY_ID, startServer, streamTo, take, testKeys, tickerMsg, waitFor } from './harness.js';
import { createKalshiStream } from '../../generator/runtime/ws/trade.js';
import { createKalshiStream as createPerpsStream } from '../../generator/runtime/ws/perps.js';
import WebSocket from 'ws';
import { startKalshiWsServer } from '../support/kalshi-ws-server.js';

let server: KalshiWsServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the handshake', () => {
  it('is signed with the REST scheme over GET and the socket path, and the stand-in verifies it', async () => {
    const from = server.handshakes.length;
    const stream = streamTo(server);
    await stream.ready();
    const [handshake] = server.handshakes.slice(from);
    expect(handshake).toMatchObject({ verified: true, keyId: KEY_ID, path: '/trade-api/ws/v2' });
    expect(handshake?.headers['kalshi-access-timestamp']).toMatch(/^\d{13}$/);
    await stream.close();
  });

  it('a wrong key ends the stream with AuthenticationError carrying Kalshi details, without retrying', async () => {
    const from = server.handshakes.length;
    const stream = createKalshiStream({ url: server.url, apiKeyId: KEY_ID, privateKeyPem: generateTestKeyPair().pkcs8 });
    const error = await stream.ready().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).details).toBe('INCORRECT_API_KEY_SIGNATURE');
    expect(String(error)).not.toMatch(/PRIVATE KEY/);
    expect(stream.state).toBe('closed');
    expect(server.handshakes.length - from).toBe(1);
    await expect(stream.closed()).rejects.toBe(error);
  });

  it('refuses to sign in from a WHATWG WebSocket (no handshake headers) and asks for credentials on Kalshi hosts', () => {
    const Fake = class {} as never;
    expect(() => createKalshiStream({ url: server.url, apiKeyId: KEY_ID, privateKeyPem: testKeys().pkcs1, WebSocket: Fake })).toThrow(
      /cannot send the KALSHI-ACCESS-\* handshake headers/,
    );
    expect(() => createKalshiStream({ environment: 'demo' })).toThrow(/requires a signed handshake/);
    expect(() => createKalshiStream({ url: 'https://example.com/x', apiKeyId: KEY_ID, privateKeyPem: testKeys().pkcs1 })).toThrow(/scheme must be wss or ws/);
  });
});

describe('environments', () => {
  it('trade and perps each connect to their own documented hosts, with the path the handshake signs', async () => {
    const closed = AbortSignal.abort();
    const credentials = { apiKeyId: KEY_ID, privateKeyPem: testKeys().pkcs1, signal: closed };
    expect(createKalshiStream(credentials).url).toBe('wss://external-api-ws.kalshi.com/trade-api/ws/v2');
    expect(createKalshiStream({ ...credentials, environment: 'demo' }).url).toBe('wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2');
    expect(createPerpsStream({ ...credentials, environment: 'demo' }).url).toBe('wss://external-api-margin-ws.demo.kalshi.co/trade-api/ws/v2');
    expect(() => createKalshiStream({ ...credentials, environment: 'staging' as never })).toThrow(/Unknown environment "staging"; expected one of "production", "demo"/);
  });

  it('a perps stream subscribes through the same runtime', async () => {
    const stream = createPerpsStream({ url: server.url, apiKeyId: KEY_ID, privateKeyPem: testKeys().pkcs8 });
    const sub = await stream.subscribe('trade', { market_ticker: 'BTC-PERP' });
    expect(sub.sid).toBeTypeOf('number');
    await stream.close();
  });
});

describe('a WHATWG WebSocket (what browsers have)', () => {
  it('connects without credentials to a relay that signs server-side, and streams the same way', async () => {
    const relay = await startKalshiWsServer({ requireAuth: false });
    const stream = createKalshiStream({ url: relay.url, WebSocket: WebSocket as never });
    try {
      const sub = await stream.subscribe('ticker');
      relay.publish('ticker', 'ticker', tickerMsg('W-1', '0.250'));
      const [message] = await take(sub[Symbol.asyncIterator](), 1);
      expect(message).toMatchObject({ type: 'ticker', msg: { market_ticker: 'W-1' } });
      expect(Object.keys(relay.handshakes[0]?.headers ?? {}).filter((name) => name.startsWith('kalshi-'))).toEqual([]);
    } finally {
      await stream.close();
      await relay.close();
    }
  });
});

describe('subscriptions', () => {
  it('subscribe resolves on `subscribed` and iterates the channel messages in order', async () => {
    const stream = streamTo(server);
    const sub = await stream.subscribe('ticker', { market_tickers: ['FED-23DEC-T3.00'] });
    expect(sub.sid).toBeTypeOf('number');
    const reader = sub[Symbol.asyncIterator]();
    server.publish('ticker', 'ticker', tickerMsg('FED-23DEC-T3.00', '0.480'));
    server.publish('ticker', 'ticker', tickerMsg('OTHER', '0.100'));
    server.publish('ticker', 'ticker', tickerMsg('FED-23DEC-T3.00', '0.490'));
    const items = await take(reader, 2);
    expect(items.map((m) => (m.type === 'ticker' ? m.msg.price_dollars : m.type))).toEqual(['0.480', '0.490']);
    await stream.close();
  });

  it('update adds and deletes markets (kept for resubscriptions); unsubscribe ends the iterator', async () => {
    const stream = streamTo(server);
    const sub = await stream.subscribe('ticker', { market_ticker: 'A-1' });
    await sub.update({ action: 'add_markets', market_tickers: ['B-2', 'C-3'] });
    expect(sub.params['market_tickers']).toEqual(['A-1', 'B-2', 'C-3']);
    await sub.update({ action: 'delete_markets', market_tickers: ['A-1'] });
    expect(sub.params['market_tickers']).toEqual(['B-2', 'C-3']);
    const serverSub = server.subscriptions('ticker').find((s) => s.sid === sub.sid);
    expect([...(serverSub?.markets ?? [])]).toEqual(['B-2', 'C-3']);
    const reader = sub[Symbol.asyncIterator]();
    server.publish('ticker', 'ticker', tickerMsg('B-2', '0.300'));
    expect((await take(reader, 1))[0]).toMatchObject({ type: 'ticker', msg: { market_ticker: 'B-2' } });
    await sub.unsubscribe();
    expect(await reader.next()).toEqual({ value: undefined, done: true });
    const unsub = server.commands.filter((c) => c.cmd === 'unsubscribe').at(-1);
    expect(unsub?.params).toEqual({ sids: [serverSub?.sid] });
    await stream.close();
  });

  it('error replies reject with KalshiCommandError carrying the documented code, name and terminal flag', async () => {
    const stream = streamTo(server);
    await stream.subscribe('fill');
    const duplicate = await stream.subscribe('fill').catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(KalshiCommandError);
    expect(duplicate).toMatchObject({ code: 6, codeName: 'Already subscribed', terminal: false, command: 'subscribe', channel: 'fill' });
    const missing = await stream.subscribe('orderbook_delta', {}).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 14, codeName: 'Market Ticker required' });
    const sub = await stream.subscribe('trade', { market_ticker: 'A-1' });
    const unknown = await sub.update({ action: 'add_markets', market_tickers: ['UNKNOWN-1'] }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 16, marketTicker: 'UNKNOWN-1', command: 'update_subscription' });
    expect(sub.params).toEqual({ market_ticker: 'A-1' });
    server.failNext('subscribe', 17, 'Internal error');
    const internal = await stream.subscribe('user_orders').catch((e: unknown) => e);
    expect(internal).toMatchObject({ code: 17, terminal: true });
    await stream.close();
  });

  it("a subscription's AbortSignal unsubscribes it and ends its iterator with KalshiAbortError", async () => {
    const stream = streamTo(server);
    const controller = new AbortController();
    const sub = await stream.subscribe('trade', { market_ticker: 'AB-1' }, { signal: controller.signal });
    const sid = sub.sid;
    const reader = sub[Symbol.asyncIterator]();
    controller.abort();
    await expect(reader.next()).rejects.toBeInstanceOf(KalshiAbortError);
    await waitFor('the unsubscribe', () => server.commands.some((c) => c.cmd === 'unsubscribe' && (c.params?.['sids'] as number[])[0] === sid));
    const aborted = new AbortController();
    aborted.abort();
    await expect(stream.subscribe('ticker', {}, { signal: aborted.signal })).rejects.toBeInstanceOf(KalshiAbortError);
    await stream.close();
  });

  it('gives every command a unique, increasing id and lists subscriptions', async () => {
    const stream = streamTo(server);
    await stream.ready();
    const from = server.commands.length;
    await stream.subscribe('ticker');
    await stream.subscribe('trade');
    const listed = await stream.listSubscriptions();
    expect(listed.map((s) => s.channel).sort()).toEqual(['ticker', 'trade']);
    const ids = server.commands.slice(from).map((c) => c.id as number);
    expect(ids).toHaveLength(3);
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number))).toBe(true);
    expect(server.commands.slice(from).map((c) => c.cmd)).toEqual(['subscribe', 'subscribe', 'list_subscriptions']);
    expect(server.commands[from]?.params).toEqual({ channels: ['ticker'] });
    await stream.close();
    await waitFor('the server to see the close', () => server.openConnections === 0);
  });
});
