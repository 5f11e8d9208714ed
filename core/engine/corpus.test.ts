import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBuiltinSkill, HUMAN_INPUT_BUILTIN } from '../agents/builtins';
import type { Pipeline } from '../model';
import { classifyStep, listSteps } from '../model';
import { parsePipelineYaml } from '../yaml';
import type { Checkpoint } from './checkpoint';
import { executePipeline } from './executePipeline';
import { resumePipeline } from './resumePipeline';
import type { PipelineLoader, RunOptions, SkillRunner } from './runOptions';
import type { RunResult } from './runTypes';

/**
 * Runs the real Flujo YAML files of /work/shared/corpus through the engine. Every file that parses
 * runs (no network: declared agents get a fetch that refuses), and must end as a RunResult, never an
 * exception. Files whose every step is deterministic must end the way a user would expect.
 */

const CORPUS = '/work/shared/corpus';
const FIXED_INPUT = 'Find adults with diabetes';
const FLUJO_ERROR_CODE = /^[A-Z][A-Za-z]+$/;

/** What a user expects of each deterministic file (path relative to the corpus). */
/** Paused ones are answered 'Looks good' and must then succeed. */
const EXPECTED: Readonly<Record<string, { status: 'succeeded' | 'paused'; why: string }>> = {
  'flujo/examples/conversational_loop_minimal.yaml': {
    status: 'succeeded',
    why: 'passthrough steps in a conversation loop',
  },
  'flujo/examples/conversational_loop_named_steps.yaml': {
    status: 'paused',
    why: 'a hitl step in the loop body asks the user; one iteration (no max_loops, no exit)',
  },
  'flujo/examples/conversational_loop_parallel.yaml': {
    status: 'succeeded',
    why: 'a parallel of passthrough branches in a loop',
  },
  'flujo/examples/loop_declarative.yaml': {
    status: 'succeeded',
    why: 'declarative loop over passthrough steps',
  },
  'flujo/examples/state_machine/transitions_example.yaml': {
    status: 'paused',
    why: 'the start state is a hitl step; no transition matches after the answer',
  },
  'flujo/flujo/templates/project/pipeline.yaml': {
    status: 'succeeded',
    why: 'one flujo.builtins.welcome_agent step',
  },
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return name.endsWith('.yaml') || name.endsWith('.yml') ? [full] : [];
    })
    .sort();
}

function parseFile(file: string): { pipeline?: Pipeline; text: string } {
  const text = readFileSync(file, 'utf8');
  const parsed = parsePipelineYaml(text);
  return parsed.pipeline ? { pipeline: parsed.pipeline, text } : { text };
}

/** A Node loader: import paths resolve against the importing file's folder. */
const nodeLoader: PipelineLoader = {
  loadPipeline: (path, fromFile) => {
    const file = resolve(fromFile === undefined ? CORPUS : dirname(fromFile), path);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return Promise.resolve({ error: `cannot read ${file}: ${String(error)}` });
    }
    const parsed = parsePipelineYaml(text);
    return Promise.resolve(
      parsed.pipeline ? { pipeline: parsed.pipeline, file } : { error: `${file} does not parse` },
    );
  },
  readText: (path, fromFile) =>
    Promise.resolve(
      readFileSync(resolve(fromFile === undefined ? CORPUS : dirname(fromFile), path), 'utf8'),
    ),
};

const noNetwork: typeof fetch = () => Promise.reject(new Error('The corpus test makes no calls.'));

function runOptions(file: string, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    input: FIXED_INPUT,
    file,
    loader: nodeLoader,
    agents: { fetch: noNetwork },
    runId: 'corpus',
    ...extra,
  };
}

const PYTHON_FIELDS = [
  'condition',
  'exit_condition',
  'initial_input_mapper',
  'iteration_input_mapper',
  'loop_output_mapper',
  'router_agent',
  'plugins',
  'validators',
] as const;

