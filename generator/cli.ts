import { writeFileSync, renameSync, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatReport, reportJson } from './diagnostics/report.ts';
import { generate, operationCount } from './index.ts';
import { STAGES, type Timings } from './timing.ts';
import { parseOptions, runMain } from './command-line.ts';
import { outputFolderProblem } from './write/output-guard.ts';

/**
 * `generate --specs <dir> --out <dir> [--strict] [--report <file.json>] [--verbose] [--dry-run] [--force] [--timings]`
 * Exit codes: 0 generated, 1 error-level diagnostics (nothing written), 2 bad usage.
 */

const USAGE = `usage: npx tsx generator/cli.ts [--specs specs/] [--out generated/] [--strict] [--report report.json]
                                   [--verbose] [--dry-run] [--force] [--timings]

  --specs <dir>     folder of scraped pages (default: specs/)
  --out <dir>       output folder, replaced atomically (default: generated/); never the specs folder, the
                    current directory, a repository root, or a folder holding files the generator did not write
  --strict          warnings fail the run too
  --report <file>   write every diagnostic as JSON
  --verbose         also list info-level diagnostics (superseded pages, conflicts resolved by date)
  --dry-run         check everything, write nothing
  --force           regenerate even if stats.json says specs and generator are unchanged
  --timings         print the time spent in each stage
`;

async function main(argv: string[]): Promise<number> {
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
  });
  if (args.timings) process.stderr.write(formatTimings(result.timings) + '\n');
  if (result.upToDate) {
    process.stderr.write(`${args.out} is up to date: specs and generator are unchanged since it was generated (--force regenerates)\n`);
    return 0;
  }
  process.stderr.write(formatReport(result.diagnostics, { verbose: args.verbose }) + '\n');
  if (args.report && !writeReport(args.report, reportJson(result.diagnostics))) return 1;
  for (const { api, document } of result.apis) {
    process.stderr.write(`${api}: ${operationCount(document)} operations\n`);
  }
  if (!result.ok) {
    process.stderr.write(`generation failed${args.strict ? ' (--strict: warnings count as errors)' : ''}; ${args.out} was not changed\n`);
    return 1;
  }
  process.stderr.write(
    args['dry-run'] ? 'dry run: nothing written\n' : result.written ? `wrote ${args.out}\n` : `${args.out} is up to date\n`,
  );
  return 0;
}

/** Writes the `--report` file atomically; false (after saying why) when it cannot be written. */
function writeReport(path: string, text: string): boolean {
  const temp = `${path}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
    return true;
  } catch (error) {
    process.stderr.write(`--report ${path}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return false;
  }
}

function formatTimings(timings: Timings): string {
  const parts = STAGES.filter((s) => timings[s] !== undefined).map((s) => `${s} ${timings[s]} ms`);
  const total = Object.values(timings).reduce((a, b) => a + (b ?? 0), 0);
  return `timings: ${parts.join(', ')}; total ${total} ms`;
}

runMain(main);
