import { afterEach, describe, expect, it, vi } from 'vitest';

import { renameStep } from '../../core/model';
import { createDocumentStore } from './documentStore';

const TEXT = `# A pipeline with comments
name: demo
steps:
  - kind: step # first step
    name: first
    input: "{{ context.x }}"
  - kind: step
    name: second
`;

function loaded(options = {}) {
  const store = createDocumentStore(options);
  store.getState().load({ text: TEXT, filePath: 'demo.yaml' });
  return store;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('document store', () => {
  it('prints a model edit into the text and keeps comments', () => {
    const store = loaded();
    const result = store
      .getState()
      .applyEdit((p) => renameStep(p, 'steps[0]', 'renamed'), 'Rename step');
    expect(result.ok).toBe(true);
    const { text, parsed, editLabel } = store.getState();
    expect(text).toContain('# A pipeline with comments');
    expect(text).toContain('# first step');
    expect(text).toContain('name: renamed');
    expect(parsed.pipeline?.steps[0]?.name).toBe('renamed');
    expect(editLabel).toBe('Rename step');
  });

  it('undoes two edits back to the byte-identical original text, and redoes', () => {
    const store = loaded();
    store.getState().applyEdit((p) => renameStep(p, 'steps[0]', 'a'), 'Rename step');
    store.getState().applyEdit((p) => renameStep(p, 'steps[1]', 'b'), 'Rename step');
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().text).toBe(TEXT);
    expect(store.getState().parsed.pipeline?.steps[0]?.name).toBe('first');
    store.getState().redo();
    expect(store.getState().parsed.pipeline?.steps[0]?.name).toBe('a');
  });

  it('re-parses typed text after a pause, as one undo entry per burst', () => {
    vi.useFakeTimers();
    const store = loaded({ parseDelayMs: 150 });
    const edited = TEXT.replace('name: second', 'name: third');
    store.getState().setText(edited.replace('third', 'th'));
    store.getState().setText(edited);
    expect(store.getState().parsed.pipeline?.steps[1]?.name).toBe('second');
    vi.advanceTimersByTime(200);
    expect(store.getState().parsed.pipeline?.steps[1]?.name).toBe('third');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().text).toBe(TEXT);
    expect(store.getState().parsed.pipeline?.steps[1]?.name).toBe('second');
  });

  it('keeps the last good model while the YAML has errors, and reports them', () => {
    vi.useFakeTimers();
    const store = loaded();
    store.getState().setText(`${TEXT}  - [broken\n`);
    vi.advanceTimersByTime(200);
    const state = store.getState();
    expect(state.parsed.current).toBe(false);
    expect(state.parsed.pipeline?.steps).toHaveLength(2);
    expect(state.diagnostics.some((d) => d.code === 'YAML-PARSE' && d.severity === 'error')).toBe(
      true,
    );
    const refused = state.applyEdit((p) => renameStep(p, 'steps[0]', 'x'), 'Rename step');
    expect(refused.ok).toBe(false);
  });

  it('refreshes diagnostics on every model change', () => {
    const store = loaded();
    const duplicates = () => store.getState().diagnostics.filter((d) => d.code === 'V-A3');
    expect(duplicates()).toHaveLength(0);
    store.getState().applyEdit((p) => renameStep(p, 'steps[1]', 'first'), 'Rename step');
    expect(duplicates()).toHaveLength(1);
    store.getState().undo();
    expect(duplicates()).toHaveLength(0);
  });

  it('keeps at most `historyLimit` undo entries', () => {
    const store = loaded({ historyLimit: 3 });
    for (let i = 0; i < 6; i++) {
      store.getState().applyEdit((p) => renameStep(p, 'steps[0]', `n${String(i)}`), 'Rename step');
    }
    expect(store.temporal.getState().pastStates).toHaveLength(3);
  });

  it('tracks unsaved changes against the saved text', () => {
    const store = loaded();
    expect(store.getState().text).toBe(store.getState().savedText);
    store.getState().applyEdit((p) => renameStep(p, 'steps[0]', 'z'), 'Rename step');
    expect(store.getState().text).not.toBe(store.getState().savedText);
    store.getState().markSaved('demo.yaml');
    expect(store.getState().text).toBe(store.getState().savedText);
  });

  it('records sidecar changes as undoable entries and warns about loose steps', () => {
    const store = loaded();
    store.getState().updateSidecar((s) => ({ ...s, loose: [{ name: 'floating' }] }), 'Drop step');
    expect(store.getState().diagnostics.some((d) => d.code === 'STUDIO-LOOSE')).toBe(true);
    store.getState().undo();
    expect(store.getState().diagnostics.some((d) => d.code === 'STUDIO-LOOSE')).toBe(false);
  });
});
