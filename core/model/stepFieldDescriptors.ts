/**
 * The inspector's form as data (STYLE: UI described by the engine, rendered by the app): for each
 * step kind, the fields it shows, how each is edited, and how a field's text reads from and writes
 * back into the model. Pure: writing returns a new step or the reason the text is not accepted.
 */
import type { Branch } from './childPipeline';
import type { EditOutcome } from './editResult';
import type { YamlValue } from './jsonValue';
import type { StepKind, StepNode } from './stepNode';
import { editFailure, editValue } from './editResult';
import { assertNever } from './assertNever';
import { agentRefTarget } from './stepRole';
import { emptyChildPipeline } from './stepChildren';

/** How a field is edited: free text, a number, a choice, a template or expression, JSON. */
export type FieldEditorKind =
  | 'text'
  | 'multiline'
  | 'integer'
  | 'number'
  | 'select'
  | 'agent'
  | 'template'
  | 'expression'
  | 'json';

/** Section of the inspector a field sits in, in display order. */
export type FieldGroup = 'General' | 'Config' | 'Container' | 'Human input' | 'Limits' | 'Schemas';

/** A field edited as one text value (empty text removes the key). */
export interface ValueFieldDescriptor {
  readonly type: 'value';
  /** Stable id, the YAML key path (`config.max_retries`, `loop.exit_expression`). */
  readonly id: string;
  readonly label: string;
  readonly group: FieldGroup;
  readonly editor: FieldEditorKind;
  /** Choices of a `select` (the `agent` editor's choices come from the app: built-ins, agents). */
  readonly options?: readonly string[];
  readonly help?: string;
  readonly read: (step: StepNode) => string;
  readonly write: (step: StepNode, text: string) => EditOutcome<StepNode>;
}

/** A list of branch or state keys with add, rename and remove. */
export interface KeyListFieldDescriptor {
  readonly type: 'keys';
  /** Stable id, the YAML key holding the keyed children (`branches`, `router.branches`, `states`). */
  readonly id: string;
  readonly label: string;
  readonly group: FieldGroup;
  readonly read: (step: StepNode) => readonly string[];
  readonly add: (step: StepNode, key: string) => EditOutcome<StepNode>;
  readonly rename: (step: StepNode, from: string, to: string) => EditOutcome<StepNode>;
  readonly remove: (step: StepNode, key: string) => EditOutcome<StepNode>;
}

/** One field of the inspector form. */
export type StepFieldDescriptor = ValueFieldDescriptor | KeyListFieldDescriptor;

type Obj = { readonly [key: string]: unknown };

function withKey<T extends object>(object: T, key: string, value: unknown): T {
  if (value === undefined) {
    if (!(key in object)) return object;
    return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key)) as T;
  }
  return { ...object, [key]: value };
}

function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

type Parse = (text: string) => EditOutcome<unknown>;

const asText: Parse = (text) => editValue(text === '' ? undefined : text);

function asNumber(integer: boolean): Parse {
  return (text) => {
    if (text.trim() === '') return editValue(undefined);
    const value = Number(text);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      return editFailure(`"${text}" is not ${integer ? 'a whole number' : 'a number'}.`);
    }
    return editValue(value);
  };
}

