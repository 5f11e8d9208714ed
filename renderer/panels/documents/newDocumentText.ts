/** The text of a new, untitled pipeline. */
export const NEW_DOCUMENT_TEXT = `version: "0.1"
name: untitled

steps:
  - kind: step
    name: first_step
    input: "{{ context.initial_prompt }}"
`;

/** The draft key of a document: its path, or `untitled`. */
export function draftKey(filePath: string | undefined): string {
  return filePath ?? 'untitled';
}

/** The default export path of a document: `<name>.export.yaml` next to it. */
export function defaultExportPath(filePath: string | undefined): string {
  if (!filePath) return 'pipeline.export.yaml';
  return filePath.replace(/(\.studio)?\.ya?ml$/i, '') + '.export.yaml';
}
