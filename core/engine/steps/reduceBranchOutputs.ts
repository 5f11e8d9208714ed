import type { ReduceSpec, StepNode } from '../../model';
import { isDict } from '../context/contextPath';
import { ConfigurationError, ExecutionError, FlujoError, describeCause } from '../errors';
import type { RunState } from '../runState';
import { callMapper } from './callMapper';

/** One branch's entry in a parallel step's output (a failed branch's entry is its failure object). */
export interface BranchOutput {
  readonly key: string;
  readonly output: unknown;
  readonly success: boolean;
}

/** The reduced output, or the error that makes the step fail. */
export type ReduceResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: FlujoError };

type Preset = (outputs: readonly BranchOutput[]) => unknown;

/** The presets of FLUJO-SPEC §8.8; `union`, `concat` and `majority_vote` skip failed branches. */
const PRESETS: Readonly<Record<string, Preset>> = {
  keys: (outputs) => outputs.map((entry) => entry.key),
  values: (outputs) => outputs.map((entry) => entry.output),
  union: (outputs) => {
    const merged: Record<string, unknown> = {};
    for (const entry of succeeded(outputs)) {
      if (isDict(entry.output)) Object.assign(merged, entry.output);
    }
    return merged;
  },
  concat: (outputs) => {
    const list: unknown[] = [];
    for (const entry of succeeded(outputs)) {
      if (Array.isArray(entry.output)) list.push(...(entry.output as unknown[]));
      else if (entry.output !== null && entry.output !== undefined) list.push(entry.output);
    }
    return list;
  },
  first: (outputs) => outputs[0]?.output ?? null,
  last: (outputs) => outputs[outputs.length - 1]?.output ?? null,
  majority_vote: (outputs) => majorityVote(succeeded(outputs)),
};

const PYTHON_MODES = new Set(['code_consensus', 'judge_selection']);
const PRESET_LIST = 'keys, values, union, concat, first, last, majority_vote';

/**
 * Applies a parallel step's `reduce:` to its branch outputs (declared order): a preset, a
 * `{mode}` mapping, or a reducer callable run as a JS skill of the same name (DECISIONS 9).
 * Consensus modes that need a Python evaluator fail with a ConfigurationError saying what to use.
 */
export async function reduceBranchOutputs(
  step: StepNode,
  spec: ReduceSpec | undefined,
  outputs: readonly BranchOutput[],
  context: unknown,
  run: RunState,
  signal: AbortSignal,
): Promise<ReduceResult> {
  if (spec === undefined) return { ok: true, value: outputMap(outputs) };
  const mode = typeof spec === 'string' ? spec : spec.mode;
  const name = mode?.trim().toLowerCase();
  const preset = name !== undefined && Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  if (preset !== undefined) return { ok: true, value: preset(outputs) };
  if (mode !== undefined && name !== undefined && PYTHON_MODES.has(name)) {
    return {
      ok: false,
      error: new ConfigurationError(
        `The reduce mode '${mode}' of step '${step.name}' needs a Python evaluator, which the studio cannot run.`,
        {
          suggestion: `Use a reduce preset (${PRESET_LIST}), or reduce: { callable: <name> } with a JS skill of that name under skills/.`,
        },
      ),
    };
  }
  const reference =
    typeof spec === 'string' ? spec : (spec.callable ?? spec.path ?? spec.mode ?? '');
  if (reference.trim() === '') {
    return {
      ok: false,
      error: new ConfigurationError(`The reduce of step '${step.name}' names no reducer.`, {
        suggestion: `Write a preset (${PRESET_LIST}) or reduce: { callable: <name> }.`,
      }),
    };
  }
  return callReducer(step, reference.trim(), outputs, context, run, signal);
}

async function callReducer(
  step: StepNode,
  reference: string,
  outputs: readonly BranchOutput[],
  context: unknown,
  run: RunState,
  signal: AbortSignal,
): Promise<ReduceResult> {
  try {
    const value = await callMapper(
      step,
      'reducer',
      reference,
      outputMap(outputs),
      context,
      run,
      signal,
    );
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return {
        ok: false,
        error: new ConfigurationError(error.message, {
          suggestion: `Use a reduce preset (${PRESET_LIST}), or add a JS skill named ${reference} under skills/.`,
        }),
      };
    }
    if (error instanceof FlujoError) return { ok: false, error };
    return {
      ok: false,
      error: new ExecutionError(
        `The reducer ${reference} of step '${step.name}' failed: ${describeCause(error)}`,
        { cause: error },
      ),
    };
  }
}

/** `{ branch: output }` in declared order (the parallel step's output without `reduce`). */
export function outputMap(outputs: readonly BranchOutput[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const entry of outputs) map[entry.key] = entry.output;
  return map;
}

/** The most common output (JSON equality); a tie goes to the value a branch declared first. */
function majorityVote(outputs: readonly BranchOutput[]): unknown {
  const tally = new Map<string, { count: number; value: unknown }>();
  for (const entry of outputs) {
    const id = (JSON.stringify(entry.output) as string | undefined) ?? 'undefined';
    const seen = tally.get(id) ?? { count: 0, value: entry.output };
    seen.count += 1;
    tally.set(id, seen);
  }
  let best: { count: number; value: unknown } | undefined;
  // Map order is first-occurrence order, so `>` keeps the earliest of tied values.
  for (const candidate of tally.values()) {
    if (best === undefined || candidate.count > best.count) best = candidate;
  }
  return best?.value ?? null;
}

function succeeded(outputs: readonly BranchOutput[]): readonly BranchOutput[] {
  return outputs.filter((entry) => entry.success);
}
