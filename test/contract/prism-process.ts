/**
 * Runs Stoplight Prism (`prism mock`) as a child process on a free loopback port: waits until the port accepts
 * connections (bounded), keeps everything it prints, and stops it by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const PRISM_BIN = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

export interface PrismServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  pid: number;
  /** Everything Prism printed so far (stdout and stderr), ANSI colours removed, one entry per line. */
  lines(): string[];
  stop(): Promise<void>;
}

export interface PrismOptions {
  document: string;
  /** Extra CLI arguments (e.g. `--errors`). */
  args?: string[];
  /** How long to wait for the port to accept connections. Default 30 s. */
  startTimeoutMs?: number;
}

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Starts Prism; retries with another port if the chosen one was taken meanwhile (at most 3 tries). */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(options: PrismOptions, port: number): Promise<PrismServer> {
  const args = ['mock', '-h', '127.0.0.1', '-p', String(port), ...(options.args ?? []), options.document];
  const child: ChildProcess = spawn(PRISM_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  const output: string[] = [];
  const partial = { stdout: '', stderr: '' };
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = partial[stream] + chunk.toString('utf8');
    const parts = text.split('\n');
    partial[stream] = parts.pop() ?? '';
    for (const line of parts) output.push(line.replace(ANSI, ''));
  };
  child.stdout?.on('data', collect('stdout'));
  child.stderr?.on('data', collect('stderr'));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const pid = child.pid;

  const lines = (): string[] => [...output, ...[partial.stdout, partial.stderr].filter((l) => l !== '').map((l) => l.replace(ANSI, ''))];
  const stop = async (): Promise<void> => {
    if (exited !== undefined || pid === undefined) return;
    process.kill(pid, 'SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
    if ((await Promise.race([exit, timer])) === 'timeout' && exited === undefined) {
      process.kill(pid, 'SIGKILL');
      await exit;
    }
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let failure: string | undefined;
  let ready = false;
  spawnError.then((error) => (failure = `could not start Prism: ${error.message}`));
  while (Date.now() < deadline) {
    if (failure !== undefined) break;
    if (exited !== undefined) {
      failure = `Prism exited (code ${exited.code}, signal ${exited.signal}) before listening`;
      break;
    }
    if (await canConnect(port)) {
      ready = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!ready) {
    await stop();
    failure ??= `Prism did not listen on port ${port} within ${options.startTimeoutMs ?? 30_000} ms`;
    throw new Error(`${failure}:\n${lines().slice(-20).join('\n')}`);
  }
  return { origin: `http://127.0.0.1:${port}`, port, pid: pid as number, lines, stop };
}
