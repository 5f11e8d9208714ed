import './run.css';
import type { SyntheticEvent, KeyboardEvent } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import type { HitlField, HitlForm } from './hitlForm';
import { fieldsOf, hitlAnswerOf, hitlFormOf, initialHitlValues } from './hitlForm';
import type { RunStore } from './runStore';
import type { HitlRequestView } from './runView';
import { useFocusTrap } from './useFocusTrap';
import { useRunState } from './useRunStore';

/**
 * "Human input required": the paused step's name and message and a form generated from its
 * `input_schema`; "Submit" answers (validated first), "Cancel run" cancels. A modal with focus kept
 * inside; Escape does not dismiss it ("Answer later" does, leaving the request in the inbox).
 */
export function HitlDialog(props: { readonly store: RunStore }) {
  const prompt = useRunState(props.store, (state) => state.hitlPrompt);
  if (prompt === undefined) return null;
  return <HitlPrompt key={`${prompt.runId}|${prompt.path}`} store={props.store} prompt={prompt} />;
}

function HitlPrompt(props: { readonly store: RunStore; readonly prompt: HitlRequestView }) {
  const { store, prompt } = props;
  const hostError = useRunState(store, (state) => state.hitlError);
  const form = useMemo(() => hitlFormOf(prompt.inputSchema), [prompt.inputSchema]);
  const [values, setValues] = useState(() => initialHitlValues(form));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [escapeHint, setEscapeHint] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const ids = { title: useId(), message: useId() };
  useFocusTrap(ref, true);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const result = hitlAnswerOf(form, values);
    if (!result.ok) {
      setErrors(result.errors);
      const first = fieldsOf(form).find((field) => field.name in result.errors);
      if (first !== undefined) {
        ref.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first.name)}"]`)?.focus();
      }
      return;
    }
    setErrors({});
    setBusy(true);
    await store.getState().answerHitl(result.answer);
    setBusy(false);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Dismissing by accident would leave a run waiting unseen: say how to leave instead.
      event.preventDefault();
      event.stopPropagation();
      setEscapeHint(true);
    }
  };

  return (
    <div className="dialog-backdrop">
      <form
        ref={ref}
        className="dialog hitl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.message}
        noValidate
        onSubmit={(event) => {
          void submit(event);
        }}
        onKeyDown={onKey}
      >
        <h2 id={ids.title}>Human input required</h2>
        <p className="hitl-step">
          Step <strong>{prompt.stepName}</strong>
        </p>
        <p id={ids.message} className="hitl-message">
          {prompt.message}
        </p>
        <FormFields
          form={form}
          values={values}
          errors={errors}
          onChange={(name, value) => {
            setValues((previous) => ({ ...previous, [name]: value }));
          }}
        />
        {escapeHint ? (
          <p role="status">
            The run is waiting for this answer. Submit, cancel the run, or answer later from the
            inbox.
          </p>
        ) : null}
        {hostError === undefined ? null : (
          <p role="alert" className="run-error">
            {hostError}
          </p>
        )}
        <div className="dialog-buttons">
          <button
            type="button"
            onClick={() => {
              store.getState().deferHitl();
            }}
          >
            Answer later
          </button>
          <button
            type="button"
            onClick={() => {
              void store.getState().cancelHitl();
            }}
          >
            Cancel run
          </button>
          <button type="submit" disabled={busy}>
            Submit
          </button>
        </div>
      </form>
    </div>
  );
}

function FormFields(props: {
  readonly form: HitlForm;
  readonly values: Readonly<Record<string, string | boolean>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (name: string, value: string | boolean) => void;
}) {
  return (
    <div className="hitl-fields">
      {fieldsOf(props.form).map((field) => (
        <FieldControl
          key={field.name}
          field={field}
          value={props.values[field.name]}
          error={props.errors[field.name]}
          onChange={(value) => {
            props.onChange(field.name, value);
          }}
        />
      ))}
    </div>
  );
}

function FieldControl(props: {
  readonly field: HitlField;
  readonly value: string | boolean | undefined;
  readonly error: string | undefined;
  readonly onChange: (value: string | boolean) => void;
}) {
  const { field, value, error, onChange } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    name: field.name,
    'aria-required': field.required,
    'aria-invalid': error !== undefined,
    'aria-describedby': error === undefined ? undefined : errorId,
  };
  const label = (
    <label htmlFor={id}>
      {field.label}
      {field.required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
  let control;
  switch (field.control) {
    case 'textarea':
    case 'json':
      control = (
        <textarea
          {...common}
          rows={field.control === 'json' ? 3 : 4}
          value={text}
          placeholder={field.control === 'json' ? 'JSON' : undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      );
      break;
    case 'text':
      control = (
        <input
          {...common}
          type="text"
          value={text}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      );
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          step={field.integer ? 1 : 'any'}
          value={text}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      );
      break;
    case 'checkbox':
      control = (
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />
      );
      break;
    case 'select':
      control = (
        <select
          {...common}
          value={text}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          <option value="">Choose…</option>
          {field.options.map((option) => (
            <option key={String(option)} value={String(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      );
      break;
    default:
      field satisfies never;
  }
  return (
    <div className="hitl-field">
      {label}
      {control}
      {field.description === undefined ? null : <small>{field.description}</small>}
      {error === undefined ? null : (
        <span id={errorId} role="alert" className="run-error">
          {error}
        </span>
      )}
    </div>
  );
}
