/**
 * `make bench`: the client, the signer, pagination, generation and the consumer's costs, each measured side by
 * side against the official SDK and the physical floor in one run (interleaved rounds, medians, min–max).
 * Prints the tables and writes bench/results.json. Everything runs on 127.0.0.1; every loop is bounded.
 *
 *   npx tsx bench/run.ts [--only requests,signing,pagination,ws,generation,consumer] [--quick]
 *
 * `--only` and `--quick` (fewer rounds and requests, a smoke test) print without writing results.json.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from './child.ts';
import { benchConsumer } from './consumer.ts';
import { benchGeneration } from './generation.ts';
import { benchKeys } from './keys.ts';
import { benchPagination } from './pagination.ts';
import { report, targets, type Sections } from './report.ts';
import { benchRequests } from './requests.ts';
import { startBenchServer } from './server.ts';
import { benchSigning } from './signing.ts';
import { benchWs } from './ws.ts';

const SECTIONS = ['signing', 'requests', 'pagination', 'ws', 'generation', 'consumer'] as const;
type Section = (typeof SECTIONS)[number];

const FULL = {
  requests: { rounds: 5, sequential: 2000, concurrent: 5000, concurrency: 100 },
  signing: { rounds: 5, signatures: 500, concurrency: 100 },
  pagination: { pages: [50, 500], rounds: 3 },
  generation: { rounds: 3 },
  consumer: { rounds: 5 },
  ws: { rounds: 11, messages: 100_000, deltas: 100_000, memoryDeltas: 1_000_000 },
};
const QUICK: typeof FULL = {
  requests: { rounds: 2, sequential: 200, concurrent: 500, concurrency: 100 },
  signing: { rounds: 2, signatures: 100, concurrency: 100 },
  pagination: { pages: [5, 50], rounds: 1 },
  generation: { rounds: 1 },
  consumer: { rounds: 1 },
  ws: { rounds: 1, messages: 10_000, deltas: 10_000, memoryDeltas: 100_000 },
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  const wanted = new Set(only as Section[]);
  const settings = values.quick ? QUICK : FULL;
  const started = performance.now();
  const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism(), node: process.version, platform: `${process.platform}-${process.arch}`, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) };
  const keys = benchKeys();
  const sections: Sections = {};
  const step = (name: string): void => void process.stderr.write(`[bench] ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

  if (wanted.has('signing')) {
    step('signing');
    sections.signing = await benchSigning(keys, settings.signing);
  }
  if (wanted.has('requests') || wanted.has('pagination')) {
    const server = await startBenchServer(keys);
    try {
      if (wanted.has('requests')) {
        step('requests');
        sections.requests = await benchRequests(server, keys, settings.requests);
      }
      if (wanted.has('pagination')) {
        step('pagination');
        sections.pagination = await benchPagination(server, keys, settings.pagination);
      }
    } finally {
      await server.close();
    }
  }
  if (wanted.has('ws')) {
    step('ws');
    sections.ws = await benchWs(keys, settings.ws);
  }
  if (wanted.has('generation')) {
    step('generation');
    sections.generation = await benchGeneration(settings.generation);
  }
  if (wanted.has('consumer')) {
    step('consumer');
    sections.consumer = await benchConsumer(settings.consumer);
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  step('done');
  const checked = targets(sections);
  process.stdout.write(`kalshi-openapi-client benchmark: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}; ${seconds} s\n`);
  process.stdout.write(`${report(sections, checked)}\n`);
  if (values.quick || values.only !== undefined) {
    process.stdout.write('\n(--quick/--only: bench/results.json not written)\n');
    return;
  }
  const results = {
    command: 'make bench',
    timestamp: new Date().toISOString(),
    durationSeconds: seconds,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    ...sections,
    targets: checked,
  };
  const path = join(REPO, 'bench', 'results.json');
  writeFileSync(`${path}.tmp`, `${JSON.stringify(sortKeys(results), null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  process.stdout.write('\nwrote bench/results.json\n');
}

/** Objects with their keys sorted, recursively (arrays keep their order): a deterministic results file. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
