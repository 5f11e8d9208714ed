/** Props of the small Monaco template editor (its own component so tests can replace it). */
export interface TemplateCodeEditorProps {
  readonly id: string;
  readonly value: string;
  readonly dark: boolean;
  /** Names offered inside `{{ }}`: `previous_step`, `steps.<name>`, `context.<key>`. */
  readonly completions: readonly string[];
  readonly onCommit: (text: string) => void;
}
