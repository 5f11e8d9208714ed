import type { Pipeline } from './pipeline';

/** Why a model edit could not be applied, in words the user can act on. */
export interface EditFailure {
  readonly ok: false;
  readonly reason: string;
}

/** The outcome of a model edit that can fail: the new pipeline, or why nothing changed. */
export type EditResult = { readonly ok: true; readonly pipeline: Pipeline } | EditFailure;

/** The outcome of an intermediate step of an edit: a value, or why the edit fails. */
export type EditOutcome<T> = { readonly ok: true; readonly value: T } | EditFailure;

/** A failed edit with `reason`. */
export function editFailure(reason: string): EditFailure {
  return { ok: false, reason };
}

/** A successful intermediate outcome. */
export function editValue<T>(value: T): EditOutcome<T> {
  return { ok: true, value };
}
