import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listFiles } from '../write/list-files.ts';

/**
 * `stats.json`: what the package was generated from — a hash of the pages, of the generator's own source
 * and the versions of the tools that shape the output. A regeneration whose hashes match is a no-op.
 */

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const TOOLS = ['openapi-typescript', 'openapi-fetch', 'typescript', 'prettier', 'ts-morph', 'yaml', '@redocly/openapi-core'];

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

export function generationInputs(specsDir: string): Omit<Stats, 'operations'> {
  return { specs: hashTree(specsDir), generator: hashTree(join(REPO_ROOT, 'generator')), tools: toolVersions() };
}

export function statsJson(stats: Stats): string {
  return JSON.stringify(stats, null, 2) + '\n';
}
