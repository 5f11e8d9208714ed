// LangGraph.js side of the engine benchmarks (bench-only dependency, see bench/package.json):
// the same workloads as StateGraphs whose nodes return small updates. Plain JavaScript so the
// app's TypeScript project never needs the peer's types; loaded only by bench child processes.
/* global performance */
import { setMaxListeners } from 'node:events';
import { Annotation, END, MemorySaver, START, StateGraph } from '@langchain/langgraph';

// LangGraph adds an abort listener per running node; the default limit of 10 only prints warnings.
setMaxListeners(0);

const last = (_old, next) => next;

function chainGraph(steps) {
  const State = Annotation.Root({ value: Annotation({ reducer: last, default: () => '' }) });
  const graph = new StateGraph(State);
  for (let i = 0; i < steps; i += 1) graph.addNode(`s${i}`, (state) => ({ value: state.value }));
  graph.addEdge(START, 's0');
  for (let i = 1; i < steps; i += 1) graph.addEdge(`s${i - 1}`, `s${i}`);
  graph.addEdge(`s${steps - 1}`, END);
  return graph;
}

// The loop: one node and a conditional edge back to it until `count` reaches the iterations.
// LangGraph applies reducers twice per step with a conditional edge, so the growing list uses
// a copying (concat) reducer, never an in-place push (TOOLCHAIN.md).
function loopGraph(iterations, growing) {
  const State = Annotation.Root({
    value: Annotation({ reducer: last, default: () => '' }),
    count: Annotation({ reducer: last, default: () => 0 }),
    items: Annotation({ reducer: (old, next) => old.concat(next), default: () => [] }),
  });
  const graph = new StateGraph(State);
  graph.addNode('tick', (state) =>
    growing
      ? { value: state.value, count: state.count + 1, items: [state.value] }
      : { value: state.value, count: state.count + 1 },
  );
  graph.addEdge(START, 'tick');
  graph.addConditionalEdges('tick', (state) => (state.count >= iterations ? END : 'tick'));
  return graph;
}

// The fan-out: `fan` sends to every branch node (one superstep), they join in `join`, and a
// conditional edge starts the next round until `round` reaches the rounds.
function fanOutGraph(rounds, branches) {
  const State = Annotation.Root({
    round: Annotation({ reducer: last, default: () => 0 }),
    hits: Annotation({ reducer: (a, b) => a + b, default: () => 0 }),
  });
  const graph = new StateGraph(State);
  graph.addNode('fan', (state) => ({ round: state.round + 1 }));
  const names = [];
  for (let b = 0; b < branches; b += 1) {
    names.push(`b${b}`);
    graph.addNode(`b${b}`, () => ({ hits: 1 }));
  }
  graph.addNode('join', () => ({}));
  graph.addEdge(START, 'fan');
  for (const name of names) {
    graph.addEdge('fan', name);
  }
  graph.addEdge(names, 'join');
  graph.addConditionalEdges('join', (state) => (state.round >= rounds ? END : 'fan'));
  return graph;
}

function graphFor(workload) {
  switch (workload.kind) {
    case 'chain':
      return { graph: chainGraph(workload.steps), supersteps: workload.steps };
    case 'loop':
      return { graph: loopGraph(workload.steps, false), supersteps: workload.steps };
    case 'growingLoop':
      return { graph: loopGraph(workload.steps, true), supersteps: workload.steps };
    case 'fanOut':
      return {
        graph: fanOutGraph(workload.rounds, workload.branches),
        supersteps: 3 * workload.rounds,
      };
    default:
      throw new Error(`unknown workload ${workload.kind}`);
  }
}

/** Builds the workload; `langgraphMemorySaver` compiles with a MemorySaver (a new thread per run). */
export async function buildWorkload(engine, workload) {
  const start = performance.now();
  const { graph, supersteps } = graphFor(workload);
  const withSaver = engine === 'langgraphMemorySaver';
  const compiled = graph.compile(withSaver ? { checkpointer: new MemorySaver() } : {});
  const buildMs = performance.now() - start;
  let thread = 0;
  const run = async () => {
    thread += 1;
    // A fresh saver per run, so runs do not accumulate each other's checkpoints.
    const app = withSaver ? graph.compile({ checkpointer: new MemorySaver() }) : compiled;
    const config = { recursionLimit: supersteps + 10, configurable: { thread_id: `t${thread}` } };
    return app.invoke({}, config);
  };
  return { buildMs, run };
}
