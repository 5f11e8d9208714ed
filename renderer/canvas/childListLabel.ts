import type { ChildRef } from '../../core/model';
import { assertNever } from '../../core/model';

/** The label drawn before a container's child list: the branch or state key, `body`, … */
export function childListLabel(ref: ChildRef): string {
  switch (ref.slot) {
    case 'branches':
    case 'router.branches':
    case 'states':
      return ref.key;
    case 'loop.body':
    case 'map.body':
      return 'body';
    case 'default_branch':
      return 'default';
    case 'wrapped_step':
      return 'wraps';
    case 'fallback':
      return 'fallback';
    default:
      return assertNever(ref);
  }
}
