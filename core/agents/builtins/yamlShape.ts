import { isTruthy } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { dictGet, dictHas, isPlainDict } from './plainDict';

// Python's str.splitlines() boundaries, control characters included.
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/**
 * True when the rest of the first `steps:` line opens an inline list it does not close
 * (`steps: [`), the malformed draft shape Flujo's architect guards against.
 */
export function hasUnclosedInlineSteps(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const at = text.indexOf('steps:');
  if (at < 0) return false;
  const line = text.slice(at + 'steps:'.length).split(LINE_BREAK)[0] ?? '';
  return line.includes('[') && !line.includes(']');
}

/** The YAML text carried by a step output: a string, or a dict's `yaml_text`/`generated_yaml`. */
function outputYaml(output: unknown): unknown {
  if (!isPlainDict(output)) return output;
  const text = dictGet(output, 'yaml_text');
  return isTruthy(text) ? text : dictGet(output, 'generated_yaml');
}

/**
 * `flujo.builtins.select_validity_branch`: "invalid" for an unclosed `steps: [` in the previous
 * output or `context.yaml_text`; else the output's `yaml_is_valid`, else the context's, else
 * "valid". (Flujo also prints debug lines to stdout; the studio does not.)
 */
export const selectValidityBranchSkill: BuiltinSkill = {
  id: 'flujo.builtins.select_validity_branch',
  parameters: ['_out'],
  run: ({ args, context }) => {
    const ctx = context.read();
    const output = args._out;
    if (hasUnclosedInlineSteps(outputYaml(output))) return 'invalid';
    if (hasUnclosedInlineSteps(ctx.yaml_text)) return 'invalid';
    if (dictHas(output, 'yaml_is_valid')) {
      return isTruthy(dictGet(output, 'yaml_is_valid')) ? 'valid' : 'invalid';
    }
    if (dictHas(ctx, 'yaml_is_valid')) return isTruthy(ctx.yaml_is_valid) ? 'valid' : 'invalid';
    return 'valid';
  },
};

/**
 * `flujo.builtins.select_by_yaml_shape`: "invalid" for an unclosed `steps: [` in the previous
 * output or `context.yaml_text`; "valid" when the context has YAML text of a good shape; else
 * the context's `yaml_is_valid`, else "valid". (Flujo's stdout debug line is not reproduced.)
 */
export const selectByYamlShapeSkill: BuiltinSkill = {
  id: 'flujo.builtins.select_by_yaml_shape',
  parameters: ['_out'],
  run: ({ args, context }) => {
    const ctx = context.read();
    if (hasUnclosedInlineSteps(outputYaml(args._out))) return 'invalid';
    if (typeof ctx.yaml_text === 'string') {
      return hasUnclosedInlineSteps(ctx.yaml_text) ? 'invalid' : 'valid';
    }
    if (dictHas(ctx, 'yaml_is_valid')) return isTruthy(ctx.yaml_is_valid) ? 'valid' : 'invalid';
    return 'valid';
  },
};

/**
 * `flujo.builtins.shape_to_validity_flag`: `{yaml_is_valid}` (false only for an unclosed
 * `steps: [` in `context.yaml_text`) plus the context's `yaml_text`/`generated_yaml` when text.
 */
export const shapeToValidityFlagSkill: BuiltinSkill = {
  id: 'flujo.builtins.shape_to_validity_flag',
  parameters: [],
  run: ({ context }) => {
    const { yaml_text: yamlText, generated_yaml: generatedYaml } = context.read();
    return {
      yaml_is_valid: !hasUnclosedInlineSteps(yamlText),
      ...(typeof yamlText === 'string' ? { yaml_text: yamlText } : {}),
      ...(typeof generatedYaml === 'string' ? { generated_yaml: generatedYaml } : {}),
    };
  },
};
