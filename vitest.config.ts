import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core (vitest's default leaves one core idle, which on a 2-core machine runs the files one
    // by one). No test depends on the machine's speed, so files may share the CPU.
    maxWorkers: availableParallelism(),
  },
});