const asJsonObject: Parse = (text) => {
  if (text.trim() === '') return editValue(undefined);
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return editFailure('A schema is a JSON object, e.g. {"type": "string"}.');
    }
    return editValue(value);
  } catch (error) {
    return editFailure(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
};

function stepField(
  id: string,
  label: string,
  group: FieldGroup,
  editor: FieldEditorKind,
  parse: Parse,
  extra: Pick<ValueFieldDescriptor, 'options' | 'help'> = {},
): ValueFieldDescriptor {
  return {
    type: 'value',
    id,
    label,
    group,
    editor,
    ...extra,
    read: (step) => scalarText((step as unknown as Obj)[id]),
    write: (step, text) => {
      const parsed = parse(text);
      return parsed.ok ? editValue(withKey(step, id, parsed.value)) : parsed;
    },
  };
}

/** A field inside a nested mapping of the step (`config`, `usage_limits`, `loop`, `map`). */
function nestedField(
  parent: 'config' | 'usage_limits' | 'loop' | 'map',
  key: string,
  label: string,
  group: FieldGroup,
  editor: FieldEditorKind,
  parse: Parse,
  extra: Pick<ValueFieldDescriptor, 'options' | 'help'> = {},
): ValueFieldDescriptor {
  return {
    type: 'value',
    id: `${parent}.${key}`,
    label,
    group,
    editor,
    ...extra,
    read: (step) => scalarText(((step as unknown as Obj)[parent] as Obj | undefined)?.[key]),
    write: (step, text) => {
      const parsed = parse(text);
      if (!parsed.ok) return parsed;
      const current = (step as unknown as Obj)[parent] as Obj | undefined;
      if (!current && parsed.value === undefined) return editValue(step);
      const next = withKey(current ?? { extra: {} }, key, parsed.value);
      const empty =
        (parent === 'config' || parent === 'usage_limits') &&
        Object.keys(next).every((k) => k === 'extra') &&
        Object.keys(next.extra as Obj).length === 0;
      return editValue(withKey(step, parent, empty ? undefined : next));
    },
  };
}

const nameField: ValueFieldDescriptor = {
  ...stepField('name', 'Name', 'General', 'text', asText),
  write: (step, text) =>
    text.trim() === ''
      ? editFailure('A step name cannot be empty.')
      : editValue({ ...step, name: text }),
};

/** Prefixes that `uses:` takes (declared agents, imports, JS skills); anything else is `agent:`. */
const USES_PREFIXES = ['agents.', 'imports.', 'skills.'];

const agentField: ValueFieldDescriptor = {
  type: 'value',
  id: 'agent',
  label: 'Agent / uses',
  group: 'General',
  editor: 'agent',
  help: 'A built-in (flujo.builtins.*), a declared agent (agents.<name>), an import (imports.<alias>) or an import path.',
  read: (step) => step.uses ?? (step.agent === undefined ? '' : agentRefTarget(step.agent)),
  write: (step, text) => {
    const value = text.trim();
    const cleared = withKey(withKey(step, 'uses', undefined), 'agent', undefined);
    if (value === '') return editValue(cleared);
    if (USES_PREFIXES.some((prefix) => value.startsWith(prefix))) {
      return editValue(withKey(cleared, 'uses', value));
    }
    const current = step.agent;
    if (typeof current === 'object' && 'id' in current) {
      return editValue(withKey(cleared, 'agent', { ...current, id: value }));
    }
    const agent = value.startsWith('flujo.builtins.') ? { id: value, extra: {} } : value;
    return editValue(withKey(cleared, 'agent', agent));
  },
};

const COMMON_HEAD: readonly StepFieldDescriptor[] = [
  nameField,
  agentField,
  {
    ...stepField('input', 'Input template', 'General', 'template', asText),
    help: 'Jinja-style template: {{ previous_step }}, {{ steps.<name> }}, {{ context.<key> }}.',
  },
];

const COMMON_TAIL: readonly StepFieldDescriptor[] = [
  nestedField('config', 'max_retries', 'Max retries', 'Config', 'integer', asNumber(true)),
  nestedField('config', 'timeout_s', 'Timeout (s)', 'Config', 'number', asNumber(false)),
  nestedField('config', 'execution_mode', 'Execution mode', 'Config', 'select', asText, {
    options: ['sync', 'background'],
  }),
  nestedField(
    'usage_limits',
    'total_cost_usd_limit',
    'Cost limit (USD)',
    'Limits',
    'number',
    asNumber(false),
  ),
  nestedField(
    'usage_limits',
    'total_tokens_limit',
    'Token limit',
    'Limits',
    'integer',
    asNumber(true),
  ),
  stepField('input_schema', 'Input schema (JSON)', 'Schemas', 'json', asJsonObject),
  stepField('output_schema', 'Output schema (JSON)', 'Schemas', 'json', asJsonObject),
];

type KeyedKind = 'parallel' | 'conditional' | 'dynamic_router' | 'StateMachine';

function keyedBranches(step: StepNode): readonly Branch[] | undefined {
  switch (step.kind) {
    case 'parallel':
    case 'conditional':
      return step.branches;
    case 'dynamic_router':
      return step.router.branches;
    case 'StateMachine':
      return step.states;
    case 'step':
    case 'loop':
    case 'map':
    case 'hitl':
    case 'cache':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return undefined;
    default:
      return assertNever(step);
  }
}

function withBranches(step: StepNode, branches: readonly Branch[]): StepNode {
  switch (step.kind) {
    case 'parallel':
    case 'conditional':
      return { ...step, branches };
    case 'dynamic_router':
      return { ...step, router: { ...step.router, branches } };
    case 'StateMachine':
      return { ...step, states: branches };
    case 'step':
    case 'loop':
    case 'map':
    case 'hitl':
    case 'cache':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return step;
    default:
      return assertNever(step);
  }
}

function keyListField(id: string, label: string, noun: string): KeyListFieldDescriptor {
  const edit = (
    step: StepNode,
    change: (branches: readonly Branch[]) => EditOutcome<readonly Branch[]>,
  ): EditOutcome<StepNode> => {
    const branches = keyedBranches(step);
    if (!branches) return editFailure(`A ${step.kind} step has no ${noun}s.`);
    const next = change(branches);
    return next.ok ? editValue(withBranches(step, next.value)) : next;
  };
  const checkNew = (branches: readonly Branch[], key: string): string | undefined => {
    if (key.trim() === '') return `A ${noun} key cannot be empty.`;
    return branches.some((b) => b.key === key) ? `There is already a ${noun} "${key}".` : undefined;
  };
  return {
    type: 'keys',
    id,
    label,
    group: 'Container',
    read: (step) => keyedBranches(step)?.map((branch) => branch.key) ?? [],
    add: (step, key) =>
      edit(step, (branches) => {
        const problem = checkNew(branches, key);
        return problem
          ? editFailure(problem)
          : editValue([...branches, { key, pipeline: emptyChildPipeline() }]);
      }),
    rename: (step, from, to) =>
      edit(step, (branches) => {
        if (from === to) return editValue(branches);
        const problem = checkNew(branches, to);
        return problem
          ? editFailure(problem)
          : editValue(branches.map((b) => (b.key === from ? { ...b, key: to } : b)));
      }),
    remove: (step, key) =>
      edit(step, (branches) => editValue(branches.filter((b) => b.key !== key))),
  };
}

const KIND_FIELDS: { readonly [K in StepKind]: readonly StepFieldDescriptor[] } = {
  step: [],
  parallel: [
    stepField('merge_strategy', 'Merge strategy', 'Container', 'select', asText, {
      options: ['context_update', 'overwrite', 'no_merge', 'error_on_conflict', 'keep_first'],
    }),
    stepField('on_branch_failure', 'On branch failure', 'Container', 'select', asText, {
      options: ['propagate', 'ignore'],
    }),
    keyListField('branches', 'Branches', 'branch'),
  ],
  conditional: [
    stepField('condition_expression', 'Condition expression', 'Container', 'expression', asText),
    keyListField('branches', 'Branches', 'branch'),
  ],
  loop: [
    nestedField('loop', 'exit_expression', 'Exit expression', 'Container', 'expression', asText),
    nestedField('loop', 'max_loops', 'Max loops', 'Container', 'integer', asNumber(true)),
  ],
  map: [
    nestedField(
      'map',
      'iterable_input',
      'Iterable input (context key)',
      'Container',
      'text',
      asText,
    ),
  ],
  dynamic_router: [keyListField('router.branches', 'Branches', 'branch')],
  hitl: [
    stepField('message', 'Message', 'Human input', 'multiline', asText),
    stepField(
      'input_schema',
      'Reply schema (input_schema, JSON)',
      'Human input',
      'json',
      asJsonObject,
    ),
  ],
  cache: [],
  StateMachine: [
    stepField('start_state', 'Start state', 'Container', 'text', asText),
    keyListField('states', 'States', 'state'),
  ],
  agentic_loop: [],
  tree_search: [],
  custom: [],
};

/** The inspector fields of a step kind, in display order (no field twice). */
export function stepFieldDescriptors(kind: StepKind): readonly StepFieldDescriptor[] {
  const own = KIND_FIELDS[kind];
  const ids = new Set(own.map((field) => field.id));
  return [...COMMON_HEAD, ...own, ...COMMON_TAIL.filter((field) => !ids.has(field.id))];
}

/** Kinds whose container options include a keyed list of children. */
export const KEYED_KINDS: readonly KeyedKind[] = [
  'parallel',
  'conditional',
  'dynamic_router',
  'StateMachine',
];

/** A YAML value as the inspector shows it in a text field. */
export function fieldText(value: YamlValue | undefined): string {
  return scalarText(value);
}
