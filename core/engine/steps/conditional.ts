import type { Branch, ConditionalStep } from '../../model';
import { evaluate } from '../../expr';
import { describeCause } from '../errors';
import { isInterrupt } from '../interrupt';
import { coordinates } from '../runStep';
import { stepScope } from '../stepScope';
import { withStepMeter } from '../usageGovernor';
import { callMapper } from './callMapper';
import { childWhere } from './childWhere';
import { runBranch } from './runBranch';
import type { StepCall, StepOutcome } from './stepHandler';

const DEFAULT_KEY = 'default';

/**
 * `kind: conditional` (FLUJO-SPEC §8.6): evaluates the branch key, resolves it (exact, then
 * `default_branch`, then case-insensitive), runs that branch on an isolated context merged back on
 * success; its last output is the step's output (an empty branch passes the input through).
 */
export async function runConditional(call: StepCall<ConditionalStep>): Promise<StepOutcome> {
  const { step, run } = call;
  let key: string;
  let steps;
  const resume = call.resume?.kind === 'branch' ? call.resume : undefined;
  if (resume !== undefined) {
    key = resume.key;
    steps =
      key === DEFAULT_KEY && !hasBranch(step.branches, key)
        ? step.default_branch?.steps
        : findBranch(step.branches, key)?.pipeline.steps;
  } else {
    let raw: unknown;
    try {
      raw = await branchKey(call);
    } catch (error) {
      return {
        output: undefined,
        success: false,
        feedback: `The condition of '${step.name}' failed: ${describeCause(error)}`,
      };
    }
    const resolved = resolveBranch(step, raw);
    if (resolved === undefined) {
      return {
        output: undefined,
        success: false,
        feedback: `No branch found for key ${JSON.stringify(raw)} in '${step.name}' (branches: ${step.branches.map((branch) => branch.key).join(', ')}).`,
        metadata: { resolved_branch_key: raw },
      };
    }
    key = resolved.key;
    steps = resolved.steps;
  }
  if (steps === undefined)
    return {
      output: undefined,
      success: false,
      feedback: `Branch '${key}' no longer exists in '${step.name}'.`,
    };
  run.emit({
    type: 'branch.started',
    path: call.path,
    stepName: step.name,
    key,
    ...coordinates(call.where),
  });
  const branchTx = call.ctx.begin();
  let outcome;
  try {
    outcome = await runBranch(
      call,
      key,
      steps,
      branchTx,
      childWhere(call, { branch: key, meters: withStepMeter(call.where, step).meters }),
      resume?.body,
    );
  } catch (error) {
    branchTx.rollback();
    if (isInterrupt(error))
      run.emit({
        type: 'branch.finished',
        path: call.path,
        stepName: step.name,
        key,
        success: false,
        ...coordinates(call.where),
      });
    throw error;
  }
  run.emit({
    type: 'branch.finished',
    path: call.path,
    stepName: step.name,
    key,
    success: outcome.success,
    ...coordinates(call.where),
  });
  if (!outcome.success) {
    branchTx.rollback();
    return {
      output: outcome.output,
      success: false,
      feedback: `Failure in branch '${key}': ${outcome.failed?.feedback ?? 'a step failed'}`,
      children: outcome.results,
      metadata: { executed_branch_key: key },
    };
  }
  branchTx.commit();
  return {
    output: outcome.output,
    success: true,
    children: outcome.results,
    metadata: { executed_branch_key: key },
  };
}

async function branchKey(call: StepCall<ConditionalStep>): Promise<unknown> {
  const { step, input } = call;
  if (step.condition !== undefined) {
    return callMapper(
      step,
      'condition',
      step.condition,
      input,
      call.ctx.value,
      call.run,
      call.where.signal,
    );
  }
  if (step.condition_expression !== undefined) {
    const evaluated = evaluate(step.condition_expression, stepScope(input, call.ctx.value));
    if (!evaluated.ok) throw new Error(evaluated.error.message);
    const value = evaluated.value;
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') {
      throw new Error(
        `it evaluated to ${JSON.stringify(value)}, but a branch key must be a string, a boolean or an integer`,
      );
    }
    return value;
  }
  if (
    (typeof input === 'string' || typeof input === 'boolean' || typeof input === 'number') &&
    hasBranch(step.branches, keyText(input))
  ) {
    return input;
  }
  return step.branches[0]?.key;
}

function resolveBranch(
  step: ConditionalStep,
  raw: unknown,
): { key: string; steps: Branch['pipeline']['steps'] } | undefined {
  const text = keyText(raw);
  const exact = findBranch(step.branches, text);
  if (exact) return { key: exact.key, steps: exact.pipeline.steps };
  if (step.default_branch !== undefined)
    return { key: DEFAULT_KEY, steps: step.default_branch.steps };
  const lower = text.toLowerCase();
  const loose = step.branches.find((branch) => branch.key.toLowerCase() === lower);
  return loose ? { key: loose.key, steps: loose.pipeline.steps } : undefined;
}

function keyText(raw: unknown): string {
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  return typeof raw === 'string' ? raw : String(raw);
}

function findBranch(branches: readonly Branch[], key: string): Branch | undefined {
  return branches.find((branch) => branch.key === key);
}

function hasBranch(branches: readonly Branch[], key: string): boolean {
  return findBranch(branches, key) !== undefined;
}
