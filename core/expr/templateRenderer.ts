import { assertNever } from '../model/assertNever';
import { FILTERS } from './filters';
import { isNone, isTruthy, renderValue } from './pythonValues';
import type { Scope } from './scope';
import type { Placeholder, TemplateNode, TemplatePath } from './templateAst';
import { STEP_OUTPUT_ALIASES, getMember, hasMember } from './valueLookup';

/** Renders parsed template nodes; `thisValue` is the current `{{#each}}` item (or undefined). */
export function renderNodes(
  nodes: readonly TemplateNode[],
  scope: Scope,
  thisValue: unknown,
): string {
  let text = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        text += node.text;
        break;
      case 'output':
        text += renderValue(evaluatePlaceholder(node.placeholder, scope, thisValue));
        break;
      case 'if':
        if (isTruthy(resolveTemplatePath(node.path, scope, thisValue))) {
          text += renderNodes(node.body, scope, thisValue);
        }
        break;
      case 'each': {
        const items = resolveTemplatePath(node.path, scope, thisValue);
        if (Array.isArray(items)) {
          for (const item of items) text += renderNodes(node.body, scope, item);
        }
        break;
      }
      default:
        assertNever(node);
    }
  }
  return text;
}

/**
 * The value of a placeholder before printing: the first non-empty literal or the first path whose
 * value is not None/"" (else the last alternative's value), then each filter in turn.
 */
export function evaluatePlaceholder(
  placeholder: Placeholder,
  scope: Scope,
  thisValue: unknown,
): unknown {
  let value: unknown = undefined;
  for (const alternative of placeholder.alternatives) {
    if (alternative.kind === 'literal') {
      value = alternative.value;
      if (value !== '') break;
    } else {
      value = resolveTemplatePath(alternative, scope, thisValue);
      if (!isNone(value) && value !== '') break;
    }
  }
  for (const filter of placeholder.filters) {
    value = FILTERS[filter.name].apply(value, filter.argument);
  }
  return value;
}

/**
 * Looks a dotted path up in the scope. `steps.x` is step x's output (`.output`/`.result`/`.value`
 * right after it mean the same), `context.x` falls back to `steps.x`, `this` is the each item.
 */
export function resolveTemplatePath(path: TemplatePath, scope: Scope, thisValue: unknown): unknown {
  const { root, segments } = path;
  let value: unknown;
  let next = 0;
  if (root === 'this') {
    value = thisValue;
  } else if (root === 'steps' || root === 'context') {
    const container = root === 'steps' ? scope.steps : scope.context;
    const name = segments[0];
    if (name === undefined) return container;
    next = 1;
    if (root === 'context' && hasMember(container, name)) {
      value = getMember(container, name);
    } else {
      value = getMember(scope.steps, name);
      const alias = segments[1];
      if (alias !== undefined && STEP_OUTPUT_ALIASES.has(alias) && hasMember(scope.steps, name))
        next = 2;
    }
  } else {
    value = getMember(scope, root);
  }
  for (; next < segments.length && !isNone(value); next++) {
    value = getMember(value, segments[next] ?? '');
  }
  return value;
}
