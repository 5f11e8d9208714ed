import { ConfigurationError } from '../errors';
import type { StepCall, StepOutcome } from './stepHandler';

const REASONS: Readonly<Record<string, string>> = {
  agentic_loop:
    'agentic_loop steps are kept and exported, but the studio does not run them locally (DECISIONS 9).',
  tree_search:
    'tree_search steps are kept and exported, but the studio does not run them locally (DECISIONS 9).',
};

/** Kinds the studio keeps but cannot run: the step fails with a ConfigurationError saying what to do. */
export function unsupportedStep(call: StepCall): Promise<StepOutcome> {
  const { step } = call;
  const kind = step.kind === 'custom' ? step.customKind : step.kind;
  const reason =
    REASONS[kind] ?? `The step kind '${kind}' is not one Flujo registers, so it cannot run.`;
  const error = new ConfigurationError(`Step '${step.name}' cannot run: ${reason}`, {
    suggestion: 'Mock its output in the studio to run the rest of the pipeline.',
  });
  const mocks = call.run.options.mocks;
  if (mocks !== undefined && Object.hasOwn(mocks, call.path)) {
    return Promise.resolve({ output: mocks[call.path], success: true, metadata: { mocked: true } });
  }
  return Promise.resolve({
    output: undefined,
    success: false,
    feedback: error.message,
    metadata: { error: error.toData() },
  });
}
