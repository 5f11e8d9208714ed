import { useEffect, useState } from 'react';
import { RunCompare } from './RunCompare';
import { TraceTreeView } from './TraceTreeView';
import { formatCost, formatDuration, formatTime } from './runFormat';
import type { RunStore, RunSummary } from './runStore';
import type { RunView } from './runView';
import { useRunState } from './useRunStore';

const STATUSES = ['running', 'paused', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;

/**
 * Region "Run history": this document's runs (status, start, duration, cost), filtered by status;
 * "Open" replays one (scrubber over its events, trace tree), and two checked runs compare.
 */
export function RunHistory(props: { readonly store: RunStore; readonly file?: string }) {
  const { store, file } = props;
  const history = useRunState(store, (state) => state.history);
  const replay = useRunState(store, (state) => state.replay);
  const [filter, setFilter] = useState<string>('all');
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [compared, setCompared] = useState<{ a: RunView; b: RunView } | undefined>(undefined);
  useEffect(() => {
    void store.getState().loadHistory(file);
  }, [store, file]);
  const shown = filter === 'all' ? history : history.filter((run) => run.status === filter);

  const compare = async () => {
    const [first, second] = picked;
    if (first === undefined || second === undefined) return;
    const state = store.getState();
    const [a, b] = await Promise.all([state.fetchRecorded(first), state.fetchRecorded(second)]);
    if (a !== undefined && b !== undefined) setCompared({ a, b });
  };

  return (
    <section className="run-history" aria-label="Run history">
      <label>
        Status
        <select
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
        >
          <option value="all">All</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      {shown.length === 0 ? (
        <p>No runs{filter === 'all' ? '' : ` with status ${filter}`} yet.</p>
      ) : (
        <table aria-label="Runs">
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Cost</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((run) => (
              <HistoryRow
                key={run.runId}
                run={run}
                picked={picked.includes(run.runId)}
                open={replay?.runId === run.runId}
                onPick={(on) => {
                  setPicked((current) =>
                    on
                      ? [...current.filter((id) => id !== run.runId), run.runId].slice(-2)
                      : current.filter((id) => id !== run.runId),
                  );
                }}
                onOpen={() => {
                  void store.getState().openRecorded(run.runId);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        disabled={picked.length !== 2}
        onClick={() => {
          void compare();
        }}
      >
        Compare
      </button>
      {compared === undefined ? null : <RunCompare a={compared.a} b={compared.b} />}
      {replay === undefined ? null : (
        <div className="run-replay">
          <label>
            Replay position
            <input
              type="range"
              min={0}
              max={replay.events.length}
              value={replay.position}
              onChange={(event) => {
                store.getState().scrub(Number(event.target.value));
              }}
            />
          </label>
          <p aria-live="polite">
            Event {replay.position} of {replay.events.length}
            {describeEvent(replay.events[replay.position - 1])}
          </p>
          <TraceTreeView events={replay.events.slice(0, replay.position)} />
        </div>
      )}
    </section>
  );
}

function HistoryRow(props: {
  readonly run: RunSummary;
  readonly picked: boolean;
  readonly open: boolean;
  readonly onPick: (on: boolean) => void;
  readonly onOpen: () => void;
}) {
  const { run } = props;
  const label = `${run.pipelineName} ${formatTime(run.startedAt)}`;
  return (
    <tr aria-current={props.open ? 'true' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={`Compare ${label}`}
          checked={props.picked}
          onChange={(event) => {
            props.onPick(event.target.checked);
          }}
        />
      </td>
      <td>{run.status}</td>
      <td>{formatTime(run.startedAt)}</td>
      <td>{run.endedAt === undefined ? '—' : formatDuration(run.endedAt - run.startedAt)}</td>
      <td>{formatCost(run.costUsd)}</td>
      <td>
        <button type="button" aria-label={`Open ${label}`} onClick={props.onOpen}>
          Open
        </button>
      </td>
    </tr>
  );
}

function describeEvent(event: { type: string; path: string } | undefined): string {
  if (event === undefined) return '';
  return `: ${event.type}${event.path === '' ? '' : ` at ${event.path}`}`;
}
