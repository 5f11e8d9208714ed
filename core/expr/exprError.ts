/** Stable codes of template and expression errors; a caller may branch on them. */
export type ExprErrorCode =
  | 'TEMPLATE-SYNTAX'
  | 'TEMPLATE-FILTER'
  | 'TEMPLATE-BLOCK'
  | 'TEMPLATE-JINJA'
  | 'TEMPLATE-THIS'
  | 'TEMPLATE-RENDER'
  | 'EXPR-SYNTAX'
  | 'EXPR-UNSUPPORTED'
  | 'EXPR-WRAPPED'
  | 'EXPR-NAME'
  | 'EXPR-TYPE'
  | 'EXPR-RUNTIME';

/** A problem in a template or expression, as data: `start`/`end` are offsets into its source text. */
export interface ExprError {
  readonly code: ExprErrorCode;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** Builds an `ExprError`, keeping `end >= start`. */
export function exprError(
  code: ExprErrorCode,
  message: string,
  start: number,
  end: number,
): ExprError {
  return { code, message, start, end: Math.max(start, end) };
}

/** Describes an unexpected exception (a bug or a hostile value) for an error message. */
export function describeException(error: unknown): string {
  if (error instanceof RangeError) return 'it nests too deeply';
  if (error instanceof Error) return error.message;
  return 'an unexpected value was thrown';
}
