import type { Branch, StateMachineStep, Transition, TransitionEvent } from '../../model';
import { evaluate, isTruthy } from '../../expr';
import type { PipelineCursor } from '../checkpoint';
import { jsonClone } from '../checkpoint';
import { isDict } from '../context/contextPath';
import type { ContextTx } from '../context/contextTx';
import { isInterrupt } from '../interrupt';
import type { PipelineOutcome } from '../runPipeline';
import { runPipeline } from '../runPipeline';
import { coordinates } from '../runStep';
import type { StepResult } from '../runTypes';
import { childWhere } from './childWhere';
import type { StepCall, StepOutcome } from './stepHandler';

/** Why the machine stopped, in `metadata.exit_reason`. */
type ExitReason = 'end_state' | 'no_transition' | 'max_hops';

/**
 * `kind: StateMachine` (FLUJO-SPEC §8.6): starting at `context.current_state` or `start_state`, runs
 * each state's pipeline with the machine's original input on an isolated context (merged back when
 * it succeeds), then follows the first matching transition, else `context.next_state`, else a
 * `next_state` key of the state's output; stops at an end state (not run), when there is no next
 * state, or after `max(1, 10 × states)` hops. The output is null; it fails only on an unknown state.
 */
export async function runStateMachine(call: StepCall<StateMachineStep>): Promise<StepOutcome> {
  const { step, run, ctx } = call;
  const endStates = new Set(
    step.end_states === undefined
      ? []
      : typeof step.end_states === 'string'
        ? [step.end_states]
        : step.end_states,
  );
  const maxHops = Math.max(1, 10 * step.states.length);
  const results: StepResult[] = [];
  const visited: string[] = [];
  let hops = 0;
  let current: string | undefined;
  let bodyResume: PipelineCursor | undefined;
  if (call.resume?.kind === 'state') {
    current = call.resume.state;
    hops = call.resume.hops;
    ctx.replace(jsonClone(call.resume.machineContext));
    results.push(...call.resume.results);
    visited.push(...visitsBefore(step, call.resume.results, run.pathOf.bind(run)));
    bodyResume = call.resume.body;
  } else {
    const fromContext = ctx.value.current_state;
    current =
      typeof fromContext === 'string' && fromContext !== '' ? fromContext : step.start_state;
  }
  if (current === undefined) {
    return fail(`StateMachine '${step.name}' has no start_state.`, results, visited, hops);
  }
  let exitReason: ExitReason = 'max_hops';
  let finalState = current;
  while (bodyResume !== undefined || hops < maxHops) {
    if (endStates.has(current)) {
      finalState = current;
      exitReason = 'end_state';
      break;
    }
    const state = step.states.find((entry) => entry.key === current);
    if (state === undefined) return fail(unknownState(step, current), results, visited, hops);
    if (bodyResume === undefined) hops += 1;
    visited.push(current);
    finalState = current;
    const before = ctx.value.next_state;
    const outcome = await runState(call, state, bodyResume, { results, hops });
    bodyResume = undefined;
    results.push(...outcome.results);
    const next = nextState(call, current, outcome, before);
    if (next === undefined) {
      exitReason = 'no_transition';
      break;
    }
    setState(ctx, next);
    current = next;
  }
  if (exitReason === 'max_hops' && endStates.has(current)) {
    exitReason = 'end_state';
    finalState = current;
  }
  return {
    output: null,
    success: true,
    children: results,
    metadata: { visited_states: visited, final_state: finalState, hops, exit_reason: exitReason },
  };
}

