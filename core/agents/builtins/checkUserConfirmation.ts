import { isNone } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { pythonStringify } from './pythonRepr';

/** "approved" for an empty answer, `y` or `yes` (trimmed, any case); "denied" otherwise. */
export function confirmationKey(answer: unknown): 'approved' | 'denied' {
  const text = isNone(answer) ? '' : pythonStringify(answer);
  const normalized = text.trim().toLowerCase();
  return normalized === '' || normalized === 'y' || normalized === 'yes' ? 'approved' : 'denied';
}

/** `flujo.builtins.check_user_confirmation`: maps `user_input` (else the input) to a branch key. */
export const checkUserConfirmationSkill: BuiltinSkill = {
  id: 'flujo.builtins.check_user_confirmation',
  parameters: ['_out', 'user_input'],
  run: ({ args }) => confirmationKey(isNone(args.user_input) ? args._out : args.user_input),
};
