import { lazy, Suspense, useState } from 'react';

import type { ValueFieldDescriptor } from '../../../core/model/stepFieldDescriptors';

const TemplateCodeEditor = lazy(() => import('./TemplateCodeEditor'));

/** Props of one value field of the inspector. */
export interface FieldControlProps {
  readonly field: ValueFieldDescriptor;
  /** Element id of the control (the label's `htmlFor`). */
  readonly id: string;
  readonly value: string;
  readonly dark: boolean;
  /** Choices of the `agent` editor (built-ins, declared agents, imports). */
  readonly agentOptions: readonly string[];
  readonly templateCompletions: readonly string[];
  /** Applies the text; returns why it was refused, if it was. */
  readonly onCommit: (text: string) => string | undefined;
}

/** Renders one value field from its descriptor; text is committed on blur or Enter. */
export function FieldControl(props: FieldControlProps) {
  const { field, id, value } = props;
  const [error, setError] = useState<string | undefined>(undefined);
  const commit = (text: string) => {
    if (text === value) {
      setError(undefined);
      return;
    }
    setError(props.onCommit(text));
  };
  const errorId = `${id}-error`;
  const described = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  let control;
  switch (field.editor) {
    case 'select':
      control = (
        <select
          id={id}
          value={value}
          onChange={(event) => {
            commit(event.target.value);
          }}
        >
          <option value="">(default)</option>
          {value !== '' && !field.options?.includes(value) ? (
            <option value={value}>{value}</option>
          ) : null}
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiline':
    case 'json':
      control = (
        <textarea
          id={id}
          key={value}
          defaultValue={value}
          rows={field.editor === 'json' ? 5 : 3}
          spellCheck={false}
          className={field.editor === 'json' ? 'mono' : undefined}
          {...described}
          onBlur={(event) => {
            commit(event.target.value);
          }}
        />
      );
      break;
    case 'template':
      control = (
        <Suspense fallback={<textarea id={id} readOnly value={value} rows={3} />}>
          <TemplateCodeEditor
            id={id}
            value={value}
            dark={props.dark}
            completions={props.templateCompletions}
            onCommit={commit}
          />
        </Suspense>
      );
      break;
    case 'agent':
    case 'text':
    case 'integer':
    case 'number':
    case 'expression':
      control = (
        <input
          id={id}
          key={value}
          defaultValue={value}
          type="text"
          inputMode={
            field.editor === 'integer' || field.editor === 'number' ? 'decimal' : undefined
          }
          list={field.editor === 'agent' ? `${id}-options` : undefined}
          className={field.editor === 'expression' ? 'mono' : undefined}
          {...described}
          onBlur={(event) => {
            commit(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(event.currentTarget.value);
          }}
        />
      );
      break;
    default: {
      const unknown: never = field.editor;
      control = <span>{String(unknown)}</span>;
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {control}
      {field.editor === 'agent' ? (
        <datalist id={`${id}-options`}>
          {props.agentOptions.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      ) : null}
      {field.help ? <p className="help">{field.help}</p> : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
