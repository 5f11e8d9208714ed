/**
 * Declared agents and their schemas: bad timeout/max_retries (V-A7), malformed schemas (V-S1),
 * structured output turned into a Python string (V-S2), and what Flujo does with declared schemas
 * (V-A8 structured output off, V-S3 string schemas; `flujo` profile).
 */
import type { AgentSpec, SourceRange, StepNode, StepVisit, YamlValue } from '../../model';
import { describePortType, isYamlList, isYamlMapping } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { BOTH_PROFILES, FLUJO_PROFILE } from '../ruleDefinition';
import { memoByStep } from '../stepMemo';
import { stepRule } from '../stepRule';
import { memoBySubtree } from '../subtreeMemo';
import { stepRoleOf } from './stepRoles';
import { previousOutputType } from './templateRulesScope';
import { closestName } from './unknownKeysSimilarity';

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** A problem in a JSON schema, at a key path relative to the schema's own field. */
interface SchemaProblem {
  readonly at: string;
  readonly message: string;
}

function schemaProblems(schema: YamlValue | undefined, at: string): SchemaProblem[] {
  if (!isYamlMapping(schema)) return [];
  const problems: SchemaProblem[] = [];
  const type = schema.type;
  const types = typeof type === 'string' ? [type] : isYamlList(type) ? type : [];
  for (const name of types) {
    if (typeof name === 'string' && JSON_TYPES.includes(name)) continue;
    const meant = typeof name === 'string' ? closestName(name, JSON_TYPES) : undefined;
    problems.push({
      at: `${at}.type`,
      message: `\`type: ${JSON.stringify(name)}\` is not a JSON Schema type${meant ? ` (did you mean \`${meant}\`?)` : ''}, so this part is untyped; use one of ${JSON_TYPES.join(', ')}`,
    });
  }
  if (schema.required !== undefined && !isYamlMapping(schema.properties)) {
    problems.push({
      at: `${at}.required`,
      message:
        '`required` lists fields but there is no `properties` mapping that declares them; add `properties: { <field>: { type: string } }`',
    });
  }
  if (types.includes('array') && schema.items === undefined) {
    problems.push({
      at,
      message:
        '`type: array` without `items`, so the items are untyped; add `items: { type: string }` (or the item schema)',
    });
  }
  if (isYamlMapping(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      problems.push(...schemaProblems(sub, `${at}.properties.${name}`));
    }
  }
  problems.push(...schemaProblems(schema.items, `${at}.items`));
  return problems;
}

function rangeIn(
  source:
    | { readonly fields: Readonly<Record<string, SourceRange>>; readonly range: SourceRange }
    | undefined,
  at: string,
): SourceRange | undefined {
  if (!source) return undefined;
  let key = at;
  for (;;) {
    const range = source.fields[key];
    if (range) return range;
    const dot = key.lastIndexOf('.');
    if (dot < 0) return source.range;
    key = key.slice(0, dot);
  }
}

const agentSchemaProblems = new WeakMap<AgentSpec, readonly SchemaProblem[]>();

/** The problems of an agent's `output_schema`, cached by agent node. */
function outputSchemaProblems(agent: AgentSpec): readonly SchemaProblem[] {
  let problems = agentSchemaProblems.get(agent);
  if (!problems) {
    problems = schemaProblems(agent.output_schema, 'output_schema');
    agentSchemaProblems.set(agent, problems);
  }
  return problems;
}

function checkAgentSchemas(context: RuleContext): void {
  for (const [name, agent] of Object.entries(context.pipeline.agents ?? {})) {
    for (const problem of outputSchemaProblems(agent)) {
      context.report({
        range: rangeIn(agent.source, problem.at),
        message: `Agent "${name}", \`${problem.at}\`: ${problem.message}.`,
        suggestion: 'Fix the schema.',
      });
    }
  }
}

/** The problems of a step's own schemas, with their ranges, cached by step node. */
const NO_SCHEMA_PROBLEMS: readonly {
  readonly range: SourceRange | undefined;
  readonly message: string;
}[] = [];

const stepSchemaProblems = memoByStep((step: StepNode) => {
  if (!step.input_schema && !step.output_schema && !step.processing?.schema) {
    return NO_SCHEMA_PROBLEMS;
  }
  const schemas: [string, YamlValue | undefined][] = [
    ['input_schema', step.input_schema],
    ['output_schema', step.output_schema],
    ['processing.schema', step.processing?.schema],
  ];
  const found: { readonly range: SourceRange | undefined; readonly message: string }[] = [];
  for (const [field, schema] of schemas) {
    if (schema === undefined) continue;
    for (const problem of schemaProblems(schema, field)) {
      found.push({
        range: rangeIn(step.source, problem.at),
        message: `Step "${step.name}", \`${problem.at}\`: ${problem.message}.`,
      });
    }
  }
  return found;
});

/** The step schema problems of a top-level subtree, in visit order. */
const NO_SUBTREE_PROBLEMS: readonly never[] = [];

const subtreeSchemaProblems = memoBySubtree((subtree) => {
  const found: {
    readonly visit: StepVisit;
    readonly range?: SourceRange;
    readonly message: string;
  }[] = [];
  for (const visit of subtree.visits) {
    for (const { range, message } of stepSchemaProblems(visit.step)) {
      found.push({ visit, range, message });
    }
  }
  return found.length === 0 ? NO_SUBTREE_PROBLEMS : found;
});

function checkStepSchemas(context: RuleContext): void {
  for (const subtree of context.subtrees) {
    for (const { visit, range, message } of subtreeSchemaProblems(subtree)) {
      context.report({ step: visit, range, message, suggestion: 'Fix the schema.' });
    }
  }
}

