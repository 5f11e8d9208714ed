/** A step writing `value` at context `path`. */
export function set(name: string, path: string, value: unknown): string {
  return `
        - name: ${name}
          agent: { id: flujo.builtins.context_set }
          input: { path: ${path}, value: ${JSON.stringify(value)} }`;
}

/** A pipeline with one parallel step `fan`: `fields` (indented YAML) and branches `a` and `b`. */
export function fanYaml(fields: string, a: string, b: string): string {
  return `
name: fan
steps:
  - kind: parallel
    name: fan
${fields}
    branches:
      a:${a}
      b:${b}
`;
}

/** The initial context of the merge tests. */
export const CONTEXT = { shared: { n: 1, tags: ['x'] }, verdict: 'open', score: 0 };
