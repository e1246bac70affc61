import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listFiles } from '../write/list-files.ts';

/**
 * `stats.json`: what the package was generated from — a hash of the pages, of the generator's own source
 * and the versions of the tools that shape the output. A regeneration whose hashes match is a no-op.
 */

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const TOOLS = ['openapi-typescript', 'openapi-fetch', 'typescript', 'prettier', 'ts-morph', 'yaml', '@redocly/openapi-core', 'ws'];

export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  }
  return hash.digest('hex');
}

export function toolVersions(): Record<string, string> {
  return Object.fromEntries(
    TOOLS.map((name) => [name, (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version]),
  );
}

export interface Stats {
  specs: string;
  generator: string;
  tools: Record<string, string>;
  operations: Record<string, number>;
}

/** The parts of the generator that shape its output (not the CLIs, the drift check or the scraper). */
const OUTPUT_SHAPING = ['diagnostics', 'emit', 'ingest', 'merge', 'normalise', 'openapi', 'runtime', 'validate', 'write', 'index.ts'];

export function generationInputs(specsDir: string): Omit<Stats, 'operations'> {
  const hash = createHash('sha256');
  for (const part of OUTPUT_SHAPING) hash.update(part).update('\0').update(hashPath(join(REPO_ROOT, 'generator', part)));
  return { specs: hashTree(specsDir), generator: hash.digest('hex'), tools: toolVersions() };
}

function hashPath(path: string): string {
  return statSync(path).isDirectory() ? hashTree(path) : createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function statsJson(stats: Stats): string {
  return JSON.stringify(stats, null, 2) + '\n';
}

/** Whether `outDir` was generated from exactly these inputs (its `stats.json` records the same hashes). */
export function sameInputs(outDir: string, inputs: Omit<Stats, 'operations'>): boolean {
  const path = join(outDir, 'stats.json');
  if (!existsSync(path)) return false;
  try {
    const recorded = JSON.parse(readFileSync(path, 'utf8')) as Partial<Stats>;
    return (
      recorded.specs === inputs.specs &&
      recorded.generator === inputs.generator &&
      JSON.stringify(recorded.tools) === JSON.stringify(inputs.tools)
    );
  } catch {
    return false;
  }
}
