import type { YAMLSeq } from 'yaml';
import { isMap, isSeq } from 'yaml';

import type { Branch, ChildPipeline, StepNode } from '../model';
import { FieldReader } from './fieldReaders';
import type { ReadContext, Where } from './readContext';
import { markSkipped, report } from './readContext';
import { recordNodeSource } from './recordNodeSource';
import { nodeRange } from './sourceRanges';
import { pathIndex, pathKey } from './stepPathFormat';
import { mappingEntries, resolveAlias } from './yamlNodeValues';

/** Reads one step mapping at a step path; undefined when the node cannot be a step. */
export type StepReader = (ctx: ReadContext, node: unknown, path: string) => StepNode | undefined;

const STEP_LIST_EXAMPLE = '[{ kind: step, name: … }]';

/** Reads a list of steps; items that are not steps are reported, skipped and kept in the file. */
export function readStepList(
  ctx: ReadContext,
  seq: YAMLSeq,
  path: string,
  readStep: StepReader,
): StepNode[] {
  const steps: StepNode[] = [];
  for (const item of seq.items) {
    const step = readStep(ctx, item, pathIndex(path, steps.length));
    if (step) steps.push(step);
    else markSkipped(ctx, item);
  }
  return steps;
}

/**
 * Reads a sub-pipeline in any of its three forms (FLUJO-SPEC §3.1): a list of steps, a mapping
 * with `steps:`, or a single step mapping. Undefined (reported) when it is none of them.
 */
export function readChildPipeline(
  ctx: ReadContext,
  raw: unknown,
  path: string,
  label: string,
  readStep: StepReader,
  where: Where,
): ChildPipeline | undefined {
  const node = resolveAlias(ctx.doc, raw);
  const range = nodeRange(ctx.mapper, node) ?? ctx.mapper.range(0, 0);
  if (isSeq(node)) {
    const steps = readStepList(ctx, node, path, readStep);
    return { steps, form: 'list', source: { range, fields: {}, keys: {} } };
  }
  if (isMap(node)) {
    const isStepsForm = mappingEntries(ctx.doc, node, ctx.budget).entries.some(
      (entry) => entry.key === 'steps',
    );
    if (!isStepsForm) {
      const step = readStep(ctx, node, pathIndex(path, 0));
      return step && { steps: [step], form: 'single', source: { range, fields: {}, keys: {} } };
    }
    const reader = new FieldReader(ctx, node, where, `${label}.`);
    const stepsNode = reader.node('steps');
    if (!isSeq(stepsNode)) {
      reader.wrong('steps', 'a list of steps', `steps: ${STEP_LIST_EXAMPLE}`);
      return undefined;
    }
    reader.take('steps');
    const extra = reader.extra();
    const source = recordNodeSource(ctx, node, (segments) => segments[0] === 'steps');
    return {
      steps: readStepList(ctx, stepsNode, path, readStep),
      form: 'steps',
      ...(Object.keys(extra).length > 0 ? { extra } : {}),
      source,
    };
  }
  report(
    ctx,
    node,
    `\`${label}\` must be a list of steps, a mapping with \`steps:\`, or one step mapping: write \`${label.split('.').pop() ?? label}: ${STEP_LIST_EXAMPLE}\`.`,
    where,
  );
  return undefined;
}

/**
 * Reads a `branches:`/`states:` mapping of key → sub-pipeline. Keys become strings like Flujo does;
 * a branch that cannot be read is reported and kept in the file.
 */
export function readBranches(
  ctx: ReadContext,
  reader: FieldReader,
  key: string,
  path: string,
  readStep: StepReader,
): Branch[] | undefined {
  const node = reader.mapping(key, `${key}: { first: ${STEP_LIST_EXAMPLE} }`);
  if (!node) return undefined;
  reader.take(key);
  const label = reader.label(key).slice(1, -1);
  const branches: Branch[] = [];
  for (const entry of mappingEntries(ctx.doc, node, ctx.budget).entries) {
    const pipeline = readChildPipeline(
      ctx,
      entry.pair.value,
      `${path}${pathKey(entry.key)}`,
      `${label}.${entry.key}`,
      readStep,
      reader.where,
    );
    if (pipeline) branches.push({ key: entry.key, pipeline });
    else markSkipped(ctx, entry.pair.value);
  }
  return branches;
}
