import { useEffect } from 'react';

import { useHostClient } from '../../ipc/HostClientContext';
import { useDocumentStore } from '../../store/DocumentStoreContext';
import { isDirty } from '../../store/documentStore';
import { isEmptySidecar, sidecarJson } from '../../store/sidecar';
import { draftKey } from './newDocumentText';

/** Autosaves a draft copy of unsaved changes (2 s after the last change) for crash recovery. */
export function useDraftAutosave(delayMs = 2000): void {
  const store = useDocumentStore();
  const client = useHostClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.text === previous.text && state.sidecar === previous.sidecar) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        const current = store.getState();
        if (!isDirty(current)) return;
        client
          .call('drafts.save', {
            key: draftKey(current.filePath),
            text: current.text,
            ...(isEmptySidecar(current.sidecar) ? {} : { sidecar: sidecarJson(current.sidecar) }),
          })
          .catch((error: unknown) => {
            console.warn('Draft autosave failed:', error);
          });
      }, delayMs);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, client, delayMs]);
}
