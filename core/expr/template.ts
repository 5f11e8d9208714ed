import { BoundedCache } from './boundedCache';
import { describeException, exprError } from './exprError';
import type { ExprError } from './exprError';
import type { Scope } from './scope';
import type { TemplateNode } from './templateAst';
import { parseTemplate } from './templateParser';
import { renderNodes } from './templateRenderer';

/** A template parsed once and ready to render many times. */
export interface CompiledTemplate {
  readonly source: string;
  readonly nodes: readonly TemplateNode[];
}

/** Result of `compileTemplate`: the template, or the first error (and all of them). */
export type CompileTemplateResult =
  | { readonly ok: true; readonly template: CompiledTemplate }
  | { readonly ok: false; readonly error: ExprError; readonly errors: readonly ExprError[] };

/** Result of rendering: the text, or an error (never thrown). */
export type RenderResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: ExprError };

const CACHE_CAPACITY = 1000;
const compiledByText = new BoundedCache<CompileTemplateResult>(CACHE_CAPACITY);

/** Parses a template; syntax errors, unknown filters and unbalanced blocks come back as data. */
export function compileTemplate(text: string): CompileTemplateResult {
  try {
    const { nodes, errors } = parseTemplate(text);
    const [first] = errors;
    if (first) return { ok: false, error: first, errors };
    return { ok: true, template: { source: text, nodes } };
  } catch (error) {
    const failure = exprError(
      'TEMPLATE-SYNTAX',
      `The template could not be parsed: ${describeException(error)}.`,
      0,
      text.length,
    );
    return { ok: false, error: failure, errors: [failure] };
  }
}

/** Renders a compiled template over `scope`; `this` is bound only inside `{{#each}}`. */
export function renderTemplate(template: CompiledTemplate, scope: Scope): RenderResult {
  try {
    return { ok: true, text: renderNodes(template.nodes, scope, undefined) };
  } catch (error) {
    const message = `The template could not be rendered: ${describeException(error)}.`;
    return { ok: false, error: exprError('TEMPLATE-RENDER', message, 0, template.source.length) };
  }
}

/** Compiles (cached by text, bounded) and renders `text` over `scope`. */
export function render(text: string, scope: Scope): RenderResult {
  let compiled = compiledByText.get(text);
  if (compiled === undefined) {
    compiled = compileTemplate(text);
    compiledByText.set(text, compiled);
  }
  return compiled.ok
    ? renderTemplate(compiled.template, scope)
    : { ok: false, error: compiled.error };
}

/** True when `text` contains a `{{` that is not escaped as `\{{`, i.e. it needs rendering. */
export function isTemplated(text: string): boolean {
  let from = text.indexOf('{{');
  while (from !== -1) {
    if (from === 0 || text.charCodeAt(from - 1) !== 92) return true;
    from = text.indexOf('{{', from + 2);
  }
  return false;
}
