import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.ts';
import { ingest } from './ingest/index.ts';
import { merge, type MergedApi } from './merge/index.ts';
import { normalise } from './normalise/index.ts';
import { validate } from './validate/index.ts';
import { writeOutputDir } from './write/atomic-dir.ts';
import { documentFiles } from './write/document-files.ts';
import { emitPackage } from './emit/index.ts';
import { generationInputs, statsJson } from './emit/stats.ts';
import type { JsonObject } from './openapi/json.ts';

/**
 * The whole pipeline, stage by stage:
 *   ingest (pages → parsed blocks) → normalise (→ OpenAPI fragments) → merge (→ one document per API)
 *   → validate → emit (types, wrappers, package, build) → write (atomically, only when nothing failed).
 * Library code: it reports through diagnostics and never prints or exits; the CLI decides.
 */

export interface GenerateOptions {
  specsDir: string;
  outDir: string;
  /** Treat warnings as errors: nothing is written if any warning is found. */
  strict?: boolean;
  /** Compute everything but leave the output folder alone. */
  dryRun?: boolean;
}

export const STAGES = ['ingest', 'normalise', 'merge', 'validate', 'emit', 'write'] as const;
export type Stage = (typeof STAGES)[number];

export interface GenerateResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  apis: MergedApi[];
  files: Map<string, string>;
  /** Whether the output folder was changed (false when nothing failed but nothing differed). */
  written: boolean;
  /** Milliseconds spent in each stage. */
  timings: Partial<Record<Stage, number>>;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const diagnostics = new Diagnostics();
  const timings: GenerateResult['timings'] = {};
  const timed = async <T>(stage: Stage, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };
  const pages = await timed('ingest', () => ingest(options.specsDir, diagnostics));
  const fragments = await timed('normalise', () => normalise(pages, diagnostics));
  const apis = await timed('merge', () => merge(fragments, diagnostics));
  if (apis.length === 0) diagnostics.error('no-operations', `no page in ${options.specsDir} defines an operation`);
  // A document already known to be broken (e.g. a reference loop) is not handed to the validator.
  if (!diagnostics.hasErrors()) await timed('validate', () => validate(apis, diagnostics));
  const files = documentFiles(apis);
  if (!diagnostics.hasErrors() && apis.length > 0) {
    const emitted = await timed('emit', () => emitPackage(apis, diagnostics));
    for (const [path, text] of emitted) files.set(path, text);
    const operations = Object.fromEntries(apis.map((a) => [a.api, operationCount(a.document)]));
    files.set('stats.json', statsJson({ ...generationInputs(options.specsDir), operations }));
  }
  const failed = diagnostics.hasErrors() || (options.strict === true && diagnostics.count('warning') > 0);
  let written = false;
  if (!failed && !options.dryRun) written = await timed('write', () => writeOutputDir(options.outDir, files));
  return { ok: !failed, diagnostics: diagnostics.sorted(), apis, files, written, timings };
}

export function operationCount(document: JsonObject): number {
  return Object.values(document.paths as JsonObject).reduce<number>((n, item) => n + Object.keys(item as JsonObject).length, 0);
}
