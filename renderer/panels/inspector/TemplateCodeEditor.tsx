import { useEffect, useRef } from 'react';

import { monaco, setTemplateCompletions, TEMPLATE_LANGUAGE } from '../yaml/monacoSetup';
import type { TemplateCodeEditorProps } from './templateEditorTypes';

/**
 * A small Monaco editor for a template field: autocompletes `previous_step`, `steps.*` and
 * `context.*`; the value is committed when the editor loses focus (one edit = one undo entry).
 */
export default function TemplateCodeEditor(props: TemplateCodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const uri = monaco.Uri.parse(`inmemory://template/${encodeURIComponent(latest.current.id)}`);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.value, TEMPLATE_LANGUAGE, uri);
    const editor = monaco.editor.create(element, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      lineNumbers: 'off',
      folding: false,
      glyphMargin: false,
      wordWrap: 'on',
      scrollBeyondLastLine: false,
      ariaLabel: 'Input template',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const unregister = setTemplateCompletions(uri.toString(), () => latest.current.completions);
    const blur = editor.onDidBlurEditorText(() => {
      const text = model.getValue();
      if (text !== latest.current.value) latest.current.onCommit(text);
    });
    return () => {
      blur.dispose();
      unregister();
      editor.dispose();
      model.dispose();
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== props.value) model.setValue(props.value);
  }, [props.value]);

  useEffect(() => {
    monaco.editor.setTheme(props.dark ? 'vs-dark' : 'vs');
  }, [props.dark]);

  return <div ref={container} className="template-editor" id={props.id} />;
}