async function runState(
  call: StepCall<StateMachineStep>,
  state: Branch,
  resume: PipelineCursor | undefined,
  progress: { readonly results: readonly StepResult[]; readonly hops: number },
): Promise<PipelineOutcome> {
  const { step, run, ctx } = call;
  const key = state.key;
  const event = { path: call.path, stepName: step.name, key, ...coordinates(call.where) };
  run.emit({ type: 'branch.started', ...event });
  const stateTx = ctx.begin();
  let outcome: PipelineOutcome;
  try {
    outcome = await runPipeline(
      state.pipeline.steps,
      call.input,
      stateTx,
      run,
      childWhere(call, { branch: key }),
      resume,
    );
  } catch (error) {
    stateTx.rollback();
    if (isInterrupt(error)) {
      run.emit({ type: 'branch.finished', ...event, success: false });
      if (error.reason === 'pause' && error.pipelineCursor) {
        const onPause = matchTransition(call, key, 'pause', { event: 'pause' });
        if (onPause !== undefined) setState(ctx, onPause.to);
        error.stepCursor = {
          kind: 'state',
          state: key,
          hops: progress.hops,
          machineContext: jsonClone(ctx.value),
          results: jsonClone(progress.results),
          body: error.pipelineCursor,
        };
        error.pipelineCursor = undefined;
      }
      error.partial = [...progress.results, ...error.partial];
    }
    throw error;
  }
  if (outcome.success) stateTx.commit();
  else stateTx.rollback();
  run.emit({ type: 'branch.finished', ...event, success: outcome.success });
  return outcome;
}

/**
 * The state after `current`: the first matching transition; else `context.next_state` when the state
 * wrote it or it names another state (a stale self-target left by the previous hop would otherwise
 * re-run the state until the hop cap — Flujo does that, DECISIONS 1); else a `next_state` key of
 * the state's output.
 */
function nextState(
  call: StepCall<StateMachineStep>,
  current: string,
  outcome: PipelineOutcome,
  nextStateBefore: unknown,
): string | undefined {
  const event: TransitionEvent = outcome.success ? 'success' : 'failure';
  const last = outcome.failed ?? outcome.results[outcome.results.length - 1];
  const payload = {
    event,
    last_output: outcome.output,
    last_step:
      last === undefined
        ? null
        : { name: last.name, success: last.success, feedback: last.feedback ?? null },
  };
  const transition = matchTransition(call, current, event, payload);
  if (transition !== undefined) return transition.to;
  const fromContext = call.ctx.value.next_state;
  if (
    typeof fromContext === 'string' &&
    fromContext !== '' &&
    (fromContext !== current || fromContext !== nextStateBefore)
  ) {
    return fromContext;
  }
  const fromOutput = isDict(outcome.output) ? outcome.output.next_state : undefined;
  return typeof fromOutput === 'string' && fromOutput !== '' ? fromOutput : undefined;
}

function matchTransition(
  call: StepCall<StateMachineStep>,
  current: string,
  event: TransitionEvent,
  payload: Readonly<Record<string, unknown>>,
): Transition | undefined {
  for (const transition of call.step.transitions ?? []) {
    if (transition.from !== current && transition.from !== '*') continue;
    if (transition.on !== event) continue;
    if (transition.when === undefined) return transition;
    const evaluated = evaluate(transition.when, {
      previous_step: payload,
      output: payload,
      context: call.ctx.value,
    });
    // A `when` that cannot be evaluated does not match (it was compiled at load, so this is rare).
    if (evaluated.ok && isTruthy(evaluated.value)) return transition;
  }
  return undefined;
}

function setState(ctx: ContextTx, state: string): void {
  ctx.setPath(['current_state'], state, true);
  ctx.setPath(['next_state'], state, true);
}

/** The states visited before a resume, rebuilt from the results (a visit starts at its first step). */
function visitsBefore(
  step: StateMachineStep,
  results: readonly StepResult[],
  pathOf: (node: StateMachineStep['states'][number]['pipeline']['steps'][number]) => string,
): string[] {
  const firstPaths = new Map<string, string>();
  for (const state of step.states) {
    const first = state.pipeline.steps[0];
    if (first !== undefined) firstPaths.set(state.key, pathOf(first));
  }
  const visits: string[] = [];
  for (const result of results) {
    if (result.branch !== undefined && firstPaths.get(result.branch) === result.path)
      visits.push(result.branch);
  }
  return visits;
}

function unknownState(step: StateMachineStep, name: string): string {
  const states = step.states.map((state) => state.key).join(', ');
  return `StateMachine '${step.name}' has no state '${name}' (states: ${states === '' ? 'none' : states}).`;
}

function fail(
  feedback: string,
  children: readonly StepResult[],
  visited: readonly string[],
  hops: number,
): StepOutcome {
  return {
    output: null,
    success: false,
    feedback,
    children,
    metadata: { visited_states: visited, hops, exit_reason: 'unknown_state' },
  };
}
