/**
 * Where every step name sits, kept per top-level subtree: unchanged subtrees keep their visit
 * objects across revalidations, so only the edited subtree is indexed again. Path segments are
 * parsed only for the visits a lookup needs (cached by path text).
 */
import type { StepPathSegment, StepVisit } from '../../model';
import { parseStepPath } from '../../model';
import type { SubtreeVisits } from '../stepVisits';
import { memoBySubtree } from '../subtreeMemo';
import { stepRoleOf } from './stepRoles';
import { subtreeNames } from './subtreeNames';

/** The segments of a step's path from the pipeline root. */
export type Segments = readonly StepPathSegment[];

/** The import steps of a subtree (looked at only when a name belongs to no step). */
const subtreeImports = memoBySubtree((subtree: SubtreeVisits): readonly StepVisit[] =>
  subtree.visits.filter(
    (visit) => visit.step.kind === 'step' && stepRoleOf(visit.step).role === 'import',
  ),
);

const MAX_PARSED = 50_000;
const parsedPaths = new Map<string, Segments | undefined>();

function segmentsOfPath(path: string): Segments | undefined {
  if (parsedPaths.has(path)) return parsedPaths.get(path);
  if (parsedPaths.size >= MAX_PARSED) parsedPaths.clear();
  const segments = parseStepPath(path);
  parsedPaths.set(path, segments);
  return segments;
}

function segmentsOfVisits(visits: readonly StepVisit[]): Segments[] {
  const found: Segments[] = [];
  for (const visit of visits) {
    const segments = segmentsOfPath(visit.path);
    if (segments) found.push(segments);
  }
  return found;
}

/** The step names of one validation's visits, with their segments, in document order. */
export class StepNameIndex {
  private readonly byName = new Map<string, readonly Segments[] | undefined>();
  private importList: readonly Segments[] | undefined;

  constructor(private readonly subtrees: readonly SubtreeVisits[]) {}

  /** The segments of a visit of these visits. */
  segmentsOf(visit: StepVisit): Segments | undefined {
    return segmentsOfPath(visit.path);
  }

  /** Where the steps named `name` sit, in document order; undefined when no step has it. */
  candidates(name: string): readonly Segments[] | undefined {
    if (this.byName.has(name)) return this.byName.get(name);
    // The per-subtree name counts (shared with V-A3) say which subtrees to scan.
    const visits: StepVisit[] = [];
    for (const subtree of this.subtrees) {
      if (!subtreeNames(subtree.step).names.has(name)) continue;
      for (const visit of subtree.visits) if (visit.step.name === name) visits.push(visit);
    }
    const result = visits.length > 0 ? segmentsOfVisits(visits) : undefined;
    this.byName.set(name, result);
    return result;
  }

  /** Where the import steps sit. */
  imports(): readonly Segments[] {
    return (this.importList ??= segmentsOfVisits(this.subtrees.flatMap(subtreeImports)));
  }

  /** Every step name, in order of first appearance. */
  names(): Iterable<string> {
    const names = new Set<string>();
    for (const subtree of this.subtrees) {
      for (const name of subtreeNames(subtree.step).names.keys()) names.add(name);
    }
    return names;
  }
}
