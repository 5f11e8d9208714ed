// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import type { YamlCodeEditorProps } from './editorTypes';
import { minimalReplacement } from './editorTypes';
import { YamlPanel } from './YamlPanel';

// Monaco cannot run in happy-dom: capture the props the panel gives the editor.
const seen: { props?: YamlCodeEditorProps } = {};
vi.mock('./YamlCodeEditor', () => ({
  default: (props: YamlCodeEditorProps) => {
    seen.props = props;
    return <pre data-testid="yaml">{props.value}</pre>;
  },
}));

const TEXT = `name: demo
steps:
  - kind: step
    name: first
  - kind: loop
    name: outer
    loop:
      body:
        - kind: step
          name: inner
  - kind: step
    name: first
`;

afterEach(cleanup);

describe('YamlPanel', () => {
  it('selects the innermost step at the cursor and shows diagnostics as markers', async () => {
    const { store, findByTestId } = renderWithStudio(<YamlPanel />, { text: TEXT });
    await findByTestId('yaml');
    const props = seen.props;
    if (!props) throw new Error('editor not rendered');
    act(() => {
      props.onCursorOffset(TEXT.indexOf('inner'));
    });
    expect(store.getState().selectedPath).toBe('steps[1].loop.body[0]');
    expect(store.getState().selectionOrigin).toBe('yaml');
    act(() => {
      props.onCursorOffset(TEXT.indexOf('first'));
    });
    expect(store.getState().selectedPath).toBe('steps[0]');
    const placed = store.getState().diagnostics.filter((d) => d.range);
    expect(placed.length).toBeGreaterThan(0);
    expect(props.markers.length).toBe(placed.length);
  });

  it('sends typed text to the store', async () => {
    vi.useFakeTimers();
    try {
      const { store } = renderWithStudio(<YamlPanel />, { text: TEXT });
      await vi.waitFor(() => {
        expect(seen.props).toBeDefined();
      });
      act(() => {
        seen.props?.onChange(TEXT.replace('first', 'premier'));
      });
      act(() => {
        vi.advanceTimersByTime(200);
      });
      expect(store.getState().parsed.pipeline?.steps[0]?.name).toBe('premier');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('minimalReplacement', () => {
  it('replaces only the changed middle', () => {
    expect(minimalReplacement('name: a\nx', 'name: bb\nx')).toEqual({
      start: 6,
      end: 7,
      text: 'bb',
    });
    expect(minimalReplacement('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
  });
});
