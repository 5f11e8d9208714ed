/**
 * The palette lives outside the canvas (the shell puts it in the left panel), so a keyboard
 * "append" travels as a DOM event the mounted canvas listens to.
 */
export const PALETTE_APPEND_EVENT = 'flujo-palette-append';

/** Asks the mounted canvas to append a step of palette item `itemId` at the end of the pipeline. */
export function requestPaletteAppend(itemId: string): void {
  document.dispatchEvent(new CustomEvent<string>(PALETTE_APPEND_EVENT, { detail: itemId }));
}

/** Subscribes to append requests; returns the unsubscribe function. */
export function onPaletteAppend(listener: (itemId: string) => void): () => void {
  const handler = (event: Event) => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') listener(event.detail);
  };
  document.addEventListener(PALETTE_APPEND_EVENT, handler);
  return () => {
    document.removeEventListener(PALETTE_APPEND_EVENT, handler);
  };
}
