/**
 * State machines (V-SM1): a start that is not a state, transitions from or to unknown states,
 * states no transition reaches, and no way to reach an end state.
 */
import type { StateMachineStep, StepNode, StepVisit } from '../../model';
import { endStatesOf, isYamlMapping, stepChildren } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { BOTH_PROFILES } from '../ruleDefinition';
import { closestName } from './unknownKeysSimilarity';
import { stepRoleOf } from './stepRoles';

const STATE_KEYS = new Set(['next_state', 'current_state']);

/** Whether a step may pick the next state itself (`next_state` in the context or its output). */
function setsNextState(step: StepNode): boolean {
  const root = step.sink_to?.replace(/^context\./, '').split('.')[0];
  if (root !== undefined && STATE_KEYS.has(root)) return true;
  const schema = step.output_schema;
  if (
    isYamlMapping(schema?.properties) &&
    Object.keys(schema.properties).some((k) => STATE_KEYS.has(k))
  ) {
    return true;
  }
  if (step.kind === 'step') {
    const role = stepRoleOf(step);
    if (role.role === 'python' || role.role === 'skill') return true;
    if (role.role === 'builtin' && (role.name === 'context_set' || role.name === 'context_merge')) {
      const path = isYamlMapping(step.input) ? step.input.path : undefined;
      if (typeof path !== 'string' || STATE_KEYS.has(path.replace(/^context\./, ''))) return true;
    }
  }
  return stepChildren(step).some((child) =>
    child.kind === 'single' ? setsNextState(child.step) : child.pipeline.steps.some(setsNextState),
  );
}

function reachable(step: StateMachineStep, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const transition of step.transitions ?? []) {
      if (transition.from !== state && transition.from !== '*') continue;
      if (seen.has(transition.to)) continue;
      seen.add(transition.to);
      queue.push(transition.to);
    }
  }
  return seen;
}

function checkTransitions(
  context: RuleContext,
  visit: StepVisit,
  step: StateMachineStep,
  states: readonly string[],
  ends: readonly string[],
): void {
  for (const transition of step.transitions ?? []) {
    const fields = transition.source?.fields;
    if (!states.includes(transition.to) && !ends.includes(transition.to)) {
      const meant = closestName(transition.to, [...states, ...ends]);
      context.report({
        step: visit,
        severity: 'error',
        range: fields?.to ?? transition.source?.range,
        message: `State machine "${step.name}": a transition goes to "${transition.to}", which is neither a state nor an end state${meant ? ` (did you mean "${meant}"?)` : ''}; Flujo refuses to load the file. Add the state under \`states:\` or to \`end_states\`, or fix the name.`,
        suggestion: meant ? `Write \`to: ${meant}\`.` : 'Point `to` at a declared state.',
      });
    }
    if (transition.from !== '*' && !states.includes(transition.from)) {
      const meant = closestName(transition.from, states);
      context.report({
        step: visit,
        range: fields?.from ?? transition.source?.range,
        message: `State machine "${step.name}": a transition starts from "${transition.from}", which is not a state${meant ? ` (did you mean "${meant}"?)` : ''}, so it never fires. Fix the name, or use \`from: "*"\` for every state.`,
        suggestion: meant ? `Write \`from: ${meant}\`.` : 'Point `from` at a declared state.',
      });
    }
  }
}

function checkMachine(context: RuleContext, visit: StepVisit, step: StateMachineStep): void {
  const states = step.states.map((branch) => branch.key);
  const ends = endStatesOf(step);
  checkTransitions(context, visit, step, states, ends);
  const start = step.start_state;
  if (start === undefined) return;
  if (!states.includes(start)) {
    const isEnd = ends.includes(start);
    const meant = closestName(start, states);
    context.report({
      step: visit,
      severity: isEnd ? 'warning' : 'error',
      range: context.fieldRange(step, 'start_state'),
      message: isEnd
        ? `State machine "${step.name}" starts in its end state "${start}", so no state ever runs. Start in one of ${states.map((s) => `"${s}"`).join(', ')}.`
        : `State machine "${step.name}": \`start_state: ${start}\` is not one of its states${meant ? ` (did you mean "${meant}"?)` : ''}, so the run fails at once. Use one of ${states.map((s) => `"${s}"`).join(', ') || 'its states (add some under `states:`)'}.`,
      suggestion: meant ? `Write \`start_state: ${meant}\`.` : 'Name a declared state.',
    });
    return;
  }
  if (!step.transitions?.length || step.states.some((s) => s.pipeline.steps.some(setsNextState))) {
    return;
  }
  const seen = reachable(step, start);
  for (const state of states) {
    if (seen.has(state)) continue;
    context.report({
      step: visit,
      range: context.fieldRange(step, `states.${state}`),
      message: `State machine "${step.name}": no transition from "${start}" leads to state "${state}", so it never runs. Add a transition \`{ from: <state>, on: success, to: ${state} }\`, or remove the state.`,
      suggestion: `Add a transition to "${state}" or remove it.`,
    });
  }
  if (ends.length > 0 && !ends.some((end) => seen.has(end))) {
    context.report({
      step: visit,
      range: context.fieldRange(step, 'end_states'),
      message: `State machine "${step.name}": no transition path from "${start}" reaches an end state (${ends.map((e) => `"${e}"`).join(', ')}), so it only stops when no transition matches or after its hop limit. Add a transition to an end state.`,
      suggestion: 'Add a transition into an end state.',
    });
  }
}

/** State machine rules. */
export const stateMachineRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'V-SM1',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description:
      'State machine: start not a state, unknown transition states, unreachable states or ends.',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'StateMachine') checkMachine(context, visit, visit.step);
    },
  }),
];
