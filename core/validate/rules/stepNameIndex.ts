/**
 * Where every step name sits, as path segments, kept per top-level subtree: unchanged subtrees keep
 * their visit objects across revalidations, so only the edited subtree is indexed again.
 */
import type { StepPathSegment, StepVisit } from '../../model';
import { stepRoleOf } from './stepRoles';

/** The segments of a step's path from the pipeline root. */
export type Segments = readonly StepPathSegment[];

interface SubtreeNames {
  /** How many visits the subtree has. */
  readonly size: number;
  readonly byName: ReadonlyMap<string, readonly Segments[]>;
  readonly imports: readonly Segments[];
}

// Keyed by the subtree's top-level visit, which stays the same object while the subtree does.
const subtrees = new WeakMap<StepVisit, SubtreeNames>();
const segmentsByVisit = new WeakMap<StepVisit, Segments>();

function subtreeNames(visits: readonly StepVisit[], start: number): SubtreeNames {
  const top = visits[start];
  const cached = top && subtrees.get(top);
  if (cached) return cached;
  const byName = new Map<string, Segments[]>();
  const imports: Segments[] = [];
  // Visits come parent first, so a step's segments extend those of the last visit one level up.
  const open: Segments[] = [];
  let at = start;
  for (; at < visits.length; at++) {
    const visit = visits[at];
    if (!visit || (at > start && visit.depth === 0)) break;
    const parent = visit.depth === 0 ? [] : (open[visit.depth - 1] ?? []);
    const own = [...parent, visit.segment];
    segmentsByVisit.set(visit, own);
    open[visit.depth] = own;
    const list = byName.get(visit.step.name);
    if (list) list.push(own);
    else byName.set(visit.step.name, [own]);
    if (visit.step.kind === 'step' && stepRoleOf(visit.step).role === 'import') imports.push(own);
  }
  const names = { size: Math.max(1, at - start), byName, imports };
  if (top) subtrees.set(top, names);
  return names;
}

/** The step names of one validation's visits, with their segments, in document order. */
export class StepNameIndex {
  private readonly parts: SubtreeNames[] = [];
  private readonly byName = new Map<string, readonly Segments[] | undefined>();
  private importList: readonly Segments[] | undefined;

  constructor(visits: readonly StepVisit[]) {
    for (let at = 0; at < visits.length;) {
      const part = subtreeNames(visits, at);
      this.parts.push(part);
      at += part.size;
    }
  }

  /** The segments of a visit of these visits. */
  segmentsOf(visit: StepVisit): Segments | undefined {
    return segmentsByVisit.get(visit);
  }

  /** Where the steps named `name` sit, in document order; undefined when no step has it. */
  candidates(name: string): readonly Segments[] | undefined {
    if (this.byName.has(name)) return this.byName.get(name);
    const found = this.parts.flatMap((part) => part.byName.get(name) ?? []);
    const result = found.length > 0 ? found : undefined;
    this.byName.set(name, result);
    return result;
  }

  /** Where the import steps sit. */
  imports(): readonly Segments[] {
    return (this.importList ??= this.parts.flatMap((part) => part.imports));
  }

  /** Every step name, in order of first appearance. */
  names(): Iterable<string> {
    const names = new Set<string>();
    for (const part of this.parts) for (const name of part.byName.keys()) names.add(name);
    return names;
  }
}
