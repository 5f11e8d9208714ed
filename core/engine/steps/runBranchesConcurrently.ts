import type { StepNode } from '../../model';
import { isBackgroundStep, walkSteps } from '../../model';
import type { PipelineCursor } from '../checkpoint';
import { jsonClone } from '../checkpoint';
import { isDict } from '../context/contextPath';
import type { ContextTx } from '../context/contextTx';
import { CancelledError } from '../errors';
import type { Interrupt } from '../interrupt';
import { isInterrupt } from '../interrupt';
import { coordinates } from '../runStep';
import type { StepResult } from '../runTypes';
import { childWhere } from './childWhere';
import { contextChanges } from './mergeBranchContexts';
import { runBranch } from './runBranch';
import type { StepCall } from './stepHandler';

type Dict = Record<string, unknown>;

/** One keyed branch of a parallel step or a router's selection. */
export interface BranchToRun {
  readonly key: string;
  readonly steps: readonly StepNode[];
}

/** How one branch ended. `changes` (what it wrote to its context copy) is empty when it failed. */
export interface BranchOutcome {
  readonly key: string;
  readonly success: boolean;
  readonly output: unknown;
  readonly feedback?: string;
  readonly changes: Readonly<Dict>;
  readonly results: readonly StepResult[];
}

/** Settings of a concurrent run. */
export interface ConcurrentBranchOptions {
  /** Branches start from only these top-level keys (plus the built-in fields). */
  readonly contextIncludeKeys?: readonly string[];
  /** Kept in a pause cursor next to the finished branches (e.g. a router's selection). */
  readonly cursorExtra?: Readonly<Dict>;
}

/** A finished branch as a pause cursor keeps it, so a resumed run does not run it again. */
interface StoredBranch {
  readonly output: unknown;
  readonly changes: Readonly<Dict>;
  readonly results: readonly StepResult[];
}

/** Copied into a branch that starts from `context_include_keys` only. */
const BUILTIN_FIELDS = [
  'run_id',
  'initial_prompt',
  'hitl_history',
  'conversation_history',
  'step_outputs',
  'import_artifacts',
  'status',
];

/**
 * Runs `branches` concurrently (FLUJO-SPEC §8.8), each on a copy-on-write fork of the container's
 * context with the container's input, and returns their outcomes in declared order. An Interrupt in
 * one branch aborts the others; once all settle it is rethrown with every branch's results as
 * `partial`, and a pause cursor records the branches that already succeeded, so a resumed run
 * continues the paused branch, reuses those, and re-runs the ones that were cut short.
 */
export async function runBranchesConcurrently(
  call: StepCall,
  branches: readonly BranchToRun[],
  options: ConcurrentBranchOptions = {},
): Promise<readonly BranchOutcome[]> {
  const resume = call.resume?.kind === 'branch' ? call.resume : undefined;
  const slots = new Map<string, BranchSlot>();
  for (const [key, stored] of storedBranches(resume?.extra)) {
    slots.set(key, { status: 'fulfilled', value: { key, success: true, ...stored } });
  }
  let failure: { readonly error: unknown } | undefined;
  const paused = branches.find((branch) => branch.key === resume?.key);
  if (resume !== undefined && paused !== undefined) {
    // The paused branch resumes alone first: a sibling pausing meanwhile would cancel it and lose
    // the human's answer.
    failure = await runGroup(call, [paused], slots, options.contextIncludeKeys, resume.body);
  }
  if (failure === undefined) {
    const rest = branches.filter((branch) => !slots.has(branch.key));
    failure = await runGroup(call, rest, slots, options.contextIncludeKeys, undefined);
  }
  const ordered = branches.flatMap((branch) => slots.get(branch.key) ?? []);
  if (failure === undefined) {
    return ordered.flatMap((slot) => (slot.status === 'fulfilled' ? [slot.value] : []));
  }
  if (!isInterrupt(failure.error)) throw failure.error;
  throw withPartials(failure.error, ordered, options.cursorExtra);
}

type BranchSlot = PromiseSettledResult<BranchOutcome>;

/**
 * Runs `group` concurrently, recording each branch's end in `slots`; returns the first error, after
 * aborting the rest of the group and waiting for every branch to settle.
 */
