import type { ExprError } from './exprError';

/** A variable read: `root` as written (`context`, `steps`, `previous_step`, `output`, `this`, …) and the keys after it. */
export interface Reference {
  readonly root: string;
  readonly path: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** A filter used in a template, spanning its name. */
export interface FilterUse {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What a template or expression reads, found without evaluating it. `errors` make it fail to
 * compile; `warnings` compile but are likely mistakes (e.g. `this` outside `{{#each}}`).
 */
export interface Analysis {
  readonly references: readonly Reference[];
  readonly filters: readonly FilterUse[];
  readonly errors: readonly ExprError[];
  readonly warnings: readonly ExprError[];
}

/** Dotted context paths read (`user.name` for `context.user.name`), first occurrence order, no duplicates. */
export function contextPaths(analysis: Analysis): string[] {
  const paths = new Set<string>();
  for (const reference of analysis.references) {
    if (reference.root === 'context' && reference.path.length > 0)
      paths.add(reference.path.join('.'));
  }
  return [...paths];
}

/** Names of steps referenced as `steps.<name>` or `steps['name']`, first occurrence order, no duplicates. */
export function stepReferences(analysis: Analysis): string[] {
  const names = new Set<string>();
  for (const reference of analysis.references) {
    const [name] = reference.path;
    if (reference.root === 'steps' && name !== undefined) names.add(name);
  }
  return [...names];
}
