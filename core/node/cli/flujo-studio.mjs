#!/usr/bin/env node
// The `flujo-studio` command (`npx flujo-studio validate pipeline.yaml`). Plain JavaScript that loads
// the TypeScript CLI through tsx, like electron/start.mjs, so it runs without a build step.
//
// This file is the composition root: `serve` needs the host services and the browser-mode server
// (electron/host, electron/web), which core/node may not import (layering, ARCHITECTURE.md), so
// the launcher hands `serve` to electron/web/serveCommand.ts itself. main.ts still declares `serve`
// so `flujo-studio --help` and `serve --help` describe it (help is answered by main.ts).
import { tsImport } from 'tsx/esm/api';

const args = process.argv.slice(2);
const output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
const wantsHelp = args.includes('--help') || args.includes('-h');

try {
  if (args[0] === 'serve' && !wantsHelp) {
    const { runServeCommand } = await tsImport(
      '../../../electron/web/serveCommand.ts',
      import.meta.url,
    );
    const { openServeStore } = await tsImport('./serveStore.ts', import.meta.url);
    process.exitCode = await runServeCommand(args.slice(1), output, { openStore: openServeStore });
  } else {
    const { runCli } = await tsImport('./main.ts', import.meta.url);
    process.exitCode = await runCli(args, output);
  }
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`flujo-studio: could not start (${reason}). Run npm install first.\n`);
  process.exitCode = 1;
}
