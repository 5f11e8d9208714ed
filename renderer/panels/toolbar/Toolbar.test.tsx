// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renameStep } from '../../../core/model';
import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import { Toolbar } from './Toolbar';

afterEach(cleanup);

const TEXT = 'name: t\nsteps:\n  - kind: step\n    name: a\n';

function renderToolbar() {
  const handlers = {
    onNew: vi.fn(),
    onOpen: vi.fn(),
    onSave: vi.fn(),
    onExport: vi.fn(),
    onAutoLayout: vi.fn(),
  };
  const rendered = renderWithStudio(<Toolbar hasDocument {...handlers} />, { text: TEXT });
  return { ...rendered, handlers };
}

describe('Toolbar', () => {
  it('has buttons with accessible names', () => {
    renderToolbar();
    for (const name of [
      'New',
      'Open',
      'Save',
      'Export YAML',
      'Undo',
      'Redo',
      'Auto layout',
      'Toggle theme',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('shows unsaved changes and undoes them', () => {
    const { store } = renderToolbar();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect((undo as HTMLButtonElement).disabled).toBe(true);
    act(() => {
      store.getState().applyEdit((p) => renameStep(p, 'steps[0]', 'b'), 'Rename step');
    });
    expect(screen.getByLabelText('Unsaved changes')).toBeTruthy();
    expect(document.title.startsWith('•')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().text).toBe(TEXT);
    expect(screen.queryByLabelText('Unsaved changes')).toBeNull();
  });

  it('runs its commands and toggles the theme', () => {
    const { handlers } = renderToolbar();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export YAML' }));
    expect(handlers.onSave).toHaveBeenCalledOnce();
    expect(handlers.onExport).toHaveBeenCalledOnce();
    const before = document.documentElement.dataset.theme;
    fireEvent.click(screen.getByRole('button', { name: 'Toggle theme' }));
    expect(document.documentElement.dataset.theme).not.toBe(before);
  });
});
