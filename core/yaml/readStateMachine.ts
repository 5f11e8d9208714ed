import { isMap, isScalar, isSeq } from 'yaml';

import type { StateMachineStep, Transition } from '../model';
import { FieldReader } from './fieldReaders';
import type { StepReader } from './readChildPipeline';
import { markSkipped, report } from './readContext';
import { defined } from './readStepFields';
import type { KindFields } from './readStepKinds';
import { requiredBranches } from './readStepKinds';
import { descendAll, recordNodeSource } from './recordNodeSource';
import { resolveAlias } from './yamlNodeValues';

/** `kind: StateMachine` (FLUJO-SPEC §3.11). */
export function readStateMachine(
  r: FieldReader,
  path: string,
  read: StepReader,
): KindFields<StateMachineStep> {
  if (!r.has('start_state')) r.missing('start_state', 'start_state: first_state');
  const startState = r.string('start_state', 'start_state: first_state');
  const states = requiredBranches(r, 'states', path, read);
  let endStates: string | readonly string[] | undefined;
  if (r.has('end_states')) {
    const node = r.node('end_states');
    endStates = isSeq(node)
      ? r.stringList('end_states')
      : r.string('end_states', 'end_states: [done]');
  }
  return defined<KindFields<StateMachineStep>>({
    start_state: startState,
    states,
    end_states: endStates,
    transitions: readTransitions(r),
  });
}

function readTransitions(r: FieldReader): readonly Transition[] | undefined {
  if (!r.has('transitions')) return undefined;
  const node = r.node('transitions');
  if (!isSeq(node)) {
    r.wrong('transitions', 'a list', 'transitions: [{ from: a, on: success, to: b }]');
    return;
  }
  r.take('transitions');
  const transitions: Transition[] = [];
  for (const raw of node.items) {
    const transition = readTransition(r, raw);
    if (transition) transitions.push(transition);
    else markSkipped(r.ctx, raw);
  }
  return transitions;
}

function readTransition(parent: FieldReader, raw: unknown): Transition | undefined {
  const node = resolveAlias(parent.ctx.doc, raw);
  const example = '{ from: a, on: success, to: b }';
  if (!isMap(node)) {
    report(
      parent.ctx,
      node,
      `A transition must be a mapping: write \`- ${example}\`.`,
      parent.where,
    );
    return undefined;
  }
  // YAML 1.1 loads a plain `on:` key as boolean true; Flujo maps it back to `on`.
  const r = new FieldReader(parent.ctx, node, parent.where, 'transitions[].', (entry) =>
    isScalar(entry.pair.key) && entry.pair.key.value === true ? 'on' : entry.key,
  );
  const from = r.string('from', 'from: state_name');
  const on = r.oneOf('on', ['success', 'failure', 'pause'] as const);
  const to = r.string('to', 'to: state_name');
  const when = r.string('when', "when: context.ready == 'yes'");
  for (const [key, value] of [
    ['from', 'from: state_name'],
    ['on', 'on: success'],
    ['to', 'to: state_name'],
  ] as const) {
    if (!r.has(key)) r.missing(key, value, 'is required in every transition');
  }
  if (from === undefined || on === undefined || to === undefined) return undefined;
  if (r.has('when') && when === undefined) return undefined;
  const source = recordNodeSource(parent.ctx, node, descendAll);
  return defined<Transition>({ from, on, to, when, extra: r.extra(), source });
}
