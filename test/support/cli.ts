import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point of the generator as a user would, in a separate Node process. */
export function runTs(entry: string, args: string[]): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const runCli = (args: string[]) => runTs('generator/cli.ts', args);

export function readReport(path: string): { counts: Record<string, number>; diagnostics: { code: string; severity: string; source?: { file: string; line?: number } }[] } {
  return JSON.parse(readFileSync(path, 'utf8'));
}
