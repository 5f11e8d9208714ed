import type { BuiltinSkill } from './builtinSkill';

/**
 * `flujo.builtins.estimate_plan_cost`: `{plan_estimated_cost_usd: 0}`. Flujo sums `est_cost`
 * registry metadata that no registered skill carries, so the estimate is always zero.
 */
export const estimatePlanCostSkill: BuiltinSkill = {
  id: 'flujo.builtins.estimate_plan_cost',
  parameters: ['plan'],
  run: () => ({ plan_estimated_cost_usd: 0 }),
};
