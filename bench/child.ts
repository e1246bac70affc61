/** Child processes for the benchmark: TypeScript files run with tsx, and plain commands timed wall-clock. */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, in milliseconds. */
  wallMs: number;
}

/** `node [nodeFlags] --import tsx file args` from the repository root. */
export function spawnTs(file: string, args: readonly string[] = [], options: SpawnOptions = {}): ChildProcess {
  const nodeArgs = [...(options.nodeFlags ?? []), '--import', 'tsx', resolve(REPO, file), ...args];
  return spawn(process.execPath, nodeArgs, {
    cwd: REPO,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface SpawnOptions {
  nodeFlags?: readonly string[];
  env?: Record<string, string>;
  /** Kill the child after this many ms (default 5 minutes): every step of the benchmark is bounded. */
  timeoutMs?: number;
}

/** Runs a command to completion, collecting its output; rejects on a non-zero exit or a timeout. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<ChildResult> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: REPO, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collect(child, start, `${command} ${args.join(' ')}`, options.timeoutMs);
}

export function runTs(file: string, args: readonly string[] = [], options: SpawnOptions = {}): Promise<ChildResult> {
  const start = performance.now();
  return collect(spawnTs(file, args, options), start, `${file} ${args.join(' ')}`, options.timeoutMs);
}

function collect(child: ChildProcess, start: number, label: string, timeoutMs = 300_000): Promise<ChildResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result = {
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: performance.now() - start,
      };
      if (code === 0) return resolvePromise(result);
      const why = signal ? `killed by ${signal}` : `exit ${code}`;
      reject(new Error(`${label}: ${why}\n${result.stderr.slice(-2000)}`));
    });
  });
}
