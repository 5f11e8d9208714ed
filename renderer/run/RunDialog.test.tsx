// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost } from './__fixtures__/fakeHostClient';
import { RunDialog } from './RunDialog';
import { createRunStore } from './runStore';

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

function setup() {
  const host = createFakeHost({ 'runs.start': () => ({ runId: 'r1' }) });
  const store = createRunStore(host.client);
  const onClose = vi.fn();
  render(<RunDialog store={store} getDocument={() => ({ text: 'T' })} onClose={onClose} />);
  return { host, store, onClose };
}

describe('RunDialog', () => {
  it('Ctrl+Enter in the input starts with the JSON parsed', async () => {
    const { host, onClose } = setup();
    const input = screen.getByLabelText('Input');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: '{"n": 2}' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
      await Promise.resolve();
    });
    expect(host.callsTo('runs.start')).toEqual([{ text: 'T', input: { n: 2 } }]);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('Enter in a field starts; text that is not JSON is sent as text, with context and limits', async () => {
    const { host, store } = setup();
    fireEvent.change(screen.getByLabelText('Input'), { target: { value: 'hello there' } });
    fireEvent.change(screen.getByLabelText('Initial context (JSON)'), {
      target: { value: '{"lang": "en"}' },
    });
    fireEvent.change(screen.getByLabelText('Cost limit (USD)'), { target: { value: '0.5' } });
    const tokens = screen.getByLabelText('Token limit');
    fireEvent.change(tokens, { target: { value: '1000' } });
    await act(async () => {
      fireEvent.submit(screen.getByRole('dialog', { name: 'Run pipeline' }));
      await Promise.resolve();
    });
    expect(host.callsTo('runs.start')).toEqual([
      {
        text: 'T',
        input: 'hello there',
        context: { lang: 'en' },
        limits: { totalCostUsd: 0.5, totalTokens: 1000 },
      },
    ]);
    expect(store.getState().lastInputs).toEqual(['hello there']);
  });

  it('refuses a context that is not a JSON object and says why', async () => {
    const { host } = setup();
    fireEvent.change(screen.getByLabelText('Initial context (JSON)'), {
      target: { value: '[1, 2' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      await Promise.resolve();
    });
    expect(screen.getByRole('alert').textContent).toMatch(/Initial context is not valid JSON/);
    expect(host.callsTo('runs.start')).toEqual([]);
  });

  it('offers the remembered inputs', () => {
    localStorage.setItem('flujo.run.lastInputs', JSON.stringify(['older', 'oldest']));
    setup();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Input').value).toBe('older');
    fireEvent.change(screen.getByLabelText('Last inputs'), { target: { value: 'oldest' } });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Input').value).toBe('oldest');
  });
});
