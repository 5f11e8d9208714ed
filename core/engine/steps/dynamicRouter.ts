import type { AgentRef, Branch, DynamicRouterStep, PlainStep } from '../../model';
import { isDict } from '../context/contextPath';
import { ConfigurationError } from '../errors';
import { isInterrupt } from '../interrupt';
import type { StepResult } from '../runTypes';
import { runStep } from '../runStep';
import { childWhere } from './childWhere';
import { joinBranches } from './parallel';
import type { BranchOutcome } from './runBranchesConcurrently';
import { runBranchesConcurrently } from './runBranchesConcurrently';
import type { StepCall, StepOutcome } from './stepHandler';

const routerSteps = new WeakMap<DynamicRouterStep, PlainStep>();

/**
 * `kind: dynamic_router` (FLUJO-SPEC §8.6, DECISIONS 11): runs `router_agent` on the input as a
 * plain step; its output (a branch name or a list of names, unknown names dropped) selects the
 * branches, which run like a parallel step whose merged context is the router's result context.
 */
export async function runDynamicRouter(call: StepCall<DynamicRouterStep>): Promise<StepOutcome> {
  const { step } = call;
  const resume = call.resume?.kind === 'branch' ? call.resume : undefined;
  let route: Route;
  if (resume === undefined) {
    const chosen = await chooseBranches(call);
    if (!chosen.ok) return chosen.outcome;
    route = chosen.route;
  } else {
    route = routeFromCursor(resume.extra);
  }
  const { selected } = route;
  const routerResults = route.router === undefined ? [] : [route.router];
  const metadata = {
    executed_branches: selected,
    ...(route.unknown.length === 0 ? {} : { unknown_branches: route.unknown }),
  };
  if (selected.length === 0) {
    return { output: {}, success: true, children: routerResults, metadata };
  }
  let outcomes: readonly BranchOutcome[];
  try {
    outcomes = await runBranchesConcurrently(
      call,
      selected.map((key) => ({ key, steps: branchSteps(step.router.branches, key) })),
      { cursorExtra: { selected, unknown: route.unknown, router: route.router ?? null } },
    );
  } catch (error) {
    if (isInterrupt(error)) error.partial = [...routerResults, ...error.partial];
    throw error;
  }
  const joined = joinBranches(call, outcomes, {
    strategy: 'context_update',
    onBranchFailure: 'propagate',
  });
  return {
    ...joined.outcome,
    children: [...routerResults, ...(joined.outcome.children ?? [])],
    metadata: { ...joined.outcome.metadata, ...metadata },
  };
}

interface Route {
  readonly selected: readonly string[];
  readonly unknown: readonly string[];
  /** The router agent's own step result (kept across a pause). */
  readonly router: StepResult | undefined;
}

async function chooseBranches(
  call: StepCall<DynamicRouterStep>,
): Promise<{ ok: true; route: Route } | { ok: false; outcome: StepOutcome }> {
  const { step } = call;
  const agent = step.router.router_agent;
  if (agent === undefined) {
    const error = new ConfigurationError(`Dynamic router '${step.name}' has no router_agent.`, {
      suggestion: 'Add router.router_agent naming the skill that picks the branches.',
    });
    return { ok: false, outcome: failed(error.message, [], { error: error.toData() }) };
  }
  const router = await runStep(
    routerStep(step, agent),
    call.input,
    call.ctx,
    call.run,
    childWhere(call, {}),
    call.resume,
  );
  if (!router.success) {
    const feedback = `The router agent of '${step.name}' failed: ${router.feedback ?? 'it failed'}`;
    return { ok: false, outcome: failed(feedback, [router]) };
  }
  const output = router.output;
  const names = typeof output === 'string' ? [output] : Array.isArray(output) ? output : undefined;
  if (names === undefined) {
    const feedback = `The router agent of '${step.name}' returned ${(JSON.stringify(output) as string | undefined) ?? 'nothing'}; it must return a branch name or a list of branch names.`;
    return { ok: false, outcome: failed(feedback, [router]) };
  }
  const known = new Set(step.router.branches.map((branch) => branch.key));
  const selected: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const key = typeof name === 'string' ? name : JSON.stringify(name);
    if (selected.includes(key) || unknown.includes(key)) continue;
    if (typeof name === 'string' && known.has(name)) selected.push(key);
    else unknown.push(key);
  }
  return { ok: true, route: { selected, unknown, router } };
}

/** The router agent as a plain step (DECISIONS 11), made once per router node. */
function routerStep(step: DynamicRouterStep, agent: AgentRef): PlainStep {
  const cached = routerSteps.get(step);
  if (cached?.agent === agent) return cached;
  const made: PlainStep = {
    kind: 'step',
    name: `${step.name}.router`,
    agent,
    nameKey: 'name',
    explicitKind: false,
    extra: {},
  };
  routerSteps.set(step, made);
  return made;
}

/** The selection a pause cursor recorded (written as `cursorExtra` above). */
function routeFromCursor(extra: Readonly<Record<string, unknown>> | undefined): Route {
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const router = extra?.router;
  return {
    selected: strings(extra?.selected),
    unknown: strings(extra?.unknown),
    router: isDict(router) ? (router as unknown as StepResult) : undefined,
  };
}

function branchSteps(branches: readonly Branch[], key: string): Branch['pipeline']['steps'] {
  return branches.find((branch) => branch.key === key)?.pipeline.steps ?? [];
}

function failed(
  feedback: string,
  children: readonly StepResult[],
  metadata: Readonly<Record<string, unknown>> = {},
): StepOutcome {
  return { output: undefined, success: false, feedback, children, metadata };
}
