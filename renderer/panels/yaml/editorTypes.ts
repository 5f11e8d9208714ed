import type { Severity, SourceRange } from '../../../core/model';

/** A diagnostic as the YAML editor shows it: a squiggle with a message. */
export interface EditorMarker {
  readonly range: SourceRange;
  readonly severity: Severity;
  readonly message: string;
  readonly code: string;
}

/** Props of the Monaco YAML editor (a component of its own so tests can replace it). */
export interface YamlCodeEditorProps {
  readonly value: string;
  readonly markers: readonly EditorMarker[];
  readonly dark: boolean;
  /** A range to scroll to and select; a new nonce reveals again. */
  readonly reveal: { readonly range: SourceRange; readonly nonce: number } | undefined;
  readonly onChange: (text: string) => void;
  /** The user moved the cursor (keyboard or mouse) to this character offset. */
  readonly onCursorOffset: (offset: number) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
}

/** The smallest single replacement turning `before` into `after` (common prefix and suffix kept). */
export function minimalReplacement(
  before: string,
  after: string,
): { start: number; end: number; text: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}
