import { useCallback, useEffect, useRef, useState } from 'react';

/** A refusal reason shown next to the pointer. */
export interface Refusal {
  readonly reason: string;
  readonly x: number;
  readonly y: number;
}

const SHOW_MS = 5000;

/**
 * Tracks the last pointer position over the canvas and shows refusal reasons there
 * (issue 7: "refused *with the reason shown* next to the pointer").
 */
export function useRefusal(onRefused: ((reason: string) => void) | undefined) {
  const [refusal, setRefusal] = useState<Refusal | undefined>();
  const pointer = useRef({ x: 0, y: 0 });
  const wrapper = useRef<HTMLDivElement>(null);
  const notify = useRef(onRefused);
  notify.current = onRefused;

  const trackPointer = useCallback((event: { clientX: number; clientY: number }) => {
    const box = wrapper.current?.getBoundingClientRect();
    pointer.current = { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  }, []);

  /** Shows `reason` at the pointer; `notify: false` when the shell already reports it (failed edits). */
  const refuse = useCallback((reason: string, notifyShell = true) => {
    setRefusal({ reason, ...pointer.current });
    if (notifyShell) notify.current?.(reason);
  }, []);

  useEffect(() => {
    if (!refusal) return undefined;
    const timer = setTimeout(() => {
      setRefusal(undefined);
    }, SHOW_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [refusal]);

  return { refusal, refuse, trackPointer, wrapper };
}
