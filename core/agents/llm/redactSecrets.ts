const MASK = '***';

/** `text` with every occurrence of each secret (API keys) replaced by `***`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    // Very short "keys" would mask ordinary words; real keys are long.
    if (secret === undefined || secret.length < 4) continue;
    result = result.split(secret).join(MASK);
  }
  return result;
}
