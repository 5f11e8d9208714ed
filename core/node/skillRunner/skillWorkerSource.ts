/**
 * The worker's program, run with `eval: true` so it needs no build step of its own. It imports the
 * skill module and either reports whether it exports the function (`mode: 'has'`) or calls it with
 * `(input, context)` and posts the result. A result that cannot be structured-cloned is reported
 * as such instead of crashing the worker.
 */
export const SKILL_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const describe = (error) =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
(async () => {
  const { file, fn, mode, input, context } = workerData;
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (error) {
    parentPort.postMessage({ kind: 'load-error', message: describe(error) });
    return;
  }
  const target = mod[fn];
  if (mode === 'has') {
    parentPort.postMessage({ kind: 'has', value: typeof target === 'function' });
    return;
  }
  if (typeof target !== 'function') {
    parentPort.postMessage({ kind: 'missing-export' });
    return;
  }
  let value;
  try {
    value = await target(input, context);
  } catch (error) {
    parentPort.postMessage({ kind: 'threw', message: describe(error) });
    return;
  }
  try {
    parentPort.postMessage({ kind: 'ok', value });
  } catch (error) {
    parentPort.postMessage({ kind: 'not-cloneable', message: describe(error) });
  }
})();
`;
