// Starts a worker thread on a TypeScript file. Node 20 does not apply `execArgv: ['--import', 'tsx']`
// to a worker's own entry ("Unknown file extension .ts"), so the worker registers tsx's loader
// itself and then imports the file: it runs the real sources (workers/gil.ts), not a copy.
import { Worker } from 'node:worker_threads';

export function startTsWorker(file: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}
