let rows: [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(32),
  new Int32Array(32),
  new Int32Array(32),
];

function buffers(width: number): [Int32Array, Int32Array, Int32Array] {
  if (rows[0].length < width) {
    rows = [new Int32Array(width), new Int32Array(width), new Int32Array(width)];
  }
  return rows;
}

/**
 * Edit distance between two short names (insertions, deletions, substitutions, swaps of
 * neighbours), or `limit + 1` as soon as it is certain to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let [before, previous, current] = buffers(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** A plural-insensitive form (`max_retries` and `max_retry` meet at `max_retry`). */
function stem(lower: string): string {
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** A 31-bit set of the characters of `text` (hashed), for a cheap lower bound on distance. */
function characterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) % 31);
  return mask;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * Candidate names prepared once for many `closest` look-ups (lower-cased, stemmed, character
 * masks). Each edit changes at most two characters of a name's character set, so two names
 * whose masks differ in more than four bits are more than two edits apart and are skipped.
 */
export class NameIndex {
  private readonly names: readonly string[];
  private readonly lower: readonly string[];
  private readonly stems: readonly string[];
  private readonly masks: readonly number[];
  private readonly stemMasks: readonly number[];

  constructor(names: Iterable<string>) {
    this.names = [...names];
    this.lower = this.names.map((name) => name.toLowerCase());
    this.stems = this.lower.map(stem);
    this.masks = this.lower.map(characterMask);
    this.stemMasks = this.stems.map(characterMask);
  }

  /**
   * The name closest to `word` when it looks like a typo of it (case-insensitive; at most one
   * edit for short names, two for longer ones; singular and plural count as equal).
   */
  closest(word: string): string | undefined {
    const lower = word.toLowerCase();
    const wordStem = stem(lower);
    const mask = characterMask(lower);
    const stemMask = characterMask(wordStem);
    let best: string | undefined;
    let bestDistance = 3;
    this.names.forEach((candidate, i) => {
      if (bestDistance === 0 || candidate === word) return;
      if (Math.abs(candidate.length - word.length) > 4) return;
      const differing = Math.min(
        bitCount(mask ^ (this.masks[i] ?? 0)),
        bitCount(stemMask ^ (this.stemMasks[i] ?? 0)),
      );
      if (differing > 4) return;
      let distance = editDistance(lower, this.lower[i] ?? '', bestDistance - 1);
      if (distance >= bestDistance) {
        distance = editDistance(wordStem, this.stems[i] ?? '', bestDistance - 1);
      }
      const allowed = Math.min(word.length, candidate.length) <= 4 ? 1 : 2;
      if (distance >= bestDistance || distance > allowed) return;
      best = candidate;
      bestDistance = distance;
    });
    return best;
  }
}

/** The candidate closest to `word` when it looks like a typo of it (see `NameIndex.closest`). */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  return new NameIndex(candidates).closest(word);
}
