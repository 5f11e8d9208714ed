import type { ReactNode } from 'react';
import { createContext, useContext, useState } from 'react';
import { useStore } from 'zustand';

import type { DocumentState, DocumentStore } from './documentStore';
import { createDocumentStore } from './documentStore';

const DocumentStoreContext = createContext<DocumentStore | undefined>(undefined);

/** Provides one document store to its subtree (one store per provider, not a module singleton). */
export function DocumentStoreProvider(props: {
  readonly store?: DocumentStore;
  readonly children: ReactNode;
}) {
  const [store] = useState(() => props.store ?? createDocumentStore());
  return (
    <DocumentStoreContext.Provider value={store}>{props.children}</DocumentStoreContext.Provider>
  );
}

/** The document store of the nearest provider. */
export function useDocumentStore(): DocumentStore {
  const store = useContext(DocumentStoreContext);
  if (!store) throw new Error('useDocumentStore must be used inside a DocumentStoreProvider.');
  return store;
}

/** Selects from the document state; re-renders only when the selected value changes. */
export function useDocument<T>(selector: (state: DocumentState) => T): T {
  return useStore(useDocumentStore(), selector);
}

/** The undo/redo availability of the document store. */
export function useHistory(): { canUndo: boolean; canRedo: boolean; redoLabel?: string } {
  const store = useDocumentStore();
  const canUndo = useStore(store.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (s) => s.futureStates.length > 0);
  const redoLabel = useStore(store.temporal, (s) => s.futureStates.at(-1)?.editLabel);
  return redoLabel === undefined ? { canUndo, canRedo } : { canUndo, canRedo, redoLabel };
}
