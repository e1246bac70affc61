import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BASELINE_FILE } from '../diagnostics/baseline.ts';
import { hashSpecs } from '../ingest/list-pages.ts';
import { isObject } from '../openapi/json.ts';
import { listFiles } from '../write/list-files.ts';

/**
 * `stats.json`: what an output folder was generated from (a hash of the pages, of the generator's own source,
 * the versions of the tools that shape the output, and the options that change it) and a hash of every file it
 * holds. A regeneration whose inputs match, over an output whose files are as recorded, is a no-op; `make check`
 * answers from it without regenerating.
 */

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const TOOLS = ['openapi-typescript', 'openapi-fetch', 'typescript', 'prettier', 'ts-morph', 'yaml', '@redocly/openapi-core', 'ws'];
export const STATS_FILE = 'stats.json';

/** The generation options that change the output, recorded so a check regenerates the same way. */
export interface OutputOptions {
  /** Operations only pages the docs no longer list are kept, deprecated. */
  keepRemoved: boolean;
}

export interface Inputs {
  specs: string;
  generator: string;
  tools: Record<string, string>;
  options: OutputOptions;
}

export interface Stats extends Inputs {
  operations: Record<string, number>;
  /** Channels of each API's AsyncAPI document (the connection's own included). */
  channels?: Record<string, number>;
  /** sha256 of every other file of the output folder. */
  files: Record<string, string>;
}

/** A hash of every file below `dir` (paths and bytes). */
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

/** The parts of the generator that shape its output (not the CLIs, the drift check or the scraper). */
const OUTPUT_SHAPING = ['asyncapi', 'changelog', 'diagnostics', 'emit', 'ingest', 'merge', 'normalise', 'openapi', 'release', 'runtime', 'specs-folder', 'stats', 'validate', 'write', 'index.ts'];

/** The findings baseline changes what a run prints, not what it generates. */
const NOT_INPUTS = new Set([BASELINE_FILE]);

export function generationInputs(specsDir: string, options: OutputOptions): Inputs {
  const hash = createHash('sha256');
  for (const part of OUTPUT_SHAPING) hash.update(part).update('\0').update(hashPath(join(REPO_ROOT, 'generator', part)));
  return { specs: hashSpecs(specsDir, NOT_INPUTS), generator: hash.digest('hex'), tools: toolVersions(), options };
}

function hashPath(path: string): string {
  if (!existsSync(path)) return '';
  return statSync(path).isDirectory() ? hashTree(path) : createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function statsJson(
  inputs: Inputs,
  operations: Record<string, number>,
  files: ReadonlyMap<string, string | Uint8Array>,
  channels: Record<string, number> = {},
): string {
  const hashes = Object.fromEntries([...files.keys()].filter((f) => f !== STATS_FILE).sort().map((f) => [f, sha256(files.get(f)!)]));
  const stats: Stats = { ...inputs, operations, ...(Object.keys(channels).length > 0 ? { channels } : {}), files: hashes };
  return JSON.stringify(stats, null, 2) + '\n';
}

/** The output folder's `stats.json`, or undefined when it has none or it cannot be read. */
export function readStats(outDir: string): Stats | undefined {
  const path = join(outDir, STATS_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return isObject(value) && typeof value.specs === 'string' && isObject(value.files) ? (value as unknown as Stats) : undefined;
  } catch {
    return undefined;
  }
}

/** The options an output folder was generated with (the defaults for one that records none). */
export function recordedOptions(stats: Stats | undefined): OutputOptions {
  return { keepRemoved: stats?.options?.keepRemoved === true };
}

/**
 * Whether `outDir` holds exactly what these inputs generate: its `stats.json` records the same inputs, and every
 * file it lists is there unchanged, with no other file beside them.
 */
export function upToDate(outDir: string, inputs: Inputs): boolean {
  const recorded = readStats(outDir);
  if (!recorded) return false;
  const same =
    recorded.specs === inputs.specs &&
    recorded.generator === inputs.generator &&
    JSON.stringify(recorded.tools) === JSON.stringify(inputs.tools) &&
    JSON.stringify(recordedOptions(recorded)) === JSON.stringify(inputs.options);
  if (!same) return false;
  const present = listFiles(outDir).filter((f) => f !== STATS_FILE);
  const listed = Object.keys(recorded.files);
  return present.length === listed.length && present.every((f) => recorded.files[f] === sha256(readFileSync(join(outDir, f))));
}
