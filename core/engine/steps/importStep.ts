import type { PlainStep } from '../../model';
import type { StepCall, StepOutcome } from './stepHandler';

/** Import steps (`uses: imports.<alias>`, FLUJO-SPEC §3.10/§8.9). */
export function runImportStep(call: StepCall<PlainStep>): Promise<StepOutcome> {
  return Promise.resolve({
    output: undefined,
    success: false,
    feedback: `Import step '${call.step.name}' is not implemented yet.`,
  });
}
