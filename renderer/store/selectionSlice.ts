import type { SourceRange, StepPath } from '../../core/model';

/** Who asked for a selection: the YAML editor does not reveal what its own cursor selected. */
export type SelectionOrigin = 'canvas' | 'outline' | 'problems' | 'inspector' | 'yaml';

/** A request to show a range in the YAML editor; `nonce` makes repeated requests distinct. */
export interface RevealRequest {
  readonly range: SourceRange;
  readonly nonce: number;
}

/** Which step is selected, and what the YAML editor should reveal. */
export interface SelectionSlice {
  readonly selectedPath: StepPath | undefined;
  readonly selectionOrigin: SelectionOrigin;
  readonly reveal: RevealRequest | undefined;
  readonly select: (path: StepPath | undefined, origin: SelectionOrigin) => void;
  readonly revealRange: (range: SourceRange) => void;
}

type SetSelection = (partial: Partial<SelectionSlice>) => void;

/** The selection slice of a document store. */
export function createSelectionSlice(set: SetSelection, get: () => SelectionSlice): SelectionSlice {
  return {
    selectedPath: undefined,
    selectionOrigin: 'canvas',
    reveal: undefined,
    select: (path, origin) => {
      if (path === get().selectedPath && origin === get().selectionOrigin) return;
      set({ selectedPath: path, selectionOrigin: origin });
    },
    revealRange: (range) => {
      set({ reveal: { range, nonce: (get().reveal?.nonce ?? 0) + 1 } });
    },
  };
}
