/**
 * A loopback stand-in for Kalshi's WebSocket API, driven by the tests. It checks the handshake signature like
 * Kalshi does (kalshi-auth.ts: timestamp + "GET" + "/trade-api/ws/v2"), answers the commands (`subscribe`,
 * `unsubscribe`, `update_subscription`, `list_subscriptions`) with Kalshi's replies and error codes, keeps order
 * books and publishes snapshots and deltas with a `seq` per subscription, and injects faults: lost messages
 * (sequence gaps), dropped and silent connections, error replies, terminal channel errors and floods for slow
 * consumers. Everything it receives is recorded.
 */
import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createVerifier } from './kalshi-auth.js';
import { addSize, deltaBody, levelsOf, snapshotBody, type Levels, type ServerBook, type Side } from './ws-books.js';

export const TRADE_CHANNELS = [
  'orderbook_delta', 'ticker', 'trade', 'fill', 'market_positions', 'market_lifecycle_v2', 'multivariate_market_lifecycle',
  'communications', 'order_group_updates', 'user_orders', 'cfbenchmarks_value', 'pyth_value',
];
/** Channels whose messages carry `seq`. */
const SEQUENCED = new Set(['orderbook_delta', 'order_group_updates', 'cfbenchmarks_value', 'pyth_value']);

export interface WsServerOptions {
  keys?: Record<string, string | KeyObject>;
  /** Default `/trade-api/ws/v2`. */
  path?: string;
  /** Default true: a handshake without a valid signature gets HTTP 401 with Kalshi's error body. */
  requireAuth?: boolean;
  /** Ping every this many ms with body `heartbeat` (Kalshi: 10 s). Default 0: no pings. */
  heartbeatMs?: number;
  timestampToleranceMs?: number;
  now?: () => number;
}

export interface HandshakeRecord {
  headers: IncomingHttpHeaders;
  path: string;
  verified: boolean;
  keyId: string | undefined;
  /** NOT_FOUND, header_timestamp_expired, INCORRECT_API_KEY_SIGNATURE, MISSING_HEADERS, or a wrong path. */
  failure?: string;
}

export interface CommandRecord {
  connection: number;
  id: unknown;
  cmd: unknown;
  params: Record<string, unknown> | undefined;
}

export interface ServerSubscription {
  connection: number;
  sid: number;
  channel: string;
  params: Record<string, unknown>;
  /** Markets named, or undefined for "all markets". */
  markets: Set<string> | undefined;
  seq: number;
  yesPrices: boolean;
}

export interface KalshiWsServer {
  url: string;
  handshakes: HandshakeRecord[];
  commands: CommandRecord[];
  /** Pongs received for the server's pings. */
  pongs: number;
  /** Open connections now. */
  readonly openConnections: number;
  subscriptions(channel?: string): ServerSubscription[];
  /** The server's book of `market`: levels best first, each side at its own prices. */
  book(market: string): { yes: Levels; no: Levels };
  setBook(market: string, levels: { yes?: Levels; no?: Levels }): void;
  /** Applies a change to the book and sends it to every order book subscription of `market`; `lose` skips the sending (a gap). */
  delta(market: string, side: Side, price: string, delta: string, options?: { lose?: boolean; clientOrderId?: string }): void;
  /** Sends `{ type, sid, [seq], msg }` to every subscription of `channel` whose markets include `msg.market_ticker`. */
  publish(channel: string, type: string, msg: Record<string, unknown>): number;
  /** The next command named `cmd` gets an `error` reply with `code`. */
  failNext(cmd: string, code: number, message?: string): void;
  /** A terminal channel error for a subscription (it is removed server-side). */
  channelError(sid: number, code: number): void;
  /** The connections open now stop sending anything and answering pings (their sockets stay open), or resume. */
  silence(on: boolean): void;
  /** Drops every connection without a closing handshake. */
  dropConnections(): void;
  /** Calls `listener` after each `subscribed` reply (scenario hooks). */
  onSubscribed(listener: (subscription: ServerSubscription) => void): void;
  close(): Promise<void>;
}

interface Peer {
  id: number;
  socket: WebSocket;
  /** Sends nothing and answers no ping. */
  silent: boolean;
  subs: Map<number, ServerSubscription>;
  nextSid: number;
}

