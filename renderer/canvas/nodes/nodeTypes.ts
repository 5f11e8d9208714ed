import type { NodeTypes } from '@xyflow/react';
import { BranchLabelNodeView } from './BranchLabelNodeView';
import { GroupNodeView } from './GroupNodeView';
import { LooseNodeView } from './LooseNodeView';
import { StepNodeView } from './StepNodeView';

/** Node components by canvas node `type`; module-level so React Flow never sees a new object. */
export const nodeTypes = {
  step: StepNodeView,
  group: GroupNodeView,
  branchLabel: BranchLabelNodeView,
  loose: LooseNodeView,
} satisfies NodeTypes;