/**
 * Why `pipeline` (with its imports, loaded from `file`) is not deterministic, or undefined when
 * every step is a built-in, a template/passthrough step, an expression or a container of those.
 */
async function nonDeterministic(
  pipeline: Pipeline,
  file: string,
  seen: ReadonlySet<string> = new Set(),
): Promise<string | undefined> {
  for (const { step, path } of listSteps(pipeline)) {
    for (const field of PYTHON_FIELDS) {
      const value = findField(step, field);
      if (value !== undefined) return `${path} has a Python ${field}`;
    }
    if (step.kind !== 'step') continue;
    const role = classifyStep(step);
    switch (role.role) {
      case 'passthrough':
        break;
      case 'builtin':
        if (role.id !== HUMAN_INPUT_BUILTIN && findBuiltinSkill(role.id) === undefined)
          return `${path} uses ${role.id}, which does not run locally`;
        break;
      case 'declared-agent':
        return `${path} calls the declared agent ${role.agentName}`;
      case 'skill':
      case 'python':
        return `${path} runs ${role.importPath}`;
      case 'import': {
        const target = pipeline.imports?.[role.alias];
        if (target === undefined) return `${path} imports an undeclared alias`;
        const loaded = await nodeLoader.loadPipeline(target, file);
        if ('error' in loaded) return `${path} imports ${target}, which cannot load`;
        if (seen.has(loaded.file)) return `${path} imports in a cycle`;
        const inner = await nonDeterministic(
          loaded.pipeline,
          loaded.file,
          new Set([...seen, file]),
        );
        if (inner !== undefined) return `${path} imports ${target}: ${inner}`;
        break;
      }
    }
  }
  return undefined;
}

function findField(step: object, field: string): unknown {
  const own = (step as Record<string, unknown>)[field];
  if (own !== undefined && !(Array.isArray(own) && own.length === 0)) return own;
  const loop = (step as Record<string, unknown>).loop;
  if (typeof loop === 'object' && loop !== null)
    return (loop as Record<string, unknown>)[field] ?? undefined;
  return undefined;
}

function expectRunResult(result: RunResult): void {
  expect(['succeeded', 'paused', 'failed']).toContain(result.status);
  if (result.status === 'failed') {
    expect(result.error?.code).toMatch(FLUJO_ERROR_CODE);
    expect(result.error?.message.length).toBeGreaterThan(0);
  }
  if (result.status === 'paused') expect(result.checkpoint?.hitl.stepName).toBeTruthy();
}

interface CorpusEntry {
  readonly name: string;
  readonly file: string;
  readonly pipeline: Pipeline;
  readonly skipReason: string | undefined;
}

const files = yamlFiles(CORPUS);
const entries: CorpusEntry[] = [];
const notPipelines: string[] = [];
for (const file of files) {
  const name = relative(CORPUS, file);
  const { pipeline, text } = parseFile(file);
  // Skill catalogues and initial-context files live next to pipelines but have no `steps:`.
  if (pipeline === undefined || !/^steps\s*:/m.test(text)) {
    notPipelines.push(name);
    continue;
  }
  entries.push({ name, file, pipeline, skipReason: await nonDeterministic(pipeline, file) });
}

