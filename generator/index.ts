import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.ts';
import { ingest } from './ingest/index.ts';
import { merge, type MergedApi } from './merge/index.ts';
import { normalise } from './normalise/index.ts';
import { writeOutputDir } from './write/atomic-dir.ts';
import { recoverLeftovers } from './write/leftovers.ts';
import { outputFolderProblem } from './write/output-guard.ts';
import { documentFiles } from './write/document-files.ts';
import { generationInputs, sameInputs, statsJson } from './emit/stats.ts';
import { StageTimer, type Timings } from './timing.ts';
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
  /** Stop after validation: the merged documents only, no package (faster, for checks on documents). */
  documentsOnly?: boolean;
  /** Regenerate even when the output's `stats.json` says specs and generator are unchanged. */
  force?: boolean;
}


export interface GenerateResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  apis: MergedApi[];
  files: Map<string, string>;
  /** Whether the output folder was changed (false when nothing failed but nothing differed). */
  written: boolean;
  /** True when the output was already generated from these exact specs and generator: nothing was redone. */
  upToDate: boolean;
  /** Milliseconds spent in each stage. */
  timings: Timings;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const diagnostics = new Diagnostics();
  const timer = new StageTimer();
  const writes = !options.dryRun && !options.documentsOnly;
  if (writes) {
    const problem = outputFolderProblem(options.outDir, { specsDir: options.specsDir });
    if (problem) {
      diagnostics.error('output-folder-refused', `${options.outDir} cannot be the output folder: ${problem}`);
      return { ok: false, upToDate: false, diagnostics: diagnostics.sorted(), apis: [], files: new Map(), written: false, timings: {} };
    }
    for (const action of recoverLeftovers(options.outDir)) diagnostics.info('output-recovered', action, { file: options.outDir });
  }
  const inputs = await timer.run('hash', () => generationInputs(options.specsDir));
  if (!options.force && writes && sameInputs(options.outDir, inputs)) {
    return { ok: true, upToDate: true, diagnostics: diagnostics.sorted(), apis: [], files: new Map(), written: false, timings: timer.timings };
  }
  const pages = await timer.run('ingest', () => ingest(options.specsDir, diagnostics));
  const fragments = await timer.run('normalise', () => normalise(pages, diagnostics));
  const apis = await timer.run('merge', () => merge(fragments, diagnostics));
  if (apis.length === 0) diagnostics.error('no-operations', `no page in ${options.specsDir} defines an operation`);
  // A document already known to be broken (e.g. a reference loop) is not handed to the validator.
  // The heavy stages (Redocly, openapi-typescript, ts-morph, prettier, TypeScript) load only when needed:
  // an up-to-date run never pays for them.
  if (!diagnostics.hasErrors()) {
    await timer.run('validate', async () => (await import('./validate/index.ts')).validate(apis, diagnostics));
  }
  const files = documentFiles(apis);
  if (!diagnostics.hasErrors() && apis.length > 0 && !options.documentsOnly) {
    const { emitPackage } = await import('./emit/index.ts');
    for (const [path, text] of await emitPackage(apis, diagnostics, timer)) files.set(path, text);
    const operations = Object.fromEntries(apis.map((a) => [a.api, operationCount(a.document)]));
    files.set('stats.json', statsJson({ ...inputs, operations }));
  }
  const failed = diagnostics.hasErrors() || (options.strict === true && diagnostics.count('warning') > 0);
  let written = false;
  if (!failed && writes) {
    try {
      written = await timer.run('write', () => writeOutputDir(options.outDir, files));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.error('output-write-failed', `could not write the output (${reason}); the previous output is unchanged`, { file: options.outDir });
    }
  }
  return { ok: !diagnostics.hasErrors() && !failed, upToDate: false, diagnostics: diagnostics.sorted(), apis, files, written, timings: timer.timings };
}

export function operationCount(document: JsonObject): number {
  return Object.values(document.paths as JsonObject).reduce<number>((n, item) => n + Object.keys(item as JsonObject).length, 0);
}
