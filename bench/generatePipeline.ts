/**
 * Generates a Flujo YAML pipeline of about `stepCount` steps mixing every runnable kind, with
 * containers nested up to `maxDepth` levels and templates that read context (`topic`, `items`: the
 * run's initial context) and the first step — the workload of the YAML, validation and canvas
 * benchmarks.
 */
export function generatePipelineYaml(stepCount: number, maxDepth = 4, seed = 1): string {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  let produced = 0;
  const lines: string[] = ['version: "0.1"', 'name: generated_benchmark', 'steps:'];

  const emitLeaf = (indent: string): void => {
    const n = produced++;
    const variant = n % 4;
    lines.push(`${indent}- kind: step`, `${indent}  name: s${n}`);
    if (variant === 0) {
      lines.push(`${indent}  input: "{{ context.topic }} / {{ previous_step | tojson }}"`);
    } else if (variant === 1) {
      lines.push(`${indent}  agent: { id: "flujo.builtins.stringify" }`);
    } else if (variant === 2) {
      lines.push(
        `${indent}  agent:`,
        `${indent}    id: flujo.builtins.context_set`,
        `${indent}  input: { path: "k${n}", value: "v" }`,
        `${indent}  updates_context: true`,
        `${indent}  sink_to: "k${n}"`,
      );
    } else {
      lines.push(`${indent}  input: "{{ steps.s0.output or 'none' | upper }}"`);
      lines.push(`${indent}  config: { max_retries: 2, timeout_s: 30 }`);
    }
  };

  const emitBlock = (indent: string, depth: number): void => {
    const pick = random();
    if (depth >= maxDepth || pick < 0.55) {
      emitLeaf(indent);
      return;
    }
    const n = produced++;
    const inner = `${indent}      `;
    if (pick < 0.65) {
      lines.push(`${indent}- kind: loop`, `${indent}  name: loop${n}`, `${indent}  loop:`);
      lines.push(
        `${indent}    max_loops: 3`,
        `${indent}    exit_expression: "previous_step == 'done'"`,
      );
      lines.push(`${indent}    body:`);
      emitChildren(`${indent}      `, depth);
    } else if (pick < 0.72) {
      lines.push(`${indent}- kind: map`, `${indent}  name: map${n}`, `${indent}  map:`);
      lines.push(`${indent}    iterable_input: items`, `${indent}    body:`);
      emitChildren(inner, depth);
    } else if (pick < 0.82) {
      lines.push(`${indent}- kind: parallel`, `${indent}  name: par${n}`);
      lines.push(`${indent}  merge_strategy: overwrite`, `${indent}  branches:`);
      for (const key of ['a', 'b']) {
        lines.push(`${indent}    ${key}:`);
        emitChildren(inner, depth);
      }
    } else if (pick < 0.9) {
      lines.push(`${indent}- kind: conditional`, `${indent}  name: cond${n}`);
      lines.push(
        `${indent}  condition_expression: "previous_step == 'yes'"`,
        `${indent}  branches:`,
      );
      for (const key of ['yes', 'no']) {
        lines.push(`${indent}    ${key}:`);
        emitChildren(inner, depth);
      }
    } else if (pick < 0.95) {
      lines.push(
        `${indent}- kind: cache`,
        `${indent}  name: cache${n}`,
        `${indent}  wrapped_step:`,
      );
      const leaf = produced++;
      lines.push(`${indent}    kind: step`, `${indent}    name: cached${leaf}`);
      lines.push(`${indent}    agent: { id: "flujo.builtins.stringify" }`);
    } else {
      lines.push(`${indent}- kind: hitl`, `${indent}  name: ask${n}`);
      lines.push(
        `${indent}  message: "Approve {{ context.topic }}?"`,
        `${indent}  sink_to: answer${n}`,
      );
    }
  };

  const emitChildren = (indent: string, depth: number): void => {
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) emitBlock(indent, depth + 1);
  };

  // The first step is always a plain step `s0`, so every `steps.s0` reference points back to it.
  emitLeaf('  ');
  while (produced < stepCount) emitBlock('  ', 0);
  return lines.join('\n') + '\n';
}
