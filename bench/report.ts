/** The benchmark's results as printed tables, and the targets of the performance issue checked against them. */
import type { ConsumerResults } from './consumer.ts';
import type { GenerationResults } from './generation.ts';
import type { PaginationResults } from './pagination.ts';
import type { RequestResults } from './requests.ts';
import type { SigningResults } from './signing.ts';
import type { WsResults, WsThroughput } from './ws.ts';
import { ratio } from './stats.ts';
import { heading, kb, range, table, times } from './table.ts';

export interface Sections {
  requests?: RequestResults;
  signing?: SigningResults;
  pagination?: PaginationResults;
  generation?: GenerationResults;
  consumer?: ConsumerResults;
  ws?: WsResults;
}

export interface Target {
  id: string;
  target: string;
  measured: string;
  met: boolean;
}

/** Retained heap may grow by at most this much from the short listing to the long one (10x the pages). */
const RETAINED_SLACK_KB = 1024;
/** Real time: ours must reach this share of the hand-written floor's throughput. */
const WS_FLOOR_SHARE = 0.8;

/** Browser bundles (minified, gzip): one call through its function, five calls through theirs. */
const BUNDLE_TARGETS = [
  { id: 'bundle.one', name: 'one', label: 'one call (getExchangeStatus function)', maxKb: 8 },
  { id: 'bundle.five', name: 'functions', label: 'five calls (operation functions)', maxKb: 10 },
] as const;

export function targets(s: Sections): Target[] {
  const list: Target[] = [];
  if (s.requests) {
    for (const mode of ['sequential', 'concurrent'] as const) {
      const figures = s.requests[`${mode}Us`];
      const value = ratio(figures.ours, figures.floor);
      list.push({ id: `requests.${mode}`, target: `signed GET, ${mode}: ours ≤ 1.20x floor`, measured: `${times(value)} (official ${times(ratio(figures.official, figures.floor))})`, met: value <= 1.2 });
    }
  }
  if (s.pagination && s.pagination.runs.length >= 2) {
    const [short, long] = [s.pagination.runs[0]!, s.pagination.runs.at(-1)!];
    list.push({
      id: 'pagination.heap',
      target: `pagination: retained heap independent of pages (${long.pages} ≤ ${short.pages} + ${RETAINED_SLACK_KB} KB)`,
      measured: `${short.retainedGrowthKb} KB at ${short.pages} pages, ${long.retainedGrowthKb} KB at ${long.pages}`,
      met: long.retainedGrowthKb <= short.retainedGrowthKb + RETAINED_SLACK_KB,
    });
  }
  if (s.ws) list.push(...wsTargets(s.ws));
  if (s.generation) {
    const { full, noop, floor } = s.generation.wallMs;
    list.push({ id: 'generation.full', target: 'generation: full < 3x openapi-typescript CLI', measured: times(ratio(full, floor)), met: ratio(full, floor) < 3 });
    list.push({ id: 'generation.noop', target: 'generation: no-op < 0.20x full', measured: times(ratio(noop, full)), met: ratio(noop, full) < 0.2 });
  }
  if (s.consumer) {
    for (const { id, name, label, maxKb } of BUNDLE_TARGETS) {
      const size = s.consumer.bundle[name].browser;
      list.push({
        id,
        target: `browser bundle, ${label}: ≤ ${maxKb} KB gzipped`,
        measured: size.ok ? kb(size.gzipBytes) : `fails: ${size.errors.join('; ')}`,
        met: size.ok && size.gzipBytes <= maxKb * 1024,
      });
    }
  }
  return list;
}

export function report(s: Sections, list: readonly Target[]): string {
  const parts: string[] = [];
  if (s.requests) parts.push(requestsTable(s.requests));
  if (s.signing) parts.push(signingTable(s.signing));
  if (s.pagination) parts.push(paginationTable(s.pagination));
  if (s.ws) parts.push(wsTable(s.ws));
  if (s.generation) parts.push(generationTable(s.generation));
  if (s.consumer) parts.push(consumerTable(s.consumer));
  if (list.length > 0) {
    parts.push(heading('Targets'));
    parts.push(table(['target', 'measured', ''], list.map((t) => [t.target, t.measured, t.met ? 'met' : 'MISSED'])));
  }
  return parts.join('\n');
}

