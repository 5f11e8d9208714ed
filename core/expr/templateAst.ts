import type { FilterArgument, FilterName } from './filters';

/** A dotted variable path such as `context.user.name`: `root` plus the `segments` after it. */
export interface TemplatePath {
  readonly kind: 'path';
  readonly root: string;
  readonly segments: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** A quoted literal alternative such as `'n/a'` (no escape sequences, as in Flujo). */
export interface TemplateLiteral {
  readonly kind: 'literal';
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** One side of an `a or b or 'c'` fallback chain. */
export type TemplateAlternative = TemplatePath | TemplateLiteral;

/** A filter applied in a placeholder; `start`/`end` span its name. */
export interface AppliedFilter {
  readonly name: FilterName;
  readonly argument: FilterArgument;
  readonly start: number;
  readonly end: number;
}

/** The inside of `{{ … }}`: fallback alternatives, then filters applied left to right. */
export interface Placeholder {
  readonly alternatives: readonly TemplateAlternative[];
  readonly filters: readonly AppliedFilter[];
}

/** Literal text, with `\{{` already turned into `{{`. */
export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
}

/** A `{{ … }}` placeholder. */
export interface OutputNode {
  readonly kind: 'output';
  readonly placeholder: Placeholder;
  readonly start: number;
  readonly end: number;
}

/** `{{#if path}}…{{/if}}`: the body renders when the path's value is truthy. */
export interface IfNode {
  readonly kind: 'if';
  readonly path: TemplatePath;
  readonly body: readonly TemplateNode[];
  readonly start: number;
  readonly end: number;
}

/** `{{#each path}}…{{/each}}`: the body renders once per list item, with `this` bound to it. */
export interface EachNode {
  readonly kind: 'each';
  readonly path: TemplatePath;
  readonly body: readonly TemplateNode[];
  readonly start: number;
  readonly end: number;
}

/** A node of a parsed template. */
export type TemplateNode = TextNode | OutputNode | IfNode | EachNode;
