/**
 * The real-time benchmark's WebSocket server, in its own process (the second core) so it is the same for every
 * contender and not the bottleneck: message bodies are serialised once, and frames are written in batches
 * straight to the socket (see `sendAll`). Every handshake must carry a valid signature (test/support/kalshi-auth.ts's check).
 *
 * A `subscribe` command names the run in its market ticker: `BENCH-T-<n>` on `ticker` sends n ticker messages;
 * `BENCH-B-<n>` on `orderbook_delta` sends a snapshot then n deltas (over 100 price levels, sizes going up and
 * down so the book stays the same size). Replies `subscribed` first, like Kalshi. Prints `{"port":N}` once
 * listening; exits on SIGTERM. Counts of accepted and refused handshakes: GET /__bench/stats.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createVerifier } from '../test/support/kalshi-auth.ts';

const verify = createVerifier({ keys: { [process.env.BENCH_KEY_ID ?? '']: process.env.BENCH_PUBLIC_KEY ?? '' } });
const counts = { accepted: 0, refused: 0 };
const BATCH = 512;

const http = createServer((req, res) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts)),
);
const wss = new WebSocketServer({ noServer: true });
http.on('upgrade', (req, socket, head) => {
  const auth = verify('GET', (req.url ?? '/').split('?')[0] ?? '/', req.headers);
  if (!auth.ok) {
    counts.refused++;
    socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    return;
  }
  counts.accepted++;
  wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => onCommand(ws, data.toString())));
});

let nextSid = 1;

function onCommand(ws: WebSocket, text: string): void {
  const command = JSON.parse(text) as {
    id: number;
    cmd: string;
    params?: { channels?: string[]; market_ticker?: string; market_tickers?: string[] };
  };
  if (command.cmd === 'unsubscribe')
    return ws.send(JSON.stringify({ id: command.id, type: 'unsubscribed', sid: 0, seq: 0 }));
  if (command.cmd !== 'subscribe') return;
  const channel = command.params?.channels?.[0] ?? '';
  const market = command.params?.market_ticker ?? command.params?.market_tickers?.[0] ?? '';
  const sid = nextSid++;
  ws.send(JSON.stringify({ id: command.id, type: 'subscribed', msg: { channel, sid } }));
  const count = Number(/-(\d+)$/.exec(market)?.[1] ?? 0);
  const frames = channel === 'orderbook_delta' ? bookFrames(sid, market, count) : tickerFrames(sid, market, count);
  sendAll(ws, frames, 0);
}

/** Frame `i` of a run (built on demand from bodies serialised once: the server must outpace the client). */
type Frames = { count: number; frame(i: number): string };

function tickerFrames(sid: number, market: string, count: number): Frames {
  const bodies = Array.from({ length: 80 }, (_, i) =>
    JSON.stringify({
      market_ticker: market,
      market_id: '9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1',
      price_dollars: `0.${String(10 + i).padStart(2, '0')}00`,
      yes_bid_dollars: '0.4500',
      yes_ask_dollars: '0.5300',
      volume_fp: '33896.00',
      open_interest_fp: '20422.00',
      dollar_volume: 16948,
      dollar_open_interest: 10211,
      yes_bid_size_fp: '300.00',
      yes_ask_size_fp: '150.00',
      last_trade_size_fp: '25.00',
      ts: 1669149841,
      ts_ms: 1669149841000,
      time: '2022-11-22T20:44:01Z',
    }),
  );
  const head = `{"type":"ticker","sid":${sid},"msg":`;
  return { count, frame: (i) => `${head}${bodies[i % bodies.length]}}` };
}

/** Snapshot (seq 1) with 50 levels a side, then `count` deltas: +1.00 on a level, then -1.00 on it. */
function bookFrames(sid: number, market: string, count: number): Frames {
  const price = (i: number): string => `0.${String(1 + (i % 50)).padStart(2, '0')}00`;
  const levels = Array.from({ length: 50 }, (_, i) => [price(i), '100.00']);
  const snapshot = JSON.stringify({
    type: 'orderbook_snapshot',
    sid,
    seq: 1,
    msg: { market_ticker: market, market_id: 'bench', yes_dollars_fp: levels, no_dollars_fp: levels },
  });
  const bodies = Array.from({ length: 200 }, (_, i) => {
    const level = Math.floor(i / 2);
    return JSON.stringify({
      market_ticker: market,
      market_id: 'bench',
      price_dollars: price(level * 7),
      delta_fp: i % 2 === 0 ? '1.00' : '-1.00',
      side: level % 2 === 0 ? 'yes' : 'no',
      ts_ms: 1669149841000,
    });
  });
  const head = `{"type":"orderbook_delta","sid":${sid},"seq":`;
  return {
    count: count + 1,
    frame: (i) => (i === 0 ? snapshot : `${head}${i + 1},"msg":${bodies[(i - 1) % bodies.length]}}`),
  };
}

/**
 * Writes the frames `BATCH` at a time as one buffer of ready-made WebSocket text frames (FIN, opcode 1, unmasked
 * as a server's are) straight to the TCP socket: one write per batch instead of one `ws.send` per frame, so the
 * server outpaces any client. Waits for `drain` when the socket's buffer is full.
 */
function sendAll(ws: WebSocket, frames: Frames, from: number): void {
  const socket = (ws as unknown as { _socket: Socket })._socket;
  let i = from;
  while (i < frames.count && ws.readyState === ws.OPEN) {
    const end = Math.min(frames.count, i + BATCH);
    const parts: Buffer[] = [];
    for (; i < end; i++) parts.push(...wireFrame(frames.frame(i)));
    if (!socket.write(Buffer.concat(parts))) {
      socket.once('drain', () => sendAll(ws, frames, i));
      return;
    }
  }
}

function wireFrame(text: string): Buffer[] {
  const payload = Buffer.from(text, 'utf8');
  const length = payload.length;
  let header: Buffer;
  if (length < 126) header = Buffer.from([0x81, length]);
  else if (length < 65_536) header = Buffer.from([0x81, 126, length >> 8, length & 0xff]);
  else {
    header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return [header, payload];
}

http.listen(0, '127.0.0.1', () =>
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`),
);
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  http.close(() => process.exit(0));
});
