import { useEffect, useRef } from 'react';

/** Commands bound to Ctrl/Cmd shortcuts. */
export interface ShortcutCommands {
  readonly save: () => void;
  readonly open: () => void;
  readonly newDocument: () => void;
  readonly undo: () => void;
  readonly redo: () => void;
}

function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Ctrl/Cmd+S save, +O open, +N new, +Z undo, +Shift+Z / +Y redo. Undo/redo are left to text
 * fields (their own undo) and to Monaco (which routes them to the store itself).
 */
export function useKeyboardShortcuts(commands: ShortcutCommands): void {
  const latest = useRef(commands);
  latest.current = commands;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const run = (command: () => void) => {
        event.preventDefault();
        command();
      };
      if (key === 's') run(latest.current.save);
      else if (key === 'o') run(latest.current.open);
      else if (key === 'n') run(latest.current.newDocument);
      else if (inTextField(event.target)) return;
      else if (key === 'z' && event.shiftKey) run(latest.current.redo);
      else if (key === 'z') run(latest.current.undo);
      else if (key === 'y') run(latest.current.redo);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
