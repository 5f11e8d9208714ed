/**
 * Step names per top-level subtree, cached by the top-level step node, so that finding the names
 * used more than once merges small precomputed lists instead of re-reading every step.
 */
import type { StepNode, StepVisit } from '../../model';
import { stepChildren } from '../../model';
import type { RuleContext } from '../ruleContext';
import { memoByStep } from '../stepMemo';

export interface SubtreeNames {
  /** How many steps the subtree holds (the number of its visits). */
  readonly size: number;
  /** How many steps of the subtree carry each name. */
  readonly names: ReadonlyMap<string, number>;
}

function collect(step: StepNode, names: Map<string, number>): number {
  names.set(step.name, (names.get(step.name) ?? 0) + 1);
  let size = 1;
  for (const child of stepChildren(step)) {
    if (child.kind === 'single') {
      size += collect(child.step, names);
      continue;
    }
    for (const nested of child.pipeline.steps) size += collect(nested, names);
  }
  return size;
}

/** How many steps of a step's subtree (itself included) carry each name, cached by node. */
export const subtreeNames = memoByStep((step: StepNode): SubtreeNames => {
  const names = new Map<string, number>();
  const size = collect(step, names);
  return { size, names };
});

interface NameCounts {
  top: readonly StepNode[];
  readonly counts: Map<string, number>;
  /** The names carried by more than one step. */
  readonly shared: Set<string>;
}

// The counts of the last pipeline validated, updated by the top-level subtrees that changed.
const last: NameCounts = { top: [], counts: new Map(), shared: new Set() };

function addNames(state: NameCounts, step: StepNode | undefined, sign: 1 | -1): void {
  if (!step) return;
  for (const [name, count] of subtreeNames(step).names) {
    const next = (state.counts.get(name) ?? 0) + sign * count;
    if (next === 0) state.counts.delete(name);
    else state.counts.set(name, next);
    if (next > 1) state.shared.add(name);
    else if (state.shared.size > 0) state.shared.delete(name);
  }
}

/** The name counts of `top`, from the last counts plus the top-level steps that changed. */
function nameCounts(top: readonly StepNode[]): NameCounts {
  const state = last;
  const length = Math.max(top.length, state.top.length);
  let changed = 0;
  for (let at = 0; at < length && changed * 2 <= length; at++) {
    if (state.top[at] !== top[at]) changed++;
  }
  if (changed * 2 > length) {
    // Mostly another pipeline (a fresh parse): counting it afresh beats undoing the old counts.
    state.counts.clear();
    state.shared.clear();
    for (const step of top) addNames(state, step, 1);
    state.top = top;
    return state;
  }
  for (let at = 0; at < length; at++) {
    const before = state.top[at];
    const after = top[at];
    if (before === after) continue;
    addNames(state, before, -1);
    addNames(state, after, 1);
  }
  state.top = top;
  return state;
}

/**
 * The visits (in `context.steps` order) of every step whose name another step of the pipeline
 * also carries; reads only the subtrees holding such a name.
 */
export function visitsOfSharedNames(context: RuleContext): readonly StepVisit[] {
  const topSteps = context.pipeline.steps;
  const top = topSteps.map((step) => subtreeNames(step));
  const total = top.reduce((sum, subtree) => sum + subtree.size, 0);
  if (total !== context.steps.length) return context.steps;
  const { shared } = nameCounts(topSteps);
  const found: StepVisit[] = [];
  if (shared.size === 0) return found;
  const names = [...shared];
  let offset = 0;
  for (const subtree of top) {
    const start = offset;
    offset += subtree.size;
    if (!names.some((name) => subtree.names.has(name))) continue;
    for (let at = start; at < offset; at++) {
      const visit = context.steps[at];
      if (visit && shared.has(visit.step.name)) found.push(visit);
    }
  }
  return found;
}