function requestsTable(r: RequestResults): string {
  const { sequential, concurrent, concurrency, rounds } = r.settings;
  const rows = (['floor', 'ours', 'official'] as const).map((name) => [
    name,
    range(r.sequentialUs[name]),
    times(ratio(r.sequentialUs[name], r.sequentialUs.floor)),
    `${r.sequentialCpuUs[name].median} (${times(ratio(r.sequentialCpuUs[name], r.sequentialCpuUs.floor))})`,
    range(r.concurrentUs[name]),
    times(ratio(r.concurrentUs[name], r.concurrentUs.floor)),
    `${r.concurrentCpuUs[name].median} (${times(ratio(r.concurrentCpuUs[name], r.concurrentCpuUs.floor))})`,
  ]);
  return [
    heading(`1. Signed GET /portfolio/balance: µs per request, median [min–max] of ${rounds} rounds`),
    table(['', `sequential (${sequential})`, 'vs floor', 'client CPU', `${concurrency}-way concurrent (${concurrent})`, 'vs floor', 'client CPU'], rows),
    `all signatures verified by the server during warm-up: ${Object.entries(r.verified).map(([n, v]) => `${n} ${v.accepted}/${v.sent}`).join(', ')}`,
  ].join('\n');
}

function signingTable(r: SigningResults): string {
  const rows = (['floor', 'ours', 'webcrypto', 'official'] as const).map((name) => [
    name,
    range(r.sequentialUs[name]),
    times(ratio(r.sequentialUs[name], r.sequentialUs.floor)),
    range(r.concurrentUs[name]),
    times(ratio(r.concurrentUs[name], r.concurrentUs.floor)),
  ]);
  return [
    heading(`2. Signing: µs per signature, median [min–max] of ${r.settings.rounds} rounds × ${r.settings.signatures}`),
    table(['', 'sequential', 'vs floor', `${r.settings.concurrency} in flight`, 'vs floor'], rows),
    `official (PEM parsed per signature) / ours (parsed once): ${times(ratio(r.sequentialUs.official, r.sequentialUs.ours))}`,
  ].join('\n');
}

function paginationTable(r: PaginationResults): string {
  const rows = r.runs.map((run) => [
    String(run.pages),
    String(run.items),
    range(run.itemsPerSecond.ours),
    range(run.itemsPerSecond.floor),
    times(ratio(run.itemsPerSecond.ours, run.itemsPerSecond.floor)),
    `${run.peakGrowthKb} KB`,
    `${run.retainedGrowthKb} KB`,
  ]);
  return [
    heading(`3. Pagination: for await over getOrders(), ${r.settings.pageSize} items per page, ${r.settings.rounds} rounds`),
    table(['pages', 'items', 'ours items/s', 'floor items/s', 'ours/floor', 'peak heap growth', 'retained (after GC)'], rows),
  ].join('\n');
}

function wsTargets(r: WsResults): Target[] {
  const list: Target[] = [];
  for (const [id, label, figures] of [
    ['ws.messages', 'messages/s through a subscription', r.messagesPerSecond],
    ['ws.book', 'book updates/s', r.bookUpdatesPerSecond],
  ] as const) {
    const value = ratio(figures.paired.median, 1);
    list.push({ id, target: `real time, ${label}: ours ≥ ${WS_FLOOR_SHARE}x floor (median of per-round ratios)`, measured: times(value), met: value >= WS_FLOOR_SHARE });
  }
  const [first, last] = [r.memory[0], r.memory.at(-1)];
  if (first !== undefined && last !== undefined && last !== first) {
    list.push({
      id: 'ws.heap',
      target: `real time: book's retained heap flat (${last.deltas} deltas ≤ ${first.deltas} + ${RETAINED_SLACK_KB} KB)`,
      measured: `${first.retainedKb} KB at ${first.deltas}, ${last.retainedKb} KB at ${last.deltas}`,
      met: last.retainedKb <= first.retainedKb + RETAINED_SLACK_KB,
    });
  }
  return list;
}

