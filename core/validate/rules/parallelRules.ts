/**
 * Parallel steps: conflicting context merges (V-P1, V-P1-W, V-P2), branches expecting different
 * inputs (V-P3) and merges into the removed scratchpad (V-P-SCRATCHPAD).
 */
import type { Branch, ParallelStep, StepNode, StepVisit } from '../../model';
import {
  childPath,
  describePortType,
  importOutputMappings,
  isAssignable,
  isYamlMapping,
  mergeStrategyOf,
  stepChildren,
} from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { memoByStep } from '../stepMemo';
import { BOTH_PROFILES, FLUJO_PROFILE } from '../ruleDefinition';
import { stepRoleOf } from './stepRoles';

function checkFieldMapping(context: RuleContext, visit: StepVisit, step: ParallelStep): void {
  if (mergeStrategyOf(step) !== 'context_update' || step.ignore_branch_names === true) return;
  const owners = new Map<string, string>();
  for (const [branch, fields] of Object.entries(step.field_mapping ?? {})) {
    for (const field of fields) {
      const first = owners.get(field);
      if (first === undefined) {
        owners.set(field, branch);
        continue;
      }
      context.report({
        step: visit,
        range: context.fieldRange(step, `field_mapping.${branch}`),
        message: `Parallel "${step.name}": \`field_mapping\` merges \`${field}\` back from both branch "${first}" and branch "${branch}"; with \`merge_strategy: context_update\` two different values fail the step with a merge conflict. Map each field from one branch only.`,
        suggestion: `Remove \`${field}\` from one of the two branches' field lists.`,
      });
    }
  }
  if (context.profile === 'flujo' && step.context_include_keys !== undefined) {
    context.report({
      step: visit,
      range: context.fieldRange(step, 'context_include_keys'),
      message: `Parallel "${step.name}": Flujo rejects \`context_include_keys\` together with \`merge_strategy: context_update\` (V-P1) and refuses to run the file. Drop \`context_include_keys\` (use \`field_mapping\` to choose what each branch merges back), pick another \`merge_strategy\`, or set \`ignore_branch_names: true\`.`,
      suggestion: 'Drop `context_include_keys` or change `merge_strategy`.',
    });
  }
}

function checkUnmapped(context: RuleContext, visit: StepVisit, step: ParallelStep): void {
  if (mergeStrategyOf(step) !== 'context_update' || step.branches.length < 2) return;
  if (step.context_include_keys !== undefined || step.field_mapping !== undefined) return;
  context.report({
    step: visit,
    range: context.fieldRange(step, 'branches'),
    message: `Parallel "${step.name}" merges every branch's whole context back (\`merge_strategy: context_update\`, no \`field_mapping\`): Flujo warns that branches setting the same key to different values fail the step. Add \`field_mapping: { <branch>: [<field>, …] }\` to say what each branch contributes.`,
    suggestion: 'Add a `field_mapping`.',
  });
}

/** Context paths a step writes that can be named statically. */
function writtenPaths(step: StepNode): string[] {
  const paths: string[] = [];
  if (step.sink_to !== undefined) paths.push(step.sink_to);
  if (step.kind !== 'step') return paths;
  const role = stepRoleOf(step);
  if (role.role === 'import' && step.updates_context) {
    for (const { parent } of importOutputMappings(step.config)) {
      paths.push(`import_artifacts.${parent.replace(/^import_artifacts\./, '')}`);
    }
  }
  if (role.role === 'builtin' && (role.name === 'context_set' || role.name === 'context_merge')) {
    const params = typeof step.agent === 'object' && 'id' in step.agent ? step.agent.params : {};
    const path = isYamlMapping(step.input) ? step.input.path : params?.path;
    if (typeof path === 'string') paths.push(path);
  }
  return paths.map((path) => path.replace(/^context\./, ''));
}

const NO_PATHS: readonly string[] = [];

/**
 * The paths a step and everything inside it write, in pre-order (cached by node identity, so
 * nested parallels share their children's lists).
 */
const subtreeWrittenPaths = memoByStep((step: StepNode): readonly string[] => {
  const own = writtenPaths(step);
  const children = stepChildren(step);
  if (children.length === 0) return own.length === 0 ? NO_PATHS : own;
  const paths = own;
  for (const child of children) {
    const steps = child.kind === 'single' ? [child.step] : child.pipeline.steps;
    for (const inner of steps) paths.push(...subtreeWrittenPaths(inner));
  }
  return paths.length === 0 ? NO_PATHS : paths;
});

function branchWrites(branch: Branch): Set<string> {
  const paths = new Set<string>();
  for (const step of branch.pipeline.steps) {
    for (const path of subtreeWrittenPaths(step)) paths.add(path);
  }
  return paths;
}

