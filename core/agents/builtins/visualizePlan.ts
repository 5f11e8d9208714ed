import { isTruthy } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { asList, dictGet } from './plainDict';
import { pythonStringify } from './pythonRepr';

/**
 * A Mermaid `graph TD` chaining the plan's steps as S1 --> S2 --> …, each labelled with its
 * `name`, else `id`, else "Step <n>". A `"` in a label is written `#quot;` so the graph still
 * parses (Flujo writes it raw). A plan that is not a list gives just `graph TD`.
 */
export function planMermaidGraph(plan: unknown): string {
  const lines = ['graph TD'];
  (asList(plan) ?? []).forEach((step, index) => {
    const n = index + 1;
    const name = dictGet(step, 'name');
    const id = dictGet(step, 'id');
    const label = isTruthy(name) ? name : isTruthy(id) ? id : `Step ${n}`;
    lines.push(`  S${n}["${pythonStringify(label).replaceAll('"', '#quot;')}"]`);
    if (n > 1) lines.push(`  S${n - 1} --> S${n}`);
  });
  return lines.join('\n');
}

/** `flujo.builtins.visualize_plan`: `{plan_mermaid_graph}` for a linear list of steps. */
export const visualizePlanSkill: BuiltinSkill = {
  id: 'flujo.builtins.visualize_plan',
  parameters: ['plan'],
  run: ({ args }) => ({ plan_mermaid_graph: planMermaidGraph(args.plan) }),
};
