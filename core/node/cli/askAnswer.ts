import { createInterface } from 'node:readline/promises';

/**
 * Asks a question on the terminal and returns the typed line, or `undefined` when the user
 * pressed Ctrl-C or closed the input (Ctrl-D).
 */
export async function askAnswer(
  question: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  terminal.on('SIGINT', stop);
  terminal.on('close', stop);
  signal.addEventListener('abort', stop, { once: true });
  try {
    return await terminal.question(question, { signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return undefined;
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
    terminal.close();
  }
}
