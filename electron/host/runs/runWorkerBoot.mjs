// Starts a TypeScript run worker in development, tests and browser mode (no build step): registers
// tsx's loader in this worker, then imports the entry named in argv. On Node 20, `--import tsx` in a
// Worker's execArgv does not apply tsx's hooks to the worker's own entry, hence this bootstrap.
import { register } from 'tsx/esm/api';

const entry = process.argv[2];
if (entry === undefined)
  throw new Error('runWorkerBoot.mjs needs the worker entry URL as argv[2].');
register();
await import(entry);
