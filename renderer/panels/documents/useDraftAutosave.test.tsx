// @vitest-environment happy-dom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { renameStep } from '../../../core/model';
import { renderWithStudio } from '../../__fixtures__/renderWithStudio';
import { useDraftAutosave } from './useDraftAutosave';

function Autosave() {
  useDraftAutosave(2000);
  return null;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDraftAutosave', () => {
  it('saves a draft copy 2 s after the last unsaved change, keyed by the file', () => {
    vi.useFakeTimers();
    const { store, transport } = renderWithStudio(<Autosave />, {
      text: 'name: d\nsteps:\n  - kind: step\n    name: a\n',
      handlers: { 'drafts.save': () => ({ ok: true as const }) },
    });
    act(() => {
      store.getState().applyEdit((p) => renameStep(p, 'steps[0]', 'b'), 'Rename step');
    });
    vi.advanceTimersByTime(1500);
    expect(transport.calls.filter((c) => c.channel === 'drafts.save')).toHaveLength(0);
    vi.advanceTimersByTime(600);
    const saves = transport.calls.filter((c) => c.channel === 'drafts.save');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.payload).toMatchObject({ key: 'test.yaml', text: store.getState().text });
  });

  it('does not save a draft of an unchanged document', () => {
    vi.useFakeTimers();
    const { store, transport } = renderWithStudio(<Autosave />, {
      text: 'name: d\nsteps: []\n',
    });
    act(() => {
      store.getState().load({ text: 'name: e\nsteps: []\n' });
    });
    vi.advanceTimersByTime(3000);
    expect(transport.calls.filter((c) => c.channel === 'drafts.save')).toHaveLength(0);
  });
});
