import { useEffect, useRef } from 'react';

import type { YamlCodeEditorProps } from './editorTypes';
import { minimalReplacement } from './editorTypes';
import { monaco, PIPELINE_MODEL_URI } from './monacoSetup';

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/**
 * Monaco on the document's YAML. Edits from elsewhere (canvas, inspector, undo) are applied as the
 * smallest replacement so the cursor and scroll position stay; Ctrl/Cmd+Z/Y go to the store's
 * history (one undo stack for the whole document), not Monaco's own.
 */
export default function YamlCodeEditor(props: YamlCodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const external = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const uri = monaco.Uri.parse(PIPELINE_MODEL_URI);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.value, 'yaml', uri);
    const editor = monaco.editor.create(element, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      ariaLabel: 'YAML source',
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const { KeyMod, KeyCode } = monaco;
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => {
      latest.current.onUndo();
    });
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => {
      latest.current.onRedo();
    });
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => {
      latest.current.onRedo();
    });
    const changes = model.onDidChangeContent(() => {
      if (!external.current) latest.current.onChange(model.getValue());
    });
    const cursor = editor.onDidChangeCursorPosition((event) => {
      if (event.source !== 'keyboard' && event.source !== 'mouse') return;
      latest.current.onCursorOffset(model.getOffsetAt(event.position));
    });
    return () => {
      changes.dispose();
      cursor.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === props.value) return;
    const change = minimalReplacement(model.getValue(), props.value);
    const start = model.getPositionAt(change.start);
    const end = model.getPositionAt(change.end);
    external.current = true;
    try {
      model.applyEdits([
        {
          range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
          text: change.text,
        },
      ]);
    } finally {
      external.current = false;
    }
  }, [props.value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'flujo',
      props.markers.map((marker) => ({
        severity: SEVERITY[marker.severity],
        message: marker.message,
        code: marker.code,
        startLineNumber: marker.range.start.line,
        startColumn: marker.range.start.column,
        endLineNumber: marker.range.end.line,
        endColumn: marker.range.end.column,
      })),
    );
  }, [props.markers]);

  useEffect(() => {
    monaco.editor.setTheme(props.dark ? 'vs-dark' : 'vs');
  }, [props.dark]);

  const reveal = props.reveal;
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    const { start, end } = reveal.range;
    const range = new monaco.Range(start.line, start.column, end.line, end.column);
    editor.revealRangeInCenterIfOutsideViewport(range);
    editor.setSelection(new monaco.Range(start.line, start.column, start.line, start.column));
  }, [reveal]);

  return <div ref={container} className="code-editor" data-testid="yaml-code-editor" />;
}
