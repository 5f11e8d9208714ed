import type { DragEvent, KeyboardEvent } from 'react';
import { KindIcon } from './nodes/NodeParts';
import { requestPaletteAppend } from './paletteEvents';
import { PALETTE_ITEMS, STEP_KIND_MIME } from './paletteItems';
import './canvas.css';

function onDragStart(event: DragEvent<HTMLButtonElement>, itemId: string) {
  event.dataTransfer.setData(STEP_KIND_MIME, itemId);
  event.dataTransfer.effectAllowed = 'copy';
}

function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, itemId: string) {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  requestPaletteAppend(itemId);
}

/**
 * The step palette: drag an item onto an edge (insert), into a container (append) or onto empty
 * canvas (loose step); or focus it and press Enter to append it at the end of the pipeline.
 */
export function StepPalette() {
  return (
    <section className="flujo-palette" aria-label="Step palette">
      <ul>
        {PALETTE_ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              draggable
              className="flujo-palette-item"
              aria-label={item.label}
              title={`Drag onto the canvas, or press Enter to append a ${item.label}`}
              onDragStart={(event) => {
                onDragStart(event, item.id);
              }}
              onKeyDown={(event) => {
                onKeyDown(event, item.id);
              }}
            >
              <KindIcon kind={item.kind} />
              <span>{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
