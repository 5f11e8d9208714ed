import type { StepNode } from '../model';
import { resolveInvoker } from './agentInvoker';
import { applyStepOutput } from './applyStepOutput';
import type { ContextTx } from './context/contextTx';
import { ConfigurationError } from './errors';
import type { RunState, Where } from './runState';
import type { StepResult } from './runTypes';
import { renderStepInput } from './steps/renderStepInput';

/** Where "run from here" starts, and the earlier run whose recorded results replace the steps before it. */
export interface RunFrom {
  /** Step path of the first step that really runs. */
  readonly path: string;
  /** The earlier run: its step result tree (a RunResult, or the store's saved results). */
  readonly baseRun: { readonly steps: readonly StepResult[] };
}

const LEAF_KINDS = new Set(['step', 'hitl']);

/**
 * "Run from here" (issue 5): until the run reaches `from.path`, every leaf step is replayed from the
 * base run's recorded result instead of running (no agent call, no cost) and reported as
 * `step.skipped` with reason `replayed`. Containers still run their control flow over the replayed
 * outputs, so they take the same path; context effects are rebuilt: `updates_context`, `sink_to` and
 * `step_outputs` from the recorded output, context built-ins re-run (they are deterministic), HITL
 * answers re-recorded in `hitl_history`.
 */
export class Replay {
  private readonly target: string;
  private readonly recorded = new Map<string, StepResult[]>();
  private reached = false;

  constructor(from: RunFrom) {
    this.target = from.path;
    collect(from.baseRun.steps, this.recorded);
  }

  /** True while steps are still replayed (the target has not started yet). */
  get active(): boolean {
    return !this.reached;
  }

  /**
   * Replays `step` when it comes before the target; returns undefined once the target (or a
   * container holding it) is reached, so the caller runs it for real.
   */
  async replay(
    step: StepNode,
    path: string,
    input: unknown,
    ctx: ContextTx,
    run: RunState,
    where: Where,
  ): Promise<StepResult | undefined> {
    if (this.reached) return undefined;
    if (path === this.target) {
      this.reached = true;
      return undefined;
    }
    if (!LEAF_KINDS.has(step.kind) || this.target.startsWith(`${path}.`)) return undefined;
    const recorded = this.recorded.get(resultKey(path, where.iteration, where.branch))?.shift();
    if (!recorded?.success) {
      throw new ConfigurationError(
        `The earlier run has no successful result for step '${step.name}' (${path}), so the run cannot start at ${this.target}.`,
        { suggestion: 'Run from an earlier step, or run the whole pipeline once first.' },
      );
    }
    run.emit({
      type: 'step.skipped',
      path,
      stepName: step.name,
      reason: 'replayed',
      ...(where.iteration === undefined ? {} : { iteration: where.iteration }),
      ...(where.branch === undefined ? {} : { branch: where.branch }),
    });
    const tx = ctx.begin();
    await rebuildContextEffects(step, path, input, recorded, tx, run, where);
    const failure = applyStepOutput(step, recorded.output, tx);
    if (failure !== undefined) {
      tx.rollback();
      throw new ConfigurationError(`Replaying step '${step.name}' failed: ${failure}`);
    }
    tx.commit();
    return { ...recorded, metadata: { ...recorded.metadata, replayed: true } };
  }
}

async function rebuildContextEffects(
  step: StepNode,
  path: string,
  input: unknown,
  recorded: StepResult,
  tx: ContextTx,
  run: RunState,
  where: Where,
): Promise<void> {
  if (step.kind === 'hitl') {
    const history = Array.isArray(tx.value.hitl_history)
      ? (tx.value.hitl_history as unknown[])
      : [];
    tx.setPath(
      ['hitl_history'],
      [
        ...history,
        {
          message_to_human: step.message ?? '',
          human_response: recorded.output,
          timestamp: new Date(run.ports.now()).toISOString(),
        },
      ],
    );
    return;
  }
  const invoker = resolveInvoker(step, path, run);
  if (
    invoker instanceof Error ||
    invoker.kind !== 'call' ||
    !invoker.label.startsWith('flujo.builtins.context_')
  )
    return;
  const rendered = renderStepInput(step, input, tx.value);
  if (!rendered.ok) return;
  await invoker.invoke({ input: rendered.value, ctx: tx, signal: where.signal });
}

function collect(results: readonly StepResult[], into: Map<string, StepResult[]>): void {
  for (const result of results) {
    const key = resultKey(result.path, result.iteration, result.branch);
    const list = into.get(key);
    if (list) list.push(result);
    else into.set(key, [result]);
    collect(result.children, into);
  }
}

function resultKey(
  path: string,
  iteration: number | undefined,
  branch: string | undefined,
): string {
  return `${path}\u0000${String(iteration ?? '')}\u0000${branch ?? ''}`;
}
