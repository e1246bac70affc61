/**
 * Real time: messages per second through a subscription and book updates per second, each against a floor
 * written by hand (`ws` + `JSON.parse` + a `Map` update), and the retained heap of a book over a long run of
 * deltas. The server (ws-server-child.ts) and the client (ws-child.ts, `--expose-gc`) run in processes of their
 * own. Targets: ours ≥ 0.8x the floor in both, and the heap flat.
 */
import { once } from 'node:events';
import { runTs, spawnTs } from './child.ts';
import type { BenchKeys } from './keys.ts';
import { summarize, type Summary } from './stats.ts';

export interface WsSettings {
  rounds: number;
  /** Ticker messages per round. */
  messages: number;
  /** Book deltas per round. */
  deltas: number;
  /** Deltas of the memory run. */
  memoryDeltas: number;
}

/** Per second of wall time (medians over rounds), and ours / floor within each round (both back to back). */
export interface WsThroughput {
  ours: Summary;
  floor: Summary;
  /** ours / floor per round, wall rates: the target's measure (a round's pair shares the machine's load). */
  paired: Summary;
  /** ours / floor per round, per second of the client process's CPU time (what each costs the client). */
  pairedCpu: Summary;
}

export interface WsResults {
  settings: WsSettings;
  messagesPerSecond: WsThroughput;
  bookUpdatesPerSecond: WsThroughput;
  /** The same book read with `for await` over `updates()` (no target: the consumer's queue and promises on top). */
  bookIteratedPerSecond: Summary;
  /** Retained heap growth (KB, after forced GC) at a tenth of the memory run and at its end. */
  memory: { deltas: number; retainedKb: number }[];
  handshakes: { accepted: number; refused: number };
}

/** One run's rate: per second of wall time and per second of the client's CPU time. */
export interface Rate {
  wall: number;
  cpu: number;
}

interface ChildOutput {
  messagesPerSecond: { ours: Rate[]; floor: Rate[] };
  bookUpdatesPerSecond: { ours: Rate[]; floor: Rate[] };
  bookIteratedPerSecond: Rate[];
  memory: { deltas: number; heapBytes: number }[];
}

export async function benchWs(keys: BenchKeys, settings: WsSettings): Promise<WsResults> {
  const server = spawnTs('bench/ws-server-child.ts', [], {
    env: { BENCH_KEY_ID: keys.keyId, BENCH_PUBLIC_KEY: keys.publicKey },
  });
  const kill = (): void => void server.kill('SIGKILL');
  process.once('exit', kill);
  server.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[ws bench server] ${chunk.toString()}`));
  try {
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    const { port } = JSON.parse(line.toString().split('\n')[0]!) as { port: number };
    const args = [
      `ws://127.0.0.1:${port}/trade-api/ws/v2`,
      settings.messages,
      settings.deltas,
      settings.rounds,
      settings.memoryDeltas,
    ].map(String);
    const { stdout } = await runTs('bench/ws-child.ts', args, {
      nodeFlags: ['--expose-gc'],
      env: { BENCH_KEY_ID: keys.keyId, BENCH_PRIVATE_KEY: keys.pkcs1 },
      timeoutMs: 300_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildOutput;
    const handshakes = (await (
      await fetch(`http://127.0.0.1:${port}/__bench/stats`)
    ).json()) as WsResults['handshakes'];
    return {
      settings,
      messagesPerSecond: throughput(out.messagesPerSecond),
      bookUpdatesPerSecond: throughput(out.bookUpdatesPerSecond),
      bookIteratedPerSecond: summarize(out.bookIteratedPerSecond.map((rate) => rate.wall)),
      memory: out.memory.map((m) => ({ deltas: m.deltas, retainedKb: Math.round(m.heapBytes / 1024) })),
      handshakes,
    };
  } finally {
    process.removeListener('exit', kill);
    server.kill('SIGTERM');
  }
}

function throughput(rates: { ours: Rate[]; floor: Rate[] }): WsThroughput {
  const paired = (of: keyof Rate): Summary =>
    summarize(rates.ours.map((rate, round) => rate[of] / rates.floor[round]![of]));
  return {
    ours: summarize(rates.ours.map((rate) => rate.wall)),
    floor: summarize(rates.floor.map((rate) => rate.wall)),
    paired: paired('wall'),
    pairedCpu: paired('cpu'),
  };
}