export async function startKalshiWsServer(options: WsServerOptions = {}): Promise<KalshiWsServer> {
  const path = options.path ?? '/trade-api/ws/v2';
  const verify = createVerifier(options);
  const handshakes: HandshakeRecord[] = [];
  const commands: CommandRecord[] = [];
  const peers = new Set<Peer>();
  const books = new Map<string, ServerBook>();
  const failures = new Map<string, { code: number; message: string }>();
  const subscribedListeners: ((subscription: ServerSubscription) => void)[] = [];
  const sockets = new Set<Socket>();
  let nextPeer = 1;
  const state = { pongs: 0 };

  const http = createServer((_req, res) => res.writeHead(426).end());
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  http.on('upgrade', (req, socket, head) => {
    const target = req.url ?? '/';
    const pathname = target.split(/[?#]/)[0] ?? '/';
    const record: HandshakeRecord = { headers: req.headers, path: pathname, verified: false, keyId: undefined };
    handshakes.push(record);
    const refuse = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Not Found'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
    };
    if (pathname !== path) {
      record.failure = `path ${pathname}`;
      return refuse(404, { error: { code: 'not_found', message: 'not found' } });
    }
    if (req.headers['kalshi-access-signature'] !== undefined || options.requireAuth !== false) {
      const auth = verify('GET', pathname, req.headers);
      record.keyId = auth.keyId;
      record.verified = auth.ok;
      if (!auth.ok) {
        record.failure = auth.failure;
        if (options.requireAuth !== false) return refuse(401, auth.body);
      }
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  const send = (peer: Peer, frame: unknown): void => {
    if (!peer.silent && peer.socket.readyState === peer.socket.OPEN) peer.socket.send(JSON.stringify(frame));
  };
  const bookOf = (market: string): ServerBook => {
    let book = books.get(market);
    if (book === undefined) books.set(market, (book = { yes: new Map(), no: new Map() }));
    return book;
  };
  const sendSnapshot = (peer: Peer, sub: ServerSubscription, market: string): void => {
    send(peer, { type: 'orderbook_snapshot', sid: sub.sid, seq: ++sub.seq, msg: snapshotBody(market, bookOf(market), sub.yesPrices) });
  };
  const marketsOf = (params: Record<string, unknown>): string[] => [
    ...(typeof params['market_ticker'] === 'string' ? [params['market_ticker']] : []),
    ...(Array.isArray(params['market_tickers']) ? (params['market_tickers'] as string[]) : []),
  ];

  const handle = (peer: Peer, text: string): void => {
    let frame: { id?: unknown; cmd?: unknown; params?: Record<string, unknown> };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return send(peer, { type: 'error', msg: { code: 1, msg: 'Unable to process message' } });
    }
    commands.push({ connection: peer.id, id: frame.id, cmd: frame.cmd, params: frame.params });
    const id = frame.id;
    const error = (code: number, msg: string, extra: Record<string, unknown> = {}): void => send(peer, { id, type: 'error', msg: { code, msg, ...extra } });
    const injected = typeof frame.cmd === 'string' ? failures.get(frame.cmd) : undefined;
    if (injected !== undefined) {
      failures.delete(frame.cmd as string);
      return error(injected.code, injected.message);
    }
    const params = frame.params ?? {};
    if (frame.cmd === 'subscribe') {
      const channels = params['channels'];
      if (!Array.isArray(channels) || channels.length === 0) return error(3, 'Channels required');
      for (const channel of channels as string[]) {
        if (!TRADE_CHANNELS.includes(channel)) return error(8, 'Unknown channel name');
        const markets = marketsOf(params);
        if (channel === 'orderbook_delta' && markets.length === 0) return error(14, 'Market Ticker required');
        if ([...peer.subs.values()].some((s) => s.channel === channel)) return error(6, 'Already subscribed');
        const sub: ServerSubscription = {
          connection: peer.id,
          sid: peer.nextSid++,
          channel,
          params,
          markets: markets.length > 0 ? new Set(markets) : undefined,
          seq: 0,
          yesPrices: params['use_yes_price'] === true,
        };
        peer.subs.set(sub.sid, sub);
        send(peer, { id, type: 'subscribed', msg: { channel, sid: sub.sid } });
        if (channel === 'orderbook_delta') for (const market of markets) sendSnapshot(peer, sub, market);
        for (const listener of subscribedListeners) listener(sub);
      }
      return;
    }
    if (frame.cmd === 'unsubscribe') {
      const sids = params['sids'];
      if (!Array.isArray(sids) || sids.length === 0) return error(4, 'Subscription IDs required');
      for (const sid of sids as number[]) {
        const sub = peer.subs.get(sid);
        if (sub === undefined) return error(7, 'Unknown subscription ID');
        peer.subs.delete(sid);
        send(peer, { id, sid, seq: sub.seq, type: 'unsubscribed' });
      }
      return;
    }
    if (frame.cmd === 'update_subscription') {
      const sids = Array.isArray(params['sids']) ? (params['sids'] as number[]) : typeof params['sid'] === 'number' ? [params['sid']] : [];
      if (sids.length !== 1) return error(12, 'Exactly one subscription ID is required');
      const sub = peer.subs.get(sids[0] as number);
      if (sub === undefined) return error(7, 'Unknown subscription ID');
      const markets = marketsOf(params);
      const action = params['action'];
      if (action === undefined) return error(15, 'Action required');
      if (action !== 'add_markets' && action !== 'delete_markets' && action !== 'get_snapshot') return error(13, 'Unsupported action');
      if (markets.length === 0) return error(14, 'Market Ticker required');
      const unknown = markets.find((market) => market.startsWith('UNKNOWN'));
      if (unknown !== undefined) return error(16, 'Market not found', { market_ticker: unknown });
      if (action === 'add_markets') for (const market of markets) (sub.markets ??= new Set()).add(market);
      if (action === 'delete_markets') for (const market of markets) sub.markets?.delete(market);
      send(peer, { id, sid: sub.sid, seq: sub.seq, type: 'ok', msg: { market_tickers: [...(sub.markets ?? [])] } });
      if (sub.channel === 'orderbook_delta' && action !== 'delete_markets') for (const market of markets) sendSnapshot(peer, sub, market);
      return;
    }
    if (frame.cmd === 'list_subscriptions') {
      return send(peer, { id, type: 'ok', msg: [...peer.subs.values()].map((s) => ({ channel: s.channel, sid: s.sid })) });
    }
    return error(5, 'Unknown command');
  };

  const accept = (socket: WebSocket): void => {
    const peer: Peer = { id: nextPeer++, socket, silent: false, subs: new Map(), nextSid: 1 };
    peers.add(peer);
    socket.on('message', (data) => handle(peer, data.toString()));
    socket.on('ping', (data) => {
      if (!peer.silent) socket.pong(data);
    });
    socket.on('pong', () => state.pongs++);
    socket.on('close', () => peers.delete(peer));
    socket.on('error', () => undefined);
  };

  const heartbeat = options.heartbeatMs
    ? setInterval(() => {
        for (const peer of peers) if (!peer.silent && peer.socket.readyState === peer.socket.OPEN) peer.socket.ping('heartbeat');
      }, options.heartbeatMs)
    : undefined;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const allSubs = (): ServerSubscription[] => [...peers].flatMap((peer) => [...peer.subs.values()]);
  const peerOf = (sub: ServerSubscription): Peer | undefined => [...peers].find((peer) => peer.id === sub.connection);

  return {
    url: `ws://127.0.0.1:${port}${path}`,
    handshakes,
    commands,
    get pongs() {
      return state.pongs;
    },
    get openConnections() {
      return peers.size;
    },
    subscriptions: (channel) => allSubs().filter((sub) => channel === undefined || sub.channel === channel),
    book(market) {
      const book = bookOf(market);
      return { yes: levelsOf(book.yes), no: levelsOf(book.no) };
    },
    setBook(market, levels) {
      const book = bookOf(market);
      book.yes = new Map(levels.yes ?? []);
      book.no = new Map(levels.no ?? []);
    },
    delta(market, side, price, delta, deltaOptions = {}) {
      const ladder = bookOf(market)[side];
      const size = addSize(ladder.get(price), delta);
      if (size === undefined) ladder.delete(price);
      else ladder.set(price, size);
      for (const sub of allSubs()) {
        if (sub.channel !== 'orderbook_delta' || !sub.markets?.has(market)) continue;
        const seq = ++sub.seq;
        if (deltaOptions.lose) continue;
        const peer = peerOf(sub);
        if (peer !== undefined) send(peer, { type: 'orderbook_delta', sid: sub.sid, seq, msg: deltaBody(market, side, price, delta, sub.yesPrices, deltaOptions.clientOrderId) });
      }
    },
    publish(channel, type, msg) {
      let sent = 0;
      const market = msg['market_ticker'];
      for (const sub of allSubs()) {
        if (sub.channel !== channel) continue;
        if (sub.markets !== undefined && typeof market === 'string' && !sub.markets.has(market)) continue;
        const peer = peerOf(sub);
        if (peer === undefined) continue;
        send(peer, SEQUENCED.has(channel) ? { type, sid: sub.sid, seq: ++sub.seq, msg } : { type, sid: sub.sid, msg });
        sent++;
      }
      return sent;
    },
    failNext(cmd, code, message = `error ${code}`) {
      failures.set(cmd, { code, message });
    },
    channelError(sid, code) {
      for (const peer of peers) {
        if (!peer.subs.delete(sid)) continue;
        send(peer, { type: 'error', sid, msg: { code, msg: code === 25 ? 'Subscription buffer overflow' : 'Channel error' } });
      }
    },
    silence(on) {
      for (const peer of peers) peer.silent = on;
    },
    dropConnections() {
      for (const peer of peers) peer.socket.terminate();
    },
    onSubscribed(listener) {
      subscribedListeners.push(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (heartbeat !== undefined) clearInterval(heartbeat);
        for (const peer of peers) peer.socket.terminate();
        for (const socket of sockets) socket.destroy();
        wss.close();
        http.close(() => resolve());
      }),
  };
}
