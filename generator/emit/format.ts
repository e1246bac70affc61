import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as prettier from 'prettier';
import { FORMATTED, PRETTIER_OPTIONS } from './prettier-options.mjs';

/**
 * Formats the generated sources with prettier (pinned version, fixed options). Prettier is the slowest step
 * of generation, so with a second core the files are shared out by size between this thread and a worker.
 * Formatting is a pure function of each file, so the result does not depend on how the work is split.
 */
export async function formatFiles(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const todo = [...files].filter(([path]) => FORMATTED.test(path));
  const [mine, theirs] = availableParallelism() > 1 ? split(todo) : [todo, []];
  const [here, there] = await Promise.all([formatHere(mine), theirs.length > 0 ? formatInWorker(theirs) : []]);
  const out = new Map(files);
  for (const [path, text] of [...here, ...there]) out.set(path, text);
  return out;
}

/** Largest first, each file to the lighter share. */
function split(entries: [string, string][]): [[string, string][], [string, string][]] {
  const shares: [[string, string][], [string, string][]] = [[], []];
  const weight = [0, 0];
  for (const entry of [...entries].sort((a, b) => b[1].length - a[1].length)) {
    const lighter = weight[0]! <= weight[1]! ? 0 : 1;
    shares[lighter].push(entry);
    weight[lighter]! += entry[1].length;
  }
  return shares;
}

async function formatHere(entries: [string, string][]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const [path, text] of entries) out.push([path, await prettier.format(text, { ...PRETTIER_OPTIONS, filepath: path })]);
  return out;
}

function formatInWorker(entries: [string, string][]): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./format-worker.mjs', import.meta.url), { workerData: entries });
    worker.once('message', (result: [string, string][]) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the formatting worker exited with code ${code}`));
    });
  });
}
