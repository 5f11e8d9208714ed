import { isTruthy } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';

/** `flujo.builtins.compute_validity_key`: "valid" when `context.yaml_is_valid` is truthy. */
export const computeValidityKeySkill: BuiltinSkill = {
  id: 'flujo.builtins.compute_validity_key',
  parameters: ['_x'],
  run: ({ context }) => (isTruthy(context.read().yaml_is_valid) ? 'valid' : 'invalid'),
};

/** `flujo.builtins.always_valid_key`: always "valid". */
export const alwaysValidKeySkill: BuiltinSkill = {
  id: 'flujo.builtins.always_valid_key',
  parameters: ['_out'],
  run: () => 'valid',
};

/** `flujo.builtins.has_yaml_key`: "present" when `context.yaml_text` is non-blank text. */
export const hasYamlKeySkill: BuiltinSkill = {
  id: 'flujo.builtins.has_yaml_key',
  parameters: [],
  run: ({ context }) => {
    const text = context.read().yaml_text;
    return typeof text === 'string' && text.trim() !== '' ? 'present' : 'absent';
  },
};

/** `flujo.builtins.get_yaml_validity`: `{yaml_is_valid}` from the context. */
export const getYamlValiditySkill: BuiltinSkill = {
  id: 'flujo.builtins.get_yaml_validity',
  parameters: [],
  run: ({ context }) => ({ yaml_is_valid: isTruthy(context.read().yaml_is_valid) }),
};
