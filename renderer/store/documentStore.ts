/**
 * One store per open document (STYLE: zustand slices, middleware on the combined store only).
 * The document is the YAML text + the sidecar; the parsed model, diagnostics and selection are
 * derived or transient. Undo/redo (zundo) covers the document only, one gesture per entry.
 */
import type { StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { TemporalState } from 'zundo';
import { temporal } from 'zundo';

import type { EditResult, Pipeline } from '../../core/model';
import { editFailure } from '../../core/model';
import { printPipelineYaml } from '../../core/yaml';
import type { DiagnosticsSlice } from './diagnosticsSlice';
import { computeDiagnostics } from './diagnosticsSlice';
import type { ParsedDocument } from './parsedDocument';
import { parseDocumentText, UNPARSED } from './parsedDocument';
import type { SelectionSlice } from './selectionSlice';
import { createSelectionSlice } from './selectionSlice';
import type { Sidecar } from './sidecar';
import { EMPTY_SIDECAR } from './sidecar';

/** What undo/redo restores: the text, the sidecar and the name of the edit that made them. */
export interface DocumentContent {
  readonly text: string;
  readonly sidecar: Sidecar;
  /** Name of the gesture that produced this state ("Rename step", "Edit YAML"…). */
  readonly editLabel: string | undefined;
}

/** A model edit as the canvas, inspector and quick fixes express it. */
export type ModelEdit = (pipeline: Pipeline) => EditResult;

/** The document slice: content, file, saved baseline, parse, and the edits. */
export interface DocumentSlice extends DocumentContent {
  readonly filePath: string | undefined;
  readonly savedText: string;
  readonly savedSidecar: Sidecar;
  readonly parsed: ParsedDocument;
  /** Replaces the document (open, new, restore draft) and forgets the history. */
  readonly load: (doc: { text: string; sidecar?: Sidecar; filePath?: string }) => void;
  /** A text edit from the YAML editor: re-parsed after a pause; one typing burst = one entry. */
  readonly setText: (text: string) => void;
  /** Applies a model edit and prints it into the text (comments kept); one history entry. */
  readonly applyEdit: (edit: ModelEdit, label: string) => EditResult;
  /** Changes the sidecar (layout, breakpoints…); one history entry. */
  readonly updateSidecar: (update: (sidecar: Sidecar) => Sidecar, label: string) => void;
  /**
   * Sets the sidecar without a history entry, and without marking a clean document dirty (the
   * automatic layout of a freshly opened file is not a user edit).
   */
  readonly adoptSidecar: (sidecar: Sidecar) => void;
  /** Records that the current content was saved to `filePath`. */
  readonly markSaved: (filePath: string) => void;
  /** Parses pending typed text now and ends the typing burst. */
  readonly flush: () => void;
  readonly undo: () => void;
  readonly redo: () => void;
}

/** The combined state of a document store. */
export type DocumentState = DocumentSlice & SelectionSlice & DiagnosticsSlice;

/** A document store: the zustand store plus its zundo history store. */
export type DocumentStore = StoreApi<DocumentState> & {
  readonly temporal: StoreApi<TemporalState<DocumentContent>>;
};

/** Options of `createDocumentStore`. */
export interface DocumentStoreOptions {
  /** Pause after the last keystroke before the text is re-parsed (ms). */
  readonly parseDelayMs?: number;
  /** Most undo entries kept. */
  readonly historyLimit?: number;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/** Whether the document differs from what was last saved (or opened). */
export function isDirty(state: DocumentState): boolean {
  return state.text !== state.savedText || state.sidecar !== state.savedSidecar;
}

/** Creates the store of one open document, starting empty. */
export function createDocumentStore(options: DocumentStoreOptions = {}): DocumentStore {
  const parseDelayMs = options.parseDelayMs ?? 150;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;
  // Filled right after creation; the actions only run later.
  const historyRef: { current?: StoreApi<TemporalState<DocumentContent>> } = {};

  const store = createStore<DocumentState>()(
    temporal(
      (set, get) => {
        const derive = (parsed: ParsedDocument, sidecar: Sidecar) => {
          const state = get();
          const result = computeDiagnostics(parsed, sidecar, state.profile, state.filePath);
          return { parsed, diagnostics: result.diagnostics, validationMs: result.ms };
        };

        const reparse = () => {
          const state = get();
          if (state.parsed.text === state.text && state.parsed.document) return;
          set(derive(parseDocumentText(state.text, state.parsed, state.filePath), state.sidecar));
        };

        const endBurst = () => {
          if (burstTimer === undefined) return;
          clearTimeout(burstTimer);
          burstTimer = undefined;
          historyRef.current?.getState().resume();
          reparse();
        };

        return {
          text: '',
          sidecar: EMPTY_SIDECAR,
          editLabel: undefined,
          filePath: undefined,
          savedText: '',
          savedSidecar: EMPTY_SIDECAR,
          parsed: UNPARSED,
          profile: 'studio',
          diagnostics: [],
          validationMs: 0,
          ...createSelectionSlice(set, get),

          load: ({ text, sidecar = EMPTY_SIDECAR, filePath }) => {
            endBurst();
            // One set with the parse included, so the store's subscriber does not parse again.
            const parsed = parseDocumentText(text, UNPARSED, filePath);
            const found = computeDiagnostics(parsed, sidecar, get().profile, filePath);
            set({
              text,
              sidecar,
              editLabel: undefined,
              filePath,
              savedText: text,
              savedSidecar: sidecar,
              selectedPath: undefined,
              reveal: undefined,
              parsed,
              diagnostics: found.diagnostics,
              validationMs: found.ms,
            });
            historyRef.current?.getState().clear();
          },

          setText: (text) => {
            if (text === get().text) return;
            const startsBurst = burstTimer === undefined;
            if (burstTimer !== undefined) clearTimeout(burstTimer);
            burstTimer = setTimeout(endBurst, parseDelayMs);
            if (startsBurst) {
              set({ text, editLabel: 'Edit YAML' });
              historyRef.current?.getState().pause();
            } else {
              set({ text });
            }
          },

          applyEdit: (edit, label) => {
            endBurst();
            const state = get();
            const { document, pipeline } = state.parsed;
            if (!state.parsed.current || !pipeline || !document) {
              return editFailure('The YAML has errors: fix the text first (see Problems).');
            }
            const result = edit(pipeline);
            if (!result.ok) return result;
            let text: string;
            try {
              text = printPipelineYaml(document, result.pipeline);
            } catch (error) {
              return editFailure(error instanceof Error ? error.message : String(error));
            }
            if (text === state.text) return result;
            const parsed = parseDocumentText(text, state.parsed, state.filePath);
            set({ text, editLabel: label, ...derive(parsed, state.sidecar) });
            return result;
          },

          updateSidecar: (update, label) => {
            endBurst();
            const state = get();
            const sidecar = update(state.sidecar);
            if (sidecar === state.sidecar) return;
            // The store's subscriber refreshes the loose-step warnings.
            set({ sidecar, editLabel: label });
          },

          adoptSidecar: (sidecar) => {
            endBurst();
            const state = get();
            const clean = !isDirty(state);
            historyRef.current?.getState().pause();
            try {
              set(clean ? { sidecar, savedSidecar: sidecar } : { sidecar });
            } finally {
              historyRef.current?.getState().resume();
            }
          },

          markSaved: (filePath) => {
            const state = get();
            set({ filePath, savedText: state.text, savedSidecar: state.sidecar });
          },

          flush: endBurst,

          undo: () => {
            endBurst();
            historyRef.current?.getState().undo();
          },

          redo: () => {
            endBurst();
            historyRef.current?.getState().redo();
          },

          setProfile: (profile) => {
            if (profile === get().profile) return;
            set({ profile });
            const state = get();
            set(derive(state.parsed, state.sidecar));
          },
        };
      },
      {
        partialize: (state): DocumentContent => ({
          text: state.text,
          sidecar: state.sidecar,
          editLabel: state.editLabel,
        }),
        equality: (past, current) => past.text === current.text && past.sidecar === current.sidecar,
        limit: options.historyLimit ?? 500,
      },
    ),
  );
  historyRef.current = store.temporal;

  // Undo and redo restore text and sidecar only: re-derive the model and findings from them.
  store.subscribe((state, previous) => {
    if (burstTimer !== undefined) return;
    if (state.text !== state.parsed.text) {
      const parsed = parseDocumentText(state.text, state.parsed, state.filePath);
      const result = computeDiagnostics(parsed, state.sidecar, state.profile, state.filePath);
      store.setState({ parsed, diagnostics: result.diagnostics, validationMs: result.ms });
    } else if (!sameItems(state.sidecar.loose, previous.sidecar.loose)) {
      const result = computeDiagnostics(state.parsed, state.sidecar, state.profile, state.filePath);
      store.setState({ diagnostics: result.diagnostics, validationMs: result.ms });
    }
  });

  return store;
}
