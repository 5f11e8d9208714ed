/** Thrown (and caught by `fastLoad`) when the fast path cannot reproduce the `yaml` library. */
export class FastLoadDecline extends Error {}

/** Gives up the fast path for this text. */
export function decline(reason: string): never {
  throw new FastLoadDecline(reason);
}
