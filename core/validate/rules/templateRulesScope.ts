/**
 * What a step's templates can see: the type of `previous_step` and the names `steps.<name>` can
 * hold when the step runs.
 */
import type { PortType, StepPath, StepPathSegment, StepVisit } from '../../model';
import { childPath, formatSegment } from '../../model';
import type { RuleContext } from '../ruleContext';
import { StepNameIndex } from './stepNameIndex';
import { NameIndex } from './unknownKeysSimilarity';

// A visit's path is fixed, and unchanged subtrees keep their visit objects across revalidations.
const previousPaths = new WeakMap<StepVisit, { readonly path: StepPath | undefined }>();

function siblingPathBefore(visit: StepVisit): StepPath | undefined {
  const segment = visit.segment;
  if (!('index' in segment) || segment.index === 0) return undefined;
  if (segment.slot === 'steps') return formatSegment({ slot: 'steps', index: segment.index - 1 });
  if (visit.parentPath === undefined) return undefined;
  return childPath(visit.parentPath, { ...segment, index: segment.index - 1 });
}

/** The path of the step just before `visit` in its list, if it has one (cached per visit). */
export function previousSiblingPath(visit: StepVisit): StepPath | undefined {
  let cached = previousPaths.get(visit);
  if (!cached) previousPaths.set(visit, (cached = { path: siblingPathBefore(visit) }));
  return cached.path;
}

/** The output type of the previous step in the same list (what `previous_step` holds), if known. */
export function previousOutputType(visit: StepVisit, context: RuleContext): PortType | undefined {
  const path = previousSiblingPath(visit);
  return path === undefined ? undefined : context.types.get(path)?.output;
}

/** Whether the step sits (at any depth) inside a container slot named `slot`. */
export function isInsideSlot(visit: StepVisit, slots: ReadonlySet<string>): boolean {
  return visit.ancestors.some((ancestor) => slots.has(ancestor.via.slot));
}

/**
 * Where a step name stands for a step that reads `steps.<name>`: it may have run (`visible`); it
 * exists but runs later or on another branch (`not-yet`); no step has the name, but an import ran
 * before whose child's steps are copied up (`maybe-imported`); or no step has it (`unknown`).
 */
export type StepVisibility = 'visible' | 'not-yet' | 'maybe-imported' | 'unknown';

const ITERATING = new Set(['loop.body', 'map.body']);

/** Whether two segments name the same child slot (and branch key), ignoring the index. */
function sameSlot(a: StepPathSegment, b: StepPathSegment): boolean {
  if (a.slot !== b.slot) return false;
  return !('key' in a) || !('key' in b) || a.key === b.key;
}

/**
 * Whether `other` may have run (and recorded its output) when `reader` runs: an earlier step of
 * the same or an enclosing list (or something nested in one), any step of an enclosing loop or
 * map body (earlier iterations), any step of an enclosing state machine (states run in any
 * order), or, with `ownChildren`, a step inside `reader` itself (texts evaluated after the body:
 * loop exits, transitions, finalize). Steps of other parallel or conditional branches are not.
 */
function hasRunBefore(
  reader: readonly StepPathSegment[],
  other: readonly StepPathSegment[],
  ownChildren: boolean,
): boolean {
  let iterating = false;
  for (let level = 0; ; level++) {
    const a = reader[level];
    const b = other[level];
    if (!a) return b ? ownChildren || iterating : iterating;
    if (!b) return iterating;
    if (!sameSlot(a, b)) {
      if (a.slot === 'states' && b.slot === 'states') return true;
      return a.slot === 'fallback' || iterating;
    }
    const aIndex = 'index' in a ? a.index : -1;
    const bIndex = 'index' in b ? b.index : -1;
    if (aIndex !== bIndex) return ITERATING.has(a.slot) || iterating || bIndex < aIndex;
    if (ITERATING.has(a.slot)) iterating = true;
  }
}

interface VisibilityIndex {
  readonly steps: StepNameIndex;
  names?: NameIndex;
}

const indexes = new WeakMap<readonly StepVisit[], VisibilityIndex>();

function visibilityIndex(context: RuleContext): VisibilityIndex {
  let index = indexes.get(context.steps);
  if (!index) {
    index = { steps: new StepNameIndex(context.subtrees) };
    indexes.set(context.steps, index);
  }
  return index;
}

/** Whether `steps.<name>` can hold a value when `visit` runs (see `StepVisibility`). */
export function stepVisibility(
  visit: StepVisit,
  name: string,
  context: RuleContext,
  ownChildren = false,
): StepVisibility {
  const { steps } = visibilityIndex(context);
  const reader = steps.segmentsOf(visit);
  if (!reader) return 'visible';
  const candidates = steps.candidates(name);
  if (candidates) {
    return candidates.some((other) => hasRunBefore(reader, other, ownChildren))
      ? 'visible'
      : 'not-yet';
  }
  return steps.imports().some((other) => hasRunBefore(reader, other, false))
    ? 'maybe-imported'
    : 'unknown';
}

/** The step name of the pipeline that `name` most likely misspells. */
export function closestStepName(context: RuleContext, name: string): string | undefined {
  const index = visibilityIndex(context);
  index.names ??= new NameIndex(index.steps.names());
  return index.names.closest(name);
}
