import type { PluginRef, StepNode } from '../../model';
import type { ContextTx } from '../context/contextTx';
import { ConfigurationError, describeCause, ExecutionError } from '../errors';
import type { RunState } from '../runState';

/**
 * Runs a step's `plugins` (FLUJO-SPEC §8.4) through the skill runner — a JS skill of the same name
 * stands in for the Python plugin (DECISIONS 9), highest `priority` first. A plugin answers
 * `true`/`undefined` (pass), `false`, or a PluginOutcome `{ success, feedback, new_solution }`;
 * `new_solution` replaces the output for the plugins after it. Returns the (possibly replaced)
 * output; a failure throws an ExecutionError "Plugin execution failed: …" (a failed attempt), a
 * plugin that cannot run a ConfigurationError.
 */
export async function runPlugins(
  step: StepNode,
  output: unknown,
  ctx: ContextTx,
  run: RunState,
  signal: AbortSignal,
): Promise<unknown> {
  const plugins = step.plugins;
  if (plugins === undefined || plugins.length === 0) return output;
  const skills = run.options.skills;
  let current = output;
  for (const { path } of byPriority(plugins)) {
    if (skills === undefined || !(await skills.has(path))) {
      throw new ConfigurationError(
        `The plugin ${path} of step '${step.name}' cannot run in the studio.`,
        { suggestion: 'Add a JS skill of the same name under skills/, or mock the step.' },
      );
    }
    let verdict: unknown;
    try {
      verdict = await skills.run(path, {
        input: current,
        context: JSON.parse(JSON.stringify(ctx.value)) as unknown,
        signal,
      });
    } catch (error) {
      throw new ExecutionError(`Plugin execution failed: ${path} raised ${describeCause(error)}`, {
        cause: error,
      });
    }
    if (verdict === false)
      throw new ExecutionError(`Plugin execution failed: ${path} rejected the output`);
    if (typeof verdict !== 'object' || verdict === null) continue;
    if ('success' in verdict && verdict.success === false) {
      const feedback = 'feedback' in verdict ? feedbackText(verdict.feedback) : undefined;
      throw new ExecutionError(
        `Plugin execution failed: ${path}: ${feedback ?? 'rejected the output'}`,
      );
    }
    if ('new_solution' in verdict && verdict.new_solution !== undefined) {
      current = verdict.new_solution;
    }
  }
  return current;
}

function byPriority(
  plugins: readonly PluginRef[],
): readonly { readonly path: string; readonly priority: number }[] {
  return plugins
    .map((plugin) =>
      typeof plugin === 'string'
        ? { path: plugin, priority: 0 }
        : { path: plugin.path, priority: plugin.priority ?? 0 },
    )
    .sort((a, b) => b.priority - a.priority);
}

function feedbackText(feedback: unknown): string | undefined {
  if (feedback === undefined || feedback === null || feedback === '') return undefined;
  return typeof feedback === 'string' ? feedback : JSON.stringify(feedback);
}