async function runGroup(
  call: StepCall,
  group: readonly BranchToRun[],
  slots: Map<string, BranchSlot>,
  includeKeys: readonly string[] | undefined,
  resume: PipelineCursor | undefined,
): Promise<{ readonly error: unknown } | undefined> {
  const parent = call.ctx.value;
  const outer = call.where.signal;
  // A holder, not a `let`: it is set from inside the branch promises.
  const failure: { first?: { readonly error: unknown } } = {};
  // A branch that fails stops its siblings, never itself: a background task it launched keeps
  // running. Without such a task (nothing outlives a branch that failed), one signal serves all.
  const controllers = group.some((branch) => mayOutliveBranch(branch.steps))
    ? group.map(() => new AbortController())
    : [new AbortController()];
  const abortAll = (): void => {
    for (const controller of controllers) controller.abort(outer.reason);
  };
  if (outer.aborted) abortAll();
  else outer.addEventListener('abort', abortAll, { once: true });
  const shared = controllers.length === 1 && group.length > 1 ? controllers[0] : undefined;
  const sharedSignal = shared?.signal;
  const runs = group.map(async (branch, index): Promise<BranchOutcome> => {
    const signal = sharedSignal ?? controllers[index]?.signal ?? outer;
    try {
      return await runOne(call, branch, parent, signal, resume, includeKeys);
    } catch (error) {
      if (failure.first === undefined) {
        failure.first = { error };
        // A fresh reason: the siblings must not rethrow (and annotate) this branch's Interrupt.
        const reason = new CancelledError(`Branch '${branch.key}' stopped '${call.step.name}'.`);
        controllers.forEach((controller, other) => {
          if (other !== index || controller === shared) controller.abort(reason);
        });
      }
      throw error;
    }
  });
  const settled = await Promise.allSettled(runs);
  outer.removeEventListener('abort', abortAll);
  settled.forEach((slot, index) => {
    const branch = group[index];
    if (branch !== undefined) slots.set(branch.key, slot);
  });
  return failure.first;
}

const outliving = new WeakMap<readonly StepNode[], boolean>();

/**
 * Whether something a branch starts may still run after the branch ended: a background step or an
 * import (whose child pipeline is not known here) anywhere in its steps. Cached per step list
 * (pipelines are immutable values).
 */
function mayOutliveBranch(steps: readonly StepNode[]): boolean {
  let found = outliving.get(steps);
  if (found === undefined) {
    let any = false;
    walkSteps({ steps }, ({ step }) => {
      if (isBackgroundStep(step) || step.uses?.trim().startsWith('imports.') === true) any = true;
      return any ? 'skip' : undefined;
    });
    found = any;
    outliving.set(steps, found);
  }
  return found;
}

async function runOne(
  call: StepCall,
  branch: BranchToRun,
  parent: Readonly<Dict>,
  signal: AbortSignal,
  resume: PipelineCursor | undefined,
  includeKeys: readonly string[] | undefined,
): Promise<BranchOutcome> {
  const { run, step, path } = call;
  const { key } = branch;
  const where = childWhere(call, { branch: key, signal });
  const tx = branchContext(call.ctx, includeKeys);
  const at = coordinates(call.where);
  run.emit({ type: 'branch.started', path, stepName: step.name, key, ...at });
  let outcome;
  try {
    outcome = await runBranch(call, key, branch.steps, tx, where, resume);
  } catch (error) {
    run.emit({ type: 'branch.finished', path, stepName: step.name, key, success: false, ...at });
    throw error;
  }
  const { success } = outcome;
  run.emit({ type: 'branch.finished', path, stepName: step.name, key, success, ...at });
  const feedback = outcome.failed?.feedback;
  return {
    key,
    success,
    output: outcome.output,
    ...(success ? {} : { feedback: feedback ?? 'a step failed' }),
    changes: success ? contextChanges(tx.value, parent, tx) : {},
    results: outcome.results,
  };
}

/** A fork of `ctx`; with `includeKeys`, holding only those keys and the built-in fields. */
function branchContext(ctx: ContextTx, includeKeys: readonly string[] | undefined): ContextTx {
  const fork = ctx.fork();
  if (includeKeys === undefined) return fork;
  const base: Dict = {};
  for (const key of [...BUILTIN_FIELDS, ...includeKeys]) {
    if (Object.hasOwn(ctx.value, key)) base[key] = ctx.value[key];
  }
  fork.replace(base);
  return fork;
}

/** Gives the interrupt every branch's results and, for a pause, the finished branches. */
function withPartials(
  primary: Interrupt,
  slots: readonly BranchSlot[],
  cursorExtra: Readonly<Dict> | undefined,
): Interrupt {
  const partial: StepResult[] = [];
  const completed: Record<string, StoredBranch> = {};
  for (const slot of slots) {
    if (slot.status === 'fulfilled') {
      const { key, success, output, changes, results } = slot.value;
      partial.push(...results);
      if (success) completed[key] = { output, changes, results };
    } else if (isInterrupt(slot.reason)) {
      partial.push(...slot.reason.partial);
    }
  }
  primary.partial = partial;
  const cursor = primary.stepCursor;
  if (primary.reason === 'pause' && cursor?.kind === 'branch') {
    primary.stepCursor = { ...cursor, extra: jsonClone({ ...cursorExtra, completed }) };
  }
  return primary;
}

/** The finished branches a pause cursor recorded (JSON written by `withPartials`). */
function storedBranches(extra: Readonly<Dict> | undefined): ReadonlyMap<string, StoredBranch> {
  const stored = new Map<string, StoredBranch>();
  const completed = extra?.completed;
  if (!isDict(completed)) return stored;
  for (const [key, entry] of Object.entries(completed)) {
    if (!isDict(entry)) continue;
    stored.set(key, {
      output: entry.output,
      changes: isDict(entry.changes) ? entry.changes : {},
      results: Array.isArray(entry.results) ? (entry.results as StepResult[]) : [],
    });
  }
  return stored;
}
