import type { StepNode } from '../model';
import { UsageLimitExceeded } from './errors';
import type { RunState, UsageMeter, Where } from './runState';
import type { Usage } from './runTypes';
import { coordinates } from './runStep';

/**
 * Adds one agent call's usage to every budget the step counts against (the run's and each enclosing
 * step's `usage_limits`), emits `usage.updated`, and returns the breach, if any (DECISIONS 8).
 * Parallel branches add to the same meters, so their usage is summed exactly.
 */
export function chargeUsage(
  run: RunState,
  where: Where,
  step: StepNode,
  path: string,
  usage: Usage,
): UsageLimitExceeded | undefined {
  if (usage.costUsd === 0 && usage.tokens === 0) return undefined;
  let breach: UsageLimitExceeded | undefined;
  for (const meter of where.meters) {
    meter.costUsd += usage.costUsd;
    meter.tokens += usage.tokens;
    breach ??= breachOf(meter, step.name);
  }
  run.emit({
    type: 'usage.updated',
    path,
    stepName: step.name,
    step: usage,
    total: run.usage,
    ...coordinates(where),
  });
  return breach;
}

const ownMeters = new WeakMap<UsageMeter, StepNode>();

/**
 * `where` with a fresh meter for `step`'s own `usage_limits` appended (DECISIONS 8), so the step's
 * agent calls and its children's count against it. Idempotent: a `where` that already carries this
 * step's meter is returned unchanged, so the shell and the handler may both call it.
 */
export function withStepMeter(where: Where, step: StepNode): Where {
  if (step.usage_limits === undefined) return where;
  if (where.meters.some((meter) => ownMeters.get(meter) === step)) return where;
  const meter = stepMeter(step);
  if (meter === undefined) return where;
  ownMeters.set(meter, step);
  return { ...where, meters: [...where.meters, meter] };
}

/** A meter for a step's own `usage_limits`, when it declares any. */
export function stepMeter(step: StepNode): UsageMeter | undefined {
  const limits = step.usage_limits;
  if (limits?.total_cost_usd_limit === undefined && limits?.total_tokens_limit === undefined)
    return undefined;
  return {
    owner: `step '${step.name}'`,
    costUsd: 0,
    tokens: 0,
    ...(limits.total_cost_usd_limit === undefined
      ? {}
      : { maxCostUsd: limits.total_cost_usd_limit }),
    ...(limits.total_tokens_limit === undefined ? {} : { maxTokens: limits.total_tokens_limit }),
  };
}

function breachOf(meter: UsageMeter, stepName: string): UsageLimitExceeded | undefined {
  if (meter.maxCostUsd !== undefined && meter.costUsd > meter.maxCostUsd) {
    return new UsageLimitExceeded(
      `Cost limit of $${String(meter.maxCostUsd)} set by ${meter.owner} exceeded at step '${stepName}': $${meter.costUsd.toFixed(6)} used.`,
      {
        suggestion: 'Raise the limit, use a cheaper model, or shorten the prompts.',
        details: {
          limit: 'cost',
          maxCostUsd: meter.maxCostUsd,
          costUsd: meter.costUsd,
          owner: meter.owner,
        },
      },
    );
  }
  if (meter.maxTokens !== undefined && meter.tokens > meter.maxTokens) {
    return new UsageLimitExceeded(
      `Token limit of ${String(meter.maxTokens)} set by ${meter.owner} exceeded at step '${stepName}': ${String(meter.tokens)} tokens used.`,
      {
        suggestion: 'Raise the limit or reduce how much the agents read and write.',
        details: {
          limit: 'tokens',
          maxTokens: meter.maxTokens,
          tokens: meter.tokens,
          owner: meter.owner,
        },
      },
    );
  }
  return undefined;
}
