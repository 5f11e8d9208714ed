import type { Pipeline, StepKind, StepNode } from '../../core/model';
import { createStep, uniqueStepName } from '../../core/model';

/** dataTransfer type of a palette drag; the value is a `PaletteItemId`. */
export const STEP_KIND_MIME = 'application/x-flujo-step-kind';

/** One entry of the step palette (UI as data: the palette and the drop code both read this). */
export interface PaletteItem {
  readonly id: string;
  readonly label: string;
  readonly kind: StepKind;
  readonly baseName: string;
  /** Fills in what makes this item more than `createStep(kind)` (an agent, an import). */
  readonly refine?: (pipeline: Pipeline) => { readonly uses: string };
}

function firstKey(record: Readonly<Record<string, unknown>> | undefined, fallback: string): string {
  return Object.keys(record ?? {})[0] ?? fallback;
}

/** The palette, in display order (issue 7). */
export const PALETTE_ITEMS: readonly PaletteItem[] = [
  { id: 'step', label: 'Step', kind: 'step', baseName: 'step' },
  {
    id: 'agent',
    label: 'Agent step',
    kind: 'step',
    baseName: 'agent_step',
    refine: (pipeline) => ({ uses: `agents.${firstKey(pipeline.agents, 'assistant')}` }),
  },
  { id: 'loop', label: 'Loop', kind: 'loop', baseName: 'loop' },
  { id: 'map', label: 'Map', kind: 'map', baseName: 'map' },
  { id: 'parallel', label: 'Parallel', kind: 'parallel', baseName: 'parallel' },
  { id: 'conditional', label: 'Conditional', kind: 'conditional', baseName: 'conditional' },
  { id: 'router', label: 'Router', kind: 'dynamic_router', baseName: 'router' },
  { id: 'hitl', label: 'Human input', kind: 'hitl', baseName: 'ask_human' },
  { id: 'cache', label: 'Cache', kind: 'cache', baseName: 'cache' },
  {
    id: 'import',
    label: 'Import',
    kind: 'step',
    baseName: 'import_step',
    refine: (pipeline) => ({ uses: `imports.${firstKey(pipeline.imports, 'child')}` }),
  },
  { id: 'state_machine', label: 'State machine', kind: 'StateMachine', baseName: 'state_machine' },
];

/** The palette item with `id`, if any. */
export function paletteItem(id: string): PaletteItem | undefined {
  return PALETTE_ITEMS.find((item) => item.id === id);
}

/** A new step for `item` with a name not used in `pipeline` (nor in `taken`). */
export function buildPaletteStep(
  pipeline: Pipeline,
  item: PaletteItem,
  taken: readonly string[] = [],
): StepNode {
  let name = uniqueStepName(pipeline, item.baseName);
  for (let n = 2; taken.includes(name); n++) {
    name = uniqueStepName(pipeline, `${item.baseName}_${String(n)}`);
  }
  const step = createStep(item.kind, name);
  return item.refine ? { ...step, ...item.refine(pipeline) } : step;
}
