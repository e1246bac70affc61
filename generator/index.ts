import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.ts';
import { applyBaseline, BASELINE_FILE, BaselineError, readBaseline, type KnownFinding } from './diagnostics/baseline.ts';
import { ingest } from './ingest/index.ts';
import { merge, type MergedApi } from './merge/index.ts';
import { mergeAsyncApi, type MergedAsyncApi } from './merge/asyncapi/index.ts';
import { normalise } from './normalise/index.ts';
import { normaliseAsyncApi } from './normalise/asyncapi/index.ts';
import { writeOutputDir } from './write/atomic-dir.ts';
import { recoverLeftovers } from './write/leftovers.ts';
import { outputFolderProblem } from './write/output-guard.ts';
import { documentFiles } from './write/document-files.ts';
import { generationInputs, statsJson, upToDate, type OutputOptions } from './stats/stats-file.ts';
import { readPreviousRelease } from './release/previous.ts';
import type { Release } from './release/index.ts';
import { StageTimer, type Timings } from './timing.ts';
import type { JsonObject } from './openapi/json.ts';

/**
 * The whole pipeline, stage by stage:
 *   ingest (pages → parsed blocks) → normalise (→ OpenAPI and AsyncAPI fragments) → merge (→ one OpenAPI and one
 *   AsyncAPI document per API) → validate → emit (types, wrappers, channel maps, package, build) → release
 *   (version and changelog against the previous output) → write (atomically, only when nothing failed).
 * Each stage has two lanes: REST pages (OpenAPI) and WebSocket pages (AsyncAPI), handing on plain typed data.
 * Library code: it reports through diagnostics and never prints or exits; the CLI decides.
 */

export interface GenerateOptions {
  specsDir: string;
  outDir: string;
  /** Treat warnings as errors: nothing is written if any warning the findings baseline does not list is found. */
  strict?: boolean;
  /** Compute everything but leave the output folder alone. */
  dryRun?: boolean;
  /** Stop after validation: the merged documents only, no package (faster, for checks on documents). */
  documentsOnly?: boolean;
  /** Regenerate even when the output's `stats.json` says specs and generator are unchanged. */
  force?: boolean;
  /** Keep the operations only pages the docs site no longer lists define, deprecated (see merge/removed-operations.ts). */
  keepRemoved?: boolean;
  /** The previous release the version and changelog are decided against (default: `outDir` as it is). */
  previousDir?: string;
}

export interface GenerateResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  apis: MergedApi[];
  /** The merged AsyncAPI document of each API whose WebSocket pages the specs hold. */
  streams: MergedAsyncApi[];
  files: Map<string, string>;
  /** Whether the output folder was changed (false when nothing failed but nothing differed). */
  written: boolean;
  /** True when the output was already generated from these exact specs and generator: nothing was redone. */
  upToDate: boolean;
  /** The package's version and the API changes since the previous release (absent for documents-only runs). */
  release?: Release;
  /** Entries of the findings baseline that no finding matched any more. */
  staleFindings: KnownFinding[];
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
      return { ok: false, upToDate: false, diagnostics: diagnostics.sorted(), apis: [], streams: [], files: new Map(), written: false, staleFindings: [], timings: {} };
    }
    for (const action of recoverLeftovers(options.outDir)) diagnostics.info('output-recovered', action, { file: options.outDir });
  }
  const outputOptions: OutputOptions = { keepRemoved: options.keepRemoved === true };
  const inputs = await timer.run('hash', () => generationInputs(options.specsDir, outputOptions));
  if (!options.force && writes && upToDate(options.outDir, inputs)) {
    return { ok: true, upToDate: true, diagnostics: diagnostics.sorted(), apis: [], streams: [], files: new Map(), written: false, staleFindings: [], timings: timer.timings };
  }
  const baseline = readKnownFindings(options.specsDir, diagnostics);
  const pages = await timer.run('ingest', () => ingest(options.specsDir, diagnostics));
  const { fragments, channels } = await timer.run('normalise', () => ({ fragments: normalise(pages, diagnostics), channels: normaliseAsyncApi(pages, diagnostics) }));
  const { apis, streams } = await timer.run('merge', () => ({
    apis: merge(fragments, diagnostics, outputOptions),
    streams: mergeAsyncApi(channels, diagnostics, outputOptions),
  }));
  if (apis.length === 0) diagnostics.error('no-operations', `no page in ${options.specsDir} defines an operation`);
  // A document already known to be broken (e.g. a reference loop) is not handed to the validator.
  // The heavy stages (Redocly, openapi-typescript, ts-morph, prettier, TypeScript) load only when needed:
  // an up-to-date run never pays for them.
  if (!diagnostics.hasErrors()) {
    await timer.run('validate', async () => {
      await (await import('./validate/index.ts')).validate(apis, diagnostics);
      (await import('./validate/asyncapi.ts')).validateAsyncApi(streams, diagnostics);
    });
  }
  let files = documentFiles(apis, streams);
  let release: Release | undefined;
  if (!diagnostics.hasErrors() && apis.length > 0 && !options.documentsOnly) {
    const { emitPackage } = await import('./emit/index.ts');
    const { PACKAGE_NAME } = await import('./emit/package-files.ts');
    const releases = await import('./release/index.ts');
    const previous = readPreviousRelease(options.previousDir ?? options.outDir);
    const version = releases.startingVersion(previous, PACKAGE_NAME);
    for (const [path, text] of await emitPackage(apis, diagnostics, version, timer, streams)) files.set(path, text);
    const released = await timer.run('release', () => releases.release(files, apis, previous, PACKAGE_NAME, streams));
    files = released.files;
    release = released.release;
    const operations = Object.fromEntries(apis.map((a) => [a.api, operationCount(a.document)]));
    const channelCounts = Object.fromEntries(streams.map((s) => [s.api, Object.keys(s.document.channels as JsonObject).length]));
    files.set('stats.json', statsJson(inputs, operations, files, channelCounts));
  }
  const findings = applyBaseline(diagnostics.sorted(), baseline);
  const newWarnings = findings.diagnostics.filter((d) => d.severity === 'warning' && !d.known).length;
  const failed = diagnostics.hasErrors() || (options.strict === true && newWarnings > 0);
  let written = false;
  if (!failed && writes) {
    try {
      written = await timer.run('write', () => writeOutputDir(options.outDir, files));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.error('output-write-failed', `could not write the output (${reason}); the previous output is unchanged`, { file: options.outDir });
    }
  }
  return {
    ok: !diagnostics.hasErrors() && !failed,
    upToDate: false,
    diagnostics: applyBaseline(diagnostics.sorted(), baseline).diagnostics,
    apis,
    streams,
    files,
    written,
    ...(release ? { release } : {}),
    staleFindings: findings.stale,
    timings: timer.timings,
  };
}

/** The specs folder's findings baseline; an unreadable one is an error (a run must not hide what it cannot read). */
function readKnownFindings(specsDir: string, diagnostics: Diagnostics): KnownFinding[] {
  try {
    return readBaseline(specsDir);
  } catch (error) {
    if (!(error instanceof BaselineError)) throw error;
    diagnostics.error('baseline-invalid', error.message, { file: BASELINE_FILE });
    return [];
  }
}

export function operationCount(document: JsonObject): number {
  return Object.values(document.paths as JsonObject).reduce<number>((n, item) => n + Object.keys(item as JsonObject).length, 0);
}
