import type { LoopStep, YamlValue } from '../../model';
import { evaluate, isTruthy } from '../../expr';
import type { PipelineCursor } from '../checkpoint';
import { isDict } from '../context/contextPath';
import { describeCause } from '../errors';
import { isInterrupt } from '../interrupt';
import { runPipeline } from '../runPipeline';
import { coordinates } from '../runStep';
import type { StepResult } from '../runTypes';
import { stepScope } from '../stepScope';
import { withStepMeter } from '../usageGovernor';
import { callMapper } from './callMapper';
import { childWhere } from './childWhere';
import type { ContextOp } from './contextOps';
import { applyContextOps, readContextOps } from './contextOps';
import type { StepCall, StepOutcome } from './stepHandler';

const DEFAULT_MAX_LOOPS = 5;

/**
 * `kind: loop` (FLUJO-SPEC §8.5, DECISIONS 7): iterations on isolated contexts merged back after each,
 * `init` before the first, the exit check after each, `state` ops between iterations, and the output
 * mapping applied however the loop ends. A HITL pause inside resumes in the same iteration.
 */
export async function runLoop(call: StepCall<LoopStep>): Promise<StepOutcome> {
  const { step, run, ctx } = call;
  const spec = step.loop;
  const body = spec.body.steps;
  const explicitMax = spec.max_loops;
  const maxLoops = explicitMax ?? DEFAULT_MAX_LOOPS;
  const hasExit = spec.exit_condition !== undefined || spec.exit_expression !== undefined;
  const results: StepResult[] = [];
  const budget = withStepMeter(call.where, step);
  let iteration = 1;
  let input = call.input;
  let bodyResume: PipelineCursor | undefined;
  if (call.resume?.kind === 'loop') {
    iteration = call.resume.iteration;
    input = call.resume.loopInput;
    ctx.replace(call.resume.loopContext);
    results.push(...call.resume.results);
    bodyResume = call.resume.body;
  } else if (spec.initial_input_mapper !== undefined && spec.state === undefined) {
    input = await callMapper(
      step,
      'initial input mapper',
      spec.initial_input_mapper,
      input,
      ctx.value,
      run,
      call.where.signal,
    );
  }
  let failures = 0;
  let lastOutput: unknown = input;
  let exitReason: string | undefined;
  let metadata: Record<string, unknown> = {};
  const stateOps = spec.state === undefined ? [] : stateContextOps(spec.state);
  for (; iteration <= maxLoops; iteration += 1) {
    if (bodyResume === undefined) {
      run.emit({
        type: 'loop.iteration',
        path: call.path,
        stepName: step.name,
        index: iteration,
        ...coordinates(call.where),
      });
    }
    const iterationTx = ctx.begin();
    if (iteration === 1 && bodyResume === undefined) {
      const initProblem = applyContextOps(readContextOps(spec.init), iterationTx, input);
      if (initProblem !== undefined) {
        iterationTx.rollback();
        return failed(`Loop init failed: ${initProblem}`, results, iteration, 'init_error');
      }
      if (spec.conversation === true) appendTurn(iterationTx, 'user', input);
    }
    const where = childWhere(call, { iteration, meters: budget.meters });
    let outcome;
    try {
      outcome = await runPipeline(body, input, iterationTx, run, where, bodyResume);
    } catch (error) {
      iterationTx.rollback();
      if (isInterrupt(error) && error.reason === 'pause' && error.pipelineCursor) {
        error.stepCursor = {
          kind: 'loop',
          iteration,
          loopInput: JSON.parse(JSON.stringify(input ?? null)) as unknown,
          loopContext: JSON.parse(JSON.stringify(ctx.value)) as Record<string, unknown>,
          results: JSON.parse(JSON.stringify(results)) as StepResult[],
          body: error.pipelineCursor,
        };
        error.pipelineCursor = undefined;
      }
      if (isInterrupt(error)) {
        error.partial = [...results, ...error.partial];
        // FLUJO-SPEC §8.13: a breached budget ends the loop with a loop-level result.
        if (error.reason === 'usage' && error.outcome === undefined) {
          error.outcome = {
            output: undefined,
            success: false,
            feedback: error.message,
            metadata: { iterations: iteration, exit_reason: 'quota_limit_exceeded' },
          };
        }
      }
      throw error;
    }
    bodyResume = undefined;
    results.push(...outcome.results);
    lastOutput = outcome.output;
    if (!outcome.success) {
      iterationTx.rollback();
      failures += 1;
      if (body.length > 1) {
        return failed(
          `Loop body failed: ${outcome.failed?.feedback ?? 'a body step failed'}`,
          results,
          iteration,
          'body_step_error',
        );
      }
    } else {
      iterationTx.commit();
      if (spec.conversation === true) appendTurn(ctx, 'assistant', lastOutput);
    }
    if (hasExit) {
      let exitValue: unknown;
      try {
        exitValue = await exitCheck(call, lastOutput);
      } catch (error) {
        return failed(
          `Loop exit check failed: ${describeCause(error)}`,
          results,
          iteration,
          'exit_condition_error',
        );
      }
      if (spec.exit_expression !== undefined && spec.exit_condition === undefined) {
        metadata = { evaluated_expression: spec.exit_expression, evaluated_value: exitValue };
      }
      if (isTruthy(exitValue)) {
        exitReason = 'condition';
        break;
      }
    } else if (explicitMax === undefined || explicitMax === 1) {
      exitReason = 'condition';
      break;
    }
    if (iteration < maxLoops) {
      const next = await nextInput(call, lastOutput, iteration, stateOps);
      if (!next.ok) return failed(next.message, results, iteration, 'state_error');
      input = next.value;
    }
  }
  const iterations = Math.min(iteration, maxLoops);
  const output = await mapOutput(call, lastOutput);
  if (exitReason === undefined) {
    return {
      output,
      success: false,
      feedback: `Loop '${step.name}' reached max_loops (${String(maxLoops)}) without meeting its exit condition.`,
      children: results,
      metadata: { ...metadata, iterations, exit_reason: 'max_loops' },
    };
  }
  return {
    output,
    success: failures === 0,
    ...(failures === 0
      ? {}
      : { feedback: `Loop body failed in ${String(failures)} iteration(s).` }),
    children: results,
    metadata: { ...metadata, iterations, exit_reason: exitReason },
  };
}

