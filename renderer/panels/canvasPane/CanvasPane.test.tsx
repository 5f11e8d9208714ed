// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renameStep } from '../../../core/model';
import type { CanvasLayout, PipelineCanvasProps } from '../../canvas';
import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import { CanvasPane } from './CanvasPane';

// React Flow is tested in renderer/canvas; here only the props it gets and what its callbacks do.
const seen: { props?: PipelineCanvasProps } = {};
vi.mock('../../canvas', () => ({
  PipelineCanvas: (props: PipelineCanvasProps) => {
    seen.props = props;
    return null;
  },
}));

const TEXT = 'name: c\nsteps:\n  - kind: step\n    name: a\n  - kind: step\n    name: b\n';

function layout(x: number): CanvasLayout {
  return {
    positions: { 'steps[0]': { x, y: 0 }, 'steps[1]': { x: x + 200, y: 0 } },
    collapsed: [],
  };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('CanvasPane', () => {
  it('records edits and user layout changes, folding the follow-up layout into its edit', () => {
    const clock = vi.spyOn(performance, 'now').mockReturnValue(1000);
    const { store } = renderWithStudio(<CanvasPane onNotice={vi.fn()} />, { text: TEXT });
    const props = () => {
      if (!seen.props) throw new Error('canvas not rendered');
      return seen.props;
    };
    // The automatic first layout is neither an undo entry nor an unsaved change.
    act(() => {
      props().onLayoutChange(layout(0));
    });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().sidecar).toBe(store.getState().savedSidecar);

    clock.mockReturnValue(5000);
    act(() => {
      props().onEdit((p) => renameStep(p, 'steps[0]', 'z'), 'Rename step');
    });
    clock.mockReturnValue(5100);
    act(() => {
      props().onLayoutChange(layout(10));
    });
    expect(store.temporal.getState().pastStates).toHaveLength(1);

    clock.mockReturnValue(9000);
    act(() => {
      props().onLayoutChange(layout(50));
    });
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    expect(store.getState().editLabel).toBe('Change layout');
    act(() => {
      store.getState().undo();
      store.getState().undo();
    });
    expect(store.getState().text).toBe(TEXT);
    expect(store.getState().sidecar.positions['steps[0]']?.x).toBe(0);
  });

  it('shows why an edit was refused', () => {
    const onNotice = vi.fn();
    renderWithStudio(<CanvasPane onNotice={onNotice} />, { text: TEXT });
    act(() => {
      seen.props?.onEdit((p) => renameStep(p, 'steps[0]', ''), 'Rename step');
    });
    expect(onNotice).toHaveBeenCalledWith('A step name cannot be empty.');
  });
});
