import type { StepResult, TraceSpan } from '../../engine';
import type { RunRecord } from '../../store';
import { formatDuration, formatUsage, formatValue } from './runOutput';

/** A stored run as `runs list --json` / `runs show --json` print it. */
export function runRecordJson(run: RunRecord): Record<string, unknown> {
  return {
    run_id: run.runId,
    pipeline_name: run.pipelineName,
    status: run.status,
    file: run.file ?? null,
    input: run.input ?? null,
    started_at: new Date(run.startedAt).toISOString(),
    ended_at: run.endedAt === undefined ? null : new Date(run.endedAt).toISOString(),
    duration_ms: run.endedAt === undefined ? null : run.endedAt - run.startedAt,
    usage:
      run.usage === undefined ? null : { cost_usd: run.usage.costUsd, tokens: run.usage.tokens },
    ...(run.status === 'succeeded' ? { output: run.output ?? null } : {}),
    ...(run.status === 'failed' ? { error: run.error } : {}),
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `runs list`: one line per run, newest first, under a header. */
export function formatRunList(runs: readonly RunRecord[]): string {
  if (runs.length === 0) return 'No runs recorded yet.\n';
  const rows = runs.map((run) => [
    run.runId,
    run.status,
    run.pipelineName,
    new Date(run.startedAt).toISOString(),
    run.endedAt === undefined ? '-' : formatDuration(run.endedAt - run.startedAt),
  ]);
  const header = ['RUN ID', 'STATUS', 'PIPELINE', 'STARTED', 'DURATION'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function stepLabel(step: StepResult): string {
  const where = [
    step.iteration === undefined ? '' : ` #${String(step.iteration)}`,
    step.branch === undefined ? '' : ` [${step.branch}]`,
  ].join('');
  const mark = step.success ? '✓' : '✗';
  const attempts = step.attempts > 1 ? ` · ${String(step.attempts)} attempts` : '';
  return `${mark} ${step.name} (${step.kind})${where} ${formatDuration(step.latencyMs)}${attempts}`;
}

/** A step result tree, two spaces per level. */
export function formatStepTree(steps: readonly StepResult[], depth = 1): string[] {
  return steps.flatMap((step) => [
    `${'  '.repeat(depth)}${stepLabel(step)}`,
    ...formatStepTree(step.children, depth + 1),
  ]);
}

/** `runs show`: the run's summary and its step tree. */
export function formatRunDetails(run: RunRecord, steps: readonly StepResult[]): string {
  const lines = [
    `Run ${run.runId}: ${run.pipelineName} ${run.status}`,
    ...(run.file === undefined ? [] : [`file:     ${run.file}`]),
    `started:  ${new Date(run.startedAt).toISOString()}`,
    ...(run.endedAt === undefined
      ? []
      : [`duration: ${formatDuration(run.endedAt - run.startedAt)}`]),
    ...(run.usage === undefined ? [] : [`usage:    ${formatUsage(run.usage)}`]),
    `input:    ${formatValue(run.input)}`,
    ...(run.status === 'succeeded' ? [`output:   ${formatValue(run.output)}`] : []),
    ...(run.status === 'failed' ? [`error:    ${run.error.code}: ${run.error.message}`] : []),
    'steps:',
    ...(steps.length === 0 ? ['  (none recorded)'] : formatStepTree(steps)),
  ];
  return lines.join('\n') + '\n';
}

function spanLine(span: TraceSpan): string {
  const duration =
    span.endTime === undefined ? 'still open' : formatDuration(span.endTime - span.startTime);
  const kind = span.attributes['flujo.step.type'];
  const kindText = typeof kind === 'string' ? ` (${kind})` : '';
  return `${span.name}${kindText} [${span.status}] ${duration}`;
}

/** `runs trace`: the span tree, indented two spaces per level, with durations. */
export function formatTrace(root: TraceSpan): string {
  const lines: string[] = [];
  const visit = (span: TraceSpan, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${spanLine(span)}`);
    for (const event of span.events) lines.push(`${'  '.repeat(depth + 1)}· ${event.name}`);
    for (const child of span.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return lines.join('\n') + '\n';
}
