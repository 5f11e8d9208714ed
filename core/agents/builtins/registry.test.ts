import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SKILLS,
  findBuiltinSkill,
  HUMAN_INPUT_BUILTIN,
  UNAVAILABLE_BUILTINS,
} from './registry';

// The deterministic and context-mutating built-ins of FLUJO-SPEC §6.
const RUNNABLE = [
  'passthrough',
  'stringify',
  'to_csv',
  'aggregate',
  'select_fields',
  'flatten',
  'welcome_agent',
  'check_user_confirmation',
  'extract_yaml_text',
  'return_yaml_for_cli',
  'extract_decomposed_steps',
  'capture_validation_report',
  'validation_report_to_flag',
  'extract_validation_errors',
  'compute_validity_key',
  'always_valid_key',
  'has_yaml_key',
  'get_yaml_validity',
  'select_validity_branch',
  'select_by_yaml_shape',
  'shape_to_validity_flag',
  'visualize_plan',
  'estimate_plan_cost',
  'aggregate_plan',
  'build_tool_match_input',
  'render_jinja_template',
  'context_set',
  'context_merge',
  'context_get',
];

describe('built-in registry', () => {
  it('has every deterministic built-in of §6 by full id, and nothing else', () => {
    expect([...BUILTIN_SKILLS.keys()].sort()).toEqual(
      RUNNABLE.map((name) => `flujo.builtins.${name}`).sort(),
    );
    expect(findBuiltinSkill('flujo.builtins.to_csv')?.id).toBe('flujo.builtins.to_csv');
    expect(findBuiltinSkill('to_csv')).toBeUndefined();
  });

  it('declares required parameters among its parameters', () => {
    for (const skill of BUILTIN_SKILLS.values()) {
      for (const name of skill.required ?? []) expect(skill.parameters).toContain(name);
    }
  });

  it('explains each unavailable built-in and never also runs it', () => {
    expect(UNAVAILABLE_BUILTINS.size).toBe(12);
    for (const [id, reason] of UNAVAILABLE_BUILTINS) {
      expect(BUILTIN_SKILLS.has(id)).toBe(false);
      expect(reason).toMatch(/mock the step|JS skill/);
    }
  });

  it('leaves ask_user to the engine as a human-input pause', () => {
    expect(HUMAN_INPUT_BUILTIN).toBe('flujo.builtins.ask_user');
    expect(BUILTIN_SKILLS.has(HUMAN_INPUT_BUILTIN)).toBe(false);
    expect(UNAVAILABLE_BUILTINS.has(HUMAN_INPUT_BUILTIN)).toBe(false);
  });
});
