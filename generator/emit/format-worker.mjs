// Formats a share of the generated files off the main thread: receives [path, text][] and returns the same,
// formatted. Plain JavaScript so it runs in a worker thread without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import * as prettier from 'prettier';
import { PRETTIER_OPTIONS } from './prettier-options.mjs';

const formatted = [];
for (const [path, text] of workerData) formatted.push([path, await prettier.format(text, { ...PRETTIER_OPTIONS, filepath: path })]);
parentPort.postMessage(formatted);
