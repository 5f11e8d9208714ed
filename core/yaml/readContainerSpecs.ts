import { isMap, isSeq } from 'yaml';

import type {
  ChildPipeline,
  HistoryManagement,
  LoopSpec,
  LoopStateOps,
  MapFinalize,
  MapSpec,
  RouterSpec,
  StateOp,
} from '../model';
import { FieldReader } from './fieldReaders';
import type { StepReader } from './readChildPipeline';
import { readBranches, readChildPipeline } from './readChildPipeline';
import { markSynthesized, markSynthesizedKeys, report } from './readContext';
import { defined, nestedReader, readAgentRef } from './readStepFields';
import { recordNodeSource } from './recordNodeSource';
import { pathField } from './stepPathFormat';
import { resolveAlias } from './yamlNodeValues';

const STEPS_EXAMPLE = '[{ kind: step, name: … }]';

function emptyPipeline(r: FieldReader): ChildPipeline {
  return markSynthesized(r.ctx, { steps: [], form: 'list' });
}

/** A required `body:` sub-pipeline; an invented empty one (kept out of the file) when unusable. */
function readBody(r: FieldReader, path: string, read: StepReader): ChildPipeline {
  if (!r.has('body')) {
    r.missing('body', `body: ${STEPS_EXAMPLE}`);
    return emptyPipeline(r);
  }
  const label = r.label('body').slice(1, -1);
  const body = readChildPipeline(r.ctx, r.node('body'), path, label, read, r.where);
  if (!body) return emptyPipeline(r);
  r.take('body');
  return body;
}

/** The reader of a required container mapping (`loop:`, `map:`, `router:`), if usable. */
function containerReader(r: FieldReader, key: string, example: string): FieldReader | undefined {
  if (!r.has(key)) {
    r.missing(key, example);
    return undefined;
  }
  return nestedReader(r, key, example);
}

function childSource(r: FieldReader, key: string): LoopSpec['source'] {
  return recordNodeSource(r.ctx, r.map, (segments) => segments[0] === key);
}

function readStateOps(r: FieldReader, key: string): readonly StateOp[] | undefined {
  if (!r.has(key)) return undefined;
  const node = r.node(key);
  const example = `${key}: [{ target: context.items, value: "{{ previous_step }}" }]`;
  if (!isSeq(node)) {
    r.wrong(key, 'a list of `{ target, value }`', example);
    return;
  }
  const ops: StateOp[] = [];
  for (const raw of node.items) {
    const item = resolveAlias(r.ctx.doc, raw);
    if (!isMap(item)) {
      r.wrong(key, 'a list of `{ target, value }`', example);
      return;
    }
    const op = new FieldReader(r.ctx, item, r.where, `${r.label(key).slice(1, -1)}[].`);
    const target = op.string('target', 'target: context.items');
    if (!op.has('target')) op.missing('target', 'target: context.items');
    if (!op.has('value')) op.missing('value', 'value: "{{ previous_step }}"');
    const value = op.value('value');
    if (target === undefined || value === undefined) return undefined;
    ops.push({ target, value, extra: op.extra() });
  }
  r.take(key);
  return ops;
}

function readLoopState(r: FieldReader): LoopStateOps | undefined {
  const s = nestedReader(r, 'state', 'state: { append: [{ target: context.log, value: x }] }');
  if (!s) return undefined;
  return defined<LoopStateOps>({
    append: readStateOps(s, 'append'),
    set: readStateOps(s, 'set'),
    merge: readStateOps(s, 'merge'),
    extra: s.extra(),
  });
}

function readHistoryManagement(r: FieldReader): HistoryManagement | undefined {
  const h = nestedReader(
    r,
    'history_management',
    'history_management: { strategy: truncate_tokens }',
  );
  if (!h) return undefined;
  const strategies = ['truncate_tokens', 'truncate_turns', 'summarize'] as const;
  return defined<HistoryManagement>({
    strategy: h.oneOf('strategy', strategies),
    max_tokens: h.number('max_tokens', { integer: true }),
    max_turns: h.number('max_turns', { integer: true }),
    summarize_ratio: h.number('summarize_ratio'),
    extra: h.extra(),
  });
}

