/** Marks a branch that a complete `switch` over a union can never reach; throws if it does. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${describeUnexpected(value)}`);
}

function describeUnexpected(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch (error) {
    return `${Object.prototype.toString.call(value)} (${String(error)})`;
  }
}
