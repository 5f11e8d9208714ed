import { assertNever } from '../model/assertNever';
import { exprError } from './exprError';
import type { ExprError } from './exprError';
import type { CallNode, ExprNode, MemberNode, NameNode } from './expressionAst';
import { compareValues } from './pythonComparison';
import { isNone, isTruthy } from './pythonValues';
import type { Scope } from './scope';
import { getContextMember, getIndex, getMember, hasMember, isStepFallback } from './valueLookup';

/** Names every expression scope has (`output` is an alias of `previous_step`). */
export const DEFAULT_EXPRESSION_NAMES: readonly string[] = [
  'previous_step',
  'output',
  'context',
  'steps',
  'resume_input',
];

const NAME_HINTS: Readonly<Record<string, string>> = {
  null: 'write `None`',
  none: 'write `None`',
  NULL: 'write `None`',
  this: '`this` exists only inside a template `{{#each}}`; in a map body use `previous_step`',
};

/** A runtime failure of an expression, thrown inside the evaluator and returned as data outside. */
export class EvaluationFailure extends Error {
  constructor(readonly error: ExprError) {
    super(error.message);
    this.name = 'EvaluationFailure';
  }
}

/** Evaluates a parsed expression over `scope`; throws `EvaluationFailure` for unknown names or bad types. */
export function evaluateNode(node: ExprNode, scope: Scope): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name':
      return lookupName(node, scope);
    case 'member':
      return evaluateMember(node, scope);
    case 'index':
      return getIndex(evaluateNode(node.object, scope), node.index);
    case 'call':
      return evaluateCall(node, scope);
    case 'not':
      return !isTruthy(evaluateNode(node.operand, scope));
    case 'and':
      for (const operand of node.operands) {
        if (!isTruthy(evaluateNode(operand, scope))) return false;
      }
      return true;
    case 'or':
      for (const operand of node.operands) {
        if (isTruthy(evaluateNode(operand, scope))) return true;
      }
      return false;
    case 'compare': {
      let left = evaluateNode(node.first, scope);
      for (let i = 0; i < node.operators.length; i++) {
        const operand = node.operands[i];
        const operator = node.operators[i];
        if (operand === undefined || operator === undefined) break;
        const right = evaluateNode(operand, scope);
        if (!compareValues(operator, left, right)) return false;
        left = right;
      }
      return true;
    }
    case 'list':
    case 'tuple':
      return node.items.map((item) => evaluateNode(item, scope));
    default:
      return assertNever(node);
  }
}

function lookupName(node: NameNode, scope: Scope): unknown {
  const { name } = node;
  switch (name) {
    case 'previous_step':
    case 'context':
    case 'steps':
    case 'resume_input':
      return getMember(scope, name);
    case 'output':
      return hasMember(scope, 'output') ? scope.output : getMember(scope, 'previous_step');
    default:
      if (hasMember(scope, name)) return getMember(scope, name);
      throw new EvaluationFailure(
        exprError('EXPR-NAME', unknownNameMessage(name, scope), node.start, node.end),
      );
  }
}

function unknownNameMessage(name: string, scope: Scope): string {
  const hint = Object.hasOwn(NAME_HINTS, name) ? NAME_HINTS[name] : undefined;
  const extra = Object.keys(scope).filter((key) => !DEFAULT_EXPRESSION_NAMES.includes(key));
  const available = [...DEFAULT_EXPRESSION_NAMES, ...extra].join(', ');
  return `Unknown name: ${name}; ${hint ?? `available names are ${available}`}.`;
}

function evaluateMember(node: MemberNode, scope: Scope): unknown {
  const alias = node.stepAlias;
  if (alias !== undefined) {
    const steps = getMember(scope, 'steps');
    if (alias.root === 'steps') return getMember(steps, alias.step);
    const context = getMember(scope, 'context');
    if (isStepFallback(context, steps, alias.step)) return getMember(steps, alias.step);
    return getMember(getMember(context, alias.step), node.key);
  }
  const { object } = node;
  if (object.type === 'name' && object.name === 'context') {
    return getContextMember(getMember(scope, 'context'), getMember(scope, 'steps'), node.key);
  }
  return getMember(evaluateNode(object, scope), node.key);
}

function evaluateCall(node: CallNode, scope: Scope): unknown {
  const receiver = evaluateNode(node.object, scope);
  if (isNone(receiver)) return null;
  const [first, second] = node.args;
  switch (node.method) {
    case 'get': {
      const key = first === undefined ? undefined : evaluateNode(first, scope);
      if (typeof key !== 'string') throw typeFailure(node, '`.get()` needs a string key', key);
      if (typeof receiver !== 'object' || Array.isArray(receiver)) {
        throw typeFailure(node, '`.get()` works on dicts', receiver);
      }
      if (hasMember(receiver, key)) return getMember(receiver, key);
      const onContext = node.object.type === 'name' && node.object.name === 'context';
      const steps = getMember(scope, 'steps');
      if (onContext && hasMember(steps, key)) return getMember(steps, key);
      return second === undefined ? null : evaluateNode(second, scope);
    }
    case 'lower':
      return requireString(node, receiver).toLowerCase();
    case 'upper':
      return requireString(node, receiver).toUpperCase();
    case 'strip':
      return requireString(node, receiver).trim();
    case 'startswith':
    case 'endswith': {
      const text = requireString(node, receiver);
      const affix = first === undefined ? undefined : evaluateNode(first, scope);
      if (typeof affix !== 'string')
        throw typeFailure(node, `\`.${node.method}()\` needs a string`, affix);
      return node.method === 'startswith' ? text.startsWith(affix) : text.endsWith(affix);
    }
    default:
      return assertNever(node.method);
  }
}

function requireString(node: CallNode, receiver: unknown): string {
  if (typeof receiver === 'string') return receiver;
  throw typeFailure(node, `\`.${node.method}()\` works on strings`, receiver);
}

function typeFailure(node: CallNode, what: string, value: unknown): EvaluationFailure {
  const message = `${what}, got ${pythonTypeName(value)}.`;
  return new EvaluationFailure(exprError('EXPR-TYPE', message, node.start, node.end));
}

/** Python's name for the type of a value, for error messages (`str`, `int`, `dict`, …). */
export function pythonTypeName(value: unknown): string {
  if (isNone(value)) return 'None';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'dict' : typeof value;
}
