import type { Node as YamlNode, Scalar } from 'yaml';
import { Pair, YAMLMap, YAMLSeq } from 'yaml';

import type { LoadFrame } from './fastLoadEvents';
import type { ScalarStyle } from './fastScalar';
import { resolveScalar } from './fastScalar';
import { decline } from './fastLoadDecline';
import { scanGap, trailingCommentLevel } from './fastLoadGap';
import {
  atLineStart,
  blankLinesAfter,
  checkContinuationLines,
  column,
  lineEndAfter,
  skipToContent,
  trimBack,
} from './fastLoadText';

/** A node built from a frame, with where it ends for its parent collection (`range[2]`). */
interface Built {
  readonly node: YamlNode;
  readonly leaf: 'flowish' | 'block-scalar' | 'empty' | 'collection';
  nodeEnd: number;
  /** A trailing comment owned by an enclosing collection `level` levels further up. */
  readonly deferred?: { readonly level: number; readonly end: number };
}

const SPACE = 32;
const NEWLINE = 10;

/** Builds `yaml` nodes with the `yaml` library's ranges from js-yaml's frames over `text`. */
export class TreeBuilder {
  constructor(private readonly text: string) {}

  /** The root: a block mapping at column 0. */
  root(frame: LoadFrame): YAMLMap {
    const start = skipToContent(this.text, frame.open);
    if (frame.kind !== 'mapping' || column(this.text, start) !== 0 || this.text[start] === '{') {
      decline('root is not a block mapping');
    }
    const built = this.blockMap(frame, start, []);
    if (built.deferred) decline('unexpected trailing comment owner');
    return built.node as YAMLMap;
  }

  private value(frame: LoadFrame, chain: readonly number[]): Built {
    const start = skipToContent(this.text, frame.open);
    const c = this.text[start];
    if (c === '&' || c === '*' || c === '!' || c === '?' || c === '%' || c === '@' || c === '`') {
      decline('node property or reserved indicator');
    }
    if (frame.kind === 'mapping') {
      return c === '{' ? this.flowInBlock(frame, start) : this.blockMap(frame, start, chain);
    }
    if (frame.kind === 'sequence') {
      if (c === '[') return this.flowInBlock(frame, start);
      if (c !== '-') decline('unexpected sequence start');
      return this.blockSeq(frame, start, chain);
    }
    if (frame.kind !== 'scalar' || frame.children.length > 0) decline('unexpected node');
    if (c === '|' || c === '>') return this.blockScalar(frame, start, chain);
    const node = this.scalar(frame, start);
    const end = node.range?.[1] ?? start;
    checkContinuationLines(this.text, start, end, chain[0] ?? -1);
    node.range = [start, end, lineEndAfter(this.text, end)];
    return { node, leaf: 'flowish', nodeEnd: node.range[2] };
  }

  /** A plain or quoted scalar (a key, a block value, or a flow item). */
  private scalar(frame: LoadFrame, start: number): Scalar {
    if (frame.kind !== 'scalar' || typeof frame.result !== 'string') decline('not a scalar');
    const c = this.text[start];
    let style: ScalarStyle = 'PLAIN';
    let end: number;
    if (c === '"' || c === "'") {
      style = c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      end = frame.close;
      if (this.text[end - 1] !== c || end <= start + 1) decline('quoted scalar end');
    } else {
      if (c === '{' || c === '[' || c === '|' || c === '>' || c === '-') {
        if (c !== '-' || this.text[start + 1] === ' ') decline('unexpected scalar start');
      }
      end = trimBack(this.text, frame.close, start);
      if (end <= start) decline('empty plain scalar');
    }
    const scalar = resolveScalar(frame.result, style) ?? decline('scalar resolution failed');
    scalar.range = [start, end, end];
    return scalar;
  }

