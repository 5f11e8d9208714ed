/**
 * Runs a synchronous handler body as a promise: a throw becomes a rejection, so a caller that
 * invokes a handler directly (not through `dispatch`) never sees a synchronous exception.
 */
export function settle<T>(body: () => T): Promise<T> {
  try {
    return Promise.resolve(body());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
