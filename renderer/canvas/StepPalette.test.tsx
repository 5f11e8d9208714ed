// @vitest-environment happy-dom
import './__fixtures__/domStubs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { onPaletteAppend } from './paletteEvents';
import { STEP_KIND_MIME } from './paletteItems';
import { StepPalette } from './StepPalette';

afterEach(cleanup);

const LABELS = [
  'Step',
  'Agent step',
  'Loop',
  'Map',
  'Parallel',
  'Conditional',
  'Router',
  'Human input',
  'Cache',
  'Import',
  'State machine',
];

describe('StepPalette', () => {
  it('lists the 11 step kinds as draggable, labelled items', () => {
    render(<StepPalette />);
    const palette = screen.getByRole('region', { name: 'Step palette' });
    const items = within(palette).getAllByRole('button');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(LABELS);
    for (const item of items) expect(item.getAttribute('draggable')).toBe('true');
    expect(within(palette).getByText('Human input')).toBeTruthy();
  });

  it('puts the item id on the drag data', () => {
    render(<StepPalette />);
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      effectAllowed: 'none',
    };
    fireEvent.dragStart(screen.getByRole('button', { name: 'Loop' }), { dataTransfer });
    expect(data.get(STEP_KIND_MIME)).toBe('loop');
  });

  it('asks the canvas to append the item on Enter', () => {
    render(<StepPalette />);
    const requested: string[] = [];
    const stop = onPaletteAppend((id) => requested.push(id));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Parallel' }), { key: 'Enter' });
    stop();
    expect(requested).toEqual(['parallel']);
  });
});
