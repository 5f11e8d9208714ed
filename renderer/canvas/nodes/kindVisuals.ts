import type { StepKind, StepNode } from '../../../core/model';
import { assertNever, classifyStep, isContainer, stepChildren } from '../../../core/model';

/** How a step kind looks on the canvas: a readable name and an inline SVG path (24×24 box). */
export interface KindVisual {
  readonly title: string;
  readonly icon: string;
}

const VISUALS: { readonly [K in StepKind]: KindVisual } = {
  step: { title: 'Step', icon: 'M5 6h14v12H5z' },
  parallel: { title: 'Parallel', icon: 'M4 7h16M4 12h16M4 17h16' },
  conditional: { title: 'Conditional', icon: 'M12 3l9 9-9 9-9-9z' },
  loop: { title: 'Loop', icon: 'M17 7a7 7 0 1 0 2 5M17 3v4h-4' },
  map: { title: 'Map', icon: 'M4 5h6v6H4zM14 5h6v6h-6zM4 15h6v6H4zM14 15h6v6h-6z' },
  dynamic_router: { title: 'Router', icon: 'M3 12h8M11 12l8-6M11 12l8 6M11 12h8' },
  hitl: { title: 'Human input', icon: 'M12 4a4 4 0 1 1 0 8a4 4 0 1 1 0-8M4 21c0-5 16-5 16 0' },
  cache: { title: 'Cache', icon: 'M5 6c0-3 14-3 14 0v12c0 3-14 3-14 0zM5 6c0 3 14 3 14 0' },
  StateMachine: {
    title: 'State machine',
    icon: 'M3 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0M15 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0M9 12h6',
  },
  agentic_loop: {
    title: 'Agentic loop',
    icon: 'M12 4v4M12 16v4M4 12h4M16 12h4M12 8a4 4 0 1 1 0 8a4 4 0 1 1 0-8',
  },
  tree_search: { title: 'Tree search', icon: 'M12 3v6M12 9l-6 6M12 9l6 6M6 15v5M18 15v5' },
  custom: { title: 'Custom', icon: 'M12 4a8 8 0 1 1 0 16a8 8 0 1 1 0-16' },
};

/** The visual of `kind`. */
export function kindVisual(kind: StepKind): KindVisual {
  return VISUALS[kind];
}

/** The kind as written in YAML (a custom kind's own string), for labels like "greet (loop)". */
export function kindName(step: StepNode): string {
  return step.kind === 'custom' ? step.customKind : step.kind;
}

function containerSummary(step: StepNode): string {
  const children = stepChildren(step).filter((child) => child.ref.slot !== 'fallback');
  switch (step.kind) {
    case 'loop':
      return step.loop.max_loops === undefined
        ? `body: ${String(step.loop.body.steps.length)} steps`
        : `max ${String(step.loop.max_loops)} loops`;
    case 'map':
      return `over ${step.map.iterable_input}`;
    case 'cache':
      return step.wrapped_step ? `wraps ${step.wrapped_step.name}` : 'wraps nothing yet';
    case 'StateMachine':
      return `${String(children.length)} states`;
    case 'parallel':
    case 'conditional':
    case 'dynamic_router':
      return `${String(children.length)} branches`;
    case 'step':
    case 'hitl':
    case 'agentic_loop':
    case 'tree_search':
    case 'custom':
      return '';
    default:
      return assertNever(step);
  }
}

/** One line saying what runs the step: its agent/uses, or what the container does. */
export function stepSummary(step: StepNode): string {
  if (isContainer(step)) return containerSummary(step);
  if (step.kind === 'hitl') return step.message ?? 'asks a human';
  const role = classifyStep(step);
  switch (role.role) {
    case 'passthrough':
      return typeof step.input === 'string' ? step.input : 'passthrough';
    case 'builtin':
      return `builtin ${role.name}`;
    case 'declared-agent':
      return `agent ${role.agentName}`;
    case 'import':
      return `import ${role.alias}`;
    case 'skill':
      return role.importPath;
    case 'python':
      return `${role.importPath} (Python)`;
    default:
      return assertNever(role);
  }
}