describe('corpus runs', () => {
  it('finds the corpus and classifies every file', () => {
    expect(files.length).toBeGreaterThan(10);
    // The deterministic set is exactly the table above: a new corpus file must be looked at.
    const deterministic = entries.filter((entry) => entry.skipReason === undefined);
    expect(deterministic.map((entry) => entry.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(notPipelines.sort()).toEqual([
      'flujo/examples/skills_catalog/skills.yaml',
      'flujo/examples/test_context.yaml',
    ]);
  });

  describe.each(entries.filter((entry) => entry.skipReason === undefined))(
    'deterministic: $name',
    (entry) => {
      it(`ends ${EXPECTED[entry.name]?.status ?? '?'} (${EXPECTED[entry.name]?.why ?? ''})`, async () => {
        const result = await executePipeline(entry.pipeline, runOptions(entry.file));
        expectRunResult(result);
        expect(result.status, JSON.stringify(result.error)).toBe(EXPECTED[entry.name]?.status);
        if (result.status !== 'paused') return;
        // A user answers and the run goes on from the checkpoint, in a new "process".
        const checkpoint = JSON.parse(JSON.stringify(result.checkpoint)) as Checkpoint;
        const resumed = await resumePipeline(entry.pipeline, checkpoint, 'Looks good', {
          file: entry.file,
          loader: nodeLoader,
          agents: { fetch: noNetwork },
        });
        expectRunResult(resumed);
        expect(resumed.status, JSON.stringify(resumed.error)).toBe('succeeded');
      });
    },
  );

  describe.each(entries.filter((entry) => entry.skipReason !== undefined))(
    'not deterministic: $name',
    (entry) => {
      it(`ends as a RunResult (${entry.skipReason ?? ''})`, async () => {
        const result = await executePipeline(entry.pipeline, runOptions(entry.file));
        expectRunResult(result);
        // Without agents or skills these can only pause before reaching one, or fail cleanly.
        expect(result.status).not.toBe('succeeded');
      });
    },
  );
});

/** Stand-ins for the Python helpers of examples/imports_demo (skills/helpers.py). */
const demoSkills: SkillRunner = {
  has: (ref) => Promise.resolve(ref.startsWith('skills.helpers:')),
  run: (ref, call) => {
    const outputs: Record<string, unknown> = {
      'skills.helpers:clarify': {
        import_artifacts: { cohort_definition: { name: 'demo', criteria: [call.input] } },
      },
      'skills.helpers:discover_concepts': { import_artifacts: { concept_sets: ['diabetes'] } },
      'skills.helpers:build_sql': { import_artifacts: { final_sql: 'SELECT 1' } },
      'skills.helpers:accept_review': {},
    };
    return Promise.resolve(outputs[ref] ?? null);
  },
};

describe('corpus imports (examples/imports_demo, Python helpers stubbed)', () => {
  const demo = (name: string): CorpusEntry => {
    const entry = entries.find((candidate) => candidate.name.endsWith(`imports_demo/${name}`));
    if (!entry) throw new Error(`corpus file imports_demo/${name} is missing`);
    return entry;
  };

  it('main.yaml chains three imports through import_artifacts', async () => {
    const entry = demo('main.yaml');
    const result = await executePipeline(
      entry.pipeline,
      runOptions(entry.file, { skills: demoSkills }),
    );
    expect(result.status, JSON.stringify(result.error)).toBe('succeeded');
    expect(result.context.import_artifacts).toEqual({
      cohort_definition: { name: 'demo', criteria: [FIXED_INPUT] },
      concept_sets: ['diabetes'],
      final_sql: 'SELECT 1',
    });
    expect(result.steps.map((step) => step.children[0]?.path)).toEqual([
      'steps[0].import.steps[0]',
      'steps[1].import.steps[0]',
      'steps[2].import.steps[0]',
    ]);
  });

  it('main_with_hitl.yaml pauses in the imported review and resumes there', async () => {
    const entry = demo('main_with_hitl.yaml');
    const paused = await executePipeline(
      entry.pipeline,
      runOptions(entry.file, { skills: demoSkills }),
    );
    expect(paused.status).toBe('paused');
    expect(paused.checkpoint?.hitl.path).toBe('steps[1].import.steps[0]');
    const checkpoint = JSON.parse(JSON.stringify(paused.checkpoint)) as Checkpoint;
    const resumed = await resumePipeline(entry.pipeline, checkpoint, 'Looks good', {
      file: entry.file,
      loader: nodeLoader,
      skills: demoSkills,
    });
    expect(resumed.status, JSON.stringify(resumed.error)).toBe('succeeded');
    expect(resumed.context.import_artifacts).toMatchObject({ final_sql: 'SELECT 1' });
  });
});
