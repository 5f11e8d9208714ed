// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import { Outline } from './Outline';

afterEach(cleanup);

const TEXT = `name: tree
steps:
  - kind: parallel
    name: fan
    branches:
      left:
        - kind: step
          name: l1
      right:
        - kind: step
          name: r1
  - kind: step
    name: after
`;

describe('Outline', () => {
  it('shows the step tree with levels, and a click selects and reveals the step', () => {
    const { store } = renderWithStudio(<Outline />, { text: TEXT });
    const items = screen.getAllByRole('treeitem');
    expect(items.map((item) => item.getAttribute('aria-level'))).toEqual(['1', '2', '2', '1']);
    const r1 = items[2];
    if (!r1) throw new Error('no third item');
    expect(r1.textContent).toContain('r1');
    expect(r1.textContent).toContain('right');
    fireEvent.click(r1);
    expect(store.getState().selectedPath).toBe('steps[0].branches.right[0]');
    expect(store.getState().reveal?.range.start.line).toBe(10);
    expect(screen.getAllByRole('treeitem')[2]?.getAttribute('aria-selected')).toBe('true');
  });
});
