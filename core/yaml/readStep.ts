import { isMap, isScalar } from 'yaml';

import type { StepBase, StepNode } from '../model';
import { describeNode, FieldReader } from './fieldReaders';
import type { StepReader } from './readChildPipeline';
import { report } from './readContext';
import {
  readAgenticLoop,
  readCache,
  readConditional,
  readHitl,
  readLoop,
  readMap,
  readParallel,
  readRouter,
  readSingleStep,
  readTreeSearch,
} from './readStepKinds';
import {
  defined,
  readAgentRef,
  readPlugins,
  readProcessing,
  readStepConfig,
  readStepMeta,
  readUsageLimits,
} from './readStepFields';
import { readStateMachine } from './readStateMachine';
import { recordNodeSource, stopAtStepChildren } from './recordNodeSource';
import { pathField } from './stepPathFormat';
import { resolveAlias } from './yamlNodeValues';

/** The kinds Flujo registers (FLUJO-SPEC §2); any other `kind:` loads as a `custom` step. */
export const KNOWN_STEP_KINDS = [
  'step',
  'parallel',
  'conditional',
  'loop',
  'map',
  'dynamic_router',
  'hitl',
  'cache',
  'agentic_loop',
  'tree_search',
  'StateMachine',
] as const;

type KnownKind = (typeof KNOWN_STEP_KINDS)[number];
type CommonFields = Omit<StepBase, 'extra' | 'source'>;

function isKnownKind(kind: string): kind is KnownKind {
  return (KNOWN_STEP_KINDS as readonly string[]).includes(kind);
}

function readCommonFields(
  r: FieldReader,
  path: string,
  read: StepReader,
): Omit<CommonFields, 'name' | 'nameKey' | 'explicitKind'> {
  return defined({
    agent: readAgentRef(r, 'agent'),
    uses: r.string('uses', 'uses: agents.my_agent'),
    input: r.value('input'),
    config: readStepConfig(r),
    updates_context: r.bool('updates_context'),
    validate_fields: r.bool('validate_fields'),
    sink_to: r.string('sink_to', 'sink_to: import_artifacts.result'),
    fallback: readSingleStep(r, 'fallback', pathField(path, 'fallback'), read),
    usage_limits: readUsageLimits(r),
    plugins: readPlugins(r),
    validators: r.stringList('validators'),
    processing: readProcessing(r),
    input_schema: r.record('input_schema', 'input_schema: { type: string }'),
    output_schema: r.record('output_schema', 'output_schema: { type: string }'),
    meta: readStepMeta(r),
    use_history: r.bool('use_history'),
    input_keys: r.stringList('input_keys'),
    output_keys: r.stringList('output_keys'),
  });
}

function kindFields(kind: KnownKind, r: FieldReader, path: string, read: StepReader) {
  switch (kind) {
    case 'step':
      return { kind };
    case 'parallel':
      return { kind, ...readParallel(r, path, read) };
    case 'conditional':
      return { kind, ...readConditional(r, path, read) };
    case 'loop':
      return { kind, ...readLoop(r, path, read) };
    case 'map':
      return { kind, ...readMap(r, path, read) };
    case 'dynamic_router':
      return { kind, ...readRouter(r, path, read) };
    case 'hitl':
      return { kind, ...readHitl(r) };
    case 'cache':
      return { kind, ...readCache(r, path, read) };
    case 'StateMachine':
      return { kind, ...readStateMachine(r, path, read) };
    case 'agentic_loop':
      return { kind, ...readAgenticLoop(r) };
    case 'tree_search':
      return { kind, ...readTreeSearch(r) };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** Reads one step mapping at `path` (e.g. `steps[2].loop.body[0]`); undefined (reported) if unusable. */
export const readStep: StepReader = (ctx, raw, path) => {
  const node = resolveAlias(ctx.doc, raw);
  if (!isMap(node)) {
    report(
      ctx,
      node,
      `A step must be a mapping with a \`name\`, not ${describeNode(node)}: write \`- { kind: step, name: my_step }\`.`,
      { path },
    );
    return undefined;
  }
  const r = new FieldReader(ctx, node, { path });
  const nameKey = r.has('name') ? 'name' : r.has('step') ? 'step' : undefined;
  if (nameKey === undefined) {
    report(ctx, node, 'This step has no `name`: add `name: my_step` (every step needs one).', {
      path,
    });
    return undefined;
  }
  const name = r.string(nameKey, `${nameKey}: my_step`);
  if (name === undefined) return undefined;
  r.where = { path, stepName: name };
  let kind = 'step';
  if (r.has('kind')) {
    const kindNode = r.node('kind');
    if (!isScalar(kindNode) || typeof kindNode.value !== 'string') {
      r.wrong('kind', 'a step kind name', 'kind: step');
      return undefined;
    }
    kind = kindNode.value;
    r.take('kind');
  }
  const base = { name, nameKey, explicitKind: r.has('kind') } as const;
  const source = recordNodeSource(ctx, node, stopAtStepChildren);
  if (!isKnownKind(kind)) {
    const known = KNOWN_STEP_KINDS.map((k) => `\`${k}\``).join(', ');
    report(ctx, r.node('kind'), `Unknown step kind \`${kind}\`: use one of ${known}.`, r.where);
    const custom: StepNode = {
      kind: 'custom',
      customKind: kind,
      ...base,
      extra: r.extra(),
      source,
    };
    ctx.parsedSteps.add(custom);
    return custom;
  }
  const specific = kindFields(kind, r, path, readStep);
  const common = readCommonFields(r, path, readStep);
  const step: StepNode = { ...base, ...common, ...specific, extra: r.extra(), source };
  ctx.parsedSteps.add(step);
  return step;
};
