import type { Diagnostic, Pipeline, StepNode } from '../model';
import { agentRefTarget, classifyStep, walkSteps } from '../model';

function stepSummary(step: StepNode): string {
  const role = classifyStep(step);
  switch (role.role) {
    case 'passthrough':
      return typeof step.input === 'string' ? 'template' : '';
    case 'builtin':
      return role.id;
    case 'declared-agent':
      return `agent ${role.agentName}`;
    case 'import':
      return `import ${role.alias}`;
    case 'skill':
    case 'python':
      return role.importPath;
    default:
      return step.agent ? agentRefTarget(step.agent) : '';
  }
}

/**
 * Formats a pipeline as an indented tree, one line per step with its kind, what runs it and its
 * step path — the text view `npm start` and the CLI print.
 */
export function formatPipelineOutline(pipeline: Pipeline): string {
  const lines: string[] = [
    `${pipeline.name ?? '(unnamed pipeline)'}  version ${pipeline.version ?? '-'}`,
  ];
  walkSteps(pipeline, ({ step, path, depth }) => {
    const summary = stepSummary(step);
    const kind = step.kind === 'custom' ? step.customKind : step.kind;
    const label = `${'  '.repeat(depth + 1)}${step.name} (${kind})${summary ? ` — ${summary}` : ''}`;
    lines.push(`${label.padEnd(64)} ${path}`);
  });
  return lines.join('\n');
}

/** Formats diagnostics as `file:line:col severity CODE step: message` lines. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], file: string): string {
  return diagnostics
    .map((d) => {
      const at = d.range ? `${String(d.range.start.line)}:${String(d.range.start.column)}` : '1:1';
      const step = d.stepName ? ` ${d.stepName}:` : '';
      return `${d.file ?? file}:${at} ${d.severity} ${d.code}${step} ${d.message}`;
    })
    .join('\n');
}
