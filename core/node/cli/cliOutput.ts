/** Where the CLI writes: stdout for the report, stderr for problems (injectable for tests). */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
