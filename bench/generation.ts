/**
 * Generation, as a user waits for it: the command `make generate` runs (`node --import tsx generator/cli.ts`),
 * as child processes, wall-clock, into a temporary folder
 *   full  — `node --import tsx generator/cli.ts --specs specs --out <tmp>/generated --force --timings`;
 *   no-op — the same without `--force` on the unchanged output (content hashes say nothing changed);
 *   floor — openapi-typescript's own CLI on the merged documents that run produced, trade.json then perps.json,
 *           two processes in sequence, wall times summed (the floor for the types step alone).
 * Per-stage times come from the `--timings` line of the full runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, run, type ChildResult } from './child.ts';
import { interleave, type Contender } from './rounds.ts';
import { summarize, type Summary } from './stats.ts';

export const GENERATION_CONTENDERS = ['full', 'noop', 'floor'] as const;
export type GenerationContender = (typeof GENERATION_CONTENDERS)[number];

export interface GenerationSettings {
  rounds: number;
}

export interface GenerationResults {
  settings: GenerationSettings & { commands: Record<GenerationContender, string> };
  /** Wall time of the whole command (process start to exit), per round. */
  wallMs: Record<GenerationContender, Summary>;
  /** The floor's two processes separately. */
  floorMs: { trade: Summary; perps: Summary };
  /** Each stage of the full runs, from `--timings` (ms). */
  stagesMs: Record<string, Summary>;
  /** In-process total of the stages; the rest of the wall time is starting node and tsx and loading modules. */
  stagesTotalMs: Summary;
  noopStagesTotalMs: Summary;
}

export async function benchGeneration(settings: GenerationSettings): Promise<GenerationResults> {
  const tmp = mkdtempSync(join(tmpdir(), 'kalshi-bench-'));
  const out = join(tmp, 'generated');
  const cli = ['--import', 'tsx', 'generator/cli.ts', '--specs', 'specs', '--out', out, '--timings'];
  const floorBin = resolve(REPO, 'node_modules/.bin/openapi-typescript');
  const fullTimings: Record<string, number>[] = [];
  const noopTotals: number[] = [];
  const floorParts = { trade: [] as number[], perps: [] as number[] };
  try {
    const contenders: Contender<GenerationContender>[] = [
      {
        name: 'full',
        measure: async () => {
          const result = await run(process.execPath, [...cli, '--force'], { timeoutMs: 240_000 });
          fullTimings.push(parseTimings(result));
          return result.wallMs;
        },
      },
      {
        name: 'noop',
        measure: async () => {
          let result = await run(process.execPath, cli, { timeoutMs: 240_000 });
          // Someone edited the generator since the last full run: that run regenerated; the next one is a no-op.
          if (!/is up to date/.test(result.stderr)) result = await run(process.execPath, cli, { timeoutMs: 240_000 });
          if (!/is up to date/.test(result.stderr)) throw new Error(`no-op regeneration was not a no-op:\n${result.stderr.slice(-1500)}`);
          noopTotals.push(parseTimings(result).total!);
          return result.wallMs;
        },
      },
      {
        name: 'floor',
        measure: async () => {
          let total = 0;
          for (const api of ['trade', 'perps'] as const) {
            const result = await run(floorBin, [join(out, 'openapi', `${api}.json`), '-o', join(tmp, `${api}.ts`)]);
            floorParts[api].push(result.wallMs);
            total += result.wallMs;
          }
          return total;
        },
      },
    ];
    const wallMs = await interleave(contenders, settings.rounds, { collectGarbage: false });
    const measured = fullTimings.slice(1); // the first full run is the warm-up (it also creates the output)
    const stages = [...new Set(measured.flatMap((t) => Object.keys(t)))].filter((s) => s !== 'total');
    const stagesMs: Record<string, Summary> = {};
    for (const stage of stages) stagesMs[stage] = summarize(measured.map((t) => t[stage] ?? 0));
    return {
      settings: {
        ...settings,
        commands: {
          full: 'node --import tsx generator/cli.ts --specs specs --out <tmp>/generated --force --timings',
          noop: 'node --import tsx generator/cli.ts --specs specs --out <tmp>/generated --timings',
          floor: 'openapi-typescript <tmp>/generated/openapi/trade.json -o <tmp>/trade.ts; the same for perps.json (summed)',
        },
      },
      wallMs,
      floorMs: { trade: summarize(floorParts.trade.slice(1)), perps: summarize(floorParts.perps.slice(1)) },
      stagesMs,
      stagesTotalMs: summarize(measured.map((t) => t.total!)),
      noopStagesTotalMs: summarize(noopTotals.slice(1)),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** `timings: hash 18 ms, ingest 1179 ms, ...; total 16300 ms` → { hash: 18, ingest: 1179, ..., total: 16300 }. */
export function parseTimings(result: ChildResult): Record<string, number> {
  const line = /^timings: (.*); total (\d+) ms$/m.exec(result.stderr);
  if (!line) throw new Error(`no timings line in the generator's output:\n${result.stderr.slice(-1500)}`);
  const timings: Record<string, number> = {};
  for (const part of line[1]!.split(', ')) {
    const match = /^(\w+) (\d+) ms$/.exec(part);
    if (match) timings[match[1]!] = Number(match[2]);
  }
  timings.total = Number(line[2]);
  return timings;
}
