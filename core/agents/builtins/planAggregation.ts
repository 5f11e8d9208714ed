import { isTruthy } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { dictGet, dictItems, isPlainDict } from './plainDict';
import { pythonStringify } from './pythonRepr';

/** The first truthy value among `keys` of a dict, else undefined. */
function firstTruthy(value: unknown, keys: readonly string[]): unknown {
  for (const key of keys) {
    const field = dictGet(value, key);
    if (isTruthy(field)) return field;
  }
  return undefined;
}

/** `str(x or "")`: a truthy value as Python text, else the empty string. */
function textOrEmpty(value: unknown): string {
  return isTruthy(value) ? pythonStringify(value) : '';
}

/**
 * `flujo.builtins.aggregate_plan`: `{user_goal, step_plans, available_skills}` from the mapped
 * step results (their dict items) and the context's `user_goal` (else `initial_prompt`) and
 * `available_skills`.
 */
export const aggregatePlanSkill: BuiltinSkill = {
  id: 'flujo.builtins.aggregate_plan',
  parameters: ['mapped_step_results'],
  run: ({ args, context }) => {
    const ctx = context.read();
    const goal = firstTruthy(ctx, ['user_goal', 'initial_prompt']);
    return {
      user_goal: goal === undefined ? '' : goal,
      step_plans: dictItems(args.mapped_step_results),
      available_skills: dictItems(ctx.available_skills),
    };
  },
};

/**
 * `flujo.builtins.build_tool_match_input`: `{step_name, purpose, available_skills}` for a tool
 * matcher, from a step item (`step_name`/`name`/`title`, `purpose`/`description`) and the
 * context's `available_skills`.
 */
export const buildToolMatchInputSkill: BuiltinSkill = {
  id: 'flujo.builtins.build_tool_match_input',
  parameters: ['item'],
  run: ({ args, context }) => {
    const item = isPlainDict(args.item) ? args.item : {};
    return {
      step_name: textOrEmpty(firstTruthy(item, ['step_name', 'name', 'title'])),
      purpose: textOrEmpty(firstTruthy(item, ['purpose', 'description'])),
      available_skills: dictItems(context.read().available_skills),
    };
  },
};