/** The `loop:` mapping of a loop step (FLUJO-SPEC §3.5). */
export function readLoopSpec(r: FieldReader, path: string, read: StepReader): LoopSpec {
  const l = containerReader(r, 'loop', `loop: { body: ${STEPS_EXAMPLE} }`);
  if (!l) return markSynthesized(r.ctx, { body: emptyPipeline(r), extra: {} });
  const propagationKey = l.has('propagation')
    ? 'propagation'
    : l.has('propagate')
      ? 'propagate'
      : undefined;
  const turnSources = ['last', 'all_agents', 'named_steps'] as const;
  return defined<LoopSpec>({
    body: readBody(l, pathField(path, 'loop.body'), read),
    max_loops: l.number('max_loops', { integer: true, min: 1 }),
    exit_condition: l.string('exit_condition', 'exit_condition: pkg.module:function'),
    exit_expression: l.string('exit_expression', "exit_expression: context.done == 'yes'"),
    initial_input_mapper: l.string('initial_input_mapper', 'initial_input_mapper: pkg.module:fn'),
    iteration_input_mapper: l.string(
      'iteration_input_mapper',
      'iteration_input_mapper: pkg.module:fn',
    ),
    loop_output_mapper: l.string('loop_output_mapper', 'loop_output_mapper: pkg.module:fn'),
    state: readLoopState(l),
    init: l.value('init'),
    propagation: propagationKey ? l.value(propagationKey) : undefined,
    propagationKey,
    conversation: l.bool('conversation'),
    history_management: readHistoryManagement(l),
    history_template: l.string('history_template'),
    ai_turn_source: l.oneOf('ai_turn_source', turnSources),
    user_turn_sources: l.stringList('user_turn_sources'),
    named_steps: l.stringList('named_steps'),
    output_template: l.value('output_template'),
    output: l.value('output'),
    stop_when: l.value('stop_when'),
    extra: l.extra(),
    source: childSource(l, 'body'),
  });
}

function readFinalize(r: FieldReader): MapFinalize | undefined {
  const f = nestedReader(r, 'finalize', 'finalize: { output_template: "{{ previous_step }}" }');
  if (!f) return undefined;
  return defined<MapFinalize>({
    output_template: f.string('output_template'),
    output: f.record('output', 'output: { key: "{{ previous_step }}" }'),
    extra: f.extra(),
  });
}

/** The `map:` mapping of a map step (FLUJO-SPEC §3.6). */
export function readMapSpec(r: FieldReader, path: string, read: StepReader): MapSpec {
  const example = `map: { iterable_input: items, body: ${STEPS_EXAMPLE} }`;
  const m = containerReader(r, 'map', example);
  if (!m) {
    const spec = markSynthesized(r.ctx, { iterable_input: '', body: emptyPipeline(r), extra: {} });
    markSynthesizedKeys(r.ctx, spec, ['iterable_input']);
    return spec;
  }
  const hasIterable = m.has('iterable_input');
  if (!hasIterable)
    m.missing('iterable_input', 'iterable_input: items', 'is required (a context field name)');
  const iterable = m.string('iterable_input', 'iterable_input: items');
  const spec = defined<MapSpec>({
    iterable_input: iterable ?? '',
    body: readBody(m, pathField(path, 'map.body'), read),
    init: m.value('init'),
    finalize: readFinalize(m),
    extra: m.extra(),
    source: childSource(m, 'body'),
  });
  if (iterable === undefined) markSynthesizedKeys(r.ctx, spec, ['iterable_input']);
  return spec;
}

/** The `router:` mapping of a dynamic router (FLUJO-SPEC §3.7). */
export function readRouterSpec(r: FieldReader, path: string, read: StepReader): RouterSpec {
  const example = `router: { router_agent: pkg.module:choose, branches: { a: ${STEPS_EXAMPLE} } }`;
  const rr = containerReader(r, 'router', example);
  if (!rr) return markSynthesized(r.ctx, { branches: markSynthesized(r.ctx, []), extra: {} });
  if (!rr.has('branches')) rr.missing('branches', `branches: { a: ${STEPS_EXAMPLE} }`);
  const branches = readBranches(r.ctx, rr, 'branches', pathField(path, 'router.branches'), read);
  const routerAgent = readAgentRef(rr, 'router_agent');
  if (routerAgent === undefined && !rr.has('router_agent')) {
    report(
      r.ctx,
      rr.map,
      '`router.router_agent` is required: add `router_agent: pkg.module:choose`.',
      rr.where,
    );
  }
  return defined<RouterSpec>({
    router_agent: routerAgent,
    branches: branches ?? markSynthesized(r.ctx, []),
    extra: rr.extra(),
    source: recordNodeSource(
      r.ctx,
      rr.map,
      (segments) => segments[0] === 'branches' && segments.length > 1,
    ),
  });
}
