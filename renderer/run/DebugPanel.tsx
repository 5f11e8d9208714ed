import { useEffect, useId, useState } from 'react';
import type { Frame } from '../../core/engine';
import { parseJsonObject } from './parseRunInput';
import { messageOf } from './messageOf';
import type { RunStore } from './runStore';
import { useActiveRun } from './useRunStore';

/**
 * The debugger when paused: the frame stack (outermost → innermost, with iteration/branch) and a
 * Variables view of the paused step's input and context, editable before it runs ("Apply").
 */
export function DebugPanel(props: { readonly store: RunStore }) {
  const { store } = props;
  const { run } = useActiveRun(store);
  const frames = run?.pausedFrames;
  const [selected, setSelected] = useState<number | undefined>(undefined);
  // A new pause shows its innermost frame again.
  useEffect(() => {
    setSelected(undefined);
  }, [frames]);
  if (run === undefined || frames === undefined || frames.length === 0) {
    return (
      <section className="debug-panel" aria-label="Debugger">
        <p>Not paused. Set a breakpoint (F9 on a step) and press Debug.</p>
      </section>
    );
  }
  const index = selected ?? frames.length - 1;
  const frame = frames[index] ?? frames[frames.length - 1];
  return (
    <section className="debug-panel" aria-label="Debugger">
      <p>
        Paused {run.pauseReason === undefined ? '' : `(${run.pauseReason})`} before{' '}
        <strong>{frames.at(-1)?.stepName}</strong>
      </p>
      <h3 id="debug-frames">Frames</h3>
      <ol className="debug-frames" aria-labelledby="debug-frames">
        {frames.map((item, position) => (
          <li key={`${item.path}|${String(position)}`}>
            <button
              type="button"
              aria-current={position === index ? 'true' : undefined}
              onClick={() => {
                setSelected(position);
              }}
            >
              {frameLabel(item)}
            </button>
          </li>
        ))}
      </ol>
      {frame === undefined ? null : (
        <Variables
          key={`${frame.path}|${String(index)}|${String(run.eventCount)}`}
          frame={frame}
          editable={index === frames.length - 1 && run.pauseReason !== 'failure'}
          onApply={(edit) => store.getState().editFrame(edit)}
        />
      )}
    </section>
  );
}

function frameLabel(frame: Frame): string {
  const where = [
    frame.iteration === undefined ? '' : `iteration ${String(frame.iteration)}`,
    frame.branch === undefined ? '' : `branch ${frame.branch}`,
    frame.attempt > 1 ? `attempt ${String(frame.attempt)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${frame.stepName} (${frame.kind})${where === '' ? '' : ` — ${where}`} · ${frame.path}`;
}

function Variables(props: {
  readonly frame: Frame;
  readonly editable: boolean;
  readonly onApply: (edit: { input?: unknown; context?: Record<string, unknown> }) => Promise<void>;
}) {
  const { frame, editable } = props;
  const initialInput = frame.input === undefined ? '' : JSON.stringify(frame.input, null, 2);
  const initialContext = JSON.stringify(frame.context, null, 2);
  const [input, setInput] = useState(initialInput);
  const [context, setContext] = useState(initialContext);
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const ids = { input: useId(), context: useId(), error: useId() };

  const apply = async () => {
    setStatus(undefined);
    const edit: { input?: unknown; context?: Record<string, unknown> } = {};
    if (input !== initialInput) {
      try {
        edit.input = input.trim() === '' ? null : (JSON.parse(input) as unknown);
      } catch (parseError) {
        setError(`Input is not valid JSON: ${messageOf(parseError)}`);
        return;
      }
    }
    if (context !== initialContext) {
      const parsed = parseJsonObject(context, 'Context');
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
      edit.context = parsed.value ?? {};
    }
    if (edit.input === undefined && edit.context === undefined) {
      setError(undefined);
      setStatus('Nothing changed.');
      return;
    }
    try {
      await props.onApply(edit);
      setError(undefined);
      setStatus('Applied; the step runs with it when you continue.');
    } catch (applyError) {
      setError(messageOf(applyError));
    }
  };

  return (
    <div className="debug-variables" role="group" aria-label="Variables">
      <h3>Variables</h3>
      <label htmlFor={ids.input}>Input</label>
      <textarea
        id={ids.input}
        value={input}
        rows={4}
        readOnly={!editable}
        aria-invalid={error?.startsWith('Input') === true}
        aria-describedby={error === undefined ? undefined : ids.error}
        onChange={(event) => {
          setInput(event.target.value);
        }}
      />
      <label htmlFor={ids.context}>Context</label>
      <textarea
        id={ids.context}
        value={context}
        rows={8}
        readOnly={!editable}
        aria-invalid={error?.startsWith('Context') === true}
        aria-describedby={error === undefined ? undefined : ids.error}
        onChange={(event) => {
          setContext(event.target.value);
        }}
      />
      {error === undefined ? null : (
        <p id={ids.error} role="alert" className="run-error">
          {error}
        </p>
      )}
      {status === undefined ? null : <p role="status">{status}</p>}
      {editable ? (
        <button
          type="button"
          onClick={() => {
            void apply();
          }}
        >
          Apply
        </button>
      ) : (
        <p>Only the paused step&apos;s frame can be edited.</p>
      )}
    </div>
  );
}
