import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { StoredRunStatus } from '../../store';
import { STORED_RUN_STATUSES } from '../../store';
import type { CliOutput } from './cliOutput';
import type { CliLimits } from './engineOptions';
import { runResumeCommand } from './resumeCommand';
import { runRunCommand } from './runCommand';
import { runsEvents, runsList, runsShow, runsTrace } from './runsCommand';

interface ParsedRunOptions {
  readonly input?: string;
  readonly contextData?: string;
  readonly json?: boolean;
  readonly db?: string;
  readonly limitCost?: number;
  readonly limitTokens?: number;
}

interface ParsedRunsOptions {
  readonly json?: boolean;
  readonly db?: string;
  readonly status?: StoredRunStatus;
  readonly limit?: number;
  readonly input?: string;
  readonly limitCost?: number;
  readonly limitTokens?: number;
}

function nonNegativeNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new InvalidArgumentError('expected a number ≥ 0.');
  }
  return parsed;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('expected a whole number ≥ 1.');
  }
  return parsed;
}

function limitsOf(parsed: { limitCost?: number; limitTokens?: number }): CliLimits {
  return {
    ...(parsed.limitCost === undefined ? {} : { totalCostUsd: parsed.limitCost }),
    ...(parsed.limitTokens === undefined ? {} : { totalTokens: parsed.limitTokens }),
  };
}

const DB_HELP = 'run database (default: $FLUJO_STUDIO_DB, else the per-user app-data folder)';

function withBudgetOptions(command: Command): Command {
  return command
    .option('--limit-cost <usd>', 'stop the run when it has cost more than this', nonNegativeNumber)
    .option('--limit-tokens <n>', 'stop the run when it has used more tokens', nonNegativeNumber);
}

/**
 * Adds `run`, `runs …` and `serve` to the program. `serve` is started by the launcher
 * (flujo-studio.mjs), not here: it needs electron/web, which core/node may not import (layering);
 * it is declared here so `--help` lists it with its options.
 */
export function addRunCommands(
  program: Command,
  output: CliOutput,
  setExitCode: (code: number) => void,
): void {
  withBudgetOptions(
    program
      .command('run')
      .description('Run a pipeline file here and record the run in the run database.')
      .argument('<file>', 'pipeline YAML file')
      .option(
        '-i, --input <text>',
        'input of the run (- reads stdin); else $FLUJO_INPUT, else piped stdin, else empty',
      )
      .option('-d, --context-data <json>', 'initial context fields, a JSON object')
      .option('--json', 'print the run result as JSON')
      .option('--db <path>', DB_HELP),
  ).action(async (file: string, parsed: ParsedRunOptions) => {
    setExitCode(
      await runRunCommand(
        file,
        {
          json: parsed.json ?? false,
          limits: limitsOf(parsed),
          ...(parsed.input === undefined ? {} : { input: parsed.input }),
          ...(parsed.contextData === undefined ? {} : { contextData: parsed.contextData }),
          ...(parsed.db === undefined ? {} : { db: parsed.db }),
        },
        output,
      ),
    );
  });

  const runs = program.command('runs').description('List, inspect and resume recorded runs.');
  const dbOf = (parsed: ParsedRunsOptions) => (parsed.db === undefined ? {} : { db: parsed.db });
  runs
    .command('list')
    .description('List recorded runs, newest first.')
    .option('--json', 'print JSON')
    .addOption(
      new Option('--status <status>', 'only runs of this status').choices(STORED_RUN_STATUSES),
    )
    .option('--limit <n>', 'at most this many runs (default 50)', positiveInteger)
    .option('--db <path>', DB_HELP)
    .action(async (parsed: ParsedRunsOptions) => {
      setExitCode(
        await runsList(
          {
            ...dbOf(parsed),
            json: parsed.json ?? false,
            ...(parsed.status === undefined ? {} : { status: parsed.status }),
            ...(parsed.limit === undefined ? {} : { limit: parsed.limit }),
          },
          output,
        ),
      );
    });
  runs
    .command('show')
    .description('Show a run: its summary and step tree.')
    .argument('<id>', 'run id')
    .option('--json', 'print JSON')
    .option('--db <path>', DB_HELP)
    .action(async (id: string, parsed: ParsedRunsOptions) => {
      setExitCode(await runsShow(id, { ...dbOf(parsed), json: parsed.json ?? false }, output));
    });
  runs
    .command('trace')
    .description("Show a run's span tree (Flujo's trace contract) with durations.")
    .argument('<id>', 'run id')
    .option('--json', 'print JSON')
    .option('--db <path>', DB_HELP)
    .action(async (id: string, parsed: ParsedRunsOptions) => {
      setExitCode(await runsTrace(id, { ...dbOf(parsed), json: parsed.json ?? false }, output));
    });
  runs
    .command('events')
    .description("Print a run's recorded events in order.")
    .argument('<id>', 'run id')
    .option('--json', 'print JSON')
    .option('--db <path>', DB_HELP)
    .action(async (id: string, parsed: ParsedRunsOptions) => {
      setExitCode(await runsEvents(id, { ...dbOf(parsed), json: parsed.json ?? false }, output));
    });
  withBudgetOptions(
    runs
      .command('resume')
      .description('Answer a paused run (exactly once) and continue it here.')
      .argument('<id>', 'run id')
      .requiredOption(
        '-i, --input <answer>',
        'the answer: JSON when the step has an object input_schema, else text',
      )
      .option('--json', 'print the run result as JSON')
      .option('--db <path>', DB_HELP),
  ).action(async (id: string, parsed: ParsedRunsOptions) => {
    setExitCode(
      await runResumeCommand(
        id,
        {
          ...dbOf(parsed),
          input: parsed.input ?? '',
          json: parsed.json ?? false,
          limits: limitsOf(parsed),
        },
        output,
      ),
    );
  });

  program
    .command('serve')
    .description('Open the studio in a browser (browser mode, on 127.0.0.1 with a session token).')
    .argument('[file-or-folder]', 'pipeline file to open, or the workspace folder')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--db <path>', DB_HELP)
    .option('--no-open', 'do not open a browser')
    .action(() => {
      output.err(
        'flujo-studio: serve is started by the flujo-studio launcher (core/node/cli/flujo-studio.mjs); run it through npx flujo-studio serve.\n',
      );
      setExitCode(2);
    });
}
