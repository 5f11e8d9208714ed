import './run.css';
import { useId, useState } from 'react';
import type { RunStore } from './runStore';
import type { RunView } from './runView';
import { useRunState } from './useRunStore';

/** Props of the selected step's run actions. */
export interface StepRunActionsProps {
  readonly store: RunStore;
  /** The selected step's path. */
  readonly path: string;
  /** The step's pinned (mocked) output, when it has one. */
  readonly pinned: { readonly value: unknown } | undefined;
  /** Pins an output to the step (saved in the sidecar), or removes it (`undefined`). */
  readonly onPin: (pinned: { readonly value: unknown } | undefined) => void;
  /** The step's breakpoint (saved in the sidecar), when it has one. */
  readonly breakpoint: { readonly condition?: string } | undefined;
  /** Sets the step's breakpoint (with an optional condition) or removes it (`undefined`). */
  readonly onBreakpoint: (breakpoint: { readonly condition?: string } | undefined) => void;
  readonly getDocument: () => {
    text: string;
    file?: string;
    mocks?: Readonly<Record<string, unknown>>;
  };
}

/** The latest finished live run (the base for "Run from here") and its input. */
function latestFinishedRun(
  runs: Readonly<Record<string, RunView>>,
): { runId: string; input: unknown } | undefined {
  let latest: RunView | undefined;
  for (const run of Object.values(runs)) {
    if (run.status !== 'succeeded' && run.status !== 'failed') continue;
    if (latest === undefined || (run.startedAt ?? 0) > (latest.startedAt ?? 0)) latest = run;
  }
  if (latest === undefined) return undefined;
  const started = latest.events.find((event) => event.type === 'run.started');
  return { runId: latest.runId, input: started?.type === 'run.started' ? started.input : '' };
}

/**
 * "Run from here" (reuses the last run's results for every step before this one) and "Mock output"
 * (a pinned output used instead of running the step, kept in the document's sidecar).
 */
export function StepRunActions(props: StepRunActionsProps) {
  const { store, path, pinned, onPin, getDocument, breakpoint, onBreakpoint } = props;
  const [condition, setCondition] = useState(breakpoint?.condition ?? '');
  const conditionId = useId();
  const runs = useRunState(store, (state) => state.runs);
  const base = latestFinishedRun(runs);
  const [text, setText] = useState(
    pinned === undefined ? '' : JSON.stringify(pinned.value, null, 2),
  );
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const fieldId = useId();

  const runFromHere = () => {
    if (base === undefined) return;
    const document = getDocument();
    void store.getState().start({
      text: document.text,
      ...(document.file === undefined ? {} : { file: document.file }),
      input: base.input,
      ...(document.mocks === undefined ? {} : { mocks: document.mocks }),
      from: { path, baseRunId: base.runId },
    });
  };
  const pin = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setProblem('Write the output to pin: text, or JSON.');
      return;
    }
    setProblem(undefined);
    onPin({ value: parsePinned(trimmed) });
  };

  return (
    <section className="step-run-actions" aria-label="Step run actions">
      <h3>Run</h3>
      <button
        type="button"
        onClick={runFromHere}
        disabled={base === undefined}
        title={
          base === undefined
            ? 'Run the pipeline once first: earlier steps reuse that run.'
            : undefined
        }
      >
        Run from here
      </button>
      <label htmlFor={conditionId}>Breakpoint condition</label>
      <input
        id={conditionId}
        value={condition}
        placeholder="e.g. iteration == 2 or context.score < 0.5 (empty: always)"
        onChange={(event) => {
          setCondition(event.target.value);
        }}
      />
      <div>
        <button
          type="button"
          onClick={() => {
            const trimmed = condition.trim();
            onBreakpoint(trimmed === '' ? {} : { condition: trimmed });
          }}
        >
          {breakpoint === undefined ? 'Set breakpoint' : 'Update breakpoint'}
        </button>
        {breakpoint === undefined ? null : (
          <button
            type="button"
            onClick={() => {
              onBreakpoint(undefined);
            }}
          >
            Remove breakpoint
          </button>
        )}
      </div>
      <label htmlFor={fieldId}>Mock output</label>
      <textarea
        id={fieldId}
        rows={3}
        value={text}
        placeholder="Text or JSON used instead of running this step"
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      {problem === undefined ? null : <p role="alert">{problem}</p>}
      <div>
        <button type="button" onClick={pin}>
          {pinned === undefined ? 'Pin output' : 'Update pinned output'}
        </button>
        {pinned === undefined ? null : (
          <button
            type="button"
            onClick={() => {
              onPin(undefined);
              setText('');
            }}
          >
            Unpin
          </button>
        )}
      </div>
      {pinned === undefined ? null : (
        <p className="muted">This step is mocked: runs use the pinned output.</p>
      )}
    </section>
  );
}

/** A pinned output as typed: JSON when it parses, else the text itself. */
function parsePinned(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
