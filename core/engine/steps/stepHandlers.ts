import type { StepNode } from '../../model';
import { humanInput } from './humanInput';
import { runConditional } from './conditional';
import { runLoop } from './loop';
import { runMap } from './map';
import { runStateMachine } from './stateMachine';
import { runCacheStep } from './cacheStep';
import { runPlainStep } from './plainStep';
import { runParallel } from './parallel';
import { runDynamicRouter } from './dynamicRouter';
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
  parallel: runParallel as StepHandler,
  dynamic_router: runDynamicRouter as StepHandler,
  map: runMap as StepHandler,
  StateMachine: runStateMachine as StepHandler,
  cache: runCacheStep as StepHandler,
};

/** The handler of `step`'s kind, or undefined for kinds the studio cannot run. */
export function handlerFor(step: StepNode): StepHandler | undefined {
  return HANDLERS[step.kind];
}