const MERGE_EFFECT: Readonly<Record<string, string>> = {
  context_update: 'different values fail the step with a merge conflict',
  error_on_conflict: 'different values fail the step',
  overwrite: 'the last branch silently wins',
  keep_first: 'the first branch silently wins',
};

function checkSameWrites(context: RuleContext, visit: StepVisit, step: ParallelStep): void {
  const strategy = mergeStrategyOf(step);
  if (strategy === undefined || strategy === 'no_merge') return;
  const writers = new Map<string, string>();
  for (const branch of step.branches) {
    for (const path of branchWrites(branch)) {
      const first = writers.get(path);
      if (first === undefined) {
        writers.set(path, branch.key);
        continue;
      }
      context.report({
        step: visit,
        message: `Parallel "${step.name}": branches "${first}" and "${branch.key}" both write \`${path}\`; when the branches merge (\`merge_strategy: ${strategy}\`) ${MERGE_EFFECT[strategy] ?? 'one value is lost'}. Write to different paths, or combine the values after the parallel step.`,
        suggestion: 'Give each branch its own context path.',
      });
    }
  }
}

function checkBranchInputs(context: RuleContext, visit: StepVisit, step: ParallelStep): void {
  if (context.types.get(visit.path)?.input.kind !== 'any') return;
  const accepted = step.branches.flatMap((branch) => {
    const first = branch.pipeline.steps[0];
    if (!first || first.input !== undefined) return [];
    const firstPath = childPath(visit.path, { slot: 'branches', key: branch.key, index: 0 });
    const accepts = context.types.get(firstPath)?.accepts;
    return accepts && accepts.kind !== 'any'
      ? [{ key: branch.key, name: first.name, accepts }]
      : [];
  });
  for (let i = 1; i < accepted.length; i++) {
    const a = accepted[0];
    const b = accepted[i];
    if (!a || !b || isAssignable(a.accepts, b.accepts) || isAssignable(b.accepts, a.accepts)) {
      continue;
    }
    context.report({
      step: visit,
      message: `Parallel "${step.name}" gives every branch the same input, but branch "${a.key}" starts with "${a.name}", which accepts ${describePortType(a.accepts)}, and branch "${b.key}" starts with "${b.name}", which accepts ${describePortType(b.accepts)}: one of them always gets the wrong type. Give the branches compatible input schemas, or add an \`input:\` to adapt it.`,
      suggestion: 'Make the first steps of the branches accept the same type.',
    });
    return;
  }
}

function checkScratchpad(context: RuleContext, visit: StepVisit, step: ParallelStep): void {
  const fields = [
    ...(step.context_include_keys ?? []).map((field) => ({ field, key: 'context_include_keys' })),
    ...Object.entries(step.field_mapping ?? {}).flatMap(([branch, list]) =>
      list.map((field) => ({ field, key: `field_mapping.${branch}` })),
    ),
  ];
  for (const { field, key } of fields) {
    if (field !== 'scratchpad' && !field.startsWith('scratchpad.')) continue;
    context.report({
      step: visit,
      range: context.fieldRange(step, key),
      message: `Parallel "${step.name}": \`${key}\` names \`${field}\`, but the context has no scratchpad any more (Flujo forbids it), so nothing is merged. Use a real context field such as \`import_artifacts\`.`,
      suggestion: 'Replace `scratchpad` with `import_artifacts` or another context field.',
    });
  }
}

/** Parallel step rules. */
export const parallelRules: readonly RuleDefinition[] = [
  stepRule({
    id: 'V-P1',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description:
      '`field_mapping` merging one field from several branches (Flujo also: include keys).',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'parallel') checkFieldMapping(context, visit, visit.step);
    },
  }),
  stepRule({
    id: 'V-P1-W',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A `context_update` parallel with several branches and no `field_mapping`.',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'parallel') checkUnmapped(context, visit, visit.step);
    },
  }),
  stepRule({
    id: 'V-P2',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'Two branches of a parallel write the same context path.',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'parallel') checkSameWrites(context, visit, visit.step);
    },
  }),
  stepRule({
    id: 'V-P3',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'Branches whose first steps accept incompatible input types.',
    reads: ['types'],
    checkStep: (visit, context) => {
      if (visit.step.kind === 'parallel') checkBranchInputs(context, visit, visit.step);
    },
  }),
  stepRule({
    id: 'V-P-SCRATCHPAD',
    profiles: BOTH_PROFILES,
    severity: 'error',
    description: 'A parallel merges or copies the removed `scratchpad` context field.',
    checkStep: (visit, context) => {
      if (visit.step.kind === 'parallel') checkScratchpad(context, visit, visit.step);
    },
  }),
];
