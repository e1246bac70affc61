import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatReport } from '../diagnostics/report.ts';
import { documentsInDir } from '../changelog/document-sources.ts';
import { specsPages } from '../changelog/specs-documents.ts';
import { generate } from '../index.ts';
import { generationInputs, readStats, recordedOptions, upToDate } from '../stats/stats-file.ts';
import { compareDirs } from './compare-dirs.ts';
import { driftReport } from './drift-report.ts';
import { parseOptions, runMain } from '../command-line.ts';

const USAGE = 'usage: npx tsx generator/check/cli.ts [--specs specs] [--out generated] [--markdown summary.md]\n';

/**
 * `make check`: whether the committed generated/ is what specs/ gives. When its `stats.json` records the same
 * pages, generator, tools and options, and every file is as recorded, the answer needs no regeneration.
 * Otherwise it regenerates into a temporary folder (with the committed options, versioned against the committed
 * release) and compares; on drift it prints the differing files and the semantic API changelog (breaking changes
 * first). `--markdown <file>` also appends the report as markdown (e.g. to `$GITHUB_STEP_SUMMARY`).
 * Exit 0 in step, 1 drifted (or generation failed), 2 bad usage.
 */
export async function main(argv: string[]): Promise<number> {
  const values = parseOptions(
    argv,
    {
      specs: { type: 'string', default: 'specs' },
      out: { type: 'string', default: 'generated' },
      markdown: { type: 'string' },
    },
    USAGE,
  );
  if (!values) return 2;
  if (!existsSync(values.specs) || !statSync(values.specs).isDirectory()) {
    process.stderr.write(`--specs ${values.specs}: not a folder\n${USAGE}`);
    return 2;
  }
  const labels = { specs: values.specs.replace(/\/$/, ''), out: values.out.replace(/\/$/, '') };
  const outDir = resolve(values.out);
  const options = recordedOptions(readStats(outDir));
  if (upToDate(outDir, generationInputs(resolve(values.specs), options))) {
    process.stdout.write(`${labels.out}/ is in step with ${labels.specs}/ (same pages, generator, tools and options as its stats.json records; every file as recorded)\n`);
    if (values.markdown) appendFileSync(values.markdown, `\`${labels.out}/\` is in step with \`${labels.specs}/\`.\n`);
    return 0;
  }
  const temp = mkdtempSync(join(tmpdir(), 'kalshi-check-'));
  try {
    const fresh = join(temp, 'generated');
    const result = await generate({ specsDir: resolve(values.specs), outDir: fresh, previousDir: outDir, keepRemoved: options.keepRemoved });
    if (!result.ok) {
      process.stderr.write(formatReport(result.diagnostics) + `\ngeneration from ${labels.specs}/ failed: fix the pages above\n`);
      return 1;
    }
    const differences = compareDirs(outDir, fresh);
    if (differences.length === 0) {
      process.stdout.write(`${labels.out}/ is in step with ${labels.specs}/\n`);
      if (values.markdown) appendFileSync(values.markdown, `\`${labels.out}/\` is in step with \`${labels.specs}/\`.\n`);
      return 0;
    }
    let committed;
    try {
      committed = { documents: documentsInDir(outDir), streams: documentsInDir(outDir, 'asyncapi') };
    } catch (error) {
      committed = { error: (error as Error).message };
    }
    const fresher = { documents: new Map(result.apis.map((a) => [a.api, a.document])), streams: new Map(result.streams.map((s) => [s.api, s.document])) };
    const report = driftReport(labels, differences, committed, fresher, specsPages(resolve(values.specs), `${labels.specs}/`), result.release);
    process.stdout.write(report.text);
    if (values.markdown) appendFileSync(values.markdown, report.markdown);
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

runMain(main, import.meta.url);
