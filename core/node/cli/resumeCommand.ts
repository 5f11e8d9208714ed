import { CliFailure } from './cliFailure';
import type { CliOutput } from './cliOutput';
import { answerProblem, answerSchemaOf, parseAnswerText } from './hitlAnswer';
import { watchInterrupt } from './interruptWatch';
import { loadRunnablePipeline } from './loadRunnablePipeline';
import { withCliStore } from './openCliStore';
import type { CliLimits } from './engineOptions';
import { runUntilSettled } from './runCommand';
import { requireRun } from './runsCommand';

/** Options of `runs resume`. */
export interface ResumeCommandOptions {
  readonly input: string;
  readonly json: boolean;
  readonly db?: string;
  readonly limits: CliLimits;
}

/**
 * `runs resume <id> --input TEXT`: answers the run's pending HITL request exactly once (a second
 * answer, from any process, gets "already answered") and continues the run from its stored
 * checkpoint in this process, re-reading the pipeline from the run's file.
 */
export function runResumeCommand(
  runId: string,
  options: ResumeCommandOptions,
  output: CliOutput,
): Promise<number> {
  return withCliStore(options.db, async (store) => {
    const run = requireRun(store, runId);
    const pending = store.listPendingHitl(runId).at(-1);
    if (pending === undefined) {
      const answered = store.getCheckpoint(runId) !== undefined;
      throw new CliFailure(
        answered
          ? 'This request was already answered.'
          : `run ${runId} is ${run.status}, not waiting for an answer.`,
      );
    }
    if (run.file === undefined) {
      throw new CliFailure(`run ${runId} has no pipeline file recorded, so it cannot resume here.`);
    }
    const runnable = loadRunnablePipeline(run.file, output);
    if (runnable.modifiedAt > pending.createdAt) {
      output.err(
        `flujo-studio: warning: ${run.file} changed after the run paused; resuming with the file as it is now.\n`,
      );
    }
    const schema = answerSchemaOf(runnable.pipeline, pending.request);
    const answer = parseAnswerText(options.input, schema);
    const problem = answerProblem(schema, answer);
    if (problem !== undefined) throw new CliFailure(`${problem}. The request is still pending.`);
    const answered = store.answerHitl({ requestId: pending.requestId }, answer, {
      pid: process.pid,
    });
    if (!answered.ok) throw new CliFailure('This request was already answered.');
    const watch = watchInterrupt();
    try {
      return await runUntilSettled(
        {
          store,
          pipeline: runnable.pipeline,
          file: runnable.file,
          limits: options.limits,
          json: options.json,
        },
        { kind: 'resume', checkpoint: answered.checkpoint, answer },
        output,
        watch,
      );
    } finally {
      watch.dispose();
    }
  });
}