function wsTable(r: WsResults): string {
  const row = (label: string, f: WsThroughput): string[] => [label, range(f.ours), range(f.floor), `${times(f.paired.median)} [${times(f.paired.min)}–${times(f.paired.max)}]`, times(f.pairedCpu.median)];
  return [
    heading(`3b. Real time: per second, median [min–max] of ${r.settings.rounds} rounds of ${r.settings.messages} messages / ${r.settings.deltas} deltas`),
    table(['', 'ours', 'floor (ws + JSON.parse + Map)', 'ours/floor per round', 'per client CPU s'], [
      row('messages through a subscription (for await)', r.messagesPerSecond),
      row('book updates (onUpdate)', r.bookUpdatesPerSecond),
      ['book updates read with for await', range(r.bookIteratedPerSecond), '', times(ratio(r.bookIteratedPerSecond, r.bookUpdatesPerSecond.floor)), ''],
    ]),
    `retained heap of one book after GC: ${r.memory.map((m) => `${m.retainedKb} KB at ${m.deltas} deltas`).join(', ')}; handshakes verified ${r.handshakes.accepted}, refused ${r.handshakes.refused}`,
  ].join('\n');
}

function generationTable(r: GenerationResults): string {
  const { full, noop, floor } = r.wallMs;
  const rows = [
    ['full (--force)', range(full, 1 / 1000, 2), times(ratio(full, floor)), '1.00x'],
    ['no-op (unchanged specs)', range(noop, 1 / 1000, 2), times(ratio(noop, floor)), times(ratio(noop, full))],
    ['floor: openapi-typescript CLI ×2', range(floor, 1 / 1000, 2), '1.00x', times(ratio(floor, full))],
  ];
  const stages = Object.entries(r.stagesMs).map(([stage, summary]) => [stage, range(summary)]);
  stages.push(['total in-process', range(r.stagesTotalMs)]);
  stages.push(['(rest of the wall time: node, tsx, module loading)', String(Math.round(full.median - r.stagesTotalMs.median))]);
  return [
    heading(`4. Generation: wall seconds, median [min–max] of ${r.settings.rounds} rounds`),
    table(['', 'wall s', 'vs floor', 'vs full'], rows),
    `floor parts: trade.json ${range(r.floorMs.trade)} ms, perps.json ${range(r.floorMs.perps)} ms; no-op in-process ${range(r.noopStagesTotalMs)} ms`,
    '',
    table(['stage (full run)', 'ms'], stages),
  ].join('\n');
}

const BUNDLE_LABELS: Record<keyof ConsumerResults['bundle'], string> = {
  ours: '5 calls, ours: client class',
  functions: '5 calls, ours: operation functions',
  official: '5 calls, official SDK',
  one: '1 call, ours: its function',
  'one-class': '1 call, ours: client class',
  floor: '1 call, floor: openapi-fetch alone',
};

function consumerTable(r: ConsumerResults): string {
  const base = r.typecheck.empty.wallMs.median;
  const rows = (['empty', 'ours', 'functions', 'official'] as const).map((name) => {
    const t = r.typecheck[name];
    return [name, range(t.wallMs), `+${Math.round(t.wallMs.median - base)}`, String(t.files), String(t.instantiations), range(t.parseTimeMs), range(t.checkTimeMs)];
  });
  const size = (b: ConsumerResults['bundle']['ours']['node']): string => (b.ok ? `${kb(b.minifiedBytes)} / ${kb(b.gzipBytes)}` : `fails: ${b.errors.join('; ')}`);
  const bundles = Object.entries(BUNDLE_LABELS).map(([name, label]) => {
    const bundle = r.bundle[name as keyof ConsumerResults['bundle']];
    return [label, size(bundle.node), size(bundle.browser)];
  });
  const { ours, official } = r.bundle;
  const gzipRatio = ours.node.ok && official.node.ok ? ` (official / ours, node gzip: ${times(official.node.gzipBytes / ours.node.gzipBytes)})` : '';
  return [
    heading(`5. Consumer calling 5 operations: tsc --noEmit wall ms, median [min–max] of ${r.settings.rounds} rounds`),
    table(['', 'tsc wall ms', 'over empty', 'files', 'instantiations', 'parse ms', 'check ms'], rows),
    '',
    table(['esbuild bundle', 'node: minified / gzip', 'browser: minified / gzip'], bundles),
    `tsc over empty, official / ours: ${times((r.typecheck.official.wallMs.median - base) / Math.max(1, r.typecheck.ours.wallMs.median - base))}${gzipRatio}`,
  ].join('\n');
}