  private key(frame: LoadFrame): { key: Scalar; colon: number } {
    const start = skipToContent(this.text, frame.open);
    const key = this.scalar(frame, start);
    const end = key.range?.[1] ?? start;
    if (end - start > 1000 || this.text.slice(start, end).includes('\n')) decline('long key');
    if (key.type === 'PLAIN' && key.source === '<<') decline('merge key');
    let colon = end;
    while (this.text.charCodeAt(colon) === SPACE) colon += 1;
    const after = this.text.charCodeAt(colon + 1);
    if (
      this.text[colon] !== ':' ||
      !(after === SPACE || after === NEWLINE || Number.isNaN(after))
    ) {
      decline('key without `: `');
    }
    return { key, colon };
  }

  private blockMap(frame: LoadFrame, start: number, chain: readonly number[]): Built {
    const indent = column(this.text, start);
    const inner = [indent, ...chain];
    const { children } = frame;
    if (children.length === 0 || children.length % 2 !== 0) decline('odd mapping');
    const map = new YAMLMap<unknown, unknown>();
    let last: Built | undefined;
    for (let i = 0; i < children.length; i += 2) {
      const keyFrame = children[i];
      const valueFrame = children[i + 1];
      if (keyFrame === undefined || valueFrame === undefined) decline('odd mapping');
      const { key, colon } = this.key(keyFrame);
      const keyStart = key.range?.[0] ?? 0;
      if (i > 0 && (column(this.text, keyStart) !== indent || !atLineStart(this.text, keyStart))) {
        decline('key indentation');
      }
      last =
        valueFrame.kind === null ? this.empty(valueFrame, colon) : this.value(valueFrame, inner);
      map.items.push(new Pair(key, last.node));
    }
    if (last === undefined) decline('empty mapping');
    return this.finish(map, start, last, inner);
  }

  private empty(frame: LoadFrame, colon: number): Built {
    if (frame.children.length > 0) decline('empty node with children');
    let at = colon + 1;
    while (this.text.charCodeAt(at) === SPACE) at += 1;
    const node = resolveScalar('', 'PLAIN') ?? decline('empty scalar');
    node.range = [at, at, at];
    return { node, leaf: 'empty', nodeEnd: at };
  }

  private blockSeq(frame: LoadFrame, start: number, chain: readonly number[]): Built {
    const indent = column(this.text, start);
    const inner = [indent, ...chain];
    const { children } = frame;
    if (!Array.isArray(frame.result) || frame.result.length !== children.length) {
      decline('sequence with empty items');
    }
    if (children.length === 0) decline('empty block sequence');
    const seq = new YAMLSeq<unknown>();
    let last: Built | undefined;
    children.forEach((item, index) => {
      let dash = item.open - 1;
      while (dash > start && this.text.charCodeAt(dash) === SPACE) dash -= 1;
      if (this.text[dash] !== '-' || column(this.text, dash) !== indent) decline('sequence dash');
      if (index === 0 ? dash !== start : !atLineStart(this.text, dash))
        decline('sequence dash place');
      if (item.kind === null) decline('empty sequence item');
      last = this.value(item, inner);
      seq.items.push(last.node);
    });
    if (last === undefined) decline('empty sequence');
    return this.finish(seq, start, last, inner);
  }

  /** Sets a block collection's range from its last value and the comments that follow it. */
  private finish(
    node: YAMLMap | YAMLSeq,
    start: number,
    last: Built,
    inner: readonly number[],
  ): Built {
    let valueEnd = last.nodeEnd;
    let commentEnd: number | undefined;
    let deferred: Built['deferred'];
    const pass = (level: number, end: number): void => {
      if (level === 0) commentEnd = end;
      else deferred = { level: level - 1, end };
    };
    if (last.leaf === 'collection') {
      if (last.deferred) pass(last.deferred.level, last.deferred.end);
    } else {
      const absorbing = last.leaf === 'flowish';
      const gap = scanGap(this.text, last.nodeEnd, absorbing ? (inner[0] ?? 0) : -1);
      if (last.leaf === 'empty') {
        if (gap.commentColumns.length > 0 || this.text[last.nodeEnd] === '#') {
          decline('comment after a trailing empty value');
        }
      } else {
        valueEnd = gap.absorbedEnd;
        const { range } = last.node;
        if (range) range[2] = valueEnd;
        const level = trailingCommentLevel(gap, inner);
        if (level >= 0) pass(level, gap.end);
      }
    }
    node.range = [start, valueEnd, commentEnd ?? valueEnd];
    return { node, leaf: 'collection', nodeEnd: commentEnd ?? valueEnd, deferred };
  }

