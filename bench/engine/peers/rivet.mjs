// Rivet core side of the engine benchmarks (bench-only dependency, see bench/package.json): the same
// workloads as Rivet graphs built in code (the shape the Rivet app saves) from small custom node
// types, run headless with `coreCreateProcessor(...).run()`. Building the processor is timed apart
// from running it. Plain JavaScript so the app's TypeScript project never needs the peer's types.
/* global performance, structuredClone */
import { setMaxListeners } from 'node:events';
import {
  NodeImpl,
  NodeRegistration,
  coreCreateProcessor,
  nodeDefinition,
  registerBuiltInNodes,
} from '@ironclad/rivet-core';

const any = (value) => ({ type: 'any', value });

/** Trivial node executions of the current run (checked against the workload's size). */
let executions = 0;

function chartNode(type, id, data = {}) {
  return { type, id, title: id, data, visualData: { x: 0, y: 0, width: 200 } };
}

/** Emits the run's starting value. */
class BenchStartImpl extends NodeImpl {
  static create = () => chartNode('benchStart', 'start');
  static getUIData = () => ({ contextMenuTitle: 'Bench start' });
  getInputDefinitions() {
    return [];
  }
  getOutputDefinitions() {
    return [{ id: 'value', title: 'Value', dataType: 'any' }];
  }
  async process() {
    return { value: any(this.data.initial ?? 'x') };
  }
}

/** A trivial step: passes `value` on. */
class BenchStepImpl extends NodeImpl {
  static create = () => chartNode('benchStep', 'step');
  static getUIData = () => ({ contextMenuTitle: 'Bench step' });
  getInputDefinitions() {
    return [{ id: 'value', title: 'Value', dataType: 'any' }];
  }
  getOutputDefinitions() {
    return [{ id: 'value', title: 'Value', dataType: 'any' }];
  }
  async process(inputs) {
    executions += 1;
    return { value: inputs.value ?? any(undefined) };
  }
}

/** The loop body: counts, optionally appends to the carried list, and says whether to go on. */
class BenchTickImpl extends NodeImpl {
  static create = () => chartNode('benchTick', 'tick');
  static getUIData = () => ({ contextMenuTitle: 'Bench tick' });
  getInputDefinitions() {
    return [{ id: 'state', title: 'State', dataType: 'any' }];
  }
  getOutputDefinitions() {
    return [
      { id: 'state', title: 'State', dataType: 'any' },
      { id: 'continue', title: 'Continue', dataType: 'boolean' },
    ];
  }
  async process(inputs) {
    executions += 1;
    const state = inputs.state?.value ?? { count: 0 };
    const count = state.count + 1;
    if (state.items !== undefined) state.items.push(state.value);
    const next = { ...state, count };
    return { state: any(next), continue: { type: 'boolean', value: count < this.data.limit } };
  }
}

/** Joins every connected input (the fan-out's join): counts the rounds, says whether to go on. */
class BenchJoinImpl extends NodeImpl {
  static create = () => chartNode('benchJoin', 'join');
  static getUIData = () => ({ contextMenuTitle: 'Bench join' });
  getInputDefinitions() {
    const inputs = [{ id: 'state', title: 'State', dataType: 'any' }];
    for (let b = 0; b < this.data.branches; b += 1) {
      inputs.push({ id: `b${b}`, title: `b${b}`, dataType: 'any' });
    }
    return inputs;
  }
  getOutputDefinitions() {
    return [
      { id: 'state', title: 'State', dataType: 'any' },
      { id: 'continue', title: 'Continue', dataType: 'boolean' },
    ];
  }
  async process(inputs) {
    const round = (inputs.state?.value?.round ?? 0) + 1;
    return {
      state: any({ round }),
      continue: { type: 'boolean', value: round < this.data.limit },
    };
  }
}

/** Consumes the result so every path ends in a node. */
class BenchEndImpl extends NodeImpl {
  static create = () => chartNode('benchEnd', 'end');
  static getUIData = () => ({ contextMenuTitle: 'Bench end' });
  getInputDefinitions() {
    return [{ id: 'value', title: 'Value', dataType: 'any' }];
  }
  getOutputDefinitions() {
    return [];
  }
  async process() {
    return {};
  }
}

// Rivet adds an abort listener per running node; the default limit of 10 only prints warnings.
setMaxListeners(0);

