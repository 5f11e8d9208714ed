#!/usr/bin/env node
// The `flujo-studio` command (`npx flujo-studio validate pipeline.yaml`). Plain JavaScript that loads
// the TypeScript CLI through tsx, like electron/start.mjs, so it runs without a build step.
import { tsImport } from 'tsx/esm/api';

try {
  const { runCli } = await tsImport('./main.ts', import.meta.url);
  process.exitCode = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`flujo-studio: could not start (${reason}). Run npm install first.\n`);
  process.exitCode = 1;
}
