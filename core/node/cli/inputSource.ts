/** Where `run`'s input came from (FLUJO-SPEC §11 precedence). */
export type InputSourceKind = 'flag' | 'flag-stdin' | 'env' | 'stdin' | 'empty';

/** What `resolveRunInput` looks at; the process's own by default in the command. */
export interface InputSources {
  /** The `--input` value (`-` means: read stdin). */
  readonly flag?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: {
    /** Whether stdin is a terminal (then it is never read implicitly). */
    readonly isTTY: boolean;
    /** Reads all of stdin as text. */
    readonly read: () => Promise<string>;
  };
}

/** The resolved input and its source. */
export interface ResolvedInput {
  readonly input: string;
  readonly source: InputSourceKind;
}

/**
 * Resolves the run input like `flujo run`: `--input TEXT` (with `-` = all of stdin, trimmed) →
 * non-empty `FLUJO_INPUT` → piped stdin when it is not a terminal (trimmed) → `''`.
 */
export async function resolveRunInput(sources: InputSources): Promise<ResolvedInput> {
  if (sources.flag === '-')
    return { input: (await sources.stdin.read()).trim(), source: 'flag-stdin' };
  if (sources.flag !== undefined) return { input: sources.flag, source: 'flag' };
  const fromEnv = sources.env.FLUJO_INPUT;
  if (fromEnv !== undefined && fromEnv !== '') return { input: fromEnv, source: 'env' };
  if (!sources.stdin.isTTY) {
    const piped = (await sources.stdin.read()).trim();
    if (piped !== '') return { input: piped, source: 'stdin' };
  }
  return { input: '', source: 'empty' };
}

/** Reads all of a readable stream (process.stdin) as UTF-8 text. */
export async function readStream(stream: AsyncIterable<unknown>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) {
    parts.push(typeof part === 'string' ? Buffer.from(part) : (part as Buffer));
  }
  return Buffer.concat(parts).toString('utf8');
}
