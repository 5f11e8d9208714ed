import { exprError } from './exprError';
import type { ExprError } from './exprError';
import type { CompareOperator, ExprNode, LiteralNode, LiteralValue } from './expressionAst';
import { tokenize } from './expressionLexer';
import type { Token } from './expressionLexer';
import { METHOD_ARITY, isMethodName, literal, member, sequence } from './expressionNodes';
import { PYTHON_KEYWORDS } from './unsupportedSyntax';
import { ParseFailure, TokenCursor } from './tokenCursor';

/** How deep parentheses, brackets, `not`s and trailers may nest. */
export const MAX_NESTING = 100;

/** Result of parsing: the AST, or the first error. */
export type ParseResult =
  { readonly ok: true; readonly ast: ExprNode } | { readonly ok: false; readonly error: ExprError };

const METHOD_LIST = '.get(), .lower(), .upper(), .strip(), .startswith(), .endswith()';
const SIMPLE_COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const LITERAL_NAMES: Readonly<Record<string, LiteralValue>> = {
  True: true,
  true: true,
  False: false,
  false: false,
  None: null,
};

/** Parses a safe expression (Python syntax subset) into an AST with source offsets. */
export function parseExpression(source: string): ParseResult {
  const trimmed = source.trim();
  if (trimmed === '') {
    const message = "The expression is empty; write a condition such as `previous_step == 'ok'`.";
    return { ok: false, error: exprError('EXPR-SYNTAX', message, 0, source.length) };
  }
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, ast: new Parser(lexed.tokens).parseTop() };
  } catch (failure) {
    if (failure instanceof ParseFailure) return { ok: false, error: failure.error };
    throw failure;
  }
}

class Parser extends TokenCursor {
  private depth = 0;

