import type { StepNode, StepRole } from '../../model';
import { classifyStep } from '../../model';
import { memoByStep } from '../stepMemo';

/** `classifyStep` (what runs a step), cached by step node. */
export const stepRoleOf: (step: StepNode) => StepRole = memoByStep(classifyStep);
