// The worker thread behind `typecheckInWorker` (typecheck-thread.ts): each message `{ id, files }` ([path, text] pairs)
// is answered `{ id, problems }` (the TypeProblem list) or `{ id, error }`. It stays up between runs, so the
// library files it parsed are reused.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { typecheckPackage } = await tsImport('./typecheck.ts', import.meta.url);
parentPort.on('message', async ({ id, files }) => {
  try {
    parentPort.postMessage({ id, problems: await typecheckPackage(new Map(files)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
