/**
 * Pagination: `for await` over every order of a listing (200 per page) through the client, against the
 * benchmark server, at two listing lengths. Each length runs in a fresh child process started with
 * `--expose-gc` (pagination-child.ts), so heap figures are not disturbed by the rest of the benchmark.
 * Target: the heap retained during the walk does not grow with the number of pages.
 */
import { runTs } from './child.ts';
import type { BenchKeys } from './keys.ts';
import type { BenchServer } from './server.ts';
import { summarize, type Summary } from './stats.ts';

export interface PaginationSettings {
  /** Listing lengths in pages (200 items each), e.g. [50, 500]. */
  pages: number[];
  rounds: number;
}

export interface PaginationRun {
  pages: number;
  items: number;
  itemsPerSecond: { floor: Summary; ours: Summary };
  /** Highest `heapUsed` above the start of the walk, sampled after every page (no forced GC). */
  peakGrowthKb: number;
  /** Highest `heapUsed` above the start of the walk, sampled after a forced full GC every 10 pages. */
  retainedGrowthKb: number;
}

export interface PaginationResults {
  settings: PaginationSettings & { pageSize: number };
  runs: PaginationRun[];
}

interface ChildOutput {
  pages: number;
  items: number;
  itemsPerSecond: { floor: number[]; ours: number[] };
  peakGrowthBytes: number;
  retainedGrowthBytes: number;
}

export async function benchPagination(server: BenchServer, keys: BenchKeys, settings: PaginationSettings): Promise<PaginationResults> {
  const runs: PaginationRun[] = [];
  for (const pages of settings.pages) {
    const { stdout } = await runTs('bench/pagination-child.ts', [server.url, String(pages), String(settings.rounds)], {
      nodeFlags: ['--expose-gc'],
      env: { BENCH_KEY_ID: keys.keyId, BENCH_PRIVATE_KEY: keys.pkcs1 },
      timeoutMs: 180_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildOutput;
    runs.push({
      pages: out.pages,
      items: out.items,
      itemsPerSecond: { floor: summarize(out.itemsPerSecond.floor), ours: summarize(out.itemsPerSecond.ours) },
      peakGrowthKb: Math.round(out.peakGrowthBytes / 1024),
      retainedGrowthKb: Math.round(out.retainedGrowthBytes / 1024),
    });
  }
  return { settings: { ...settings, pageSize: 200 }, runs };
}
