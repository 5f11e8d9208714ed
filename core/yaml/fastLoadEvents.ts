import type { State } from 'js-yaml';
import { FAILSAFE_SCHEMA, load } from 'js-yaml';

/** One node as js-yaml reported it: where it opened and closed, its kind, value and child nodes. */
export interface LoadFrame {
  /** Offset at `open` (may precede the node's whitespace). */
  readonly open: number;
  /** Offset at `close` (may follow the node's trailing whitespace). */
  close: number;
  /** 'scalar', 'mapping', 'sequence', or null for an empty node. */
  kind: string | null;
  /** The value js-yaml built (strings only for scalars: the failsafe schema resolves nothing). */
  result: unknown;
  readonly children: LoadFrame[];
}

function hasProperty(state: State): boolean {
  const tag: unknown = Reflect.get(state, 'tag');
  const anchor: unknown = Reflect.get(state, 'anchor');
  return (tag !== null && tag !== '?') || anchor !== null;
}

// js-yaml reads a block value by trying it as a mapping key first: unwrap that extra level.
function unwrapped(frame: LoadFrame): LoadFrame {
  if (frame.children.length !== 1) return frame;
  const [only] = frame.children;
  if (only?.kind !== frame.kind || !Object.is(only.result, frame.result)) return frame;
  return only;
}

/**
 * Loads `text` with js-yaml (failsafe schema) and returns its node tree from the loader's events;
 * undefined when js-yaml throws or a node carries a tag or an anchor.
 */
export function loadFrames(text: string): LoadFrame | undefined {
  const stack: LoadFrame[] = [];
  const roots: LoadFrame[] = [];
  const status = { declined: false };
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      stack.push({
        open: Math.min(state.position, text.length),
        close: -1,
        kind: null,
        result: null,
        children: [],
      });
      return;
    }
    const frame = stack.pop();
    if (frame === undefined) {
      status.declined = true;
      return;
    }
    if (hasProperty(state)) status.declined = true;
    const kind: unknown = state.kind;
    // js-yaml appends a newline to a text without one: keep offsets inside the text.
    frame.close = Math.min(state.position, text.length);
    frame.kind = typeof kind === 'string' ? kind : null;
    frame.result = state.result;
    const node = unwrapped(frame);
    (stack[stack.length - 1]?.children ?? roots).push(node);
  };
  try {
    load(text, { schema: FAILSAFE_SCHEMA, listener });
  } catch {
    return undefined;
  }
  const [root] = roots;
  if (status.declined || stack.length > 0 || roots.length !== 1 || root === undefined)
    return undefined;
  return root;
}
