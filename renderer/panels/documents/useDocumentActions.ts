import { useCallback, useMemo, useRef } from 'react';

import { useHostClient } from '../../ipc/HostClientContext';
import { computeDiagnostics } from '../../store/diagnosticsSlice';
import { useDocumentStore } from '../../store/DocumentStoreContext';
import { isDirty } from '../../store/documentStore';
import { isEmptySidecar, readSidecar, sidecarJson } from '../../store/sidecar';
import type { Dialogs } from './useDialogs';
import { defaultExportPath, draftKey, NEW_DOCUMENT_TEXT } from './newDocumentText';

/** A message for the status line. */
export interface Notice {
  readonly kind: 'info' | 'error';
  readonly message: string;
}

/** The document commands of the toolbar and keyboard. */
export interface DocumentActions {
  readonly newDocument: () => Promise<void>;
  readonly openPath: (path: string) => Promise<void>;
  readonly openText: (text: string, filePath: string | undefined) => Promise<void>;
  /** Opens a shipped sample as a new, untitled document (Save asks where, suggesting its name). */
  readonly openSample: (sample: { text: string; path: string }) => Promise<void>;
  readonly save: () => Promise<void>;
  readonly exportYaml: () => Promise<void>;
  /** Opens a crash-recovery draft: its file (if it has one) with the draft's text as an edit. */
  readonly restoreDraft: (draft: { text: string; key: string }) => Promise<void>;
  /** Asks before losing unsaved changes; true when it is fine to go on. */
  readonly confirmDiscard: () => Promise<boolean>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The document commands, bound to this window's store, host client and dialogs. */
export function useDocumentActions(options: {
  readonly dialogs: Dialogs;
  readonly notify: (notice: Notice) => void;
  readonly onOpened: () => void;
}): DocumentActions {
  const store = useDocumentStore();
  const client = useHostClient();
  const { dialogs, notify, onOpened } = options;
  // The file name Save suggests for an untitled document (a sample's own name).
  const suggestedName = useRef('pipeline.yaml');

  const confirmDiscard = useCallback(async () => {
    if (!isDirty(store.getState())) return true;
    return dialogs.confirm({
      title: 'Discard unsaved changes?',
      message: 'The document has changes that are not saved. They will be lost.',
      confirmLabel: 'Discard changes',
    });
  }, [store, dialogs]);

  const openText = useCallback(
    async (text: string, filePath: string | undefined) => {
      if (!(await confirmDiscard())) return;
      suggestedName.current = 'pipeline.yaml';
      store.getState().load(filePath === undefined ? { text } : { text, filePath });
      onOpened();
    },
    [store, confirmDiscard, onOpened],
  );

  const openSample = useCallback(
    async (sample: { text: string; path: string }) => {
      if (!(await confirmDiscard())) return;
      suggestedName.current = sample.path.split(/[\\/]/).pop() ?? 'pipeline.yaml';
      store.getState().load({ text: sample.text });
      onOpened();
    },
    [store, confirmDiscard, onOpened],
  );

  const openPath = useCallback(
    async (path: string) => {
      if (!(await confirmDiscard())) return;
      try {
        const opened = await client.call('documents.open', { path });
        store.getState().load({
          text: opened.text,
          sidecar: readSidecar(opened.sidecar),
          filePath: opened.path,
        });
        onOpened();
      } catch (error) {
        notify({ kind: 'error', message: `Could not open ${path}: ${messageOf(error)}` });
      }
    },
    [client, store, confirmDiscard, notify, onOpened],
  );

  const save = useCallback(async () => {
    const state = store.getState();
    state.flush();
    const path =
      state.filePath ??
      (await dialogs.prompt({
        title: 'Save pipeline',
        label: 'File name',
        initial: suggestedName.current,
        confirmLabel: 'Save',
      }));
    if (path === undefined) return;
    const { text, sidecar, filePath } = store.getState();
    try {
      const saved = await client.call('documents.save', {
        path,
        text,
        ...(isEmptySidecar(sidecar) ? {} : { sidecar: sidecarJson(sidecar) }),
      });
      store.getState().markSaved(saved.path);
      notify({ kind: 'info', message: `Saved ${saved.path}` });
      await client.call('drafts.discard', { key: draftKey(filePath) }).catch(() => undefined);
    } catch (error) {
      notify({ kind: 'error', message: `Could not save: ${messageOf(error)}` });
    }
  }, [client, store, dialogs, notify]);

  const exportYaml = useCallback(async () => {
    const state = store.getState();
    state.flush();
    const { parsed, sidecar, filePath, text } = store.getState();
    const errors = computeDiagnostics(parsed, sidecar, 'flujo', filePath).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    if (errors.length > 0) {
      const go = await dialogs.confirm({
        title: 'Export with errors?',
        message: `The flujo profile reports ${String(errors.length)} error(s) (see Problems); Flujo may reject this file.`,
        confirmLabel: 'Export anyway',
      });
      if (!go) return;
    }
    const path = await dialogs.prompt({
      title: 'Export YAML',
      label: 'Export to file',
      initial: defaultExportPath(filePath),
      confirmLabel: 'Export',
    });
    if (path === undefined) return;
    try {
      const exported = await client.call('documents.export', { path, text });
      notify({ kind: 'info', message: `Exported ${exported.path}` });
    } catch (error) {
      notify({ kind: 'error', message: `Could not export: ${messageOf(error)}` });
    }
  }, [client, store, dialogs, notify]);

  const newDocument = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    store.getState().load({ text: NEW_DOCUMENT_TEXT });
    onOpened();
  }, [store, confirmDiscard, onOpened]);

  const restoreDraft = useCallback(
    async (draft: { text: string; key: string }) => {
      if (!(await confirmDiscard())) return;
      let base: { text: string; sidecar: unknown; path?: string } = { text: '', sidecar: null };
      if (draft.key !== draftKey(undefined)) {
        try {
          base = await client.call('documents.open', { path: draft.key });
        } catch (error) {
          notify({
            kind: 'error',
            message: `${draft.key} could not be opened (${messageOf(error)}); the draft opens as a new file.`,
          });
        }
      }
      const state = store.getState();
      state.load({
        text: base.text,
        sidecar: readSidecar(base.sidecar),
        ...(base.path === undefined ? {} : { filePath: base.path }),
      });
      state.setText(draft.text);
      state.flush();
      onOpened();
    },
    [client, store, confirmDiscard, notify, onOpened],
  );

  return useMemo(
    () => ({
      newDocument,
      openPath,
      openText,
      openSample,
      save,
      exportYaml,
      restoreDraft,
      confirmDiscard,
    }),
    [newDocument, openPath, openText, openSample, save, exportYaml, restoreDraft, confirmDiscard],
  );
}
