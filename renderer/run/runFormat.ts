/** A duration for people: `850 ms`, `2.4 s`, `3 min 5 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${String(Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${String(minutes)} min ${String(Math.round((ms % 60_000) / 1000))} s`;
}

/** A cost in USD with enough digits for cheap calls. */
export function formatCost(usd: number): string {
  return `$${usd < 0.01 && usd > 0 ? usd.toFixed(4) : usd.toFixed(2)}`;
}

/** A token count with thousands separators. */
export function formatTokens(tokens: number): string {
  return tokens.toLocaleString('en-US');
}

/** A JSON value as indented text, cut at `limit` characters so a huge output cannot stall a render. */
export function formatValue(value: unknown, limit = 20_000): string {
  if (value === undefined) return '—';
  let text: string;
  try {
    text = typeof value === 'string' ? value : (jsonText(value) ?? typeof value);
  } catch (error) {
    text = `(not JSON: ${error instanceof Error ? error.message : String(error)})`;
  }
  return text.length > limit
    ? `${text.slice(0, limit)}\n… (${String(text.length - limit)} more characters)`
    : text;
}

/** A start time as local date and time. */
export function formatTime(at: number): string {
  return new Date(at).toLocaleString();
}

/** `JSON.stringify` as it really behaves: `undefined` for functions and symbols. */
function jsonText(value: unknown): string | undefined {
  return JSON.stringify(value, null, 2);
}
