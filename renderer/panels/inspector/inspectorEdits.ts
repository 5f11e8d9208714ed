/** Model edits the inspector makes, as functions of the pipeline (undoable through `applyEdit`). */
import type {
  AgentSpec,
  EditOutcome,
  EditResult,
  Pipeline,
  StepNode,
  StepPath,
} from '../../../core/model';
import { editFailure, listSteps, parseStepPath, updateStepAtSegments } from '../../../core/model';

/** An edit of the step at `path` that may be refused (e.g. a field text that does not parse). */
export function editStepAt(
  path: StepPath,
  update: (step: StepNode) => EditOutcome<StepNode>,
): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    const segments = parseStepPath(path);
    return segments
      ? updateStepAtSegments(pipeline, segments, update)
      : editFailure(`"${path}" is not a step path.`);
  };
}

function without<T>(record: Readonly<Record<string, T>> | undefined, key: string) {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([k]) => k !== key));
}

/** Sets or clears the pipeline's `name`. */
export function setPipelineName(name: string): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    if (name === '') {
      const copy: Pipeline = { ...pipeline };
      delete (copy as { name?: string }).name;
      return { ok: true, pipeline: copy };
    }
    return { ok: true, pipeline: { ...pipeline, name } };
  };
}

/** Declares an agent `name` with `model` (`provider:model`). */
export function addAgent(name: string, model: string): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    if (!/^[A-Za-z_][\w-]*$/.test(name)) {
      return editFailure(
        'An agent name starts with a letter or _ and has letters, digits, _ or -.',
      );
    }
    if (pipeline.agents?.[name]) return editFailure(`There is already an agent "${name}".`);
    const agent: AgentSpec = { ...(model ? { model } : {}), extra: {} };
    return { ok: true, pipeline: { ...pipeline, agents: { ...pipeline.agents, [name]: agent } } };
  };
}

/** Changes the model of agent `name`. */
export function setAgentModel(name: string, model: string): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    const agent = pipeline.agents?.[name];
    if (!agent) return editFailure(`There is no agent "${name}".`);
    return {
      ok: true,
      pipeline: { ...pipeline, agents: { ...pipeline.agents, [name]: { ...agent, model } } },
    };
  };
}

/** Removes agent `name` (steps that use it are then reported by the validator). */
export function removeAgent(name: string): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    const agents = without(pipeline.agents, name);
    const copy: Pipeline = { ...pipeline, agents };
    if (Object.keys(agents).length === 0) delete (copy as { agents?: unknown }).agents;
    return { ok: true, pipeline: copy };
  };
}

/** Adds or changes import `alias` → `path`. */
export function setImport(alias: string, path: string): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    if (!/^[A-Za-z_][\w-]*$/.test(alias)) {
      return editFailure(
        'An import alias starts with a letter or _ and has letters, digits, _ or -.',
      );
    }
    if (path.trim() === '') return editFailure('An import needs the path of a YAML file.');
    return { ok: true, pipeline: { ...pipeline, imports: { ...pipeline.imports, [alias]: path } } };
  };
}

/** Removes import `alias`. */
export function removeImport(alias: string): (pipeline: Pipeline) => EditResult {
  return (pipeline) => {
    const imports = without(pipeline.imports, alias);
    const copy: Pipeline = { ...pipeline, imports };
    if (Object.keys(imports).length === 0) delete (copy as { imports?: unknown }).imports;
    return { ok: true, pipeline: copy };
  };
}

/** What `{{ }}` can name in a template of this pipeline: previous_step, steps.*, context.*. */
export function templateCompletions(pipeline: Pipeline | undefined, text: string): string[] {
  const names = new Set<string>(['previous_step', 'context.initial_prompt']);
  if (pipeline) {
    for (const { step } of listSteps(pipeline)) {
      names.add(`steps.${step.name}`);
      for (const key of step.output_keys ?? []) names.add(`context.${key}`);
    }
  }
  for (const match of text.matchAll(/context\.([A-Za-z_]\w*)/g)) {
    if (match[1]) names.add(`context.${match[1]}`);
  }
  return [...names];
}
