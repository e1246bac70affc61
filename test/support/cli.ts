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

export function readReport(path: string): { counts: Record<string, number>; diagnostics: { code: string; severity: string; message: string; source?: { file: string; line?: number } }[] } {
  return JSON.parse(readFileSync(path, 'utf8'));
}
