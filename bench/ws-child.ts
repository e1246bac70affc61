/**
 * The real-time measurements, in a process of its own started with `--expose-gc` (see ws.ts), against the
 * benchmark WebSocket server (ws-server-child.ts):
 * - messages per second through a subscription: `for await` over `stream.subscribe('ticker')` (ours) against
 *   the floor, a hand-written client: `ws` + the same signed handshake + `JSON.parse` + a `Map` update;
 * - book updates per second: deltas applied to `stream.orderbook(...)` (ours, exact fixed-point book, counted by
 *   an `onUpdate` listener) against the same floor keeping a `Map` of price → size; and, for the record, the
 *   same book read with `for await` over `book.updates()`;
 * - retained heap (after a forced GC) at two points of one book fed a long run of deltas.
 * Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/ws-child.ts <wsUrl> <messages> <deltas> <rounds> <memoryDeltas>
 *   env: BENCH_KEY_ID, BENCH_PRIVATE_KEY
 */
import { constants, createPrivateKey, sign } from 'node:crypto';
import WebSocket from 'ws';
import { createKalshiStream } from '../generated/dist/ws.js';
import type { Rate } from './ws.ts';

const [url = '', messagesArg = '100000', deltasArg = '100000', roundsArg = '5', memoryArg = '1000000'] =
  process.argv.slice(2);
const messages = Number(messagesArg);
const deltas = Number(deltasArg);
const rounds = Number(roundsArg);
const memoryDeltas = Number(memoryArg);
const keyId = process.env.BENCH_KEY_ID ?? '';
const pem = process.env.BENCH_PRIVATE_KEY ?? '';
const gc = (globalThis as { gc?: () => void }).gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const key = createPrivateKey(pem);
let run = 0;
const market = (kind: string, count: number): string => `BENCH-${kind}${run++}-${count}`;

/** The floor's connection: the signed handshake written inline, as a hand-made client would. */
async function floorSocket(): Promise<WebSocket> {
  const timestamp = String(Date.now());
  const signature = sign('sha256', Buffer.from(`${timestamp}GET${new URL(url).pathname}`), {
    key,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  }).toString('base64');
  const socket = new WebSocket(url, {
    headers: { 'KALSHI-ACCESS-KEY': keyId, 'KALSHI-ACCESS-TIMESTAMP': timestamp, 'KALSHI-ACCESS-SIGNATURE': signature },
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

/** The floor's subscribe command, written inline as a hand-made client would. */
function floorSubscribe(socket: WebSocket, channel: string, marketTicker: string): void {
  socket.send(JSON.stringify({ id: run, cmd: 'subscribe', params: { channels: [channel], market_ticker: marketTicker } }));
}

/** Floor: subscribe, then parse every frame and keep the latest price per market in a Map, until `count` arrived. */
function floorMessages(socket: WebSocket, count: number): Promise<void> {
  const prices = new Map<string, string>();
  let seen = 0;
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as {
        type: string;
        msg: { market_ticker: string; price_dollars: string };
      };
      if (frame.type !== 'ticker') return;
      prices.set(frame.msg.market_ticker, frame.msg.price_dollars);
      if (++seen === count) {
        socket.off('message', onMessage);
        resolve();
      }
    };
    socket.on('message', onMessage);
    floorSubscribe(socket, 'ticker', market('T', count));
  });
}

