import type { SyntheticEvent, KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { parseJsonObject, parseLimit, parseRunInput } from './parseRunInput';
import type { RunStore } from './runStore';
import { useFocusTrap } from './useFocusTrap';
import { useRunState } from './useRunStore';

/** Props of the run dialog. */
export interface RunDialogProps {
  readonly store: RunStore;
  /** The document on screen (unsaved edits included). */
  readonly getDocument: () => {
    text: string;
    file?: string;
    mocks?: Readonly<Record<string, unknown>>;
  };
  /** Start under the debugger. */
  readonly debug?: boolean;
  readonly onClose: () => void;
}

/** "Run pipeline": input (text or JSON), remembered inputs, initial context and limits; Enter starts. */
export function RunDialog(props: RunDialogProps) {
  const { store, getDocument, debug = false, onClose } = props;
  const lastInputs = useRunState(store, (state) => state.lastInputs);
  const [input, setInput] = useState(lastInputs[0] ?? '');
  const [context, setContext] = useState('');
  const [cost, setCost] = useState('');
  const [tokens, setTokens] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const ids = { title: useId(), input: useId(), error: useId() };
  useFocusTrap(ref, true);

  const start = async () => {
    const parsedContext = parseJsonObject(context, 'Initial context');
    const parsedCost = parseLimit(cost, 'Cost limit');
    const parsedTokens = parseLimit(tokens, 'Token limit');
    for (const parsed of [parsedContext, parsedCost, parsedTokens]) {
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
    }
    const limits = {
      ...(parsedCost.ok && parsedCost.value !== undefined
        ? { totalCostUsd: parsedCost.value }
        : {}),
      ...(parsedTokens.ok && parsedTokens.value !== undefined
        ? { totalTokens: Math.round(parsedTokens.value) }
        : {}),
    };
    setError(undefined);
    setStarting(true);
    const document = getDocument();
    const runId = await store.getState().start({
      text: document.text,
      ...(document.file === undefined ? {} : { file: document.file }),
      input: parseRunInput(input),
      inputText: input,
      ...(parsedContext.ok && parsedContext.value !== undefined
        ? { context: parsedContext.value }
        : {}),
      ...(Object.keys(limits).length > 0 ? { limits } : {}),
      ...(document.mocks === undefined ? {} : { mocks: document.mocks }),
      debug,
    });
    setStarting(false);
    if (runId === undefined) setError(store.getState().error ?? 'The run did not start.');
    else onClose();
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void start();
  };
  const onInputKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void start();
    }
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="dialog-backdrop">
      <form
        ref={ref}
        className="dialog run-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        onSubmit={onSubmit}
        onKeyDown={onKey}
      >
        <h2 id={ids.title}>Run pipeline</h2>
        {debug ? (
          <p className="run-dialog-mode">With the debugger (breakpoints and stepping).</p>
        ) : null}
        <label htmlFor={ids.input}>Input</label>
        <textarea
          id={ids.input}
          value={input}
          rows={4}
          aria-describedby={error === undefined ? undefined : ids.error}
          placeholder='Text, or JSON such as {"topic": "tea"} (Ctrl+Enter starts)'
          onChange={(event) => {
            setInput(event.target.value);
          }}
          onKeyDown={onInputKey}
        />
        {lastInputs.length > 0 ? (
          <label>
            Last inputs
            <select
              value=""
              onChange={(event) => {
                setInput(event.target.value);
              }}
            >
              <option value="">Choose a recent input…</option>
              {lastInputs.map((item, index) => (
                <option key={index} value={item}>
                  {item.length > 60 ? `${item.slice(0, 60)}…` : item}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <details>
          <summary>Initial context and limits</summary>
          <label>
            Initial context (JSON)
            <textarea
              value={context}
              rows={3}
              onChange={(event) => {
                setContext(event.target.value);
              }}
              onKeyDown={onInputKey}
            />
          </label>
          <label>
            Cost limit (USD)
            <input
              type="number"
              min={0}
              step="0.01"
              value={cost}
              onChange={(event) => {
                setCost(event.target.value);
              }}
            />
          </label>
          <label>
            Token limit
            <input
              type="number"
              min={0}
              step={1}
              value={tokens}
              onChange={(event) => {
                setTokens(event.target.value);
              }}
            />
          </label>
        </details>
        {error === undefined ? null : (
          <p id={ids.error} role="alert" className="run-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={starting}>
            Start
          </button>
        </div>
      </form>
    </div>
  );
}