  parseTop(): ExprNode {
    const node = this.parseTestList(undefined);
    const token = this.peek();
    if (token.kind !== 'end') {
      if (token.kind === 'name' && token.text === 'if') {
        this.unsupported(token, 'conditional expression `x if c else y`; use `and`/`or`');
      }
      this.unexpected(token);
    }
    return node;
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > MAX_NESTING) {
      this.fail(
        'EXPR-SYNTAX',
        `The expression nests more than ${MAX_NESTING} levels deep; simplify it.`,
        token,
      );
    }
  }

  /** Parses `a, b, …` up to `closer`; a single item without a comma is not a tuple. */
  private parseTestList(closer: string | undefined): ExprNode {
    const { items, hadComma } = this.parseItems(closer);
    const [first] = items;
    if (first !== undefined && !hadComma) return first;
    const start = first?.start ?? this.peek().start;
    return sequence('tuple', items, start, items[items.length - 1]?.end ?? start);
  }

  private parseItems(closer: string | undefined): { items: ExprNode[]; hadComma: boolean } {
    const items: ExprNode[] = [];
    let hadComma = false;
    while (!(closer !== undefined && this.isOperator(closer)) && this.peek().kind !== 'end') {
      items.push(this.parseOr());
      if (!this.isOperator(',')) break;
      this.next();
      hadComma = true;
    }
    if (items.length === 0) this.unexpected(this.peek());
    return { items, hadComma };
  }

  private parseOr(): ExprNode {
    return this.parseLogical('or', () => this.parseAnd());
  }

  private parseAnd(): ExprNode {
    return this.parseLogical('and', () => this.parseNot());
  }

  private parseLogical(word: 'and' | 'or', operand: () => ExprNode): ExprNode {
    const first = operand();
    if (!this.isWord(word)) return first;
    const operands = [first];
    while (this.isWord(word)) {
      this.next();
      operands.push(operand());
    }
    const last = operands[operands.length - 1] ?? first;
    return { type: word, operands, start: first.start, end: last.end };
  }

  private parseNot(): ExprNode {
    if (!this.isWord('not')) return this.parseComparison();
    const token = this.next();
    this.enter(token);
    const operand = this.parseNot();
    this.depth--;
    return { type: 'not', operand, start: token.start, end: operand.end };
  }

  private parseComparison(): ExprNode {
    const first = this.parsePrimary();
    const operators: CompareOperator[] = [];
    const operands: ExprNode[] = [];
    for (;;) {
      const operator = this.readComparison();
      if (operator === undefined) break;
      operators.push(operator);
      operands.push(this.parsePrimary());
    }
    if (operators.length === 0) return first;
    const last = operands[operands.length - 1] ?? first;
    return { type: 'compare', first, operators, operands, start: first.start, end: last.end };
  }

  private readComparison(): CompareOperator | undefined {
    const token = this.peek();
    if (token.kind === 'operator' && SIMPLE_COMPARISONS.has(token.text)) {
      this.next();
      return token.text as CompareOperator;
    }
    if (this.isWord('in')) {
      this.next();
      return 'in';
    }
    if (this.isWord('not') && this.isWord('in', 1)) {
      this.next();
      this.next();
      return 'not in';
    }
    if (this.isWord('is'))
      this.unsupported(token, '`is`; compare with `==` or `!=` (e.g. `x == None`)');
    if (token.kind === 'operator' && (token.text === '=' || token.text === '<>')) {
      this.unsupported(token, `\`${token.text}\`; compare with \`==\` or \`!=\``);
    }
    return undefined;
  }

  private parsePrimary(): ExprNode {
    let node = this.parseAtom();
    let trailers = 0;
    for (;;) {
      const token = this.peek();
      if (
        token.kind !== 'operator' ||
        !(token.text === '.' || token.text === '[' || token.text === '(')
      ) {
        return node;
      }
      if (++trailers > MAX_NESTING) {
        this.fail(
          'EXPR-SYNTAX',
          `The expression chains more than ${MAX_NESTING} lookups; simplify it.`,
          token,
        );
      }
      this.next();
      if (token.text === '.') node = this.parseAttribute(node);
      else if (token.text === '[') node = this.parseSubscript(node, token);
      else node = this.parseCall(node, token);
    }
  }

  private parseAttribute(object: ExprNode): ExprNode {
    const name = this.next();
    if (name.kind !== 'name') this.fail('EXPR-SYNTAX', 'Expected a name after `.`.', name);
    return member(object, name.text, false, name.end);
  }

  private parseSubscript(object: ExprNode, opener: Token): ExprNode {
    const key = this.next();
    let node: ExprNode | undefined;
    if (key.kind === 'string') {
      node = member(object, String(key.value), true, 0);
    } else if (key.kind === 'number' && Number.isInteger(key.value)) {
      node = { type: 'index', object, index: Number(key.value), start: object.start, end: 0 };
    } else if (key.kind === 'operator' && key.text === '-' && this.peek().kind === 'number') {
      const index = -Number(this.next().value);
      if (Number.isInteger(index))
        node = { type: 'index', object, index, start: object.start, end: 0 };
    }
    if (node === undefined || !this.isOperator(']')) {
      const message =
        "Unsupported expression element: subscript; only string literal keys (`a['key']`) and integer indexes (`a[0]`) are allowed.";
      this.fail('EXPR-UNSUPPORTED', message, { start: opener.start, end: this.peek().end });
    }
    const close = this.next();
    return { ...node, end: close.end };
  }

  private parseCall(callee: ExprNode, opener: Token): ExprNode {
    if (callee.type !== 'member' || callee.computed || !isMethodName(callee.key)) {
      const name =
        callee.type === 'member'
          ? `.${callee.key}()`
          : callee.type === 'name'
            ? `${callee.name}()`
            : 'call';
      const message = `Unsupported expression element: ${name}; only the methods ${METHOD_LIST} may be called.`;
      this.fail('EXPR-UNSUPPORTED', message, { start: callee.start, end: opener.end });
    }
    this.enter(opener);
    const args: ExprNode[] = [];
    while (!this.isOperator(')')) {
      if (this.peek().kind === 'name' && this.isOperator('=', 1)) {
        this.unsupported(this.peek(), 'keyword argument; pass arguments by position');
      }
      args.push(this.parseOr());
      if (!this.isOperator(',')) break;
      this.next();
    }
    const close = this.expectOperator(')', opener);
    this.depth--;
    const method = callee.key;
    const [min, max] = METHOD_ARITY[method];
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : `${min} or ${max}`;
      const message = `\`.${method}()\` takes ${expected} argument${max === 1 ? '' : 's'}, not ${args.length}.`;
      this.fail('EXPR-UNSUPPORTED', message, { start: callee.start, end: close.end });
    }
    const [firstArg] = args;
    if (firstArg?.type === 'literal' && typeof firstArg.value !== 'string') {
      const message = `\`.${method}()\` needs a string argument, e.g. \`.${method}('text')\`.`;
      this.fail('EXPR-TYPE', message, firstArg);
    }
    return {
      type: 'call',
      object: callee.object,
      method,
      args,
      start: callee.start,
      end: close.end,
    };
  }

  private parseAtom(): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return literal(Number(token.value), token.start, token.end);
      case 'string':
        return this.parseStrings(token);
      case 'name':
        return this.parseName(token);
      case 'operator':
        return this.parseOperatorAtom(token);
      case 'end':
        return this.unexpected(token);
    }
  }

  private parseStrings(first: Token): LiteralNode {
    let value = String(first.value);
    let end = first.end;
    while (this.peek().kind === 'string') {
      const token = this.next();
      value += String(token.value);
      end = token.end;
    }
    return literal(value, first.start, end);
  }

  private parseName(token: Token): ExprNode {
    const constant = LITERAL_NAMES[token.text];
    if (constant !== undefined && Object.hasOwn(LITERAL_NAMES, token.text)) {
      return literal(constant, token.start, token.end);
    }
    if (PYTHON_KEYWORDS.has(token.text)) this.unexpected(token);
    return { type: 'name', name: token.text, start: token.start, end: token.end };
  }

  private parseOperatorAtom(token: Token): ExprNode {
    if ((token.text === '-' || token.text === '+') && this.peek().kind === 'number') {
      const number = this.next();
      const value = Number(number.value);
      return literal(token.text === '-' ? -value : value, token.start, number.end);
    }
    if (token.text === '(' || token.text === '[') {
      this.enter(token);
      const closer = token.text === '(' ? ')' : ']';
      const { items, hadComma } = this.isOperator(closer)
        ? { items: [], hadComma: true }
        : this.parseItems(closer);
      if (this.isWord('for')) this.unsupported(this.peek(), 'comprehension');
      const close = this.expectOperator(closer, token);
      this.depth--;
      const [only] = items;
      if (closer === ')' && only !== undefined && !hadComma) return only;
      return sequence(closer === ')' ? 'tuple' : 'list', items, token.start, close.end);
    }
    return this.unexpected(token);
  }
}
