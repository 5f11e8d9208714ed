import type { StepNode } from '../../model';
import type { PipelineCursor, StepCursor } from '../checkpoint';
import type { ContextTx } from '../context/contextTx';
import { isInterrupt } from '../interrupt';
import type { PipelineOutcome } from '../runPipeline';
import { runPipeline } from '../runPipeline';
import type { Where } from '../runState';
import type { StepCall } from './stepHandler';

/**
 * Runs one branch's steps on `branchCtx` (a `begin()` or `fork()` of the container's context). A pause
 * inside is re-raised with a `branch` cursor so the run resumes in this branch.
 */
export async function runBranch(
  call: StepCall,
  key: string,
  steps: readonly StepNode[],
  branchCtx: ContextTx,
  where: Where,
  resume: PipelineCursor | undefined,
  extra?: Readonly<Record<string, unknown>>,
): Promise<PipelineOutcome> {
  try {
    return await runPipeline(steps, call.input, branchCtx, call.run, where, resume);
  } catch (error) {
    if (isInterrupt(error) && error.reason === 'pause' && error.pipelineCursor) {
      const cursor: StepCursor = {
        kind: 'branch',
        key,
        body: error.pipelineCursor,
        ...(extra === undefined ? {} : { extra }),
      };
      error.stepCursor = cursor;
      error.pipelineCursor = undefined;
    }
    throw error;
  }
}
