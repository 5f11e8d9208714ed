import type { YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';

import type { AgentSpec, Pipeline, PromptFromFile, StaticInvariant, StepNode } from '../model';
import { FieldReader } from './fieldReaders';
import { readStepList } from './readChildPipeline';
import type { ReadContext } from './readContext';
import { markSkipped, markSynthesized, report } from './readContext';
import { readStep } from './readStep';
import { defined } from './readStepFields';
import { descendAll, recordNodeSource } from './recordNodeSource';
import { mappingEntries, resolveAlias, setOwn } from './yamlNodeValues';

function readSystemPrompt(r: FieldReader): AgentSpec['system_prompt'] {
  if (!r.has('system_prompt')) return undefined;
  const node = r.node('system_prompt');
  if (isScalar(node) && typeof node.value === 'string') return r.string('system_prompt');
  const example = 'system_prompt: { from_file: ./prompts/agent.md }';
  if (!isMap(node)) {
    r.wrong('system_prompt', 'a string or `{ from_file }`', example);
    return;
  }
  const p = new FieldReader(r.ctx, node, r.where, 'system_prompt.');
  if (!p.has('from_file')) p.missing('from_file', 'from_file: ./prompts/agent.md');
  const fromFile = p.string('from_file', 'from_file: ./prompts/agent.md');
  const variables = p.record('variables', 'variables: { name: value }');
  if (fromFile === undefined || (p.has('variables') && variables === undefined)) return undefined;
  r.take('system_prompt');
  return defined<PromptFromFile>({ from_file: fromFile, variables, extra: p.extra() });
}

function numberOrString(r: FieldReader, key: string): number | string | undefined {
  if (!r.has(key)) return undefined;
  const node = r.node(key);
  if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'string')) {
    r.take(key);
    return node.value;
  }
  r.wrong(key, 'a number', `${key}: 3`);
}

function readAgentSpec(ctx: ReadContext, node: YAMLMap, name: string): AgentSpec {
  const r = new FieldReader(ctx, node, {}, `agents.${name}.`);
  for (const [key, example] of [
    ['model', 'model: "openai:gpt-4o"'],
    ['system_prompt', 'system_prompt: You are …'],
    ['output_schema', 'output_schema: { type: string }'],
  ] as const) {
    if (!r.has(key)) r.missing(key, example);
  }
  return defined<AgentSpec>({
    model: r.string('model', 'model: "openai:gpt-4o"'),
    system_prompt: readSystemPrompt(r),
    output_schema: r.record('output_schema', 'output_schema: { type: string }'),
    model_settings: r.record('model_settings', 'model_settings: { temperature: 0 }'),
    timeout: numberOrString(r, 'timeout'),
    max_retries: numberOrString(r, 'max_retries'),
    extra: r.extra(),
    source: recordNodeSource(ctx, node, descendAll),
  });
}

function readAgents(r: FieldReader): Pipeline['agents'] {
  const node = r.mapping('agents', 'agents: { my_agent: { model: … } }');
  if (!node) return undefined;
  r.take('agents');
  const agents: Record<string, AgentSpec> = {};
  for (const entry of mappingEntries(r.ctx.doc, node, r.ctx.budget).entries) {
    if (isMap(entry.value)) {
      setOwn(agents, entry.key, readAgentSpec(r.ctx, entry.value, entry.key));
      continue;
    }
    report(
      r.ctx,
      entry.value,
      `Agent \`${entry.key}\` must be a mapping with \`model\`, \`system_prompt\` and \`output_schema\`.`,
    );
    markSkipped(r.ctx, entry.pair.value);
  }
  return agents;
}

function readImports(r: FieldReader): Pipeline['imports'] {
  const node = r.mapping('imports', 'imports: { child: ./child.yaml }');
  if (!node) return undefined;
  r.take('imports');
  const imports: Record<string, string> = {};
  for (const entry of mappingEntries(r.ctx.doc, node, r.ctx.budget).entries) {
    if (isScalar(entry.value) && typeof entry.value.value === 'string') {
      setOwn(imports, entry.key, entry.value.value);
      continue;
    }
    report(
      r.ctx,
      entry.value,
      `Import \`${entry.key}\` must be a file path: write \`${entry.key}: ./${entry.key}.yaml\`.`,
    );
    markSkipped(r.ctx, entry.pair.value);
  }
  return imports;
}

function readInvariants(r: FieldReader): readonly StaticInvariant[] | undefined {
  if (!r.has('static_invariants')) return undefined;
  const node = r.node('static_invariants');
  if (!isSeq(node)) {
    r.wrong('static_invariants', 'a list', 'static_invariants: ["context.count >= 0"]');
    return;
  }
  r.take('static_invariants');
  const invariants: StaticInvariant[] = [];
  for (const raw of node.items) {
    const item = resolveAlias(r.ctx.doc, raw);
    if (isScalar(item) && typeof item.value === 'string') {
      invariants.push(item.value);
      continue;
    }
    if (isMap(item)) {
      const inv = new FieldReader(r.ctx, item, {}, 'static_invariants[].');
      const path = inv.string('path', 'path: pkg.module:check');
      if (path !== undefined) {
        invariants.push({ path, extra: inv.extra() });
        continue;
      }
      if (!inv.has('path')) inv.missing('path', 'path: pkg.module:check');
    } else {
      report(
        r.ctx,
        item,
        'A static invariant must be an expression string or `{ path: pkg.module:check }`.',
      );
    }
    markSkipped(r.ctx, raw);
  }
  return invariants;
}

function readSteps(r: FieldReader): readonly StepNode[] {
  const example = 'steps: [{ kind: step, name: first }]';
  if (!r.has('steps')) {
    report(r.ctx, r.map, `A Flujo pipeline needs a top-level \`steps:\` list: add \`${example}\`.`);
    return markSynthesized(r.ctx, []);
  }
  const node = r.node('steps');
  if (!isSeq(node)) {
    r.wrong('steps', 'a list of steps', example);
    return markSynthesized(r.ctx, []);
  }
  r.take('steps');
  return readStepList(r.ctx, node, 'steps', readStep);
}

/** Reads the top-level mapping of a pipeline file (FLUJO-SPEC §1). */
export function readPipeline(ctx: ReadContext, root: YAMLMap): Pipeline {
  const r = new FieldReader(ctx, root, {});
  return defined<Pipeline>({
    version: r.string('version', 'version: "0.1"'),
    name: r.string('name', 'name: my_pipeline'),
    agents: readAgents(r),
    imports: readImports(r),
    steps: readSteps(r),
    static_invariants: readInvariants(r),
    extra: r.extra(),
    source: recordNodeSource(
      ctx,
      root,
      (segments) => segments[0] === 'steps' || (segments[0] === 'agents' && segments.length > 1),
    ),
  });
}
