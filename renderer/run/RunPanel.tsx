import './run.css';
import { useCallback } from 'react';
import { RunTimeline } from './RunTimeline';
import { StepDetail } from './StepDetail';
import { formatCost, formatDuration, formatTokens, formatValue } from './runFormat';
import type { RunStore } from './runStore';
import { isLive } from './runStore';
import type { RunView, StepView } from './runView';
import { useActiveRun, useRunState } from './useRunStore';

/** Region "Run": status, totals against the budget, the timeline and the selected step's detail. */
export function RunPanel(props: { readonly store: RunStore }) {
  const { store } = props;
  const { run, version } = useActiveRun(store);
  const selectedPath = useRunState(store, (state) => state.selectedPath);
  const error = useRunState(store, (state) => state.error);
  const step = run === undefined ? undefined : selectedStep(run, selectedPath);
  const onSelect = useCallback(
    (path: string) => {
      store.getState().selectStep(path);
    },
    [store],
  );
  return (
    <section className="run-panel" aria-label="Run">
      {error === undefined ? null : (
        <div role="alert" className="run-error">
          {error}{' '}
          <button
            type="button"
            onClick={() => {
              store.getState().clearError();
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {run === undefined ? (
        <p>No run yet. Press Run (F5) to run the pipeline on screen.</p>
      ) : (
        <>
          <header className="run-panel-header">
            <span>
              {run.pipelineName ?? 'Run'} {run.source === 'recorded' ? '(recorded)' : ''}
            </span>{' '}
            <span className={`run-status run-status-${run.status}`} aria-label="Run status">
              {statusText(run)}
            </span>
            {run.source === 'live' && isLive(run) ? (
              <button
                type="button"
                onClick={() => {
                  void store.getState().cancel();
                }}
              >
                Stop
              </button>
            ) : null}
          </header>
          <Totals run={run} />
          {run.error === undefined ? null : (
            <div role="alert" className="run-error">
              <p>{run.error.message}</p>
              {run.error.suggestion === undefined ? null : (
                <p>Suggestion: {run.error.suggestion}</p>
              )}
            </div>
          )}
          {run.status === 'succeeded' ? (
            <>
              <h3>Output</h3>
              <pre aria-label="Run output">{formatValue(run.output)}</pre>
            </>
          ) : null}
          <RunTimeline run={run} version={version} selectedPath={step?.path} onSelect={onSelect} />
          {step === undefined ? null : <StepDetail run={run} step={step} />}
        </>
      )}
    </section>
  );
}

/** The status word the panel shows: exactly `running`, `succeeded`, `failed`, `paused`, `cancelled`. */
function statusText(run: RunView): string {
  return run.status === 'starting' ? 'running' : run.status;
}

function Totals({ run }: { readonly run: RunView }) {
  const { totals } = run;
  return (
    <p className="run-totals" aria-label="Totals">
      {formatDuration(totals.elapsedMs)} · {formatTokens(totals.tokens)}
      {totals.limitTokens === undefined ? '' : ` of ${formatTokens(totals.limitTokens)}`} tokens ·{' '}
      {formatCost(totals.costUsd)}
      {totals.limitCostUsd === undefined ? '' : ` of ${formatCost(totals.limitCostUsd)} budget`}
    </p>
  );
}

/** The chosen step, else the paused one, else the last one that started. */
function selectedStep(run: RunView, path: string | undefined): StepView | undefined {
  if (path !== undefined) return run.stepStates.get(path);
  const paused = run.pausedFrames?.at(-1)?.path;
  if (paused !== undefined) return run.stepStates.get(paused);
  const last = run.timeline.at(-1);
  return last === undefined ? undefined : run.stepStates.get(last.path);
}
