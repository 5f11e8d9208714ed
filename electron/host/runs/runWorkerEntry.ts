import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunWorkerData } from './workerProtocol';

/** How to start the run worker: the script and the argv it needs. */
export interface RunWorkerEntry {
  readonly script: URL;
  readonly argv: readonly string[];
}

/**
 * The one place that decides how a run worker starts. A built `runWorker.js` next to this module
 * (the packaged app) runs directly; otherwise (dev, tests, browser mode under tsx) the TypeScript
 * `runWorker.ts` is loaded through `runWorkerBoot.mjs`, which registers tsx inside the worker.
 */
export function runWorkerEntry(folder: URL = new URL('./', import.meta.url)): RunWorkerEntry {
  const built = new URL('runWorker.js', folder);
  if (existsSync(fileURLToPath(built))) return { script: built, argv: [] };
  return {
    script: new URL('runWorkerBoot.mjs', folder),
    argv: [new URL('runWorker.ts', folder).href],
  };
}

/** What the run manager needs of a worker (a `worker_threads` Worker, or a fake in tests). */
export interface RunWorkerHandle {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  terminate(): Promise<number>;
}

/** Starts a worker for one run (injectable, so tests can start one that crashes). */
export type RunWorkerFactory = (data: RunWorkerData) => RunWorkerHandle;

/** The default factory: a `worker_threads` Worker from `runWorkerEntry()`. */
export function createRunWorker(data: RunWorkerData): RunWorkerHandle {
  const entry = runWorkerEntry();
  return new Worker(entry.script, { workerData: data, argv: [...entry.argv] });
}
