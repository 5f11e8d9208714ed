import { exprError } from './exprError';
import type { ExprError } from './exprError';
import { parsePlaceholder } from './placeholderParser';
import type { TemplateNode, TemplatePath } from './templateAst';
import { parseTemplatePath } from './templatePathParser';
import { trimRange } from './textRange';

/** How deep `{{#if}}`/`{{#each}}` blocks may nest. */
export const MAX_BLOCK_DEPTH = 50;

/** A parsed template: its nodes (bad parts left out) and every error found, in source order. */
export interface ParsedTemplate {
  readonly nodes: readonly TemplateNode[];
  readonly errors: readonly ExprError[];
}

type BlockKind = 'if' | 'each';

interface OpenBlock {
  readonly kind: BlockKind;
  readonly path: TemplatePath | undefined;
  readonly body: TemplateNode[];
  readonly start: number;
  readonly tagEnd: number;
}

const BLOCK_NAME = /^[#/]\s*([A-Za-z_]*)/;
const JINJA_HINT =
  'use `{{#if path}}…{{/if}}`, `{{#each path}}…{{/each}}` or `{{ value | filter }}`';

/** Parses a template once: text, `{{ … }}` placeholders, `\{{` escapes and nested blocks. */
export function parseTemplate(source: string): ParsedTemplate {
  return new TemplateParser(source).parse();
}

class TemplateParser {
  private readonly errors: ExprError[] = [];
  private readonly root: TemplateNode[] = [];
  private readonly open: OpenBlock[] = [];
  private pendingText = '';

  constructor(private readonly source: string) {}

  parse(): ParsedTemplate {
    const { source } = this;
    let textFrom = 0;
    for (let i = 0; i < source.length; i++) {
      if (!startsSyntax(source, i)) continue;
      this.pendingText += source.slice(textFrom, i);
      textFrom = this.syntaxAt(i);
      i = textFrom - 1;
    }
    this.pendingText += source.slice(textFrom);
    this.flushText();
    this.closeUnclosed();
    this.errors.sort((a, b) => a.start - b.start);
    return { nodes: this.root, errors: this.errors };
  }

  /** Handles the escape, Jinja tag or placeholder at `i`; returns where plain text resumes. */
  private syntaxAt(i: number): number {
    const { source } = this;
    if (source[i] === '\\') {
      this.pendingText += '{{';
      return i + 3;
    }
    if (source.startsWith('{%', i)) {
      const close = source.indexOf('%}', i + 2);
      const end = close === -1 ? i + 2 : close + 2;
      this.fail(
        'TEMPLATE-JINJA',
        `Jinja tags \`{% … %}\` are not supported; ${JINJA_HINT}.`,
        i,
        end,
      );
      return end;
    }
    if (source.startsWith('%}', i)) {
      const message = `\`%}\` closes a Jinja tag, which templates do not support; ${JINJA_HINT}.`;
      this.fail('TEMPLATE-JINJA', message, i, i + 2);
      return i + 2;
    }
    this.flushText();
    const close = findPlaceholderEnd(source, i + 2);
    if (close === -1) {
      const message = 'Unclosed `{{`; add `}}`, or write `\\{{` for a literal `{{`.';
      this.fail('TEMPLATE-SYNTAX', message, i, i + 2);
      return source.length;
    }
    this.tag(i, close + 2, i + 2, close);
    return close + 2;
  }

  private get body(): TemplateNode[] {
    return this.open[this.open.length - 1]?.body ?? this.root;
  }

  private flushText(): void {
    if (this.pendingText === '') return;
    const body = this.body;
    const last = body[body.length - 1];
    if (last?.kind === 'text')
      body[body.length - 1] = { kind: 'text', text: last.text + this.pendingText };
    else body.push({ kind: 'text', text: this.pendingText });
    this.pendingText = '';
  }

  private fail(code: ExprError['code'], message: string, start: number, end: number): void {
    this.errors.push(exprError(code, message, start, end));
  }

  private tag(start: number, end: number, contentStart: number, contentEnd: number): void {
    const [from, to] = trimRange(this.source, contentStart, contentEnd);
    const content = this.source.slice(from, to);
    const block = BLOCK_NAME.exec(content);
    const blockName = block?.[1] ?? '';
    if (content.startsWith('#')) {
      this.openBlock(blockName, from + (block?.[0].length ?? 1), to, start, end);
    } else if (content.startsWith('/')) {
      this.closeBlock(blockName, content, start, end);
    } else if (content === 'else' || content.startsWith('else ')) {
      this.fail(
        'TEMPLATE-BLOCK',
        'Templates have no `{{else}}`; add a second `{{#if}}` block for the other case.',
        start,
        end,
      );
    } else {
      const placeholder = parsePlaceholder(this.source, contentStart, contentEnd, this.errors);
      this.body.push({ kind: 'output', placeholder, start, end });
    }
  }

  private openBlock(
    name: string,
    argStart: number,
    argEnd: number,
    start: number,
    end: number,
  ): void {
    if (name !== 'if' && name !== 'each') {
      this.fail(
        'TEMPLATE-BLOCK',
        `Unknown block \`#${name}\`; templates have only \`{{#if path}}\` and \`{{#each path}}\`.`,
        start,
        end,
      );
      return;
    }
    if (this.open.length >= MAX_BLOCK_DEPTH) {
      this.fail(
        'TEMPLATE-BLOCK',
        `Blocks nest more than ${MAX_BLOCK_DEPTH} deep; flatten the template.`,
        start,
        end,
      );
      return;
    }
    const [from, to] = trimRange(this.source, argStart, argEnd);
    const argument = this.source.slice(from, to);
    let path: TemplatePath | undefined;
    if (argument === '') {
      this.fail(
        'TEMPLATE-BLOCK',
        `\`{{#${name}}}\` needs a path: \`{{#${name} context.items}}\`.`,
        start,
        end,
      );
    } else if (/[\s|]/.test(argument)) {
      const message = `\`{{#${name}}}\` takes one dotted path such as \`context.items\` (no \`not\`, \`or\`, filters or comparisons).`;
      this.fail('TEMPLATE-BLOCK', message, from, to);
    } else {
      path = parseTemplatePath(this.source, from, to, this.errors);
    }
    this.open.push({ kind: name, path, body: [], start, tagEnd: end });
  }

  private closeBlock(name: string, content: string, start: number, end: number): void {
    if ((name !== 'if' && name !== 'each') || content.slice(1).trim() !== name) {
      this.fail(
        'TEMPLATE-BLOCK',
        `Unknown closing tag \`{{${content}}}\`; close blocks with \`{{/if}}\` or \`{{/each}}\`.`,
        start,
        end,
      );
      return;
    }
    const index = this.open.findLastIndex((block) => block.kind === name);
    if (index === -1) {
      this.fail(
        'TEMPLATE-BLOCK',
        `\`{{/${name}}}\` has no matching \`{{#${name} …}}\`; remove it or add the opening tag.`,
        start,
        end,
      );
      return;
    }
    while (this.open.length > index + 1) {
      const inner = this.open[this.open.length - 1];
      if (inner) {
        const message = `\`${this.source.slice(inner.start, inner.tagEnd)}\` is not closed before \`{{/${name}}}\`; add \`{{/${inner.kind}}}\`.`;
        this.fail('TEMPLATE-BLOCK', message, inner.start, inner.tagEnd);
      }
      this.finishBlock(start);
    }
    this.finishBlock(end);
  }

  private finishBlock(end: number): void {
    const block = this.open.pop();
    if (!block) return;
    if (block.path) {
      this.body.push({
        kind: block.kind,
        path: block.path,
        body: block.body,
        start: block.start,
        end,
      });
    } else {
      this.body.push(...block.body);
    }
  }

  private closeUnclosed(): void {
    while (this.open.length > 0) {
      const block = this.open[this.open.length - 1];
      if (block) {
        const message = `\`${this.source.slice(block.start, block.tagEnd)}\` is never closed; add \`{{/${block.kind}}}\`.`;
        this.fail('TEMPLATE-BLOCK', message, block.start, block.tagEnd);
      }
      this.finishBlock(this.source.length);
    }
  }
}

/** True at `\{{`, `{%`, `%}` and `{{`: the places where template syntax starts. */
function startsSyntax(source: string, i: number): boolean {
  const code = source.charCodeAt(i);
  const next = source.charCodeAt(i + 1);
  if (code === 123) return next === 123 || next === 37;
  if (code === 92) return next === 123 && source.charCodeAt(i + 2) === 123;
  return code === 37 && next === 125;
}

/**
 * Finds the `}}` that ends a placeholder opened before `from`, skipping `}}` inside quotes; falls
 * back to the first `}}` when quotes never balance. Returns -1 when there is none.
 */
function findPlaceholderEnd(source: string, from: number): number {
  const first = source.indexOf('}}', from);
  if (first === -1) return -1;
  let quote = 0;
  for (let i = from; i < source.length - 1; i++) {
    const code = source.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 39 || code === 34) {
      quote = code;
    } else if (code === 125 && source.charCodeAt(i + 1) === 125) {
      return i;
    }
  }
  return first;
}
