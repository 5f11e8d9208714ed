import { useCallback } from 'react';

import type { SourceRange, StepPath } from '../../core/model';
import { resolveStep } from '../../core/model';
import { useDocumentStore } from './DocumentStoreContext';
import type { SelectionOrigin } from './selectionSlice';

/**
 * Selects a step and reveals it in the YAML (the given range, else the step's own source range).
 * The YAML editor's own cursor selects without revealing.
 */
export function useSelectStep(): (
  path: StepPath | undefined,
  origin: SelectionOrigin,
  range?: SourceRange,
) => void {
  const store = useDocumentStore();
  return useCallback(
    (path, origin, range) => {
      const state = store.getState();
      state.select(path, origin);
      if (origin === 'yaml') return;
      const pipeline = state.parsed.current ? state.parsed.pipeline : undefined;
      const target =
        range ?? (path && pipeline ? resolveStep(pipeline, path)?.source?.range : undefined);
      if (target) state.revealRange(target);
    },
    [store],
  );
}
