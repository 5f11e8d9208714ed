import { lazy, Suspense, useCallback, useMemo } from 'react';

import { useDocument, useDocumentStore } from '../../store/DocumentStoreContext';
import { useTheme } from '../../theme/ThemeContext';
import type { EditorMarker } from './editorTypes';
import { stepAtOffset } from './stepAtOffset';

const YamlCodeEditor = lazy(() => import('./YamlCodeEditor'));

/** The document's YAML in Monaco (region "YAML"), two-way with the canvas and inspector. */
export function YamlPanel() {
  const store = useDocumentStore();
  const text = useDocument((s) => s.text);
  const diagnostics = useDocument((s) => s.diagnostics);
  const filePath = useDocument((s) => s.filePath);
  const reveal = useDocument((s) => s.reveal);
  const setText = useDocument((s) => s.setText);
  const undo = useDocument((s) => s.undo);
  const redo = useDocument((s) => s.redo);
  const dark = useTheme().theme === 'dark';
  const markers = useMemo(
    () =>
      diagnostics.flatMap((d): EditorMarker[] =>
        // Findings of imported child files carry their own file: not this editor's text.
        d.range && (d.file === undefined || d.file === filePath)
          ? [{ range: d.range, severity: d.severity, message: d.message, code: d.code }]
          : [],
      ),
    [diagnostics, filePath],
  );
  const onCursorOffset = useCallback(
    (offset: number) => {
      // No flush here: typing moves the cursor too, and must stay one debounced burst.
      const state = store.getState();
      const { pipeline, current } = state.parsed;
      if (!pipeline || !current) return;
      const path = stepAtOffset(pipeline, offset);
      if (path) state.select(path, 'yaml');
    },
    [store],
  );

  return (
    <section className="yaml-panel" aria-label="YAML">
      <Suspense fallback={<p className="empty">Loading the editor…</p>}>
        <YamlCodeEditor
          value={text}
          markers={markers}
          dark={dark}
          reveal={reveal}
          onChange={setText}
          onCursorOffset={onCursorOffset}
          onUndo={undo}
          onRedo={redo}
        />
      </Suspense>
    </section>
  );
}
