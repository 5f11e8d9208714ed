/**
 * Where a step (or the pipeline) holds template and expression text, analysed once per step node:
 * the shared input of the template rules (V-T*, TEMPLATE-001, LOOP-001, syntax errors) and of the
 * portability rules that read templates.
 */
import type { Analysis } from '../../expr';
import { analyzeExpression, analyzeTemplate } from '../../expr';
import type { Pipeline, SourceRange, StepNode, YamlValue } from '../../model';
import { assertNever, isYamlList, isYamlMapping } from '../../model';
import { memoByStep } from '../stepMemo';

/** Templates (`{{ … }}` text) or safe expressions (`previous_step == 'ok'`). */
export type TextLanguage = 'template' | 'expression';

/** What `previous_step` means in a text: the step's own input, or something else. */
export type TextRole = 'input' | 'message' | 'other';

/** One template or expression held by a step, with its analysis. */
export interface StepText {
  readonly language: TextLanguage;
  /** YAML key path inside the step (`input`, `loop.exit_expression`, `transitions[2].when`). */
  readonly field: string;
  readonly text: string;
  readonly role: TextRole;
  /** Where the value sits in the file (the step's range when unknown). */
  readonly range: SourceRange | undefined;
  readonly analysis: Analysis;
  /** The same field of `step` with `text` written into it; absent when no quick fix can edit it. */
  readonly rewrite?: (step: StepNode, text: string) => StepNode | undefined;
  /** Reads the field's current text from (a newer version of) the step. */
  readonly read?: (step: StepNode) => string | undefined;
}

interface TextSpec {
  readonly language: TextLanguage;
  readonly field: string;
  readonly text: string;
  readonly role?: TextRole;
  readonly range?: SourceRange;
  readonly rewrite?: (step: StepNode, text: string) => StepNode | undefined;
  readonly read?: (step: StepNode) => string | undefined;
}

function fieldRange(step: StepNode, field: string): SourceRange | undefined {
  return step.source?.fields[field] ?? step.source?.range;
}

