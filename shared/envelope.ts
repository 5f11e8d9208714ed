import type { z } from 'zod';
import type { hostError } from './schemas';

/** An error as it crosses the boundary: code, message and what to do. */
export type HostError = z.output<typeof hostError>;

/** Every answer of the host: a result or an error, never a thrown exception across the boundary. */
export type Envelope<T> =
  { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: HostError };
