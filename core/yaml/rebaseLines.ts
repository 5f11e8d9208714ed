import { diffLines } from './diffLines';

/** A run of lines of the original that correspond to a run of lines of yaml's rendering of it. */
interface Block {
  readonly oStart: number;
  readonly oEnd: number;
  readonly aStart: number;
  readonly aEnd: number;
}

interface OutLine {
  readonly text: string;
  /** Written by the printer (needs the file's line ending and indentation). */
  readonly fresh: boolean;
  /** Position in the rendering, for fresh lines (where to look for indentation context). */
  readonly at: number;
}

const stripCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
const indentOf = (line: string): number => line.length - line.trimStart().length;
const squash = (line: string): string => line.trim().replace(/\s+/g, ' ');
const isContent = (line: string): boolean =>
  line.trim() !== '' && !line.trimStart().startsWith('#');

function pairRun(
  blocks: Block[],
  oStart: number,
  oLen: number,
  aStart: number,
  aLen: number,
): void {
  if (oLen === aLen) {
    for (let i = 0; i < oLen; i += 1) {
      blocks.push({
        oStart: oStart + i,
        oEnd: oStart + i + 1,
        aStart: aStart + i,
        aEnd: aStart + i + 1,
      });
    }
  } else {
    blocks.push({ oStart, oEnd: oStart + oLen, aStart, aEnd: aStart + aLen });
  }
}

/** Pairs lines of `a` and `o`: equal lines 1:1, then lines equal but for trailing spaces, then runs. */
function align(o: readonly string[], a: readonly string[], loose: boolean): Block[] {
  const blocks: Block[] = [];
  const key = (line: string): string => (loose ? squash(line) : line);
  let oPos = 0;
  let aPos = 0;
  const chunks = diffLines(o.map(key), a.map(key));
  const flushEqual = (oUntil: number): void => {
    while (oPos < oUntil) {
      blocks.push({ oStart: oPos, oEnd: oPos + 1, aStart: aPos, aEnd: aPos + 1 });
      oPos += 1;
      aPos += 1;
    }
  };
  for (const chunk of chunks) {
    const { aStart: oStart, aLength: oLen, bStart: aStart, bLength: aLen } = chunk;
    flushEqual(oStart);
    if (!loose && oLen > 0 && aLen > 0 && oLen !== aLen) {
      const inner = align(o.slice(oStart, oStart + oLen), a.slice(aStart, aStart + aLen), true);
      for (const b of inner) {
        blocks.push({
          oStart: b.oStart + oStart,
          oEnd: b.oEnd + oStart,
          aStart: b.aStart + aStart,
          aEnd: b.aEnd + aStart,
        });
      }
    } else {
      pairRun(blocks, oStart, oLen, aStart, aLen);
    }
    oPos = oStart + oLen;
    aPos = aStart + aLen;
  }
  flushEqual(o.length);
  if (aPos < a.length) blocks.push({ oStart: oPos, oEnd: oPos, aStart: aPos, aEnd: a.length });
  return blocks;
}

/** How much to shift fresh lines so their outermost level lines up with the original's siblings. */
function indentShift(
  fresh: readonly OutLine[],
  o: readonly string[],
  a: readonly string[],
  pairs: readonly Block[],
): number {
  const level = Math.min(...fresh.filter((l) => isContent(l.text)).map((l) => indentOf(l.text)));
  if (!Number.isFinite(level)) return 0;
  const at = fresh[0]?.at ?? 0;
  const shiftOf = (p: Block): number => indentOf(a[p.aStart] ?? '') - indentOf(o[p.oStart] ?? '');
  // Only lines that differ at most in whitespace tell how the original indents this level.
  const usable = pairs.filter((p) => {
    const line = o[p.oStart] ?? '';
    return isContent(line) && squash(line) === squash(a[p.aStart] ?? '');
  });
  let parentShift: number | undefined;
  for (let i = usable.length - 1; i >= 0; i -= 1) {
    const p = usable[i];
    if (!p || p.oStart >= at) continue;
    const indent = indentOf(o[p.oStart] ?? '');
    if (indent === level) return shiftOf(p);
    if (indent < level) {
      parentShift = shiftOf(p);
      break;
    }
  }
  for (const p of usable) {
    if (p.oStart < at) continue;
    const indent = indentOf(o[p.oStart] ?? '');
    if (indent === level) return shiftOf(p);
    if (indent < level) break;
  }
  return parentShift ?? 0;
}

