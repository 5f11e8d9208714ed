/** Port types of the `flujo.builtins.*` skills (FLUJO-SPEC §6), keyed by short name. */
import type { PortType } from './portType';
import {
  ANY_TYPE,
  arrayType,
  BOOLEAN_TYPE,
  enumType,
  INTEGER_TYPE,
  NUMBER_TYPE,
  objectType,
  OPEN_OBJECT_TYPE,
  STRING_TYPE,
} from './portType';
import { unionType } from './portTypeUnion';

/** What a built-in expects and what it returns for a given input type. */
export interface BuiltinSignature {
  readonly accepts: PortType;
  readonly output: (input: PortType) => PortType;
}

const always = (type: PortType) => (): PortType => type;

const sameAsInput = (input: PortType): PortType => input;

function returns(output: PortType, accepts: PortType = ANY_TYPE): BuiltinSignature {
  return { accepts, output: always(output) };
}

const VALID_OR_INVALID = enumType(['valid', 'invalid']);
const YAML_TEXTS = objectType({ yaml_text: STRING_TYPE, generated_yaml: STRING_TYPE });
const VALIDITY_FLAG = objectType({ yaml_is_valid: BOOLEAN_TYPE });
const CONFIRMATION_INPUT = unionType([STRING_TYPE, objectType({ user_input: STRING_TYPE }, [])]);

const signatures: Readonly<Record<string, BuiltinSignature>> = {
  passthrough: { accepts: ANY_TYPE, output: sameAsInput },
  stringify: returns(STRING_TYPE),
  to_csv: returns(STRING_TYPE),
  aggregate: returns(NUMBER_TYPE),
  flatten: returns(arrayType(ANY_TYPE)),
  welcome_agent: returns(STRING_TYPE),
  check_user_confirmation: returns(enumType(['approved', 'denied']), CONFIRMATION_INPUT),
  check_user_confirmation_sync: returns(enumType(['approved', 'denied']), CONFIRMATION_INPUT),
  extract_yaml_text: returns(YAML_TEXTS),
  return_yaml_for_cli: returns(YAML_TEXTS),
  extract_decomposed_steps: returns(
    objectType({ prepared_steps_for_mapping: arrayType(OPEN_OBJECT_TYPE) }),
  ),
  capture_validation_report: returns(
    objectType({ validation_report: OPEN_OBJECT_TYPE, yaml_is_valid: BOOLEAN_TYPE }),
  ),
  validation_report_to_flag: returns(VALIDITY_FLAG),
  extract_validation_errors: returns(
    objectType({ validation_errors: STRING_TYPE, yaml_is_valid: BOOLEAN_TYPE }),
  ),
  compute_validity_key: returns(VALID_OR_INVALID),
  always_valid_key: returns(enumType(['valid'])),
  has_yaml_key: returns(enumType(['present', 'absent'])),
  get_yaml_validity: returns(VALIDITY_FLAG),
  select_validity_branch: returns(VALID_OR_INVALID),
  select_by_yaml_shape: returns(VALID_OR_INVALID),
  shape_to_validity_flag: returns(
    objectType({ yaml_is_valid: BOOLEAN_TYPE, yaml_text: STRING_TYPE }),
  ),
  visualize_plan: returns(objectType({ plan_mermaid_graph: STRING_TYPE })),
  estimate_plan_cost: returns(objectType({ plan_estimated_cost_usd: NUMBER_TYPE })),
  aggregate_plan: returns(
    objectType({ user_goal: ANY_TYPE, step_plans: ANY_TYPE, available_skills: ANY_TYPE }),
  ),
  build_tool_match_input: returns(
    objectType({ step_name: ANY_TYPE, purpose: ANY_TYPE, available_skills: ANY_TYPE }),
  ),
  render_jinja_template: returns(STRING_TYPE),
  context_set: returns(objectType({ path: STRING_TYPE, value: ANY_TYPE, success: BOOLEAN_TYPE })),
  context_merge: returns(
    objectType({ path: STRING_TYPE, merged_keys: arrayType(STRING_TYPE), success: BOOLEAN_TYPE }),
  ),
  ask_user: returns(STRING_TYPE),
  web_search: returns(arrayType(ANY_TYPE)),
  http_get: returns(
    objectType({ status_code: INTEGER_TYPE, headers: OPEN_OBJECT_TYPE, body: STRING_TYPE }),
  ),
};

/**
 * The signature of built-in `name` (short name, e.g. `stringify`); undefined for built-ins whose
 * output is not fixed (context_get, select_fields, LLM or side-effecting ones): treat as `any`.
 */
export function builtinSignature(name: string): BuiltinSignature | undefined {
  return Object.hasOwn(signatures, name) ? signatures[name] : undefined;
}

/** Short names of every built-in with a known signature. */
export function typedBuiltinNames(): readonly string[] {
  return Object.keys(signatures);
}
