/**
 * Quick fix "add input_schema/output_schema from inferred types" (DECISIONS 2): writes the types the
 * studio infers into the schemas Flujo's strict mode needs, so an exported file passes V-A2-STRICT.
 */
import type {
  EditResult,
  JsonSchemaObject,
  Pipeline,
  StepNode,
  StepPath,
  StepVisit,
} from '../../model';
import { editFailure, resolveStep, toJsonSchema, updateStep } from '../../model';
import type { RuleContext } from '../ruleContext';
import type { QuickFix } from '../validationTypes';
import { previousStep } from '../rules/typeRulesAdjacency';
import { flujoOutputType, flujoSchemaType, flujoTypeFits } from '../rules/typeRulesFlujoTypes';

interface SchemaEdit {
  readonly path: StepPath;
  readonly name: string;
  readonly field: 'input_schema' | 'output_schema';
  readonly schema: JsonSchemaObject;
}

/** The schema for `type` if Flujo sees it as concrete (object, string, integer, number, boolean). */
function concreteSchema(schema: JsonSchemaObject): JsonSchemaObject | undefined {
  return flujoSchemaType(schema).kind === 'concrete' ? schema : undefined;
}

function previousOutputEdit(
  context: RuleContext,
  visit: StepVisit,
  input: JsonSchemaObject,
): SchemaEdit | undefined {
  const previous = previousStep(context, visit);
  if (previous?.step.kind !== 'step' || previous.step.output_schema !== undefined) return undefined;
  const declared = flujoOutputType(previous.step, context.pipeline).kind;
  if (declared !== 'generic' && declared !== 'dict') return undefined;
  const output = context.types.get(previous.path)?.output;
  const schema = output && concreteSchema(toJsonSchema(output));
  const wanted = flujoSchemaType(input);
  const given = schema && flujoSchemaType(schema);
  if (!schema || given?.kind !== 'concrete' || wanted.kind !== 'concrete') return undefined;
  if (!flujoTypeFits(given.type, wanted.type)) return undefined;
  return { path: previous.path, name: previous.step.name, field: 'output_schema', schema };
}

function withSchema(step: StepNode, edit: SchemaEdit): StepNode {
  return edit.field === 'input_schema'
    ? { ...step, input_schema: edit.schema }
    : { ...step, output_schema: edit.schema };
}

function applyEdits(pipeline: Pipeline, edits: readonly SchemaEdit[]): EditResult {
  let current = pipeline;
  for (const edit of edits) {
    const step = resolveStep(current, edit.path);
    if (step?.kind !== 'step' || step.name !== edit.name || step[edit.field] !== undefined) {
      return editFailure(`Step "${edit.name}" changed since this fix was offered.`);
    }
    const result = updateStep(current, edit.path, (found) => withSchema(found, edit));
    if (!result.ok) return result;
    current = result.pipeline;
  }
  return { ok: true, pipeline: current };
}

/**
 * The fix for a V-A2-STRICT finding on a `kind: step`: its inferred input type as `input_schema`,
 * plus the previous step's inferred output as its `output_schema` when Flujo would otherwise see
 * that output as untyped. Undefined when the inferred input is not a type Flujo can check.
 */
export function schemaFromTypesFix(context: RuleContext, visit: StepVisit): QuickFix | undefined {
  const { step } = visit;
  if (step.kind !== 'step' || step.input_schema !== undefined) return undefined;
  const input = context.types.get(visit.path)?.input;
  const schema = input && concreteSchema(toJsonSchema(input));
  if (!schema) return undefined;
  const edits: SchemaEdit[] = [
    { path: visit.path, name: step.name, field: 'input_schema', schema },
  ];
  const previous = previousOutputEdit(context, visit, schema);
  if (previous) edits.push(previous);
  return {
    title: previous
      ? `Add input_schema to "${step.name}" and output_schema to "${previous.name}" from inferred types`
      : `Add input_schema to "${step.name}" from its inferred input type`,
    apply: (pipeline) => applyEdits(pipeline, edits),
  };
}