function failed(
  feedback: string,
  children: readonly StepResult[],
  iterations: number,
  exitReason: string,
): StepOutcome {
  return {
    output: undefined,
    success: false,
    feedback,
    children,
    metadata: { iterations, exit_reason: exitReason },
  };
}

async function exitCheck(call: StepCall<LoopStep>, output: unknown): Promise<unknown> {
  const spec = call.step.loop;
  if (spec.exit_condition !== undefined) {
    return callMapper(
      call.step,
      'exit condition',
      spec.exit_condition,
      output,
      call.ctx.value,
      call.run,
      call.where.signal,
    );
  }
  const evaluated = evaluate(spec.exit_expression ?? 'False', stepScope(output, call.ctx.value));
  if (!evaluated.ok) throw new Error(evaluated.error.message);
  return evaluated.value;
}

async function nextInput(
  call: StepCall<LoopStep>,
  output: unknown,
  iteration: number,
  stateOps: readonly ContextOp[],
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const spec = call.step.loop;
  const propagation = spec.propagation;
  const field = propagationField(propagation);
  if (field !== undefined) {
    const prefix =
      isDict(propagation) && typeof propagation.prefix === 'string' ? propagation.prefix : 'loop_';
    const set = call.ctx.setPath([`${prefix}${String(iteration)}`], output, true);
    return set.ok ? { ok: true, value: output } : { ok: false, message: set.reason };
  }
  if (stateOps.length > 0) {
    const problem = applyContextOps(stateOps, call.ctx, output);
    if (problem !== undefined)
      return { ok: false, message: `Loop state update failed: ${problem}` };
  }
  if (isDict(propagation) && propagation.next_input === 'context')
    return { ok: true, value: call.ctx.value };
  if (spec.iteration_input_mapper !== undefined && spec.state === undefined) {
    const value = await callMapper(
      call.step,
      'iteration input mapper',
      spec.iteration_input_mapper,
      output,
      call.ctx.value,
      call.run,
      call.where.signal,
    );
    return { ok: true, value };
  }
  return { ok: true, value: output };
}

function propagationField(propagation: YamlValue | undefined): string | undefined {
  if (typeof propagation === 'string') return propagation;
  if (isDict(propagation) && typeof propagation.field === 'string') return propagation.field;
  return undefined;
}

async function mapOutput(call: StepCall<LoopStep>, output: unknown): Promise<unknown> {
  const spec = call.step.loop;
  if (spec.loop_output_mapper === undefined || spec.state !== undefined) return output;
  return callMapper(
    call.step,
    'loop output mapper',
    spec.loop_output_mapper,
    output,
    call.ctx.value,
    call.run,
    call.where.signal,
  );
}

const stateOpsCache = new WeakMap<object, readonly ContextOp[]>();

function stateContextOps(state: NonNullable<LoopStep['loop']['state']>): readonly ContextOp[] {
  const cached = stateOpsCache.get(state);
  if (cached) return cached;
  const ops: ContextOp[] = [];
  for (const op of ['append', 'set', 'merge'] as const) {
    for (const entry of state[op] ?? []) ops.push({ op, target: entry.target, value: entry.value });
  }
  stateOpsCache.set(state, ops);
  return ops;
}

function appendTurn(ctx: StepCall['ctx'], role: 'user' | 'assistant', content: unknown): void {
  ctx.appendPath(['conversation_history'], {
    role,
    content: typeof content === 'string' ? content : JSON.stringify(content),
  });
}
