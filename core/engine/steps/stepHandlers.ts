import type { StepNode } from '../../model';
import { humanInput } from './humanInput';
import { runConditional } from './conditional';
import { runLoop } from './loop';
import { runPlainStep } from './plainStep';
import type { StepCall, StepHandler, StepOutcome } from './stepHandler';

function runHitl(call: StepCall): Promise<StepOutcome> {
  return humanInput(call, call.step.kind === 'hitl' ? call.step.message : undefined);
}

/** The handler of each runnable kind (one file per kind under `steps/`). */
const HANDLERS: Partial<Record<StepNode['kind'], StepHandler>> = {
  step: runPlainStep as StepHandler,
  hitl: runHitl,
  loop: runLoop as StepHandler,
  conditional: runConditional as StepHandler,
};

/** The handler of `step`'s kind, or undefined for kinds the studio cannot run. */
export function handlerFor(step: StepNode): StepHandler | undefined {
  return HANDLERS[step.kind];
}
