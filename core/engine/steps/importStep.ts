import type { PlainStep } from '../../model';
import { importOutputMappings, hasImportOutputs } from '../../model';
import { applyStepOutput } from '../applyStepOutput';
import { jsonClone } from '../checkpoint';
import { contextPathSegments, isDict, readPath } from '../context/contextPath';
import { ContextTx } from '../context/contextTx';
import { initialContext } from '../initialContext';
import { isInterrupt } from '../interrupt';
import type { PipelineOutcome } from '../runPipeline';
import { runPipeline } from '../runPipeline';
import type { Where } from '../runState';
import { childWhere } from './childWhere';
import { loadImportChild } from './importChild';
import type { StepCall, StepOutcome } from './stepHandler';

const HISTORY_KEYS = ['hitl_history', 'conversation_history'] as const;
/** Child fields that never flow back into the parent on a whole-context merge. */
const PARENT_ONLY_KEYS = new Set(['run_id', 'initial_prompt']);
const ARTIFACTS = 'import_artifacts';

/**
 * Import steps (`uses: imports.<alias>`, FLUJO-SPEC §3.10/§8.9): loads the child pipeline, runs it on
 * its own context (fresh or inherited) with the routed input, then maps its outputs or context back.
 * A HITL pause inside propagates with an `import` cursor (or is suppressed with `propagate_hitl:
 * false`); the child's results are the step's children.
 */
export async function runImportStep(call: StepCall<PlainStep>): Promise<StepOutcome> {
  const { step, run } = call;
  const child = await loadImportChild(step, call.path, run);
  if (!('pipeline' in child)) {
    return {
      output: undefined,
      success: false,
      feedback: child.message,
      metadata: { error: child.toData() },
    };
  }
  const resume = call.resume?.kind === 'import' ? call.resume : undefined;
  let childInput: unknown;
  let childTx: ContextTx;
  if (resume) {
    childInput = resume.childInput;
    // runPipeline restores the child's context from the cursor.
    childTx = ContextTx.create({});
  } else {
    ({ childInput, childTx } = prepareChild(call));
  }
  const where: Where = { ...childWhere(call, {}), file: child.file };
  let outcome: PipelineOutcome;
  try {
    outcome = await runPipeline(
      child.pipeline.steps,
      childInput,
      childTx,
      run,
      where,
      resume?.child,
    );
  } catch (error) {
    if (isInterrupt(error) && error.reason === 'pause' && error.pipelineCursor) {
      if (step.config?.propagate_hitl === false) {
        return {
          output: {},
          success: true,
          children: error.partial,
          metadata: { hitl_propagation: 'suppressed', import: child.alias },
        };
      }
      error.stepCursor = {
        kind: 'import',
        child: error.pipelineCursor,
        childInput: jsonClone(childInput),
      };
      error.pipelineCursor = undefined;
    }
    throw error;
  }
  const metadata = { import: child.alias, import_file: child.file };
  if (!outcome.success) return childFailed(call, outcome, metadata);
  return childSucceeded(call, outcome, childTx.value, metadata);
}

/** The child's input and context before it runs (FLUJO-SPEC §8.9 "Child context" / "Child input"). */
function prepareChild(call: StepCall<PlainStep>): { childInput: unknown; childTx: ContextTx } {
  const config = call.step.config;
  const parent = call.ctx.value;
  const scratchKey = config?.input_scratchpad_key ?? 'initial_input';
  const artifacts = isDict(parent[ARTIFACTS]) ? parent[ARTIFACTS] : {};
  const fromArtifacts = artifacts[scratchKey];
  let childInput: unknown =
    fromArtifacts !== undefined && fromArtifacts !== null ? fromArtifacts : call.input;
  let childTx: ContextTx;
  if (config?.inherit_context === true) {
    childTx = call.ctx.fork();
  } else {
    const fresh = initialContext(call.run.runId, childInput, undefined);
    if (config?.inherit_conversation !== false) {
      for (const key of HISTORY_KEYS) {
        if (Array.isArray(parent[key])) fresh[key] = jsonClone(parent[key]);
      }
    }
    fresh[ARTIFACTS] = jsonClone(artifacts);
    childTx = ContextTx.create(fresh);
  }
  const inputTo = config?.input_to ?? 'initial_prompt';
  if (inputTo === 'import_artifacts' || inputTo === 'both') {
    if (isDict(childInput)) childTx.mergeAt([ARTIFACTS], jsonClone(childInput), 'replace');
    else childTx.setPath([ARTIFACTS, scratchKey], jsonClone(childInput), true);
  }
  if (inputTo === 'initial_prompt' || inputTo === 'both') {
    const prompt =
      typeof childInput === 'string'
        ? childInput
        : childInput === undefined || childInput === null
          ? ''
          : JSON.stringify(childInput);
    childTx.setPath(['initial_prompt'], prompt);
    childInput = prompt;
  }
  return { childInput, childTx };
}

