/** One level of the debugger's frame stack (innermost last): where a run is and what it holds. */
export interface Frame {
  readonly path: string;
  readonly stepName: string;
  readonly kind: string;
  readonly iteration?: number;
  readonly branch?: string;
  readonly attempt: number;
  readonly input: unknown;
  readonly context: Readonly<Record<string, unknown>>;
}
