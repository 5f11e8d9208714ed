import { useState } from 'react';

import type { KeyListFieldDescriptor } from '../../../core/model/stepFieldDescriptors';

/** Props of a branch/state key list. */
export interface KeyListControlProps {
  readonly field: KeyListFieldDescriptor;
  readonly id: string;
  readonly keys: readonly string[];
  readonly onAdd: (key: string) => string | undefined;
  readonly onRename: (from: string, to: string) => string | undefined;
  readonly onRemove: (key: string) => string | undefined;
}

/** Branch or state keys with rename (on blur), remove and add. */
export function KeyListControl(props: KeyListControlProps) {
  const { field, id, keys } = props;
  const [error, setError] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState('');
  return (
    <fieldset className="field key-list">
      <legend>{field.label}</legend>
      <ul>
        {keys.map((key, index) => {
          const keyId = `${id}-${String(index)}`;
          return (
            <li key={key}>
              <label htmlFor={keyId} className="visually-hidden">
                {`${field.label} key ${String(index + 1)}`}
              </label>
              <input
                id={keyId}
                defaultValue={key}
                onBlur={(event) => {
                  if (event.target.value !== key) setError(props.onRename(key, event.target.value));
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && event.currentTarget.value !== key) {
                    setError(props.onRename(key, event.currentTarget.value));
                  }
                }}
              />
              <button
                type="button"
                aria-label={`Remove ${key}`}
                onClick={() => {
                  setError(props.onRemove(key));
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className="key-add">
        <label htmlFor={`${id}-new`}>New key</label>
        <input
          id={`${id}-new`}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
          }}
        />
        <button
          type="button"
          onClick={() => {
            const problem = props.onAdd(draft);
            setError(problem);
            if (!problem) setDraft('');
          }}
        >
          Add
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