/** Every string of a loaded YAML value with its dotted key path (`set.0.value`). */
function stringsIn(value: YamlValue | undefined, prefix: string): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key: prefix, text: value }];
  if (isYamlList(value)) return value.flatMap((item, i) => stringsIn(item, `${prefix}.${i}`));
  if (isYamlMapping(value)) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${prefix}.${key}`));
  }
  return [];
}

function templatesIn(value: YamlValue | undefined, prefix: string): TextSpec[] {
  return stringsIn(value, prefix).map(({ key, text }) => ({
    language: 'template',
    field: key,
    text,
  }));
}

// Field readers and writers that depend on nothing but their arguments are shared by every step.
const readInput = (s: StepNode) => (typeof s.input === 'string' ? s.input : undefined);
const rewriteInput = (s: StepNode, text: string): StepNode => ({ ...s, input: text });

function inputSpec(step: StepNode): TextSpec | undefined {
  if (typeof step.input !== 'string') return undefined;
  return {
    language: 'template',
    field: 'input',
    text: step.input,
    role: 'input',
    read: readInput,
    rewrite: rewriteInput,
  };
}

const readExit = (s: StepNode) => (s.kind === 'loop' ? s.loop.exit_expression : undefined);
const rewriteExit = (s: StepNode, text: string): StepNode | undefined =>
  s.kind === 'loop' ? { ...s, loop: { ...s.loop, exit_expression: text } } : undefined;
const readMessage = (s: StepNode) => (s.kind === 'hitl' ? s.message : undefined);
const rewriteMessage = (s: StepNode, text: string): StepNode | undefined =>
  s.kind === 'hitl' ? { ...s, message: text } : undefined;
const readCondition = (s: StepNode) =>
  s.kind === 'conditional' ? s.condition_expression : undefined;
const rewriteCondition = (s: StepNode, text: string): StepNode | undefined =>
  s.kind === 'conditional' ? { ...s, condition_expression: text } : undefined;

function loopSpecs(step: Extract<StepNode, { kind: 'loop' }>): TextSpec[] {
  const { loop } = step;
  const specs: TextSpec[] = [];
  if (loop.exit_expression !== undefined) {
    specs.push({
      language: 'expression',
      field: 'loop.exit_expression',
      text: loop.exit_expression,
      read: readExit,
      rewrite: rewriteExit,
    });
  }
  for (const op of ['append', 'set', 'merge'] as const) {
    (loop.state?.[op] ?? []).forEach((entry, i) => {
      specs.push(...templatesIn(entry.value, `loop.state.${op}.${i}.value`));
    });
  }
  specs.push(...templatesIn(loop.init, 'loop.init'));
  return specs;
}

function mapSpecs(step: Extract<StepNode, { kind: 'map' }>): TextSpec[] {
  const { map } = step;
  const specs = templatesIn(map.init, 'map.init');
  const finalize = map.finalize;
  if (finalize?.output_template !== undefined) {
    specs.push({
      language: 'template',
      field: 'map.finalize.output_template',
      text: finalize.output_template,
      read: (s) => (s.kind === 'map' ? s.map.finalize?.output_template : undefined),
      rewrite: (s, text) =>
        s.kind === 'map' && s.map.finalize
          ? { ...s, map: { ...s.map, finalize: { ...s.map.finalize, output_template: text } } }
          : undefined,
    });
  }
  if (finalize?.output !== undefined) {
    specs.push(...templatesIn(finalize.output, 'map.finalize.output'));
  }
  return specs;
}

function kindSpecs(step: StepNode): TextSpec[] {
  switch (step.kind) {
    case 'hitl':
      if (step.message === undefined) return [];
      return [
        {
          language: 'template',
          field: 'message',
          text: step.message,
          role: 'message',
          read: readMessage,
          rewrite: rewriteMessage,
        },
      ];
    case 'conditional':
      if (step.condition_expression === undefined) return [];
      return [
        {
          language: 'expression',
          field: 'condition_expression',
          text: step.condition_expression,
          read: readCondition,
          rewrite: rewriteCondition,
        },
      ];
    case 'loop':
      return loopSpecs(step);
    case 'map':
      return mapSpecs(step);
    case 'StateMachine':
      return (step.transitions ?? []).flatMap((transition, i): TextSpec[] => {
        if (transition.when === undefined) return [];
        const range = transition.source?.fields.when ?? transition.source?.range;
        return [
          {
            language: 'expression',
            field: `transitions[${i}].when`,
            text: transition.when,
            ...(range ? { range } : {}),
            read: (s) => (s.kind === 'StateMachine' ? s.transitions?.[i]?.when : undefined),
            rewrite: (s, text) => {
              if (s.kind !== 'StateMachine' || !s.transitions?.[i]) return undefined;
              const transitions = s.transitions.map((t, j) => (j === i ? { ...t, when: text } : t));
              return { ...s, transitions };
            },
          },
        ];
      });
    case 'agentic_loop':
      return step.output_template === undefined
        ? []
        : [{ language: 'template', field: 'output_template', text: step.output_template }];
    case 'step':
    case 'parallel':
    case 'dynamic_router':
    case 'cache':
    case 'tree_search':
    case 'custom':
      return [];
    default:
      return assertNever(step);
  }
}

const MAX_EXPRESSIONS = 4096;
const expressionAnalyses = new Map<string, Analysis>();

/** `analyzeExpression` with no extra names, cached by text (`analyzeTemplate` caches its own). */
function analyzeStepExpression(text: string): Analysis {
  let analysis = expressionAnalyses.get(text);
  if (!analysis) {
    if (expressionAnalyses.size >= MAX_EXPRESSIONS) expressionAnalyses.clear();
    analysis = analyzeExpression(text, { knownNames: [] });
    expressionAnalyses.set(text, analysis);
  }
  return analysis;
}

function analyze(spec: TextSpec): Analysis {
  return spec.language === 'template'
    ? analyzeTemplate(spec.text)
    : analyzeStepExpression(spec.text);
}

function toStepText(step: StepNode, spec: TextSpec): StepText {
  return {
    language: spec.language,
    field: spec.field,
    text: spec.text,
    role: spec.role ?? 'other',
    range: spec.range ?? fieldRange(step, spec.field),
    analysis: analyze(spec),
    ...(spec.rewrite ? { rewrite: spec.rewrite } : {}),
    ...(spec.read ? { read: spec.read } : {}),
  };
}

const NO_STEP_TEXTS: readonly StepText[] = [];

/** The templates and expressions of one step (not of its children), analysed; cached per node. */
export const stepTexts: (step: StepNode) => readonly StepText[] = memoByStep((step) => {
  const input = inputSpec(step);
  const specs = kindSpecs(step);
  if (!input && specs.length === 0) return NO_STEP_TEXTS;
  const texts = input ? [toStepText(step, input)] : [];
  for (const spec of specs) texts.push(toStepText(step, spec));
  return texts;
});

/** A template or expression held by the pipeline itself (static invariants, agent prompt variables). */
export interface PipelineText {
  readonly language: TextLanguage;
  /** Human label of where it is (`static_invariants[0]`, `agents.writer.system_prompt.variables.topic`). */
  readonly label: string;
  readonly text: string;
  readonly range: SourceRange | undefined;
  readonly analysis: Analysis;
}

/** The pipeline-level templates and expressions. */
export function pipelineTexts(pipeline: Pipeline): readonly PipelineText[] {
  const texts: PipelineText[] = [];
  (pipeline.static_invariants ?? []).forEach((invariant, i) => {
    if (typeof invariant !== 'string') return;
    const range =
      pipeline.source?.fields[`static_invariants.${i}`] ??
      pipeline.source?.fields.static_invariants;
    texts.push({
      language: 'expression',
      label: `static_invariants[${i}]`,
      text: invariant,
      range,
      analysis: analyzeExpression(invariant, { knownNames: [] }),
    });
  });
  for (const [name, agent] of Object.entries(pipeline.agents ?? {})) {
    const prompt = agent.system_prompt;
    if (typeof prompt !== 'object') continue;
    for (const { key, text } of stringsIn(prompt.variables, 'system_prompt.variables')) {
      texts.push({
        language: 'template',
        label: `agents.${name}.${key}`,
        text,
        range: agent.source?.fields[key] ?? agent.source?.range,
        analysis: analyzeTemplate(text),
      });
    }
  }
  return texts;
}

/**
 * The range of `text.slice(start, end)` inside a value at `range`: exact for a one-line plain or
 * simply quoted scalar, else the value's whole range (block scalars, escapes).
 */
export function rangeWithin(
  range: SourceRange | undefined,
  text: string,
  start: number,
  end: number,
): SourceRange | undefined {
  if (!range || range.start.line !== range.end.line) return range;
  const width = range.end.offset - range.start.offset;
  const shift = width === text.length ? 0 : width === text.length + 2 ? 1 : undefined;
  if (shift === undefined) return range;
  const at = (offset: number) => ({
    line: range.start.line,
    column: range.start.column + shift + offset,
    offset: range.start.offset + shift + offset,
  });
  return { start: at(start), end: at(Math.max(start, end)) };
}
