import type { StepResult } from '../engine/runTypes';

/** One step result of a run's tree, flattened: its parent's id and its place among its siblings. */
export interface StepResultRow {
  /** 1-based, in depth-first pre-order; unique within the run. */
  readonly id: number;
  /** The containing step's row id; `undefined` for top-level steps. */
  readonly parentId?: number;
  /** Index among its siblings. */
  readonly position: number;
  readonly path: string;
  readonly name: string;
  readonly kind: string;
  readonly success: boolean;
  /** The step result without `children` (they are rows of their own). */
  readonly result: Omit<StepResult, 'children'>;
}

/** Flattens a step result tree depth-first, parents before their children. */
export function flattenStepResults(steps: readonly StepResult[]): StepResultRow[] {
  const rows: StepResultRow[] = [];
  const visit = (list: readonly StepResult[], parentId: number | undefined): void => {
    list.forEach((step, position) => {
      const id = rows.length + 1;
      const { children, ...result } = step;
      rows.push({
        id,
        ...(parentId === undefined ? {} : { parentId }),
        position,
        path: step.path,
        name: step.name,
        kind: step.kind,
        success: step.success,
        result,
      });
      visit(children, id);
    });
  };
  visit(steps, undefined);
  return rows;
}

/** Rebuilds the step result tree from rows in any order (the inverse of `flattenStepResults`). */
export function buildStepResultTree(rows: readonly StepResultRow[]): StepResult[] {
  const childrenOf = new Map<number | undefined, StepResultRow[]>();
  for (const row of rows) {
    const siblings = childrenOf.get(row.parentId) ?? [];
    siblings.push(row);
    childrenOf.set(row.parentId, siblings);
  }
  const build = (parentId: number | undefined): StepResult[] =>
    (childrenOf.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((row) => ({ ...row.result, children: build(row.id) }));
  return build(undefined);
}
