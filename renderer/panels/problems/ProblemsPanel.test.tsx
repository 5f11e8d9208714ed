// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import { ProblemsPanel } from './ProblemsPanel';

const TEXT = `name: dup
steps:
  - kind: step
    name: same
  - kind: step
    name: same
`;

afterEach(cleanup);

describe('ProblemsPanel', () => {
  it('lists findings with code, severity, step and message; a click selects the step', () => {
    const { store } = renderWithStudio(<ProblemsPanel />, { text: TEXT });
    const region = screen.getByRole('region', { name: 'Problems' });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    const row = rows.find((r) => within(r).queryByText('V-A3'));
    if (!row) throw new Error('no V-A3 row');
    expect(row.textContent).toContain('warning');
    expect(row.textContent).toContain('same');
    fireEvent.click(row);
    expect(store.getState().selectedPath).toMatch(/^steps\[\d\]$/);
    expect(store.getState().reveal).toBeDefined();
  });

  it('switches the validation profile', () => {
    const { store } = renderWithStudio(<ProblemsPanel />, { text: TEXT });
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'flujo' } });
    expect(store.getState().profile).toBe('flujo');
  });

  it('applies a quick fix as an undoable edit', () => {
    const text = `name: fix
steps:
  - kind: step
    name: a
    input: hi
  - kind: step
    name: b
    input: "{{ previous_step.output }}"
`;
    const { store } = renderWithStudio(<ProblemsPanel />, { text });
    fireEvent.click(screen.getByRole('button', { name: /^Write/ }));
    expect(store.getState().text).not.toContain('previous_step.output');
    expect(store.getState().editLabel).toMatch(/^Write/);
    store.getState().undo();
    expect(store.getState().text).toBe(text);
  });

  it('says so when there are no problems', () => {
    renderWithStudio(<ProblemsPanel />, {
      text: 'name: ok\nsteps:\n  - kind: step\n    name: a\n    input: hi\n',
    });
    expect(screen.getByText('No problems.')).toBeTruthy();
  });
});
