/**
 * What a consumer pays for each SDK: `tsc --noEmit` on a file calling the same five operations
 * (bench/fixtures/consumer-*.ts, strict NodeNext tsconfig with skipLibCheck, as `tsc --init` writes it) against
 * an empty file, and the size of consumer files bundled with esbuild (minified; gzip via node:zlib at its default
 * level 6), for Node and for browsers: five operations through our class, through our operation functions and
 * through the official SDK; one public call through its function and through the class; and the floor,
 * openapi-fetch alone making that one call.
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { REPO, run } from './child.ts';
import { interleave, type Contender } from './rounds.ts';
import { summarize, type Summary } from './stats.ts';

export const CONSUMERS = ['empty', 'ours', 'functions', 'official'] as const;
export type Consumer = (typeof CONSUMERS)[number];

/** Bundled files (bench/fixtures/consumer-<name>.ts). */
export const BUNDLES = ['ours', 'functions', 'official', 'one', 'one-class', 'floor'] as const;
export type Bundle = (typeof BUNDLES)[number];

export interface ConsumerSettings {
  rounds: number;
}

export interface TypeCheck {
  /** Wall time of the whole `tsc` process, per round. */
  wallMs: Summary;
  /** From `--extendedDiagnostics` (same every round): where the time goes. */
  files: number;
  instantiations: number;
  parseTimeMs: Summary;
  checkTimeMs: Summary;
}

export type BundleSize = { ok: true; minifiedBytes: number; gzipBytes: number } | { ok: false; errors: string[] };

export interface ConsumerResults {
  settings: ConsumerSettings & { tsconfig: string; gzipLevel: number };
  typecheck: Record<Consumer, TypeCheck>;
  bundle: Record<Bundle, { node: BundleSize; browser: BundleSize }>;
}

const TSC = resolve(REPO, 'node_modules/typescript/bin/tsc');

export async function benchConsumer(settings: ConsumerSettings): Promise<ConsumerResults> {
  const diagnostics = new Map<Consumer, Diagnostics[]>(CONSUMERS.map((c) => [c, []]));
  const contenders: Contender<Consumer>[] = CONSUMERS.map((name) => ({
    name,
    measure: async () => {
      const result = await run(process.execPath, [TSC, '-p', `bench/fixtures/tsconfig.${name}.json`, '--extendedDiagnostics']);
      diagnostics.get(name)!.push(parseDiagnostics(result.stdout));
      return result.wallMs;
    },
  }));
  const wallMs = await interleave(contenders, settings.rounds, { collectGarbage: false });
  const typecheck = {} as Record<Consumer, TypeCheck>;
  for (const name of CONSUMERS) {
    const runs = diagnostics.get(name)!.slice(1); // the first is the warm-up
    typecheck[name] = {
      wallMs: wallMs[name],
      files: runs[0]!.files,
      instantiations: runs[0]!.instantiations,
      parseTimeMs: summarize(runs.map((r) => r.parseTimeMs)),
      checkTimeMs: summarize(runs.map((r) => r.checkTimeMs)),
    };
  }
  const bundle = {} as ConsumerResults['bundle'];
  for (const name of BUNDLES) {
    const entry = `bench/fixtures/consumer-${name}.ts`;
    bundle[name] = { node: await bundleSize(entry, 'node'), browser: await bundleSize(entry, 'browser') };
  }
  return { settings: { ...settings, tsconfig: 'bench/fixtures/tsconfig.base.json', gzipLevel: 6 }, typecheck, bundle };
}

interface Diagnostics {
  files: number;
  instantiations: number;
  parseTimeMs: number;
  checkTimeMs: number;
}

function parseDiagnostics(output: string): Diagnostics {
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(output);
    if (!match) throw new Error(`tsc --extendedDiagnostics: no "${name}" in its output`);
    return Number(match[1]);
  };
  return {
    files: field('Files'),
    instantiations: field('Instantiations'),
    parseTimeMs: Math.round(field('Parse time') * 1000),
    checkTimeMs: Math.round(field('Check time') * 1000),
  };
}

async function bundleSize(entry: string, platform: 'node' | 'browser'): Promise<BundleSize> {
  try {
    const result = await build({
      entryPoints: [resolve(REPO, entry)],
      absWorkingDir: REPO,
      bundle: true,
      minify: true,
      platform,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.contents;
    return { ok: true, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code).byteLength };
  } catch (error) {
    const errors = (error as { errors?: { text: string }[] }).errors?.map((e) => e.text) ?? [String(error)];
    return { ok: false, errors: [...new Set(errors)].sort() };
  }
}
