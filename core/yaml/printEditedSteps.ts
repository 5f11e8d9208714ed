import type { Document, Node, YAMLMap, YAMLSeq } from 'yaml';
import { Document as YamlDocument, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

import type { Pipeline, StepNode } from '../model';
import type { YamlStyle } from './detectYamlStyle';
import { detectYamlStyle } from './detectYamlStyle';
import type { PipelineDocument } from './pipelineDocument';
import { rebaseLines } from './rebaseLines';
import { reconcileDocument } from './reconcileDocument';
import { nodeOffset } from './sourceRanges';
import { stepData } from './stepToYamlData';
import type { MapData, YamlData } from './yamlData';
import type { DataContext } from './yamlDataBuilder';
import { attachLeadingComments, shallowCopy } from './yamlNodeStyle';
import { YAML_PARSE_OPTIONS } from './yamlParseOptions';
import { toStringOptions } from './yamlStringifyOptions';

/** More changed top-level steps than this go through the whole-document printer. */
const MAX_CHANGED_STEPS = 8;
const HEADER = 'steps:\n';

/** The lines of the original text one edited top-level step is re-printed in. */
export interface EditWindow {
  /** Offset of the first line of the window (the step before the edited one, when there is one). */
  readonly start: number;
  /** Offset of the line of the second top-level step after the edited one, or the text's end. */
  readonly end: number;
  /** The window's new text. */
  readonly text: string;
  /** Index of the edited step in `pipeline.steps`. */
  readonly index: number;
}

/** What the fast path printed: the new text and the windows it replaced. */
export interface EditedStepsPrint {
  readonly text: string;
  readonly windows: readonly EditWindow[];
}

const styles = new WeakMap<PipelineDocument, YamlStyle>();

/** The file's style read from the fast load's tree (the same nodes as the `yaml` library's). */
function styleOf(document: PipelineDocument, root: YAMLMap): YamlStyle {
  let style = styles.get(document);
  if (style === undefined) {
    const wrapper = new YamlDocument(null, YAML_PARSE_OPTIONS);
    wrapper.contents = root;
    style = detectYamlStyle(document.text, wrapper);
    styles.set(document, style);
  }
  return style;
}

function otherFieldsSame(a: Pipeline, b: Pipeline): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key !== 'steps' && a[key as keyof Pipeline] !== b[key as keyof Pipeline]) return false;
  }
  return true;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The block list under a root `steps:` key at column 0, and whether that key is the last one. */
function stepsSeq(text: string, root: YAMLMap): { seq: YAMLSeq; last: boolean } | undefined {
  for (const [index, pair] of root.items.entries()) {
    if (!isScalar(pair.key) || pair.key.value !== 'steps' || !pair.key.range) continue;
    if (lineStart(text, pair.key.range[0]) !== pair.key.range[0]) return undefined;
    const seq = pair.value;
    return isSeq(seq) && !seq.flow ? { seq, last: index === root.items.length - 1 } : undefined;
  }
  return undefined;
}

/** The start of the line of a block-list item that starts that line (`  - kind: …`), else -1. */
function itemLine(text: string, item: unknown): number {
  if (!isMap(item) || item.flow || !item.range) return -1;
  const at = lineStart(text, item.range[0]);
  return /^ *- +$/.test(text.slice(at, item.range[0])) ? at : -1;
}

function shiftRanges(doc: Document, delta: number): void {
  visit(doc, {
    Node(_, node: Node) {
      if (node.range)
        node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
    },
  });
}

/** Re-prints one window through the general printer, on a document of just that window. */
function printWindow(
  document: PipelineDocument,
  ctx: DataContext,
  style: YamlStyle,
  window: { start: number; end: number; steps: readonly StepNode[]; origins: readonly number[] },
): string | undefined {
  const mini = HEADER + document.text.slice(window.start, window.end);
  const doc = parseDocument(mini, YAML_PARSE_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (mini.includes('#')) attachLeadingComments(doc);
  shiftRanges(doc, window.start - HEADER.length);
  const root = doc.contents;
  const seq = isMap(root) && root.items.length === 1 ? root.items[0]?.value : undefined;
  if (!isSeq(seq) || seq.items.length !== window.origins.length) return undefined;
  if (!seq.items.every((item, k) => nodeOffset(item) === window.origins[k])) return undefined;
  const items: YamlData[] = window.steps.map((step) => stepData(ctx, step));
  const data: MapData = { type: 'map', entries: [{ key: 'steps', value: { type: 'seq', items } }] };
  const changed: Document = shallowCopy(doc);
  changed.contents = reconcileDocument(doc, data, document.skipped);
  const options = toStringOptions(style);
  const printed = rebaseLines(
    mini,
    doc.toString(options),
    changed.toString(options),
    style.lineEnding,
  );
  return printed.startsWith(HEADER) ? printed.slice(HEADER.length) : undefined;
}

/**
 * The printer's fast path for edits of a few top-level steps of a fast-loaded file: only the
 * lines of each edited step (with the steps on either side of it) are re-printed, through the
 * same reconcile-and-rebase as the whole document, and spliced into the text. Undefined when the
 * edit or the file is outside what this path reproduces exactly (the caller prints the whole
 * document then).
 */
export function printEditedSteps(
  document: PipelineDocument,
  pipeline: Pipeline,
): EditedStepsPrint | undefined {
  const original = document.pipeline;
  const root = document.fastRoot;
  if (!original || !root || document.hasErrors || document.skipped.size > 0) return undefined;
  if (!otherFieldsSame(original, pipeline)) return undefined;
  const before = original.steps;
  const after = pipeline.steps;
  if (before.length !== after.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i += 1) {
    if (after[i] !== before[i]) changed.push(i);
    if (changed.length > MAX_CHANGED_STEPS) return undefined;
  }
  if (changed.length === 0) return { text: document.text, windows: [] };
  const text = document.text;
  const found = stepsSeq(text, root);
  if (found?.seq.items.length !== before.length) return undefined;
  const { seq } = found;
  const ctx: DataContext = { synthesized: document.synthesized, parsedSteps: document.parsedSteps };
  const style = styleOf(document, root);
  const windows: EditWindow[] = [];
  let previousEnd = 0;
  for (const index of changed) {
    // The unchanged neighbours come along: the step before decides the edited one's spacing, the
    // step after owns the blank lines and comments that precede it.
    const from = index > 0 ? index - 1 : index;
    const start = itemLine(text, seq.items[from]);
    // Near the end of the list, the window runs to the end of the file if nothing follows `steps`.
    const to = Math.min(index + 1, seq.items.length - 1);
    const end =
      index + 2 < seq.items.length
        ? itemLine(text, seq.items[index + 2])
        : found.last
          ? text.length
          : -1;
    if (start < 0 || end < 0 || start < previousEnd) return undefined;
    const origins: number[] = [];
    const steps: StepNode[] = [];
    for (let k = from; k <= to; k += 1) {
      const item = seq.items[k];
      const step = k === index ? after[k] : before[k];
      const origin = nodeOffset(item);
      if (origin === undefined || !step || before[k]?.source?.range.start.offset !== origin) {
        return undefined;
      }
      origins.push(origin);
      steps.push(step);
    }
    const printed = printWindow(document, ctx, style, { start, end, steps, origins });
    if (printed === undefined) return undefined;
    windows.push({ start, end, text: printed, index });
    previousEnd = end;
  }
  let out = '';
  let at = 0;
  for (const window of windows) {
    out += text.slice(at, window.start) + window.text;
    at = window.end;
  }
  return { text: out + text.slice(at), windows };
}