function reindent(
  lines: OutLine[],
  o: readonly string[],
  a: readonly string[],
  blocks: readonly Block[],
): OutLine[] {
  const pairs = blocks.filter((b) => b.oEnd - b.oStart === 1 && b.aEnd - b.aStart === 1);
  const out: OutLine[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (!line?.fresh) {
      if (line) out.push(line);
      i += 1;
      continue;
    }
    let end = i;
    while (lines[end]?.fresh) end += 1;
    const group = lines.slice(i, end);
    const shift = indentShift(group, o, a, pairs);
    for (const l of group) {
      const blank = l.text.trim() === '';
      const text = ' '.repeat(Math.max(0, indentOf(l.text) + shift)) + l.text.trimStart();
      out.push({ ...l, text: shift === 0 || blank ? l.text : text });
    }
    i = end;
  }
  return out;
}

/**
 * Lines the edit deleted in one place and inserted in another (a moved, wrapped or unwrapped step)
 * keep the original's text — its spacing, quoting and comments — at their new indentation: an
 * inserted rendering line whose content equals a deleted one takes that deleted line's original.
 */
function movedLineSource(
  blocks: readonly Block[],
  deleted: readonly boolean[],
  o: readonly string[],
  a: readonly string[],
): (rendered: string) => string {
  const originals = new Map<string, string[]>();
  for (const block of blocks) {
    if (block.oEnd - block.oStart !== 1 || block.aEnd - block.aStart !== 1) continue;
    if (!deleted[block.oStart]) continue;
    const content = (o[block.oStart] ?? '').trimStart();
    const original = a[block.aStart];
    if (content === '' || original === undefined) continue;
    const queue = originals.get(content);
    if (queue) queue.push(original);
    else originals.set(content, [original]);
  }
  return (rendered) => {
    const original = originals.get(rendered.trimStart())?.shift();
    if (original === undefined) return rendered;
    return ' '.repeat(indentOf(rendered)) + original.trimStart();
  };
}

/**
 * Applies the change between two renderings of a YAML document (`before` → `after`) to the
 * original text: lines the change does not touch stay byte-identical (spacing, comments, quoting),
 * changed regions take `after`'s lines, shifted to the original's indentation there.
 */
export function rebaseLines(
  original: string,
  before: string,
  after: string,
  lineEnding: '\n' | '\r\n',
): string {
  const aRaw = original.split('\n');
  const a = aRaw.map(stripCr);
  const o = before.split('\n');
  const b = after.split('\n');
  const blocks = align(o, a, false);
  const deleted = new Array<boolean>(o.length).fill(false);
  const inserts = new Map<number, string[]>();
  for (const hunk of diffLines(o, b)) {
    const { aStart: oStart, aLength: oLen, bStart, bLength: bLen } = hunk;
    for (let k = oStart; k < oStart + oLen; k += 1) deleted[k] = true;
    if (bLen > 0)
      inserts.set(oStart, [...(inserts.get(oStart) ?? []), ...b.slice(bStart, bStart + bLen)]);
  }
  const moved = movedLineSource(blocks, deleted, o, a);
  const lines: OutLine[] = [];
  const emitted = new Set<number>();
  const emitInserts = (k: number): void => {
    if (emitted.has(k)) return;
    emitted.add(k);
    for (const text of inserts.get(k) ?? []) lines.push({ text: moved(text), fresh: true, at: k });
  };
  for (const block of blocks) {
    const { oStart, oEnd, aStart, aEnd } = block;
    if (oStart === oEnd) {
      const dropped = oStart > 0 && oStart < o.length && deleted[oStart - 1] && deleted[oStart];
      if (!dropped)
        for (let k = aStart; k < aEnd; k += 1)
          lines.push({ text: aRaw[k] ?? '', fresh: false, at: oStart });
      continue;
    }
    emitInserts(oStart);
    let clean = true;
    for (let k = oStart; k < oEnd; k += 1) {
      if (deleted[k] || (k > oStart && inserts.has(k))) clean = false;
    }
    if (clean) {
      for (let k = aStart; k < aEnd; k += 1)
        lines.push({ text: aRaw[k] ?? '', fresh: false, at: oStart });
      continue;
    }
    for (let k = oStart; k < oEnd; k += 1) {
      if (k > oStart) emitInserts(k);
      if (!deleted[k]) lines.push({ text: o[k] ?? '', fresh: true, at: k });
    }
  }
  for (const k of [...inserts.keys()].sort((x, y) => x - y)) emitInserts(k);
  const shifted = reindent(lines, o, a, blocks);
  const last = shifted.length - 1;
  return shifted
    .map((line, index) =>
      line.fresh && lineEnding === '\r\n' && !(index === last && line.text === '')
        ? `${line.text}\r`
        : line.text,
    )
    .join('\n');
}