function positiveWholeNumber(value: number | string): number | undefined {
  const number = typeof value === 'number' ? value : Number(value.trim());
  return Number.isInteger(number) ? number : undefined;
}

function checkAgentControls(context: RuleContext): void {
  for (const [name, agent] of Object.entries(context.pipeline.agents ?? {})) {
    if (agent.timeout !== undefined) {
      const timeout = positiveWholeNumber(agent.timeout);
      if (timeout === undefined || timeout <= 0) {
        context.report({
          range: agent.source?.fields.timeout ?? agent.source?.range,
          message: `Agent "${name}": \`timeout: ${String(agent.timeout)}\` is not a positive whole number of seconds, so it is ignored and calls have no timeout. Write e.g. \`timeout: 60\`.`,
          suggestion: 'Write a positive whole number of seconds.',
        });
      }
    }
    if (agent.max_retries !== undefined) {
      const retries = positiveWholeNumber(agent.max_retries);
      if (retries === undefined || retries < 0) {
        context.report({
          range: agent.source?.fields.max_retries ?? agent.source?.range,
          message: `Agent "${name}": \`max_retries: ${String(agent.max_retries)}\` is not a whole number ≥ 0, so the default (3) is used instead. Write e.g. \`max_retries: 3\`.`,
          suggestion: 'Write a whole number ≥ 0.',
        });
      }
    }
  }
}

/** The declared agent a step uses, with its name. */
function declaredAgent(
  step: StepNode,
  context: RuleContext,
): { readonly name: string; readonly spec: AgentSpec } | undefined {
  if (step.kind !== 'step') return undefined;
  const role = stepRoleOf(step);
  if (role.role !== 'declared-agent') return undefined;
  const agents = context.pipeline.agents ?? {};
  const spec = Object.hasOwn(agents, role.agentName) ? agents[role.agentName] : undefined;
  return spec && { name: role.agentName, spec };
}

function checkStructuredOutput(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  const agent = declaredAgent(step, context);
  const hasSchema =
    agent?.spec.output_schema !== undefined || step.processing?.schema !== undefined;
  if (!hasSchema) return;
  const mode = step.processing?.structured_output ?? 'off';
  if (mode === 'auto' || mode === 'openai_json') return;
  const whose = agent ? `agent "${agent.name}"'s \`output_schema\`` : '`processing.schema`';
  context.report({
    step: visit,
    range: context.fieldRange(
      step,
      step.processing?.structured_output ? 'processing.structured_output' : 'uses',
    ),
    message: `Step "${step.name}": Flujo does not enforce ${whose}, because structured output is \`${mode}\` (the default unless flujo.toml \`[aros] structured_output_default\` says otherwise). Add \`processing: { structured_output: auto }\` to the step.`,
    suggestion: 'Add `processing: { structured_output: auto }`.',
  });
}

function checkStringSchema(context: RuleContext, visit: StepVisit): void {
  const agent = declaredAgent(visit.step, context);
  if (agent?.spec.output_schema?.type !== 'string') return;
  context.report({
    step: visit,
    range: context.fieldRange(visit.step, 'uses'),
    message: `Step "${visit.step.name}" uses agent "${agent.name}", whose \`output_schema\` is \`{ type: string }\`: Flujo wraps it in a one-field model and hands on plain text, so later steps cannot read fields from it. If they should, declare an object schema with those fields.`,
    suggestion: 'Use an object `output_schema` when later steps need fields.',
  });
}

function checkStringified(context: RuleContext, visit: StepVisit): void {
  const { step } = visit;
  if (step.kind !== 'step' || step.input !== undefined) return;
  const role = stepRoleOf(step);
  if (role.role !== 'builtin' || role.name !== 'stringify') return;
  const type = previousOutputType(visit, context);
  const structured =
    (type?.kind === 'object' && Object.keys(type.properties).length > 0) || type?.kind === 'array';
  if (!type || !structured) return;
  context.report({
    step: visit,
    range: context.fieldRange(step, role.source),
    message: `Step "${step.name}" stringifies a structured value (${describePortType(type)}): \`stringify\` gives Python's repr (\`{'key': 'value'}\`, \`True\`, \`None\`), not JSON, and later steps cannot read its fields. Use a template step with \`input: "{{ previous_step | tojson }}"\`, or read the fields you need.`,
    suggestion: 'Render with `{{ previous_step | tojson }}` instead.',
  });
}

/** Declared agent and schema rules. */
export const agentSpecRules: readonly RuleDefinition[] = [
  {
    id: 'V-A7',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: "A declared agent's `timeout`/`max_retries` that is not a valid number (ignored).",
    check: checkAgentControls,
  },
  {
    id: 'V-A8',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: "A step with a declared output schema while Flujo's structured output is off.",
    check: (context) => {
      for (const visit of context.steps) checkStructuredOutput(context, visit);
    },
  },
  {
    id: 'V-S1',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description:
      'A malformed JSON schema: unknown `type`, `required` without `properties`, array without `items`.',
    check: (context) => {
      checkAgentSchemas(context);
      checkStepSchemas(context);
    },
  },
  stepRule({
    id: 'V-S2',
    profiles: BOTH_PROFILES,
    severity: 'warning',
    description: 'A structured output passed through `stringify` (Python repr, not JSON).',
    reads: ['types'],
    checkStep: (visit, context) => {
      checkStringified(context, visit);
    },
  }),
  {
    id: 'V-S3',
    profiles: FLUJO_PROFILE,
    severity: 'warning',
    description: 'A step uses a declared agent whose `output_schema` is a plain string.',
    check: (context) => {
      for (const visit of context.steps) checkStringSchema(context, visit);
    },
  },
];
