import type { MergeStrategy, ParallelStep } from '../../model';
import { mergeStrategyOf } from '../../model';
import type { FlujoError } from '../errors';
import { ConfigurationError } from '../errors';
import type { BranchOutcome } from './runBranchesConcurrently';
import { runBranchesConcurrently } from './runBranchesConcurrently';
import type { MergeSettings } from './mergeBranchContexts';
import { mergeBranchContexts } from './mergeBranchContexts';
import type { BranchOutput } from './reduceBranchOutputs';
import { reduceBranchOutputs } from './reduceBranchOutputs';
import type { StepResult } from '../runTypes';
import type { StepCall, StepOutcome } from './stepHandler';

/** How a container joins its branches: the failure policy and the context merge. */
export interface JoinSettings extends MergeSettings {
  readonly strategy: MergeStrategy;
  readonly onBranchFailure: 'propagate' | 'ignore';
}

/** The joined branches: the step's outcome (output `{branch: output}`) and each branch's entry. */
export interface JoinedBranches {
  readonly outcome: StepOutcome;
  readonly entries: readonly BranchOutput[];
}

/**
 * `kind: parallel` (FLUJO-SPEC §8.8): every branch runs concurrently on its own copy of the context
 * with the same input; the successful branches' contexts merge per `merge_strategy`; the output is
 * `{branch: output}`, then `reduce`d.
 */
export async function runParallel(call: StepCall<ParallelStep>): Promise<StepOutcome> {
  const { step } = call;
  const strategy = mergeStrategyOf(step);
  if (strategy === undefined) {
    const error = new ConfigurationError(
      `Step '${step.name}' has merge_strategy '${step.merge_strategy ?? ''}', which Flujo does not know.`,
      {
        suggestion:
          'Use context_update (the default), overwrite, no_merge, error_on_conflict or keep_first.',
      },
    );
    return { output: undefined, success: false, feedback: error.message, metadata: errorOf(error) };
  }
  const include = step.context_include_keys;
  const outcomes = await runBranchesConcurrently(
    call,
    step.branches.map((branch) => ({ key: branch.key, steps: branch.pipeline.steps })),
    include === undefined ? {} : { contextIncludeKeys: include },
  );
  const joined = joinBranches(call, outcomes, {
    strategy,
    onBranchFailure: step.on_branch_failure ?? 'propagate',
    ...(include === undefined ? {} : { contextIncludeKeys: include }),
    ...(step.field_mapping === undefined ? {} : { fieldMapping: step.field_mapping }),
  });
  if (!joined.outcome.success || step.reduce === undefined) return joined.outcome;
  const reduced = await reduceBranchOutputs(
    step,
    step.reduce,
    joined.entries,
    call.ctx.value,
    call.run,
    call.where.signal,
  );
  if (reduced.ok) return { ...joined.outcome, output: reduced.value };
  const { error } = reduced;
  return {
    ...joined.outcome,
    success: false,
    feedback:
      error.suggestion === undefined ? error.message : `${error.message} ${error.suggestion}`,
    metadata: { ...joined.outcome.metadata, ...errorOf(error) },
  };
}

/**
 * Applies the failure policy to finished branches and merges the successful ones' contexts into the
 * container's transaction. Shared by `parallel` and `dynamic_router`.
 */
export function joinBranches(
  call: StepCall,
  outcomes: readonly BranchOutcome[],
  settings: JoinSettings,
): JoinedBranches {
  // One pass over the branches (a fan-out joins hundreds per round).
  const entries: BranchOutput[] = [];
  const executed: string[] = [];
  const failedKeys: string[] = [];
  const failed: BranchOutcome[] = [];
  const succeeded: BranchOutcome[] = [];
  const children: StepResult[] = [];
  const output: Record<string, unknown> = {};
  for (const branch of outcomes) {
    const entry: BranchOutput = {
      key: branch.key,
      success: branch.success,
      output: branch.success
        ? branch.output
        : { success: false, feedback: branch.feedback ?? null, output: branch.output ?? null },
    };
    entries.push(entry);
    output[branch.key] = entry.output;
    executed.push(branch.key);
    if (branch.success) succeeded.push(branch);
    else {
      failed.push(branch);
      failedKeys.push(branch.key);
    }
    for (const result of branch.results) children.push(result);
  }
  const metadata = { executed_branches: executed, failed_branches: failedKeys };
  const base = { output, children, metadata };
  const failures =
    failed.length === 0
      ? ''
      : failed
          .map(
            (branch) => `Failure in branch '${branch.key}': ${branch.feedback ?? 'a step failed'}`,
          )
          .join(' ');
  if (failed.length > 0 && settings.onBranchFailure === 'propagate') {
    return { outcome: { ...base, success: false, feedback: failures }, entries };
  }
  if (failed.length > 0 && failed.length === outcomes.length) {
    const feedback = `All branches of '${call.step.name}' failed. ${failures}`;
    return { outcome: { ...base, success: false, feedback }, entries };
  }
  const conflict = mergeBranchContexts(call.ctx, settings.strategy, succeeded, settings);
  if (conflict !== undefined) {
    return { outcome: { ...base, success: false, feedback: conflict }, entries };
  }
  return { outcome: { ...base, success: true }, entries };
}

function errorOf(error: FlujoError): Record<string, unknown> {
  return { error: error.toData() };
}
