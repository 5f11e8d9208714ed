import type {
  ExprNode,
  LiteralNode,
  LiteralValue,
  MemberNode,
  MethodName,
  StepAlias,
} from './expressionAst';
import { STEP_OUTPUT_ALIASES } from './valueLookup';

/** Allowed methods and their minimum and maximum argument counts. */
export const METHOD_ARITY: Readonly<Record<MethodName, readonly [number, number]>> = {
  get: [1, 2],
  lower: [0, 0],
  upper: [0, 0],
  strip: [0, 0],
  startswith: [1, 1],
  endswith: [1, 1],
};

/** True when `name` is an allow-listed method. */
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHOD_ARITY, name);
}

/** Builds a literal node. */
export function literal(value: LiteralValue, start: number, end: number): LiteralNode {
  return { type: 'literal', value, start, end };
}

/** Builds `object.key` / `object['key']`, marking `.output`-style step aliases. */
export function member(object: ExprNode, key: string, computed: boolean, end: number): MemberNode {
  return {
    type: 'member',
    object,
    key,
    computed,
    stepAlias: stepAliasOf(object, key),
    start: object.start,
    end,
  };
}

function stepAliasOf(object: ExprNode, key: string): StepAlias | undefined {
  if (!STEP_OUTPUT_ALIASES.has(key) || object.type !== 'member') return undefined;
  const root = object.object;
  if (root.type !== 'name' || (root.name !== 'steps' && root.name !== 'context')) return undefined;
  return { root: root.name, step: object.key };
}

/** Builds a list/tuple node, folding it into a frozen literal when every item is a constant. */
export function sequence(
  type: 'list' | 'tuple',
  items: readonly ExprNode[],
  start: number,
  end: number,
): ExprNode {
  const values: LiteralValue[] = [];
  for (const item of items) {
    if (item.type !== 'literal') return { type, items, start, end };
    values.push(item.value);
  }
  return literal(Object.freeze(values), start, end);
}
