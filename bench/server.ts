/** Starts and controls the benchmark server (server-child.ts) in its own process. */
import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { spawnTs } from './child.ts';
import type { BenchKeys } from './keys.ts';

export interface ServerCounts {
  requests: number;
  verified: number;
  rejected: number;
}

export interface BenchServer {
  /** Base URL with the API prefix: `http://127.0.0.1:PORT/trade-api/v2`. */
  url: string;
  origin: string;
  /** Switches signature verification on or off; returns (and resets) the counts since the last switch. */
  setVerify(on: boolean): Promise<ServerCounts>;
  close(): Promise<void>;
}

export async function startBenchServer(keys: BenchKeys): Promise<BenchServer> {
  const child = spawnTs('bench/server-child.ts', [], {
    env: { BENCH_KEY_ID: keys.keyId, BENCH_PUBLIC_KEY: keys.publicKey },
  });
  const kill = (): void => void child.kill('SIGKILL');
  process.once('exit', kill);
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[bench server] ${chunk.toString()}`));
  const port = await firstLine(child);
  const origin = `http://127.0.0.1:${(JSON.parse(port) as { port: number }).port}`;
  return {
    url: `${origin}/trade-api/v2`,
    origin,
    async setVerify(on) {
      const response = await fetch(`${origin}/__bench/verify?on=${on ? 1 : 0}`);
      return (await response.json()) as ServerCounts;
    },
    async close() {
      process.removeListener('exit', kill);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('bench server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, end));
      }
    });
  });
}