/** Floor: a book as a Map of price → size per side (floats), from the snapshot and every delta. */
function floorBook(socket: WebSocket, count: number): Promise<void> {
  const sides = { yes: new Map<string, number>(), no: new Map<string, number>() };
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as {
        type: string;
        seq: number;
        msg: {
          yes_dollars_fp: [string, string][];
          no_dollars_fp: [string, string][];
          side: 'yes' | 'no';
          price_dollars: string;
          delta_fp: string;
        };
      };
      if (frame.type === 'orderbook_snapshot') {
        for (const [price, size] of frame.msg.yes_dollars_fp) sides.yes.set(price, Number(size));
        for (const [price, size] of frame.msg.no_dollars_fp) sides.no.set(price, Number(size));
      } else if (frame.type === 'orderbook_delta') {
        const side = sides[frame.msg.side];
        side.set(frame.msg.price_dollars, (side.get(frame.msg.price_dollars) ?? 0) + Number(frame.msg.delta_fp));
        if (frame.seq === count + 1) {
          socket.off('message', onMessage);
          resolve();
        }
      }
    };
    socket.on('message', onMessage);
    floorSubscribe(socket, 'orderbook_delta', market('B', count));
  });
}

const stream = createKalshiStream({ url, apiKeyId: keyId, privateKeyPem: pem });
await stream.ready();
const socket = await floorSocket();

async function oursMessages(count: number): Promise<void> {
  const subscription = await stream.subscribe('ticker', { market_ticker: market('T', count) }, { bufferSize: 100_000 });
  let seen = 0;
  for await (const message of subscription) {
    if (message.type === 'ticker' && ++seen === count) break;
  }
}

/** Ours: the stream's book, counting its changes with a synchronous `onUpdate` listener until `count` applied. */
async function oursBook(count: number, probe?: (deltas: number) => void): Promise<void> {
  const book = stream.orderbook(market('B', count));
  let seen = 0;
  await new Promise<void>((resolve) => {
    const stop = book.onUpdate((update) => {
      if (update.type !== 'delta') return;
      seen++;
      probe?.(seen);
      if (seen === count) {
        stop();
        resolve();
      }
    });
  });
  await book.close();
}

/** The same book read with `for await` over `book.updates()` (what a consumer pays on top: queue and promises). */
async function oursBookIterated(count: number): Promise<void> {
  const book = stream.orderbook(market('B', count));
  let seen = 0;
  for await (const update of book.updates({ bufferSize: 100_000 })) {
    if (update.type !== 'delta') continue;
    if (++seen === count) break;
  }
  await book.close();
}

async function perSecond(count: number, work: () => Promise<void>): Promise<Rate> {
  gc!();
  const start = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return {
    wall: count / ((performance.now() - start) / 1000),
    cpu: count / ((used.user + used.system) / 1e6),
  };
}

const contenders = {
  messages: { ours: () => oursMessages(messages), floor: () => floorMessages(socket, messages) },
  book: { ours: () => oursBook(deltas), floor: () => floorBook(socket, deltas) },
};
await oursBookIterated(deltas);
const iterated: Rate[] = [];
const figures = {
  messagesPerSecond: { ours: [] as Rate[], floor: [] as Rate[] },
  bookUpdatesPerSecond: { ours: [] as Rate[], floor: [] as Rate[] },
};
for (const part of Object.values(contenders)) {
  await part.ours();
  await part.floor();
}
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
  for (const name of order) {
    figures.messagesPerSecond[name].push(await perSecond(messages, contenders.messages[name]));
    figures.bookUpdatesPerSecond[name].push(await perSecond(deltas, contenders.book[name]));
  }
  iterated.push(await perSecond(deltas, () => oursBookIterated(deltas)));
}

// Retained heap of one book fed `memoryDeltas` deltas: after a forced GC at a tenth of the run and at its end.
const samples: { deltas: number; heapBytes: number }[] = [];
const at = new Set([Math.round(memoryDeltas / 10), memoryDeltas]);
gc!();
const base = process.memoryUsage().heapUsed;
await oursBook(memoryDeltas, (seen) => {
  if (!at.has(seen)) return;
  gc!();
  gc!();
  samples.push({ deltas: seen, heapBytes: process.memoryUsage().heapUsed - base });
});

socket.close();
await stream.close();
process.stdout.write(`${JSON.stringify({ ...figures, bookIteratedPerSecond: iterated, memory: samples })}\n`);
