import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packAndInstall } from './consumer-project.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The project the packed package was installed into, once per run (see createConsumerProject). */
    consumerProject: { dir: string; tarball: string; timings: Record<string, number> };
  }
}

/** Packs generated/ and installs it once for the package tests (they copy the result); removed after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'kalshi-packed-'));
  try {
    project.provide('consumerProject', await packAndInstall(root));
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return () => rm(root, { recursive: true, force: true });
}
