/** Named, timed stages: each stage's wall time in milliseconds, for the CLI's `--timings` and the benchmark. */

export const STAGES = ['hash', 'ingest', 'normalise', 'merge', 'validate', 'types', 'wrappers', 'channels', 'format', 'build', 'typecheck', 'release', 'write'] as const;
export type Stage = (typeof STAGES)[number];
export type Timings = Partial<Record<Stage, number>>;

export class StageTimer {
  readonly timings: Timings = {};

  async run<T>(stage: Stage, work: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.timings[stage] = Math.round((this.timings[stage] ?? 0) + performance.now() - start);
    }
  }
}
