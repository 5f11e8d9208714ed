import type { BuiltinSkill } from './builtinSkill';
import { pythonStringify } from './pythonRepr';

/** `flujo.builtins.stringify`: Python's `str(x)` (`None`, `True`, `{'k': 'v'}`, `[1, 2]`). */
export const stringifySkill: BuiltinSkill = {
  id: 'flujo.builtins.stringify',
  parameters: ['x'],
  run: ({ args }) => pythonStringify(args.x),
};
