import { BoundedCache } from './boundedCache';
import { describeException, exprError } from './exprError';
import type { ExprError } from './exprError';
import type { ExprNode } from './expressionAst';
import { EvaluationFailure, evaluateNode } from './expressionEvaluator';
import { parseExpression } from './expressionParser';
import type { Scope } from './scope';

/** An expression parsed once and ready to evaluate many times. */
export interface CompiledExpression {
  readonly source: string;
  readonly ast: ExprNode;
}

/** Result of `compileExpression`: the compiled expression, or the first error. */
export type CompileExpressionResult =
  | { readonly ok: true; readonly expression: CompiledExpression }
  | { readonly ok: false; readonly error: ExprError };

/** Result of evaluating: the value (None is `null`), or an error (never thrown). */
export type EvaluationResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ExprError };

const CACHE_CAPACITY = 1000;
const compiledByText = new BoundedCache<CompileExpressionResult>(CACHE_CAPACITY);

/** Parses a safe expression; syntax errors and unsupported Python come back as data. */
export function compileExpression(text: string): CompileExpressionResult {
  try {
    const parsed = parseExpression(text);
    return parsed.ok ? { ok: true, expression: { source: text, ast: parsed.ast } } : parsed;
  } catch (error) {
    const message = `The expression could not be parsed: ${describeException(error)}.`;
    return { ok: false, error: exprError('EXPR-SYNTAX', message, 0, text.length) };
  }
}

/**
 * Evaluates a compiled expression. Names: `previous_step` (alias `output`), `context`, `steps`,
 * `resume_input` (None when absent) and any extra key of `scope`; other names are `EXPR-NAME`.
 */
export function evaluateExpression(expression: CompiledExpression, scope: Scope): EvaluationResult {
  try {
    const value = evaluateNode(expression.ast, scope);
    return { ok: true, value: value === undefined ? null : value };
  } catch (failure) {
    if (failure instanceof EvaluationFailure) return { ok: false, error: failure.error };
    const message = `The expression could not be evaluated: ${describeException(failure)}.`;
    return { ok: false, error: exprError('EXPR-RUNTIME', message, 0, expression.source.length) };
  }
}

/** Compiles (cached by text, bounded) and evaluates `text` over `scope`. */
export function evaluate(text: string, scope: Scope): EvaluationResult {
  let compiled = compiledByText.get(text);
  if (compiled === undefined) {
    compiled = compileExpression(text);
    compiledByText.set(text, compiled);
  }
  return compiled.ok ? evaluateExpression(compiled.expression, scope) : compiled;
}
