import type { ChildPipeline, Pipeline, PlainStep, StepNode } from '../../../core/model';
import type { CanvasLayout } from '../canvasLayout';

/** A plain step. */
export function plain(name: string, fields: Partial<PlainStep> = {}): PlainStep {
  return { kind: 'step', name, nameKey: 'name', explicitKind: true, extra: {}, ...fields };
}

function list(steps: readonly StepNode[]): ChildPipeline {
  return { steps, form: 'list' };
}

const base = { nameKey: 'name', explicitKind: true, extra: {} } as const;

/** first → loop{body: a, b} → fan{parallel: left: [l1], right: [r1, r2]} → last */
export const loopAndParallel: Pipeline = {
  name: 'fixture',
  extra: {},
  steps: [
    plain('first'),
    { ...base, kind: 'loop', name: 'repeat', loop: { body: list([plain('a'), plain('b')]), extra: {} } },
    {
      ...base,
      kind: 'parallel',
      name: 'fan',
      branches: [
        { key: 'left', pipeline: list([plain('l1')]) },
        { key: 'right', pipeline: list([plain('r1'), plain('r2')]) },
      ],
    },
    plain('last'),
  ],
};

/** Three plain steps one, two, three. */
export const threeSteps: Pipeline = {
  name: 'three',
  extra: {},
  steps: [plain('one'), plain('two'), plain('three')],
};

/** A layout with nothing placed. */
export const emptyLayout: CanvasLayout = { positions: {}, collapsed: [] };
