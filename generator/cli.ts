import { writeFileSync, renameSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BASELINE_FILE, baselineJson } from './diagnostics/baseline.ts';
import { formatReport, reportJson } from './diagnostics/report.ts';
import { generate, operationCount } from './index.ts';
import { STAGES, type Timings } from './timing.ts';
import { parseOptions, runMain } from './command-line.ts';
import { PACKAGE_NAME } from './emit/package-files.ts';
import { releaseSummary } from './release/summary.ts';
import { outputFolderProblem } from './write/output-guard.ts';

/**
 * `generate --specs <dir> --out <dir> [--strict] [--report <file.json>] [--verbose] [--dry-run] [--force] [--timings]`
 * Exit codes: 0 generated, 1 error-level diagnostics (nothing written), 2 bad usage.
 */

const USAGE = `usage: npx tsx generator/cli.ts [--specs specs/] [--out generated/] [--strict] [--report report.json]
                                   [--verbose] [--dry-run] [--force] [--timings] [--keep-removed]
                                   [--previous <dir>]

  --specs <dir>     folder of scraped pages (default: specs/)
  --out <dir>       output folder, replaced atomically (default: generated/); never the specs folder, the
                    current directory, a repository root, or a folder holding files the generator did not write
  --strict          warnings fail the run too (except those the findings baseline lists)
  --report <file>   write every diagnostic as JSON
  --verbose         also list info-level diagnostics (superseded pages, conflicts resolved by date)
  --dry-run         check everything, write nothing
  --force           regenerate even if stats.json says specs and generator are unchanged
  --timings         print the time spent in each stage
  --keep-removed    keep operations (and WebSocket channels) the docs site no longer lists, deprecated (for users
                    migrating off them); recorded in stats.json, so make check regenerates the same way
  --previous <dir>  the release to version against (its package.json, documents and CHANGELOG.md; default: --out)
  --write-baseline  record this run's warnings as known in <specs>/known-findings.json (they are then counted,
                    not listed, and --strict ignores them); use with --dry-run to change nothing else
`;

export async function main(argv: string[]): Promise<number> {
  const args = parseOptions(
    argv,
    {
      specs: { type: 'string', default: 'specs' },
      out: { type: 'string', default: 'generated' },
      strict: { type: 'boolean', default: false },
      report: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      'keep-removed': { type: 'boolean', default: false },
      previous: { type: 'string' },
      'write-baseline': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  if (!args) return 2;
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const specsDir = resolve(args.specs);
  if (!existsSync(specsDir) || !statSync(specsDir).isDirectory()) {
    process.stderr.write(`--specs ${args.specs}: not a folder\n\n${USAGE}`);
    return 2;
  }
  const outDir = resolve(args.out);
  const problem = outputFolderProblem(outDir, { specsDir });
  if (problem) {
    process.stderr.write(`--out ${args.out}: refused, ${problem}; nothing was written or deleted\n\n${USAGE}`);
    return 2;
  }
  const result = await generate({
    specsDir,
    outDir,
    strict: args.strict,
    dryRun: args['dry-run'],
    force: args.force,
    keepRemoved: args['keep-removed'],
    ...(args.previous ? { previousDir: resolve(args.previous) } : {}),
  });
  if (args.timings) process.stderr.write(formatTimings(result.timings) + '\n');
  if (result.upToDate) {
    process.stderr.write(`${args.out} is up to date: specs and generator are unchanged since it was generated (--force regenerates)\n`);
    return 0;
  }
  process.stderr.write(formatReport(result.diagnostics, { verbose: args.verbose }) + '\n');
  if (args['write-baseline']) {
    if (!writeAtomically(join(specsDir, BASELINE_FILE), baselineJson(result.diagnostics))) return 1;
    process.stderr.write(`recorded ${result.diagnostics.filter((d) => d.severity === 'warning').length} warning(s) as known in ${join(args.specs, BASELINE_FILE)}\n`);
  } else if (result.staleFindings.length > 0) {
    process.stderr.write(`${result.staleFindings.length} finding(s) of ${join(args.specs, BASELINE_FILE)} no longer occur: make baseline rewrites it\n`);
  }
  if (args.report && !writeAtomically(args.report, reportJson(result.diagnostics))) return 1;
  process.stderr.write(result.apis.map(({ api, document }) => `${api}: ${operationCount(document)} operations`).join(', ') + '\n');
  if (!result.ok) {
    process.stderr.write(`generation failed${args.strict ? ' (--strict: new warnings count as errors)' : ''}; ${args.out} was not changed\n`);
    return 1;
  }
  if (result.release) process.stderr.write(releaseSummary(result.release, PACKAGE_NAME, args.out.replace(/\/$/, '')));
  process.stderr.write(
    args['dry-run'] ? 'dry run: nothing written\n' : result.written ? `wrote ${args.out}\n` : `${args.out} is up to date\n`,
  );
  return 0;
}

/** Writes a file the run reports into (`--report`, the findings baseline) atomically; false (after saying why) when it cannot. */
function writeAtomically(path: string, text: string): boolean {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
    return true;
  } catch (error) {
    process.stderr.write(`${path}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return false;
  }
}

function formatTimings(timings: Timings): string {
  const parts = STAGES.filter((s) => timings[s] !== undefined).map((s) => `${s} ${timings[s]} ms`);
  const total = Object.values(timings).reduce((a, b) => a + (b ?? 0), 0);
  return `timings: ${parts.join(', ')}; total ${total} ms`;
}

runMain(main, import.meta.url);
