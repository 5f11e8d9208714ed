import { assertNever } from '../model/assertNever';
import type { Analysis, Reference } from './analysis';
import { describeException, exprError } from './exprError';
import type { ExprError } from './exprError';
import type { ExprNode } from './expressionAst';
import { DEFAULT_EXPRESSION_NAMES } from './expressionEvaluator';
import { parseExpression } from './expressionParser';

/** Options of `analyzeExpression`. */
export interface ExpressionAnalysisOptions {
  /** Extra names the caller's scope will provide (e.g. `iteration`); when given, other names are errors. */
  readonly knownNames?: readonly string[];
}

interface Chain {
  readonly reference: Reference;
  /** False once an index or a method other than `.get('key')` ends the dotted path. */
  readonly open: boolean;
}

/**
 * Lists the variables an expression reads (`a.b`, `a['b']` and `a.get('b')` extend a path) and its
 * error, without evaluating it. With `knownNames`, names outside the defaults and those are errors.
 */
export function analyzeExpression(text: string, options: ExpressionAnalysisOptions = {}): Analysis {
  try {
    const parsed = parseExpression(text);
    if (!parsed.ok) return { references: [], filters: [], errors: [parsed.error], warnings: [] };
    const references: Reference[] = [];
    visit(parsed.ast, references);
    const errors: ExprError[] = [];
    if (options.knownNames !== undefined) {
      const known = new Set([...DEFAULT_EXPRESSION_NAMES, ...options.knownNames]);
      for (const reference of references) {
        if (known.has(reference.root)) continue;
        const message = `Unknown name: ${reference.root}; available names are ${[...known].join(', ')}.`;
        errors.push(
          exprError('EXPR-NAME', message, reference.start, reference.start + reference.root.length),
        );
      }
    }
    return { references, filters: [], errors, warnings: [] };
  } catch (error) {
    const message = `The expression could not be analyzed: ${describeException(error)}.`;
    return {
      references: [],
      filters: [],
      errors: [exprError('EXPR-SYNTAX', message, 0, text.length)],
      warnings: [],
    };
  }
}

function visit(node: ExprNode, references: Reference[]): void {
  switch (node.type) {
    case 'literal':
      return;
    case 'name':
    case 'member':
    case 'index':
    case 'call': {
      const chain = chainOf(node);
      if (chain !== undefined) {
        references.push(chain.reference);
        visitCallArguments(node, references);
      } else if (node.type !== 'name') {
        if (node.type === 'call') for (const arg of node.args) visit(arg, references);
        visit(node.object, references);
      }
      return;
    }
    case 'not':
      visit(node.operand, references);
      return;
    case 'and':
    case 'or':
      for (const operand of node.operands) visit(operand, references);
      return;
    case 'compare':
      visit(node.first, references);
      for (const operand of node.operands) visit(operand, references);
      return;
    case 'list':
    case 'tuple':
      for (const item of node.items) visit(item, references);
      return;
    default:
      assertNever(node);
  }
}

/** The variable path a lookup chain reads, or undefined when it does not start at a name. */
function chainOf(node: ExprNode): Chain | undefined {
  switch (node.type) {
    case 'name':
      return {
        reference: { root: node.name, path: [], start: node.start, end: node.end },
        open: true,
      };
    case 'member':
      return extend(chainOf(node.object), node.key, node.end);
    case 'index':
      return close(chainOf(node.object));
    case 'call': {
      const [key] = node.args;
      const inner = chainOf(node.object);
      if (node.method === 'get' && key?.type === 'literal' && typeof key.value === 'string') {
        return extend(inner, key.value, node.end);
      }
      return close(inner);
    }
    case 'literal':
    case 'not':
    case 'and':
    case 'or':
    case 'compare':
    case 'list':
    case 'tuple':
      return undefined;
    default:
      return assertNever(node);
  }
}

function extend(chain: Chain | undefined, key: string, end: number): Chain | undefined {
  if (!chain?.open) return chain;
  const { reference } = chain;
  return { reference: { ...reference, path: [...reference.path, key], end }, open: true };
}

function close(chain: Chain | undefined): Chain | undefined {
  return chain === undefined ? undefined : { reference: chain.reference, open: false };
}

function visitCallArguments(node: ExprNode, references: Reference[]): void {
  let current: ExprNode = node;
  while (current.type === 'member' || current.type === 'index' || current.type === 'call') {
    if (current.type === 'call') for (const arg of current.args) visit(arg, references);
    current = current.object;
  }
}
