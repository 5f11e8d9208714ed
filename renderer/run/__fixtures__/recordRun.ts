import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunEvent, RunOptions, RunResult } from '../../../core/engine';
import { executePipeline } from '../../../core/engine';
import { parsePipelineYaml } from '../../../core/yaml';

/** The text of `examples/<name>.yaml`. */
export function exampleText(name: string): string {
  return readFileSync(resolve(process.cwd(), 'examples', `${name}.yaml`), 'utf8');
}

/** Runs a pipeline (an example name or YAML text) with the real engine and records its events. */
export async function recordRun(
  source: { example: string } | { yaml: string },
  options: RunOptions = {},
): Promise<{ result: RunResult; events: RunEvent[] }> {
  const text = 'example' in source ? exampleText(source.example) : source.yaml;
  const { pipeline, diagnostics } = parsePipelineYaml(text);
  if (pipeline === undefined) {
    throw new Error(`The test pipeline did not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  }
  const events: RunEvent[] = [];
  const result = await executePipeline(pipeline, {
    ...options,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { result, events };
}

/** The events of a hello run up to its debug pause at `steps[1]`, and a way to finish it. */
export async function recordDebugPause(): Promise<{
  events: RunEvent[];
  paused: RunEvent[];
  finish: () => Promise<RunEvent[]>;
}> {
  const { createDebugSession } = await import('../../../core/engine/debug');
  const session = createDebugSession({ breakpoints: [{ path: 'steps[1]' }] });
  const events: RunEvent[] = [];
  const done = recordRun(
    { example: 'hello' },
    { input: 'x', debug: session, onEvent: (event) => events.push(event) },
  );
  await session.waitForPause();
  const paused = [...events];
  return {
    events,
    paused,
    finish: async () => {
      session.continue();
      await done;
      return events.slice(paused.length);
    },
  };
}
