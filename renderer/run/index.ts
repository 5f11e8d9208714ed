export type {
  DebugCommandName,
  PendingHitl,
  ReplayState,
  RunStore,
  RunStoreState,
  RunSummary,
  StartRunOptions,
} from './runStore';
export { createRunStore, isLive } from './runStore';
export type {
  HitlRequestView,
  NodeRunMetrics,
  NodeRunStatus,
  RunErrorView,
  RunTotals,
  RunView,
  RunViewStatus,
  StepView,
  TimelineRow,
} from './runView';
export { foldRunEvents, runMetricsByPath, runStatusByPath } from './foldRunEvents';
export { useActiveRun, useRunMetricsByPath, useRunState, useRunStatusByPath } from './useRunStore';
export type { RunToolbarProps } from './RunToolbar';
export { RunToolbar } from './RunToolbar';
export type { RunDialogProps } from './RunDialog';
export { RunDialog } from './RunDialog';
export { RunPanel } from './RunPanel';
export { DebugPanel } from './DebugPanel';
export { HitlDialog } from './HitlDialog';
export { HitlInbox } from './HitlInbox';
export { RunHistory } from './RunHistory';
export { StepRunActions } from './StepRunActions';
