const KEY = 'flujo.run.lastInputs';
const LIMIT = 10;

function storage(): Storage | undefined {
  return 'localStorage' in globalThis ? globalThis.localStorage : undefined;
}

/** The inputs the user last ran with, newest first (read from localStorage; empty when absent). */
export function readLastInputs(): string[] {
  try {
    const raw = storage()?.getItem(KEY);
    if (raw === null || raw === undefined) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((item) => typeof item === 'string') : [];
  } catch (error) {
    // A corrupt or blocked storage only loses the remembered inputs, never a run.
    console.warn('Could not read the remembered run inputs:', error);
    return [];
  }
}

/** Puts `input` first in the remembered inputs, dropping duplicates and keeping the last ten. */
export function rememberInput(previous: readonly string[], input: string): string[] {
  const next = [input, ...previous.filter((item) => item !== input)].slice(0, LIMIT);
  try {
    storage()?.setItem(KEY, JSON.stringify(next));
  } catch (error) {
    console.warn('Could not remember the run input:', error);
  }
  return next;
}
