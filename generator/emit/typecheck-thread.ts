import type { Worker } from 'node:worker_threads';
import type { TypeProblem } from './typecheck.ts';

/**
 * `typecheckPackage` in a worker thread, so the caller formats and builds meanwhile. One worker serves the
 * whole process (it keeps the parsed library files between runs); it keeps the process alive only while it
 * has work.
 */
export async function typecheckInWorker(files: ReadonlyMap<string, string>): Promise<TypeProblem[]> {
  const worker = await checkWorker();
  const id = nextRequest++;
  worker.ref();
  return new Promise<TypeProblem[]>((resolvePromise, reject) => {
    pending.set(id, { resolve: resolvePromise, reject });
    worker.postMessage({ id, files: [...files] });
  }).finally(() => {
    if (pending.size === 0) worker.unref();
  });
}

type Pending = { resolve: (problems: TypeProblem[]) => void; reject: (error: Error) => void };
const pending = new Map<number, Pending>();
let nextRequest = 1;
let shared: Promise<Worker> | undefined;

function checkWorker(): Promise<Worker> {
  shared ??= import('node:worker_threads').then((threads) => {
    const worker = new threads.Worker(new URL('./typecheck-worker.mjs', import.meta.url));
    worker.unref();
    const failAll = (error: Error) => {
      shared = undefined;
      for (const [id, request] of pending) {
        pending.delete(id);
        request.reject(error);
      }
    };
    worker.on('message', (message: { id: number; problems?: TypeProblem[]; error?: string }) => {
      const request = pending.get(message.id);
      pending.delete(message.id);
      if (message.problems) request?.resolve(message.problems);
      else request?.reject(new Error(message.error ?? 'no answer'));
    });
    worker.once('error', failAll);
    worker.once('exit', (code) => failAll(new Error(`the type-check worker stopped (exit code ${code})`)));
    return worker;
  });
  return shared;
}
