/**
 * Side-by-side measurement: each contender is warmed up, then every round runs all contenders once, in an
 * order rotated per round, so drift and noise on the machine hit every contender alike.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { summarize, type Summary } from './stats.ts';

export interface Contender<T extends string> {
  name: T;
  /** One measurement: returns the figure of this round (e.g. microseconds per request). */
  measure(): Promise<number>;
  /** Run before the first round (compiles hot paths, opens connections). Default: `measure()` once. */
  warmUp?(): Promise<unknown>;
}

/** `rounds × contenders`, order rotated per round; returns each contender's per-round figures summarised. */
export async function interleave<T extends string>(
  contenders: readonly Contender<T>[],
  rounds: number,
  options: { collectGarbage?: boolean } = {},
): Promise<Record<T, Summary>> {
  const gc = options.collectGarbage === false ? undefined : garbageCollector();
  for (const contender of contenders) await (contender.warmUp ? contender.warmUp() : contender.measure());
  const figures = new Map<T, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(round + i) % contenders.length]!;
      gc?.();
      figures.get(contender.name)!.push(await contender.measure());
    }
  }
  const result = {} as Record<T, Summary>;
  for (const contender of contenders) result[contender.name] = summarize(figures.get(contender.name)!);
  return result;
}

let collector: (() => void) | undefined;

/**
 * A full GC before each timed run, so a contender pays for its own garbage and not for the previous one's.
 * The process is not started with `--expose-gc` (`npx tsx bench/run.ts`), so the flag is set at run time.
 */
export function garbageCollector(): () => void {
  if (collector) return collector;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (collector = exposed);
  setFlagsFromString('--expose-gc');
  return (collector = runInNewContext('gc') as () => void);
}

/** Wall time of `work` in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