  private blockScalar(frame: LoadFrame, start: number, chain: readonly number[]): Built {
    const { text } = this;
    if (typeof frame.result !== 'string') decline('block scalar value');
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd === -1) decline('block scalar without content');
    const header = text.slice(start, headerEnd);
    if (!/^[|>]-?(?: +#.*| *)$/.test(header)) decline('block scalar header');
    const contentEnd = trimBack(this.text, frame.close, headerEnd + 1);
    if (contentEnd <= headerEnd + 1) decline('empty block scalar');
    const nl = text.indexOf('\n', contentEnd);
    const end = nl === -1 ? text.length : nl + 1;
    const lines = text.slice(headerEnd + 1, end).split('\n');
    const firstContent = lines.find((line) => line.trim() !== '') ?? '';
    const contentIndent = firstContent.length - firstContent.trimStart().length;
    if (contentIndent <= (chain[0] ?? -1)) decline('block scalar indentation');
    let seenContent = false;
    for (const line of [...lines, ...blankLinesAfter(this.text, end)]) {
      if (line.trim() !== '') seenContent = true;
      else if (line !== '' && (!seenContent || line.length > contentIndent)) {
        decline('whitespace-only line in a block scalar');
      }
    }
    const style = text[start] === '|' ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
    const node = resolveScalar(frame.result, style) ?? decline('block scalar');
    node.range = [start, end, end];
    return { node, leaf: 'block-scalar', nodeEnd: end };
  }

  private flowInBlock(frame: LoadFrame, start: number): Built {
    const node = this.flow(frame, start);
    const end = node.range?.[1] ?? start;
    node.range = [start, end, lineEndAfter(this.text, end)];
    return { node, leaf: 'flowish', nodeEnd: node.range[2] };
  }

  /** A single-line flow collection. */
  private flow(frame: LoadFrame, start: number): YAMLMap | YAMLSeq {
    const isMap = frame.kind === 'mapping';
    const end = frame.close;
    const closer = isMap ? '}' : ']';
    const body = this.text.slice(start, end);
    if (this.text[end - 1] !== closer || body.includes('\n') || body.includes('#')) {
      decline('flow collection');
    }
    const item = (child: LoadFrame): YamlNode => {
      const at = skipToContent(this.text, child.open);
      const c = this.text[at];
      if (child.kind === 'mapping' && c === '{') return this.flow(child, at);
      if (child.kind === 'sequence' && c === '[') return this.flow(child, at);
      if (child.children.length > 0) decline('flow item');
      return this.scalar(child, at);
    };
    let node: YAMLMap | YAMLSeq;
    if (isMap) {
      if (frame.children.length % 2 !== 0) decline('flow mapping entry without value');
      const map = new YAMLMap<unknown, unknown>();
      for (let i = 0; i < frame.children.length; i += 2) {
        const keyFrame = frame.children[i];
        const valueFrame = frame.children[i + 1];
        if (keyFrame === undefined || valueFrame === undefined) decline('flow mapping entry');
        map.items.push(new Pair(this.key(keyFrame).key, item(valueFrame)));
      }
      node = map;
    } else {
      if (!Array.isArray(frame.result) || frame.result.length !== frame.children.length) {
        decline('flow sequence pair');
      }
      const seq = new YAMLSeq<unknown>();
      for (const child of frame.children) seq.items.push(item(child));
      node = seq;
    }
    node.flow = true;
    node.range = [start, end, end];
    return node;
  }
}