function childFailed(
  call: StepCall<PlainStep>,
  outcome: PipelineOutcome,
  metadata: Readonly<Record<string, unknown>>,
): StepOutcome {
  const feedback = outcome.failed?.feedback ?? 'a step failed';
  const children = outcome.results;
  switch (call.step.config?.on_failure) {
    case 'skip':
      return {
        output: null,
        success: true,
        children,
        metadata: { ...metadata, import_failure: feedback, on_failure: 'skip' },
      };
    case 'continue_with_default':
      return {
        output: {},
        success: true,
        children,
        metadata: { ...metadata, import_failure: feedback, on_failure: 'continue_with_default' },
      };
    case 'abort':
    case undefined:
    default:
      // Any unknown value is treated as `abort`, as Flujo does.
      return {
        output: outcome.output,
        success: false,
        feedback: `Imported pipeline '${String(metadata.import)}' failed: ${feedback}`,
        children,
        metadata,
      };
  }
}

function childSucceeded(
  call: StepCall<PlainStep>,
  outcome: PipelineOutcome,
  childContext: Readonly<Record<string, unknown>>,
  metadata: Readonly<Record<string, unknown>>,
): StepOutcome {
  const { step } = call;
  const children = outcome.results;
  if (step.updates_context !== true)
    return { output: outcome.output, success: true, children, metadata };
  if (hasImportOutputs(step.config)) {
    const mappings = importOutputMappings(step.config);
    if (mappings.length === 0) {
      // `outputs: []`: nothing flows back; sink_to and step_outputs still record the output.
      return withoutMerge(call, outcome.output, children, metadata);
    }
    const artifacts = mappedArtifacts(mappings, childContext, outcome.output);
    return { output: { [ARTIFACTS]: artifacts }, success: true, children, metadata };
  }
  const merged = mergeChildContext(call, childContext);
  if (merged !== undefined)
    return { output: outcome.output, success: false, feedback: merged, children, metadata };
  return withoutMerge(call, outcome.output, children, metadata);
}

/** `outputs` mappings: child context value (else the child's last output dict) → `import_artifacts`. */
function mappedArtifacts(
  mappings: ReturnType<typeof importOutputMappings>,
  childContext: Readonly<Record<string, unknown>>,
  lastOutput: unknown,
): Record<string, unknown> {
  const artifacts: Record<string, unknown> = {};
  for (const { child, parent } of mappings) {
    const from = contextPathSegments(child);
    let value = readPath(childContext, from);
    if (value === undefined && isDict(lastOutput)) value = readPath(lastOutput, from);
    if (value === undefined) continue;
    let to = contextPathSegments(parent);
    if (to[0] === ARTIFACTS) to = to.slice(1);
    const last = to[to.length - 1];
    if (last === undefined) continue;
    let target = artifacts;
    for (const segment of to.slice(0, -1)) {
      const next = target[segment];
      const dict: Record<string, unknown> = isDict(next) ? next : {};
      target[segment] = dict;
      target = dict;
    }
    target[last] = jsonClone(value);
  }
  return artifacts;
}

/**
 * `updates_context` without `outputs`: the whole child context flows back (its step_outputs, status,
 * artifacts…), except the run id and the child's initial prompt. History lists the child did not
 * inherit are appended to the parent's instead of replacing them.
 */
function mergeChildContext(
  call: StepCall<PlainStep>,
  childContext: Readonly<Record<string, unknown>>,
): string | undefined {
  const config = call.step.config;
  const inherited = config?.inherit_context === true || config?.inherit_conversation !== false;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(childContext)) {
    if (!PARENT_ONLY_KEYS.has(key)) patch[key] = value;
  }
  if (!inherited) {
    for (const key of HISTORY_KEYS) {
      const own = call.ctx.value[key];
      const added = patch[key];
      if (Array.isArray(own) && Array.isArray(added))
        patch[key] = [...(own as unknown[]), ...(added as unknown[])];
    }
  }
  const merged = call.ctx.mergeAt([], jsonClone(patch), 'replace');
  return merged.ok ? undefined : `Context update failed: ${merged.reason}`;
}

/** Records the output (sink_to, step_outputs) without merging it into the context. */
function withoutMerge(
  call: StepCall<PlainStep>,
  output: unknown,
  children: StepOutcome['children'],
  metadata: Readonly<Record<string, unknown>>,
): StepOutcome {
  const failure = applyStepOutput({ ...call.step, updates_context: false }, output, call.ctx);
  if (failure !== undefined)
    return { output, success: false, feedback: failure, children, metadata };
  return { output, success: true, children, metadata, contextApplied: true };
}
