import { useEffect } from 'react';
import type { ReactNode } from 'react';

import { isDirty } from '../../store/documentStore';
import { useDocument, useHistory } from '../../store/DocumentStoreContext';
import { useTheme } from '../../theme/ThemeContext';

/** Props of the toolbar: the commands it triggers. */
export interface ToolbarProps {
  readonly onNew: () => void;
  readonly onOpen: () => void;
  readonly onSave: () => void;
  readonly onExport: () => void;
  readonly onAutoLayout: () => void;
  /** Whether a document is open (the document commands are disabled on the welcome screen). */
  readonly hasDocument: boolean;
  /** More controls at the end of the toolbar (the run controls and the HITL inbox). */
  readonly extra?: ReactNode;
}

function fileName(path: string | undefined): string {
  if (!path) return 'untitled';
  return path.split(/[\\/]/).pop() ?? path;
}

/** The toolbar: document commands, undo/redo, auto layout, theme, and the unsaved indicator. */
export function Toolbar(props: ToolbarProps) {
  const dirty = useDocument(isDirty);
  const filePath = useDocument((s) => s.filePath);
  const undoLabel = useDocument((s) => s.editLabel);
  const undo = useDocument((s) => s.undo);
  const redo = useDocument((s) => s.redo);
  const { canUndo, canRedo, redoLabel } = useHistory();
  const { theme, toggle } = useTheme();
  const name = props.hasDocument ? fileName(filePath) : 'Welcome';

  useEffect(() => {
    document.title = `${dirty && props.hasDocument ? '• ' : ''}${name} — Flujo Studio`;
  }, [dirty, name, props.hasDocument]);

  return (
    <header className="toolbar" role="toolbar" aria-label="Document">
      <span className="app-name">Flujo Studio</span>
      <button type="button" onClick={props.onNew}>
        New
      </button>
      <button type="button" onClick={props.onOpen}>
        Open
      </button>
      <button type="button" onClick={props.onSave} disabled={!props.hasDocument}>
        Save
      </button>
      <button type="button" onClick={props.onExport} disabled={!props.hasDocument}>
        Export YAML
      </button>
      <span className="separator" />
      <button
        type="button"
        onClick={undo}
        disabled={!canUndo}
        title={canUndo && undoLabel ? `Undo ${undoLabel}` : 'Undo'}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!canRedo}
        title={canRedo && redoLabel ? `Redo ${redoLabel}` : 'Redo'}
      >
        Redo
      </button>
      <button type="button" onClick={props.onAutoLayout} disabled={!props.hasDocument}>
        Auto layout
      </button>
      <span className="document-name" aria-live="polite">
        {props.hasDocument && dirty ? (
          <span className="dirty" title="Unsaved changes" aria-label="Unsaved changes">
            •{' '}
          </span>
        ) : null}
        {name}
      </span>
      <button type="button" onClick={toggle} aria-label="Toggle theme" title={`Theme: ${theme}`}>
        {theme === 'dark' ? '☾' : '☀'}
      </button>
      {props.extra}
    </header>
  );
}