const registry = registerBuiltInNodes(new NodeRegistration());
registry.register(nodeDefinition(BenchStartImpl, 'Bench start'));
registry.register(nodeDefinition(BenchStepImpl, 'Bench step'));
registry.register(nodeDefinition(BenchTickImpl, 'Bench tick'));
registry.register(nodeDefinition(BenchJoinImpl, 'Bench join'));
registry.register(nodeDefinition(BenchEndImpl, 'Bench end'));

function link(outputNodeId, outputId, inputNodeId, inputId) {
  return { outputNodeId, outputId, inputNodeId, inputId };
}

function chainGraph(steps) {
  const nodes = [chartNode('benchStart', 'start')];
  const connections = [];
  let previous = 'start';
  for (let i = 0; i < steps; i += 1) {
    nodes.push(chartNode('benchStep', `s${i}`));
    connections.push(link(previous, 'value', `s${i}`, 'value'));
    previous = `s${i}`;
  }
  nodes.push(chartNode('benchEnd', 'end'));
  connections.push(link(previous, 'value', 'end', 'value'));
  return { nodes, connections };
}

// A loop controller carrying one state value; the body node says whether to continue.
function loopGraph(iterations, growing) {
  const initial = { count: 0, value: 'x', ...(growing ? { items: [] } : {}) };
  const nodes = [
    chartNode('benchStart', 'start', { initial }),
    chartNode('loopController', 'loop', {
      maxIterations: iterations + 10,
      atMaxIterationsAction: 'error',
    }),
    chartNode('benchTick', 'tick', { limit: iterations }),
    chartNode('benchEnd', 'end'),
  ];
  const connections = [
    link('start', 'value', 'loop', 'input1Default'),
    link('loop', 'output1', 'tick', 'state'),
    link('tick', 'state', 'loop', 'input1'),
    link('tick', 'continue', 'loop', 'continue'),
    link('loop', 'break', 'end', 'value'),
  ];
  return { nodes, connections };
}

// Every round: the loop controller feeds `branches` step nodes, which a join node gathers.
function fanOutGraph(rounds, branches) {
  const nodes = [
    chartNode('benchStart', 'start', { initial: { round: 0 } }),
    chartNode('loopController', 'loop', {
      maxIterations: rounds + 10,
      atMaxIterationsAction: 'error',
    }),
    chartNode('benchJoin', 'join', { limit: rounds, branches }),
    chartNode('benchEnd', 'end'),
  ];
  const connections = [
    link('start', 'value', 'loop', 'input1Default'),
    link('loop', 'output1', 'join', 'state'),
    link('join', 'state', 'loop', 'input1'),
    link('join', 'continue', 'loop', 'continue'),
    link('loop', 'break', 'end', 'value'),
  ];
  for (let b = 0; b < branches; b += 1) {
    nodes.push(chartNode('benchStep', `b${b}`));
    connections.push(link('loop', 'output1', `b${b}`, 'value'));
    connections.push(link(`b${b}`, 'value', 'join', `b${b}`));
  }
  return { nodes, connections };
}

function graphFor(workload) {
  switch (workload.kind) {
    case 'chain':
      return chainGraph(workload.steps);
    case 'loop':
      return loopGraph(workload.steps, false);
    case 'growingLoop':
      return loopGraph(workload.steps, true);
    case 'fanOut':
      return fanOutGraph(workload.rounds, workload.branches);
    default:
      throw new Error(`unknown workload ${workload.kind}`);
  }
}

function projectOf(graph) {
  return {
    metadata: { id: 'bench', title: 'bench', description: '', mainGraphId: 'main' },
    graphs: { main: { metadata: { id: 'main', name: 'main', description: '' }, ...graph } },
    plugins: [],
  };
}

/**
 * Builds the workload. A GraphProcessor runs once, so every run builds a new one: `run` reports only
 * the run (`lastBuildMs` keeps the build), and `buildMs` is the first build.
 */
export async function buildWorkload(_engine, workload) {
  const graph = graphFor(workload);
  const expected =
    workload.kind === 'fanOut' ? workload.rounds * workload.branches : workload.steps;
  const build = () => {
    // The loop body mutates the carried list, so every run starts from a fresh copy of the graph.
    const project = projectOf(structuredClone(graph));
    return coreCreateProcessor(project, { graph: 'main', registry });
  };
  const start = performance.now();
  let prepared = build();
  const buildMs = performance.now() - start;
  return {
    buildMs,
    prepare: () => {
      prepared = build();
    },
    run: async () => {
      executions = 0;
      const outputs = await prepared.run();
      if (executions !== expected) {
        throw new Error(`Rivet ran ${executions} trivial nodes, expected ${expected}`);
      }
      return outputs;
    },
  };
}
