import type { BuiltinSkill } from './builtinSkill';
import { asList } from './plainDict';

/** One level of flattening: nested lists are expanded, other items kept; a non-list gives []. */
export function flattenOnce(items: unknown): unknown[] {
  const list = asList(items);
  if (list === undefined) return [];
  const out: unknown[] = [];
  for (const item of list) {
    const nested = asList(item);
    if (nested === undefined) out.push(item);
    else out.push(...nested);
  }
  return out;
}

/** `flujo.builtins.flatten`: `items` flattened one level (a non-list input gives `[]`). */
export const flattenSkill: BuiltinSkill = {
  id: 'flujo.builtins.flatten',
  parameters: ['items'],
  required: ['items'],
  run: ({ args }) => flattenOnce(args.items),
};
