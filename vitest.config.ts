import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Files that replace a module (`vi.mock`) or a global for the whole file: they get a module graph of their own. */
const ISOLATED = ['test/runtime/signing.test.ts'];
/** Files that work in a project the packed package is installed into: packed and installed once per run. */
const CONSUMERS = ['test/package/types.test.ts', 'test/package/consumer.test.ts', 'test/package/ws-consumer.test.ts'];

const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  // The files of a worker share its loaded modules (the generator, its compilers and the type-check worker load
  // once per worker, not once per file): every file closes what it opens and restores what it changes.
  isolate: false,
} as const;

export default defineConfig({
  test: {
    // One test file per core at a time (vitest's default leaves one core idle, which on a 2-core machine runs the
    // files one by one). No test depends on the machine's speed, so files may share the CPU.
    maxWorkers: availableParallelism(),
    projects: [
      { test: { ...shared, name: 'main', include: ['test/**/*.test.ts'], exclude: [...ISOLATED, ...CONSUMERS] } },
      { test: { ...shared, name: 'consumer', include: CONSUMERS, globalSetup: ['test/package/global-setup.ts'] } },
      { test: { ...shared, name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
