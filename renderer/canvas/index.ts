export type { PipelineCanvasProps } from './PipelineCanvas';
export { PipelineCanvas } from './PipelineCanvas';
export { StepPalette } from './StepPalette';
export { autoLayout } from './autoLayout';
export { deriveGraph } from './deriveGraph';
export type {
  CanvasLayout,
  CanvasPoint,
  LooseStep,
  NodeRunMetrics,
  NodeRunStatus,
} from './canvasLayout';
export { EMPTY_LAYOUT } from './canvasLayout';
export { PALETTE_ITEMS, STEP_KIND_MIME } from './paletteItems';
