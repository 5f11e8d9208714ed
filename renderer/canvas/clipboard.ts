import type { StepNode } from '../../core/model';

// One clipboard for the whole renderer, like the system clipboard: copy in one document, paste in
// another. Steps are immutable model values, so keeping references is safe.
let copied: readonly StepNode[] = [];

/** Puts `steps` on the step clipboard. */
export function copySteps(steps: readonly StepNode[]): void {
  copied = steps;
}

/** The steps on the clipboard (empty when nothing was copied). */
export function clipboardSteps(): readonly StepNode[] {
  return copied;
}
