/**
 * Flujo's strict type checks (FLUJO-SPEC §0.1, §9.2), reported in the `flujo` profile so a user
 * knows before exporting what `flujo validate` (strict by default) and `flujo run` will refuse.
 */
import type { StepNode, StepVisit } from '../../model';
import type { Finding, RuleContext } from '../ruleContext';
import type { RuleDefinition } from '../ruleDefinition';
import { FLUJO_PROFILE } from '../ruleDefinition';
import { stepRule } from '../stepRule';
import { schemaFromTypesFix } from '../quickFixes/schemaFromTypes';
import { inFlujoStepValidation, previousStepNode } from './typeRulesAdjacency';
import type { FlujoStaticType } from './typeRulesFlujoTypes';
import {
  describeFlujoType,
  flujoInputType,
  flujoOutputType,
  flujoTypeFits,
  isFlujoAdapter,
} from './typeRulesFlujoTypes';

const ADAPTER_HINT =
  'or mark it as an adapter (`meta: {is_adapter: true, adapter_id: …, adapter_allow: …}`)';

/**
 * Steps whose declared input type is of `kind`, that Flujo's step validations check, are not
 * adapters and have a previous step in their sequence (cheapest test first).
 */
function* checkedPairs(
  context: RuleContext,
  kind: FlujoStaticType['kind'],
): Generator<[StepVisit, StepNode]> {
  for (const visit of context.steps) {
    if (flujoInputType(visit.step).kind !== kind || isFlujoAdapter(visit.step)) continue;
    if (!inFlujoStepValidation(visit)) continue;
    const previous = previousStepNode(context, visit);
    if (previous) yield [visit, previous];
  }
}

interface StrictFinding {
  readonly types: RuleContext['types'];
  readonly agents: RuleContext['pipeline']['agents'];
  readonly previous: StepNode;
  readonly finding: Finding;
}

// Visits of untouched subtrees are reused across revalidations, and so are their findings.
const strictFindings = new WeakMap<StepVisit, StrictFinding>();

function strictInputFinding(context: RuleContext, visit: StepVisit, previous: StepNode): Finding {
  const cached = strictFindings.get(visit);
  if (
    cached?.previous === previous &&
    cached.types === context.types &&
    cached.agents === context.pipeline.agents
  ) {
    return cached.finding;
  }
  const { step } = visit;
  const intro = `Flujo's strict validation rejects step "${step.name}": it follows "${previous.name}" and its declared input type is object/Any, so \`flujo validate\` fails and \`flujo run\` refuses to start.`;
  let finding: Finding;
  if (step.kind !== 'step') {
    finding = {
      step: visit,
      message: `${intro} Flujo honours input_schema and meta only on \`kind: step\`, so a ${step.kind} step can pass only as the first step of its pipeline or branch; move it there if you export to Flujo.`,
    };
  } else {
    const fix = schemaFromTypesFix(context, visit);
    finding = {
      step: visit,
      message: `${intro} Add an input_schema with a concrete type (and a matching output_schema on "${previous.name}"), ${ADAPTER_HINT}.`,
      suggestion: `Add input_schema to "${step.name}" and output_schema to "${previous.name}".`,
      ...(fix ? { fixes: [fix] } : {}),
    };
  }
  strictFindings.set(visit, {
    types: context.types,
    agents: context.pipeline.agents,
    previous,
    finding,
  });
  return finding;
}

const strictInputRule: RuleDefinition = {
  id: 'V-A2-STRICT',
  profiles: FLUJO_PROFILE,
  severity: 'error',
  description: 'Flujo strict mode: a step after the first whose declared input type is object/Any.',
  check(context) {
    for (const [visit, previous] of checkedPairs(context, 'generic')) {
      context.report(strictInputFinding(context, visit, previous));
    }
  },
};

const strictTypeRule: RuleDefinition = {
  id: 'V-A2-TYPE',
  profiles: FLUJO_PROFILE,
  severity: 'error',
  description:
    "Flujo strict mode: the previous step's static output is not the declared input type.",
  check(context) {
    for (const [visit, previous] of checkedPairs(context, 'concrete')) {
      const wanted = flujoInputType(visit.step);
      if (wanted.kind !== 'concrete') continue;
      const given = flujoOutputType(previous, context.pipeline);
      if (given.kind === 'unknown') continue;
      if (given.kind === 'concrete' && flujoTypeFits(given.type, wanted.type)) continue;
      const want = describeFlujoType(wanted);
      context.report({
        step: visit,
        range: context.fieldRange(visit.step, 'input_schema'),
        message: `Flujo's strict type check rejects step "${visit.step.name}": it declares input ${want}, but the previous step "${previous.name}" has static output type ${describeFlujoType(given)}. Give "${previous.name}" an output_schema of ${want} (only \`kind: step\` honours it), ${ADAPTER_HINT}.`,
        suggestion: `Declare output_schema ${want} on "${previous.name}".`,
      });
    }
  },
};

const fallbackTypeRule: RuleDefinition = stepRule({
  id: 'V-F1',
  profiles: FLUJO_PROFILE,
  severity: 'error',
  description: "Flujo strict mode: a fallback's input type is incompatible with its step's.",
  checkStep(visit, context) {
    const fallback = visit.step.fallback;
    if (!fallback || !inFlujoStepValidation(visit)) return;
    const own = flujoInputType(visit.step);
    const other = flujoInputType(fallback);
    if (own.kind === 'unknown' || other.kind === 'unknown') return;
    if (own.kind === 'concrete' && other.kind === 'concrete') {
      if (flujoTypeFits(own.type, other.type)) return;
    }
    const types = `"${visit.step.name}" takes ${describeFlujoType(own)} and "${fallback.name}" takes ${describeFlujoType(other)}`;
    const why =
      own.kind === 'generic' || other.kind === 'generic'
        ? `Flujo counts an untyped (object/Any) input on either side as incompatible, and ${types}`
        : `${types}, which Flujo does not accept as the same input`;
    context.report({
      step: visit,
      range: context.fieldRange(visit.step, 'fallback'),
      message: `Flujo's strict validation rejects the fallback "${fallback.name}" of step "${visit.step.name}": ${why}. Declare the same concrete input_schema on both steps.`,
      suggestion: `Give "${visit.step.name}" and "${fallback.name}" the same input_schema.`,
    });
  },
});

/** The `flujo` profile's strict type rules: V-A2-STRICT, V-A2-TYPE, V-F1. */
export const strictTypeRules: readonly RuleDefinition[] = [
  strictInputRule,
  strictTypeRule,
  fallbackTypeRule,
];
