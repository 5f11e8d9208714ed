import type { MapFinalize, MapStep } from '../../model';
import { render } from '../../expr';
import type { PipelineCursor } from '../checkpoint';
import { jsonClone } from '../checkpoint';
import { contextPathSegments, readPath } from '../context/contextPath';
import { isInterrupt } from '../interrupt';
import { runPipeline } from '../runPipeline';
import { coordinates } from '../runStep';
import type { StepResult } from '../runTypes';
import { stepScope } from '../stepScope';
import { childWhere } from './childWhere';
import { applyContextOps, readContextOps } from './contextOps';
import type { StepCall, StepOutcome } from './stepHandler';

/**
 * `kind: map` (FLUJO-SPEC §3.6, §8.5): runs the body once per item of a context list, sequentially,
 * each item being the body's input, each on an isolated context merged back after the item. `init`
 * ops run once, on the map's context, before the first item. A failing step of a multi-step body
 * fails the map; a failed single-step body leaves the failed output in that item's slot (listed in
 * `failed_items`). The output is the list of outputs, or the `finalize` rendering of it.
 *
 * `iterable_input` names a context key. Flujo only accepts a bare top-level name; the studio also
 * accepts `context.items` and dotted paths (DECISIONS 1: the docs' intent), which the validator's
 * `flujo` profile reports as not portable.
 */
export async function runMap(call: StepCall<MapStep>): Promise<StepOutcome> {
  const { step, run, ctx } = call;
  const spec = step.map;
  const body = spec.body.steps;
  // Read before a resume replaces the context: the map's context at its start holds the original list.
  const items = iterableItems(step, ctx.value);
  if (!items.ok) return { output: undefined, success: false, feedback: items.message };
  const outputs: unknown[] = [];
  const results: StepResult[] = [];
  let start = 0;
  let bodyResume: PipelineCursor | undefined;
  if (call.resume?.kind === 'map') {
    start = call.resume.index;
    outputs.push(...call.resume.outputs);
    ctx.replace(jsonClone(call.resume.mapContext));
    results.push(...call.resume.results);
    bodyResume = call.resume.body;
  } else {
    const initProblem = applyContextOps(readContextOps(spec.init), ctx, call.input);
    if (initProblem !== undefined) {
      return { output: undefined, success: false, feedback: `Map init failed: ${initProblem}` };
    }
  }
  for (let index = start; index < items.value.length; index += 1) {
    const item = items.value[index];
    if (bodyResume === undefined) {
      run.emit({
        type: 'loop.iteration',
        path: call.path,
        stepName: step.name,
        index,
        ...coordinates(call.where),
      });
    }
    const itemTx = ctx.begin();
    let outcome;
    try {
      outcome = await runPipeline(
        body,
        item,
        itemTx,
        run,
        childWhere(call, { iteration: index }),
        bodyResume,
      );
    } catch (error) {
      itemTx.rollback();
      if (isInterrupt(error) && error.reason === 'pause' && error.pipelineCursor) {
        error.stepCursor = {
          kind: 'map',
          index,
          outputs: jsonClone(outputs),
          mapContext: jsonClone(ctx.value),
          results: jsonClone(results),
          body: error.pipelineCursor,
        };
        error.pipelineCursor = undefined;
      }
      if (isInterrupt(error)) error.partial = [...results, ...error.partial];
      throw error;
    }
    bodyResume = undefined;
    results.push(...outcome.results);
    outputs.push(outcome.output);
    if (outcome.success) {
      itemTx.commit();
      continue;
    }
    itemTx.rollback();
    if (body.length > 1) {
      return {
        output: undefined,
        success: false,
        feedback: `Map body failed for item ${String(index)}: ${outcome.failed?.feedback ?? 'a body step failed'}`,
        children: results,
        metadata: { iterations: index + 1, failed_items: [index] },
      };
    }
  }
  const metadata = { iterations: items.value.length, failed_items: failedItems(results) };
  const finalized = finalize(spec.finalize, outputs, ctx.value);
  if (!finalized.ok) {
    return {
      output: outputs,
      success: false,
      feedback: `Map finalize failed: ${finalized.message}`,
      children: results,
      metadata,
    };
  }
  return { output: finalized.value, success: true, children: results, metadata };
}

type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function iterableItems(
  step: MapStep,
  context: Readonly<Record<string, unknown>>,
): Read<readonly unknown[]> {
  const name = step.map.iterable_input;
  const segments = contextPathSegments(name);
  const where = `context.${segments.join('.')}`;
  const value = segments.length === 0 ? undefined : readPath(context, segments);
  if (Array.isArray(value)) return { ok: true, value };
  const found =
    value === undefined
      ? `the context has no '${segments.join('.')}'`
      : `${where} is ${describeType(value)}`;
  return {
    ok: false,
    message: `Map '${step.name}' needs a list at ${where} (iterable_input: ${JSON.stringify(name)}), but ${found}. Set it with an earlier step (sink_to, updates_context or context_set) or fix iterable_input.`,
  };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'object') return 'a dict';
  return `a ${typeof value}`;
}

/** Item indices whose (single-step) body failed, from the body results tagged with the item index. */
function failedItems(results: readonly StepResult[]): number[] {
  const failed = new Set<number>();
  for (const result of results) {
    if (!result.success && result.iteration !== undefined) failed.add(result.iteration);
  }
  return [...failed].sort((a, b) => a - b);
}

function finalize(
  spec: MapFinalize | undefined,
  outputs: readonly unknown[],
  context: Readonly<Record<string, unknown>>,
): Read<unknown> {
  if (spec === undefined) return { ok: true, value: outputs };
  const scope = stepScope(outputs, context);
  if (spec.output_template !== undefined) {
    const rendered = render(spec.output_template, scope);
    return rendered.ok
      ? { ok: true, value: rendered.text }
      : { ok: false, message: rendered.error.message };
  }
  if (spec.output !== undefined) {
    const value: Record<string, unknown> = {};
    for (const [key, template] of Object.entries(spec.output)) {
      if (typeof template !== 'string') {
        value[key] = template;
        continue;
      }
      const rendered = render(template, scope);
      if (!rendered.ok) return { ok: false, message: `${key}: ${rendered.error.message}` };
      value[key] = rendered.text;
    }
    return { ok: true, value };
  }
  return { ok: true, value: outputs };
}
