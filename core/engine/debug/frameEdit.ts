import { ContextError } from '../errors';
import type { Frame } from '../frame';
import type { FrameEdit } from '../runOptions';

/**
 * Checks an edit of a paused frame and returns a private copy of it (the caller may keep mutating
 * what it passed, and the engine takes ownership of the context it gets). Throws a ContextError and
 * keeps nothing when the context is not a plain object or a value is not copyable data.
 */
export function checkFrameEdit(edit: FrameEdit): FrameEdit {
  const given: unknown = edit;
  if (typeof given !== 'object' || given === null) {
    throw new ContextError('editFrame takes an object: { input?, context? }.');
  }
  const hasInput = Object.hasOwn(edit, 'input');
  const hasContext = Object.hasOwn(edit, 'context') && edit.context !== undefined;
  if (hasContext && !isPlainObject(edit.context)) {
    throw new ContextError(
      `The edited context must be a plain object (a dict), not ${describe(edit.context)}.`,
      { suggestion: 'Pass the whole context as an object, e.g. { ...frame.context, key: value }.' },
    );
  }
  return {
    ...(hasInput ? { input: copyData(edit.input, 'input') } : {}),
    ...(hasContext
      ? { context: copyData(edit.context, 'context') as Record<string, unknown> }
      : {}),
  };
}

/** `later` applied over `earlier` (several edits while paused at one step). */
export function mergeFrameEdits(earlier: FrameEdit | undefined, later: FrameEdit): FrameEdit {
  return { ...earlier, ...later };
}

/** The frame stack with `edit` shown on its innermost frame (new objects; nothing is mutated). */
export function framesWithEdit(frames: readonly Frame[], edit: FrameEdit): readonly Frame[] {
  const last = frames[frames.length - 1];
  if (last === undefined) return frames;
  const edited: Frame = {
    ...last,
    ...(Object.hasOwn(edit, 'input') ? { input: edit.input } : {}),
    ...(edit.context === undefined ? {} : { context: edit.context }),
  };
  return [...frames.slice(0, -1), edited];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function copyData(value: unknown, what: string): unknown {
  try {
    return structuredClone(value);
  } catch (error) {
    throw new ContextError(`The edited ${what} is not plain data and cannot be used.`, {
      cause: error,
      suggestion: 'Use JSON-like values (objects, lists, strings, numbers, booleans, null).',
    });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a class instance' : `a ${typeof value}`;
}
