/** Comparison operators of the safe expression language. */
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';

/** The only methods an expression may call. */
export type MethodName = 'get' | 'lower' | 'upper' | 'strip' | 'startswith' | 'endswith';

/** A constant: str, int/float, bool, None, or a frozen list of constants. */
export type LiteralValue = string | number | boolean | null | readonly LiteralValue[];

/** Where a node sits in the expression text (half-open offsets). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A literal constant (also a list/tuple made only of constants, folded at parse time). */
export interface LiteralNode extends Span {
  readonly type: 'literal';
  readonly value: LiteralValue;
}

/** A variable such as `previous_step`, `context` or a caller-provided `iteration`. */
export interface NameNode extends Span {
  readonly type: 'name';
  readonly name: string;
}

/**
 * `steps.x.output` / `context.x.result`…: a `.output`/`.result`/`.value` key right after a step
 * lookup, which reads the step's output itself.
 */
export interface StepAlias {
  readonly root: 'steps' | 'context';
  readonly step: string;
}

/** `a.key` or `a['key']` (`computed`): a dict lookup that gives None when missing. */
export interface MemberNode extends Span {
  readonly type: 'member';
  readonly object: ExprNode;
  readonly key: string;
  readonly computed: boolean;
  readonly stepAlias: StepAlias | undefined;
}

/** `a[0]`: a list item by integer position (negative counts from the end). */
export interface IndexNode extends Span {
  readonly type: 'index';
  readonly object: ExprNode;
  readonly index: number;
}

/** `receiver.method(args…)` for an allow-listed method. */
export interface CallNode extends Span {
  readonly type: 'call';
  readonly object: ExprNode;
  readonly method: MethodName;
  readonly args: readonly ExprNode[];
}

/** `not x`, always a bool. */
export interface NotNode extends Span {
  readonly type: 'not';
  readonly operand: ExprNode;
}

/** `a and b …` / `a or b …`, always a bool. */
export interface LogicalNode extends Span {
  readonly type: 'and' | 'or';
  readonly operands: readonly ExprNode[];
}

/** A comparison chain `first op0 operands[0] op1 operands[1] …` (`1 < x < 3`). */
export interface CompareNode extends Span {
  readonly type: 'compare';
  readonly first: ExprNode;
  readonly operators: readonly CompareOperator[];
  readonly operands: readonly ExprNode[];
}

/** A list or tuple with at least one non-constant item. */
export interface SequenceNode extends Span {
  readonly type: 'list' | 'tuple';
  readonly items: readonly ExprNode[];
}

/** A node of a parsed expression. */
export type ExprNode =
  | LiteralNode
  | NameNode
  | MemberNode
  | IndexNode
  | CallNode
  | NotNode
  | LogicalNode
  | CompareNode
  | SequenceNode;
