import type { NavigationKey } from './navigation';

/** What a key press on the canvas asks for. */
export type CanvasCommand =
  | { readonly type: 'find' }
  | { readonly type: 'delete' }
  | { readonly type: 'copy' }
  | { readonly type: 'cut' }
  | { readonly type: 'paste' }
  | { readonly type: 'duplicate' }
  | { readonly type: 'navigate'; readonly key: NavigationKey };

const NAVIGATION: Readonly<Record<string, NavigationKey>> = {
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  ArrowRight: 'next',
  ArrowDown: 'next',
  Enter: 'into',
  Escape: 'out',
};

const WITH_MODIFIER: Readonly<Record<string, CanvasCommand>> = {
  f: { type: 'find' },
  c: { type: 'copy' },
  x: { type: 'cut' },
  v: { type: 'paste' },
  d: { type: 'duplicate' },
};

/** The command for a key press (Ctrl on Linux/Windows, Cmd on macOS), if it is one of ours. */
export function canvasCommand(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}): CanvasCommand | undefined {
  if (event.altKey) return undefined;
  if (event.ctrlKey || event.metaKey) return WITH_MODIFIER[event.key.toLowerCase()];
  if (event.key === 'Delete' || event.key === 'Backspace') return { type: 'delete' };
  const key = NAVIGATION[event.key];
  return key && { type: 'navigate', key };
}

/** Whether the key event comes from a field or button (its keys are its own, not the canvas's). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    // A focused button (node toolbar, controls) handles Enter and Space itself.
    target instanceof HTMLButtonElement ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
