import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point of the generator as a user would, in a separate Node process (in `cwd`). */
export function runTs(entry: string, args: string[], cwd = ROOT): CliRun {
  const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;
  const result = spawnSync(process.execPath, ['--import', cwd === ROOT ? 'tsx' : tsx, join(ROOT, entry), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const runCli = (args: string[], cwd?: string) => runTs('generator/cli.ts', args, cwd);

/**
 * Runs a command-line entry point's exported `main` in the test's own process, with what it writes to stdout and
 * stderr captured: the same code as `runTs` minus a Node start, and the loaded generator (compiler, libraries, the
 * type-check worker) reused across runs. Each CLI keeps at least one `runTs` test for its real process and exit code.
 */
export async function runInProcess(main: (argv: string[]) => number | Promise<number>, args: string[]): Promise<CliRun> {
  const captured = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      captured[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const status = await main(args);
    return { status, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}

export function readReport(path: string): { counts: Record<string, number>; diagnostics: { code: string; severity: string; message: string; source?: { file: string; line?: number } }[] } {
  return JSON.parse(readFileSync(path, 'utf8'));
}
