import type { RunResult, Usage } from '../../engine';
import { assertNever } from '../../model';
import type { CliOutput } from './cliOutput';

/** `12 ms`, `1.25 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${String(Math.round(ms))} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** `0 tokens · $0.0000`. */
export function formatUsage(usage: Usage): string {
  const tokens = `${String(usage.tokens)} token${usage.tokens === 1 ? '' : 's'}`;
  return `${tokens} · $${usage.costUsd.toFixed(4)}`;
}

/** A value as the CLI prints it: a string as is, anything else as pretty JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined ? 'null' : JSON.stringify(value, null, 2);
}

/** The `--json` document of a run (Flujo's RunResult, snake_case at the top level). */
export function runResultJson(result: RunResult): Record<string, unknown> {
  return {
    run_id: result.runId,
    status: result.status,
    output: result.output ?? null,
    steps: result.steps,
    usage: { cost_usd: result.usage.costUsd, tokens: result.usage.tokens },
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.checkpoint === undefined
      ? {}
      : {
          hitl: {
            step_name: result.checkpoint.hitl.stepName,
            message: result.checkpoint.hitl.message,
            input_schema: result.checkpoint.hitl.inputSchema ?? null,
          },
        }),
  };
}

/** Shell-quotes an example answer for the `Resume with:` hint. */
function exampleAnswer(inputSchema: unknown): string {
  const schema = inputSchema as { type?: unknown } | undefined;
  return schema?.type === 'object' ? `'{"…": "…"}'` : `'…'`;
}

/**
 * Prints a run's outcome in text mode: the output (or the HITL question and how to resume) on
 * stdout, failures and a one-line summary on stderr.
 */
export function printRunResult(result: RunResult, elapsedMs: number, output: CliOutput): void {
  switch (result.status) {
    case 'succeeded':
      output.out(`${formatValue(result.output)}\n`);
      break;
    case 'paused': {
      const hitl = result.checkpoint?.hitl;
      output.out(
        [
          hitl?.message ?? 'The run is waiting for an answer.',
          '',
          `Run ${result.runId} paused at "${hitl?.stepName ?? '?'}", waiting for an answer.`,
          `Resume with: flujo-studio runs resume ${result.runId} --input ${exampleAnswer(hitl?.inputSchema)}`,
        ].join('\n') + '\n',
      );
      break;
    }
    case 'failed': {
      const error = result.error;
      const line =
        error?.code === 'UsageLimitExceeded'
          ? `Budget exceeded: ${error.message}`
          : `run ${result.runId} failed: ${error?.message ?? 'unknown error'}`;
      const suggestion = error?.suggestion === undefined ? '' : ` ${error.suggestion}`;
      output.err(`flujo-studio: ${line}${suggestion}\n`);
      break;
    }
    case 'cancelled':
      output.err(`flujo-studio: run ${result.runId} was cancelled.\n`);
      break;
    default:
      assertNever(result.status);
  }
  output.err(`${result.status} in ${formatDuration(elapsedMs)} · ${formatUsage(result.usage)}\n`);
}
