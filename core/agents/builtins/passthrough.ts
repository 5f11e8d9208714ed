import type { BuiltinSkill } from './builtinSkill';

/** `flujo.builtins.passthrough`: returns its input unchanged. */
export const passthroughSkill: BuiltinSkill = {
  id: 'flujo.builtins.passthrough',
  parameters: ['x'],
  run: ({ args }) => (args.x === undefined ? null : args.x),
};
