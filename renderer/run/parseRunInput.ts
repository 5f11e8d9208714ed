/** The run dialog's input: JSON when it parses as JSON, otherwise the text as typed. */
export function parseRunInput(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    // Not JSON is a normal answer here: plain text is a valid pipeline input.
    return text;
  }
}

/** An optional JSON object field (initial context): the object, or a message saying what is wrong. */
export function parseJsonObject(
  text: string,
  label: string,
): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `${label} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `${label} must be a JSON object, like {"key": "value"}.` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** An optional non-negative number field (a limit): the number, or a message. */
export function parseLimit(
  text: string,
  label: string,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    return { ok: false, message: `${label} must be a number of at least 0.` };
  }
  return { ok: true, value };
}
