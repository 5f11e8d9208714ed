import type { RunEvent } from '../../engine';
import { traceTreeFromEvents } from '../../engine';
import type { RunRecord, RunStore, StoredRunStatus } from '../../store';
import { CliFailure } from './cliFailure';
import type { CliOutput } from './cliOutput';
import { withCliStore } from './openCliStore';
import { formatRunDetails, formatRunList, formatTrace, runRecordJson } from './runViews';

/** Options every `runs` subcommand takes. */
export interface RunsOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** Options of `runs list`. */
export interface RunsListOptions extends RunsOptions {
  readonly status?: StoredRunStatus;
  readonly limit?: number;
}

/** A stored run, or a CliFailure saying there is none with that id. */
export function requireRun(store: RunStore, runId: string): RunRecord {
  const run = store.getRun(runId);
  if (run === undefined) {
    throw new CliFailure(
      `no run with id ${runId} is stored. List the runs with flujo-studio runs list.`,
    );
  }
  return run;
}

function printJson(value: unknown, output: CliOutput): void {
  output.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** `runs list`: newest first, optionally of one status. */
export function runsList(options: RunsListOptions, output: CliOutput): Promise<number> {
  return withCliStore(options.db, (store) => {
    const runs = store.listRuns({
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
    });
    if (options.json === true) printJson(runs.map(runRecordJson), output);
    else output.out(formatRunList(runs));
    return 0;
  });
}

/** `runs show <id>`: the run and its step tree. */
export function runsShow(runId: string, options: RunsOptions, output: CliOutput): Promise<number> {
  return withCliStore(options.db, (store) => {
    const run = requireRun(store, runId);
    const steps = store.readStepResults(runId);
    if (options.json === true) printJson({ ...runRecordJson(run), steps }, output);
    else output.out(formatRunDetails(run, steps));
    return 0;
  });
}

/** `runs trace <id>`: the span tree derived from the run's events. */
export function runsTrace(runId: string, options: RunsOptions, output: CliOutput): Promise<number> {
  return withCliStore(options.db, (store) => {
    requireRun(store, runId);
    const tree = traceTreeFromEvents(store.readEvents(runId));
    if (options.json === true) printJson(tree, output);
    else output.out(formatTrace(tree));
    return 0;
  });
}

function eventDetail(event: RunEvent): string {
  if ('stepName' in event) return ` ${event.stepName}`;
  if (event.type === 'step.succeeded' || event.type === 'step.failed')
    return ` ${event.result.name}`;
  return '';
}

/** `runs events <id>`: every stored event in `seq` order. */
export function runsEvents(
  runId: string,
  options: RunsOptions,
  output: CliOutput,
): Promise<number> {
  return withCliStore(options.db, (store) => {
    requireRun(store, runId);
    const events = store.readEvents(runId);
    if (options.json === true) {
      printJson(events, output);
      return 0;
    }
    const lines = events.map(
      (event) =>
        `${String(event.seq).padStart(5)}  ${new Date(event.at).toISOString()}  ${event.type}  ${event.path || '-'}${eventDetail(event)}`,
    );
    output.out(lines.length === 0 ? 'No events recorded.\n' : `${lines.join('\n')}\n`);
    return 0;
  });
}
