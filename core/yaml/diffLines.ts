import { diffIndices } from 'node-diff3';

/** A region where two line lists differ: `a[aStart, aStart + aLength)` became `b[bStart, …)`. */
export interface LineChange {
  readonly aStart: number;
  readonly aLength: number;
  readonly bStart: number;
  readonly bLength: number;
}

interface Range {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
}

/** Above this many line pairs a region without anchors is replaced wholesale, not diffed. */
const MAX_PLAIN_DIFF_CELLS = 4_000_000;

function uniqueLines(lines: readonly string[], from: number, to: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (let i = from; i < to; i += 1) {
    const line = lines[i] ?? '';
    seen.set(line, seen.has(line) ? -1 : i);
  }
  return seen;
}

/** Lines unique on both sides, matched and kept in order (longest increasing subsequence). */
function anchorsOf(a: readonly string[], b: readonly string[], r: Range): [number, number][] {
  const inA = uniqueLines(a, r.a0, r.a1);
  const inB = uniqueLines(b, r.b0, r.b1);
  const pairs: [number, number][] = [];
  for (const [line, ai] of inA) {
    const bi = inB.get(line);
    if (ai >= 0 && bi !== undefined && bi >= 0) pairs.push([ai, bi]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, bi], index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] ?? 0]?.[1] ?? 0) < bi) lo = mid + 1;
      else hi = mid;
    }
    previous[index] = lo > 0 ? (tails[lo - 1] ?? -1) : -1;
    tails[lo] = index;
  });
  const chain: [number, number][] = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) {
    const pair = pairs[i];
    if (pair) chain.push(pair);
  }
  return chain.reverse();
}

function plainDiff(a: readonly string[], b: readonly string[], r: Range, out: LineChange[]): void {
  const aLength = r.a1 - r.a0;
  const bLength = r.b1 - r.b0;
  if (aLength * bLength > MAX_PLAIN_DIFF_CELLS) {
    out.push({ aStart: r.a0, aLength, bStart: r.b0, bLength });
    return;
  }
  for (const chunk of diffIndices(a.slice(r.a0, r.a1), b.slice(r.b0, r.b1))) {
    const [aStart, aLen] = chunk.buffer1;
    const [bStart, bLen] = chunk.buffer2;
    out.push({ aStart: r.a0 + aStart, aLength: aLen, bStart: r.b0 + bStart, bLength: bLen });
  }
}

/**
 * Line diff (patience style): common prefix and suffix are skipped, lines unique on both sides
 * anchor the alignment, and only the small regions between anchors go through a full LCS. Fast on
 * YAML, where most lines repeat (`- kind: step`) but step names are unique.
 */
export function diffLines(a: readonly string[], b: readonly string[]): LineChange[] {
  const out: LineChange[] = [];
  const stack: Range[] = [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  while (stack.length > 0) {
    const range = stack.pop();
    if (!range) break;
    let { a0, a1, b0, b1 } = range;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      a0 += 1;
      b0 += 1;
    }
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
      a1 -= 1;
      b1 -= 1;
    }
    if (a0 === a1 && b0 === b1) continue;
    if (a0 === a1 || b0 === b1) {
      out.push({ aStart: a0, aLength: a1 - a0, bStart: b0, bLength: b1 - b0 });
      continue;
    }
    const trimmed = { a0, a1, b0, b1 };
    const anchors = anchorsOf(a, b, trimmed);
    if (anchors.length === 0) {
      plainDiff(a, b, trimmed, out);
      continue;
    }
    let [pa, pb] = [a0, b0];
    for (const [ai, bi] of anchors) {
      stack.push({ a0: pa, a1: ai, b0: pb, b1: bi });
      [pa, pb] = [ai + 1, bi + 1];
    }
    stack.push({ a0: pa, a1, b0: pb, b1 });
  }
  return out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
}
