import type { StepNode } from '../model';
import type { ContextTx } from './context/contextTx';
import { buildResult, coordinates } from './runStep';
import type { RunState, Where } from './runState';
import type { StepResult } from './runTypes';
import { handlerFor } from './steps/stepHandlers';
import { unsupportedStep } from './steps/unsupportedStep';

/**
 * `config.execution_mode: background` (FLUJO-SPEC §8.12, DECISIONS 12): the step runs as a task on
 * a strictly isolated context that never merges back; the pipeline continues at once with the step's
 * input as output. The task's own result is emitted (branch `background:<task>`) for the UI.
 */
export function launchBackground(
  step: StepNode,
  path: string,
  input: unknown,
  parentCtx: ContextTx,
  run: RunState,
  where: Where,
  started: number,
): StepResult {
  const taskId = `${run.runId}_bg_${String(run.background.length + 1)}`;
  parentCtx.seal();
  const isolated = parentCtx.fork();
  isolated.setPath(['run_id'], taskId);
  isolated.setPath(['is_background_task'], true);
  isolated.setPath(['parent_run_id'], run.runId);
  isolated.setPath(['task_id'], taskId);
  const taskWhere: Where = { ...where, branch: `background:${taskId}`, frames: [] };
  const task = (async () => {
    const taskStarted = run.ports.now();
    const handler = handlerFor(step) ?? unsupportedStep;
    try {
      const outcome = await handler({
        step,
        path,
        input,
        ctx: isolated,
        run,
        where: taskWhere,
        frame: {
          path,
          stepName: step.name,
          kind: step.kind,
          attempt: 1,
          input,
          context: isolated.value,
        },
      });
      const result = buildResult(
        step,
        path,
        taskWhere,
        outcome,
        outcome.children ?? [],
        run.ports.now() - taskStarted,
      );
      run.emit({
        type: result.success ? 'step.succeeded' : 'step.failed',
        path,
        result,
        ...coordinates(taskWhere),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const result = buildResult(
        step,
        path,
        taskWhere,
        { output: undefined, success: false, feedback: message },
        [],
        run.ports.now() - taskStarted,
      );
      run.emit({ type: 'step.failed', path, result, ...coordinates(taskWhere) });
    }
  })();
  run.background.push(task);
  run.emit({
    type: 'background.launched',
    path,
    stepName: step.name,
    taskId,
    ...coordinates(where),
  });
  return buildResult(
    step,
    path,
    where,
    {
      output: input,
      success: true,
      feedback: `Launched in background (task_id=${taskId})`,
      metadata: { background_task_id: taskId },
    },
    [],
    run.ports.now() - started,
  );
}
