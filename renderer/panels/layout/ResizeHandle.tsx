import { useRef } from 'react';

/** Props of a drag handle between panels. */
export interface ResizeHandleProps {
  readonly label: string;
  /** `vertical`: a vertical bar resizing widths; `horizontal`: a bar resizing a height. */
  readonly orientation: 'vertical' | 'horizontal';
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  readonly direction: 1 | -1;
  readonly onChange: (value: number) => void;
}

/** A focusable separator: drag with the pointer, or use the arrow keys (16 px steps). */
export function ResizeHandle(props: ResizeHandleProps) {
  const start = useRef<{ pointer: number; value: number } | undefined>(undefined);
  const clamp = (value: number) => Math.round(Math.min(props.max, Math.max(props.min, value)));
  const axis = (event: { clientX: number; clientY: number }) =>
    props.orientation === 'vertical' ? event.clientX : event.clientY;
  return (
    <div
      className={`resize-handle ${props.orientation}`}
      role="separator"
      aria-label={props.label}
      aria-orientation={props.orientation}
      aria-valuenow={props.value}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { pointer: axis(event), value: props.value };
      }}
      onPointerMove={(event) => {
        const origin = start.current;
        if (!origin) return;
        props.onChange(clamp(origin.value + props.direction * (axis(event) - origin.pointer)));
      }}
      onPointerUp={() => {
        start.current = undefined;
      }}
      onKeyDown={(event) => {
        const grow = props.orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
        const shrink = props.orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
        if (event.key === grow) props.onChange(clamp(props.value + 16 * props.direction));
        if (event.key === shrink) props.onChange(clamp(props.value - 16 * props.direction));
      }}
    />
  );
}
