import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { RunResult } from '../../engine';
import type { Pipeline } from '../../model';
import type { RunStore } from '../../store';
import { askAnswer } from './askAnswer';
import { CliFailure, EXIT_BAD_USAGE, EXIT_FAILED, EXIT_INTERRUPTED } from './cliFailure';
import type { CliOutput } from './cliOutput';
import type { CliLimits } from './engineOptions';
import { cliEngineOptions } from './engineOptions';
import { answerProblem, answerSchemaOf, parseAnswerText } from './hitlAnswer';
import { readStream, resolveRunInput } from './inputSource';
import type { InterruptWatch } from './interruptWatch';
import { watchInterrupt } from './interruptWatch';
import { loadRunnablePipeline } from './loadRunnablePipeline';
import { withCliStore } from './openCliStore';
import type { RunStart } from './recordedRun';
import { executeRecorded } from './recordedRun';
import { printRunResult, runResultJson } from './runOutput';

/** Options of `flujo-studio run`. */
export interface RunCommandOptions {
  readonly input?: string;
  readonly contextData?: string;
  readonly json: boolean;
  readonly db?: string;
  readonly limits: CliLimits;
}

/** Where a pipeline runs: the store, the file and the run's engine settings. */
export interface CliRunTarget {
  readonly store: RunStore;
  readonly pipeline: Pipeline;
  readonly file: string;
  readonly limits: CliLimits;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly json: boolean;
}

function parseContextData(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(`--context-data is not valid JSON (${reason}).`, EXIT_BAD_USAGE);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliFailure(
      '--context-data must be a JSON object, e.g. \'{"topic": "cats"}\'.',
      EXIT_BAD_USAGE,
    );
  }
  return value as Record<string, unknown>;
}

/** Whether the run may ask its HITL questions in place (a terminal on both ends, not `--json`). */
function interactive(json: boolean): boolean {
  return !json && process.stdin.isTTY && process.stdout.isTTY;
}

/**
 * Runs `start` and, while the run pauses in a terminal, asks the HITL question and resumes in
 * place; returns the last result and prints it. Exit: 0 succeeded or paused, 1 failed, 130 after
 * Ctrl-C (the run is recorded as cancelled).
 */
export async function runUntilSettled(
  target: CliRunTarget,
  first: RunStart,
  output: CliOutput,
  watch: InterruptWatch,
): Promise<number> {
  const started = performance.now();
  const options = {
    ...cliEngineOptions(target.file, watch.signal, target.limits),
    ...(target.context === undefined ? {} : { context: target.context }),
  };
  let result: RunResult = await executeRecorded(target.store, target.pipeline, first, options);
  while (result.status === 'paused' && result.checkpoint && interactive(target.json)) {
    const hitl = result.checkpoint.hitl;
    const schema = answerSchemaOf(target.pipeline, hitl);
    output.out(`${hitl.message}\n`);
    const typed = await askAnswer('> ', watch.signal);
    if (typed === undefined) {
      output.err(
        `flujo-studio: run ${result.runId} stays paused; resume it with flujo-studio runs resume ${result.runId} --input …\n`,
      );
      return EXIT_INTERRUPTED;
    }
    const answer = parseAnswerText(typed, schema);
    const problem = answerProblem(schema, answer);
    if (problem !== undefined) {
      output.err(`flujo-studio: ${problem}. Try again.\n`);
      continue;
    }
    const answered = target.store.answerHitl({ runId: result.runId }, answer, { pid: process.pid });
    if (!answered.ok) throw new CliFailure('This request was already answered.');
    result = await executeRecorded(
      target.store,
      target.pipeline,
      { kind: 'resume', checkpoint: answered.checkpoint, answer },
      options,
    );
  }
  if (target.json) output.out(`${JSON.stringify(runResultJson(result), null, 2)}\n`);
  else printRunResult(result, performance.now() - started, output);
  if (watch.interrupted()) return EXIT_INTERRUPTED;
  return result.status === 'succeeded' || result.status === 'paused' ? 0 : EXIT_FAILED;
}

/**
 * `flujo-studio run <file>`: resolves the input, validates the file, records a new run in the
 * store and executes it in this process.
 */
export async function runRunCommand(
  file: string,
  options: RunCommandOptions,
  output: CliOutput,
): Promise<number> {
  const context = parseContextData(options.contextData);
  const { input } = await resolveRunInput({
    ...(options.input === undefined ? {} : { flag: options.input }),
    env: process.env,
    stdin: { isTTY: process.stdin.isTTY, read: () => readStream(process.stdin) },
  });
  const runnable = loadRunnablePipeline(file, output, Object.keys(context ?? {}));
  return withCliStore(options.db, async (store) => {
    const runId = randomUUID();
    store.createRun({
      runId,
      pipelineName: runnable.pipeline.name ?? path.basename(runnable.file),
      file: runnable.file,
      input,
      status: 'running',
      startedAt: Date.now(),
      pid: process.pid,
    });
    const watch = watchInterrupt();
    try {
      return await runUntilSettled(
        {
          store,
          pipeline: runnable.pipeline,
          file: runnable.file,
          limits: options.limits,
          json: options.json,
          ...(context === undefined ? {} : { context }),
        },
        { kind: 'new', runId, input },
        output,
        watch,
      );
    } finally {
      watch.dispose();
    }
  });
}
