import { useCallback, useState } from 'react';

import { Dialog } from './Dialog';

type Pending =
  | {
      readonly kind: 'confirm';
      readonly title: string;
      readonly message: string;
      readonly confirmLabel: string;
      readonly resolve: (ok: boolean) => void;
    }
  | {
      readonly kind: 'prompt';
      readonly title: string;
      readonly label: string;
      readonly initial: string;
      readonly confirmLabel: string;
      readonly resolve: (value: string | undefined) => void;
    };

/** Promise-based confirm and prompt dialogs, and the element that renders the open one. */
export interface Dialogs {
  readonly confirm: (options: {
    title: string;
    message: string;
    confirmLabel: string;
  }) => Promise<boolean>;
  readonly prompt: (options: {
    title: string;
    label: string;
    initial: string;
    confirmLabel: string;
  }) => Promise<string | undefined>;
  readonly element: React.ReactNode;
}

/** Dialog state for the app shell. */
export function useDialogs(): Dialogs {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const confirm = useCallback(
    (options: { title: string; message: string; confirmLabel: string }) =>
      new Promise<boolean>((resolve) => {
        setPending({ kind: 'confirm', ...options, resolve });
      }),
    [],
  );
  const prompt = useCallback(
    (options: { title: string; label: string; initial: string; confirmLabel: string }) =>
      new Promise<string | undefined>((resolve) => {
        setPending({ kind: 'prompt', ...options, resolve });
      }),
    [],
  );
  const close = useCallback(() => {
    setPending((current) => {
      if (current?.kind === 'confirm') current.resolve(false);
      else current?.resolve(undefined);
      return undefined;
    });
  }, []);

  let element: React.ReactNode = null;
  if (pending?.kind === 'confirm') {
    element = (
      <Dialog title={pending.title} onClose={close}>
        <p>{pending.message}</p>
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              pending.resolve(true);
              setPending(undefined);
            }}
          >
            {pending.confirmLabel}
          </button>
        </div>
      </Dialog>
    );
  } else if (pending?.kind === 'prompt') {
    element = (
      <Dialog title={pending.title} onClose={close}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get('value');
            pending.resolve(
              typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined,
            );
            setPending(undefined);
          }}
        >
          <div className="field">
            <label htmlFor="prompt-value">{pending.label}</label>
            <input id="prompt-value" name="value" defaultValue={pending.initial} />
          </div>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary">
              {pending.confirmLabel}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }
  return { confirm, prompt, element };
}
