/** The fields of a FlujoError (or its plain-data copy) the CLI prints. */
export interface FlujoErrorLike {
  readonly code: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** Whether a value carries a FlujoError's code and message (instance or plain data). */
export function isFlujoErrorLike(value: unknown): value is FlujoErrorLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown; suggestion?: unknown };
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string' &&
    (candidate.suggestion === undefined || typeof candidate.suggestion === 'string')
  );
}
