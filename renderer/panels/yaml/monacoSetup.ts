/**
 * Monaco bundled locally (no CDN) with monaco-yaml, following ../shared/TOOLCHAIN.md: Vite
 * workers, and a shim for monaco-yaml 5.5's old `createWebWorker` call on monaco ≥ 0.53.
 * Imported only by the editor components, which tests replace with mocks.
 */
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

import { pipelineJsonSchema } from '../../../core/yaml';
import YamlWorker from './yaml.worker?worker';

/** File URI of the document model; the schema is matched on it. */
export const PIPELINE_MODEL_URI = 'file:///pipeline.yaml';

/** The language id of template fields (input templates), with `{{ … }}` completions. */
export const TEMPLATE_LANGUAGE = 'flujo-template';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    if (label === 'yaml') return new YamlWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

interface LegacyWorkerOptions {
  readonly worker?: unknown;
  readonly moduleId?: string;
  readonly label?: string;
  readonly createData?: unknown;
  readonly host?: unknown;
  readonly keepIdleModels?: boolean;
}

type CreateWebWorker = (options: LegacyWorkerOptions) => unknown;

// monaco-editor >= 0.53 needs a `worker`; monaco-yaml 5.5.1 still passes { moduleId, label,
// createData }. Adapt the old call the way monaco's own language workers do, before configuring.
const createWebWorker = monaco.editor.createWebWorker as unknown as CreateWebWorker;
(monaco.editor as unknown as { createWebWorker: CreateWebWorker }).createWebWorker = (options) => {
  if (options.worker) return createWebWorker(options);
  const environment = self.MonacoEnvironment;
  const worker = environment?.getWorker?.(options.moduleId ?? '', options.label ?? '') as Worker;
  worker.postMessage('ignore');
  worker.postMessage(options.createData);
  return createWebWorker({
    worker,
    host: options.host,
    ...(options.keepIdleModels === undefined ? {} : { keepIdleModels: options.keepIdleModels }),
  });
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  schemas: [
    {
      uri: 'inmemory://schema/flujo-pipeline.json',
      fileMatch: ['**/pipeline.yaml'],
      schema: pipelineJsonSchema,
    },
  ],
});

monaco.languages.register({ id: TEMPLATE_LANGUAGE });

const templateSources = new Map<string, () => readonly string[]>();

/** Registers the completions (`previous_step`, `steps.x`, `context.k`) of one template model. */
export function setTemplateCompletions(
  modelUri: string,
  source: () => readonly string[],
): () => void {
  templateSources.set(modelUri, source);
  return () => templateSources.delete(modelUri);
}

monaco.languages.registerCompletionItemProvider(TEMPLATE_LANGUAGE, {
  triggerCharacters: ['{', '.', ' '],
  provideCompletionItems(model, position) {
    const word = model.getWordUntilPosition(position);
    const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
    // Include a dotted prefix (`steps.`) in the replaced range so `steps.first` completes as one.
    const dotted = /[\w.]*$/.exec(line)?.[0] ?? '';
    const range = {
      startLineNumber: position.lineNumber,
      endLineNumber: position.lineNumber,
      startColumn: position.column - dotted.length,
      endColumn: word.endColumn,
    };
    const names = templateSources.get(model.uri.toString())?.() ?? [];
    return {
      suggestions: names.map((name) => ({
        label: name,
        kind: monaco.languages.CompletionItemKind.Variable,
        insertText: name,
        range,
      })),
    };
  },
});

export { monaco };
