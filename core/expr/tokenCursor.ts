import { exprError } from './exprError';
import type { ExprError } from './exprError';
import type { Token } from './expressionLexer';
import { PYTHON_KEYWORDS, describeKeyword, describeOperator } from './unsupportedSyntax';

/** A parse error, thrown inside the parser and returned as data by `parseExpression`. */
export class ParseFailure extends Error {
  constructor(readonly error: ExprError) {
    super(error.message);
    this.name = 'ParseFailure';
  }
}

/** Walks a token list for a recursive-descent parser and raises positioned parse errors. */
export abstract class TokenCursor {
  private pos = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] ?? this.endToken();
  }

  protected endToken(): Token {
    return { kind: 'end', text: '', value: '', start: 0, end: 0 };
  }

  protected next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  protected isOperator(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'operator' && token.text === text;
  }

  protected isWord(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text === text;
  }

  protected expectOperator(text: string, opener: Token): Token {
    if (this.isOperator(text)) return this.next();
    const token = this.peek();
    const found = token.kind === 'end' ? 'the end' : `\`${token.text}\``;
    this.fail(
      'EXPR-SYNTAX',
      `Expected \`${text}\` to close \`${opener.text}\`, found ${found}.`,
      token,
    );
  }

  protected fail(
    code: ExprError['code'],
    message: string,
    token: { start: number; end: number },
  ): never {
    throw new ParseFailure(exprError(code, message, token.start, token.end));
  }

  protected unsupported(token: Token, what: string): never {
    this.fail('EXPR-UNSUPPORTED', `Unsupported expression element: ${what}.`, token);
  }

  protected unexpected(token: Token): never {
    if (token.kind === 'end') {
      this.fail('EXPR-SYNTAX', 'The expression ends too early; a value is missing.', token);
    }
    const description =
      token.kind === 'operator' ? describeOperator(token.text) : describeKeyword(token.text);
    if (description !== undefined) this.unsupported(token, description);
    if (token.kind === 'name' && PYTHON_KEYWORDS.has(token.text)) {
      this.fail('EXPR-SYNTAX', `A value is missing before \`${token.text}\`.`, token);
    }
    const hint = token.kind === 'operator' ? '' : '; combine conditions with `and` / `or`';
    this.fail('EXPR-SYNTAX', `Unexpected \`${token.text}\`${hint}.`, token);
  }
}
