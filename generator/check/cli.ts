import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport } from '../diagnostics/report.ts';
import { generate } from '../index.ts';
import { compareDirs } from './compare-dirs.ts';

/**
 * `make check`: regenerates from specs/ into a temporary folder and compares it with the committed
 * generated/. Exit 0 in step, 1 drifted (or generation failed), 2 bad usage.
 */
async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { specs: { type: 'string', default: 'specs' }, out: { type: 'string', default: 'generated' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nusage: npx tsx generator/check/cli.ts [--specs specs] [--out generated]\n`);
    return 2;
  }
  const temp = mkdtempSync(join(tmpdir(), 'kalshi-check-'));
  try {
    const fresh = join(temp, 'generated');
    const result = await generate({ specsDir: resolve(values.specs), outDir: fresh });
    if (!result.ok) {
      process.stderr.write(formatReport(result.diagnostics) + '\ngeneration from specs/ failed: fix the pages above\n');
      return 1;
    }
    const differences = compareDirs(resolve(values.out), fresh);
    if (differences.length === 0) {
      process.stdout.write(`${values.out}/ is in step with ${values.specs}/\n`);
      return 0;
    }
    process.stdout.write(`${values.out}/ has drifted from ${values.specs}/ (${differences.length} file(s)):\n`);
    for (const d of differences) process.stdout.write(`  ${d.change.padEnd(8)} ${values.out}/${d.file}\n`);
    process.stdout.write(`run 'make generate' and commit ${values.out}/\n`);
    return 1;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
