import type { AgentSpec, Pipeline, StaticInvariant } from '../model';
import { stepData } from './stepToYamlData';
import type { MapData, YamlData } from './yamlData';
import { scalarData } from './yamlData';
import type { DataContext } from './yamlDataBuilder';
import { MapDataBuilder, originOf } from './yamlDataBuilder';

function agentData(ctx: DataContext, agent: AgentSpec): YamlData {
  const prompt = agent.system_prompt;
  return new MapDataBuilder(ctx, agent)
    .value('model', agent.model)
    .value('model_settings', agent.model_settings)
    .value('timeout', agent.timeout)
    .value('max_retries', agent.max_retries)
    .model('system_prompt', prompt, (p) =>
      typeof p === 'string'
        ? scalarData(p)
        : new MapDataBuilder(ctx, p)
            .value('from_file', p.from_file)
            .value('variables', p.variables)
            .extra(p.extra)
            .build(),
    )
    .value('output_schema', agent.output_schema)
    .extra(agent.extra)
    .build({ origin: originOf(agent.source) });
}

function invariantData(ctx: DataContext, invariant: StaticInvariant): YamlData {
  if (typeof invariant === 'string') return scalarData(invariant);
  return new MapDataBuilder(ctx, invariant)
    .value('path', invariant.path)
    .extra(invariant.extra)
    .build();
}

/**
 * The model as plain YAML data, the inverse of the reader: `nameKey`, `explicitKind`, nesting forms,
 * `propagationKey` and `extra` are honoured, and values the loader invented are left out.
 */
export function modelToYamlData(ctx: DataContext, pipeline: Pipeline): MapData {
  const { agents, imports } = pipeline;
  return new MapDataBuilder(ctx, pipeline)
    .value('version', pipeline.version)
    .value('name', pipeline.name)
    .model('agents', agents, (all) => {
      const b = new MapDataBuilder(ctx);
      for (const key of Object.keys(all)) {
        const agent = all[key];
        if (agent) b.data(key, agentData(ctx, agent));
      }
      return b.build();
    })
    .value('imports', imports)
    .model('steps', pipeline.steps, (steps) => ({
      type: 'seq',
      items: steps.map((step) => stepData(ctx, step)),
    }))
    .model('static_invariants', pipeline.static_invariants, (list) => ({
      type: 'seq',
      items: list.map((invariant) => invariantData(ctx, invariant)),
    }))
    .extra(pipeline.extra)
    .build();
}
