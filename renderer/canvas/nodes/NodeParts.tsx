import { NodeToolbar, Position } from '@xyflow/react';
import type { StepKind } from '../../../core/model';
import { useCanvasActions, useHasBreakpoint, useRunMetrics, useRunStatus } from '../canvasContext';
import type { DiagnosticCounts, StepNodeData } from '../graphTypes';
import { kindVisual } from './kindVisuals';

/** The kind icon: an inline SVG, hidden from assistive tech (the node's label names the kind). */
export function KindIcon({ kind }: { readonly kind: StepKind }) {
  const visual = kindVisual(kind);
  return (
    <svg className="flujo-kind-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path d={visual.icon} />
    </svg>
  );
}

/** Diagnostic counts by severity, coloured; nothing when the step is clean. */
export function DiagnosticBadges({ counts }: { readonly counts: DiagnosticCounts }) {
  const parts = (['error', 'warning', 'info'] as const).filter((severity) => counts[severity] > 0);
  if (parts.length === 0) return null;
  return (
    <span className="flujo-badges">
      {parts.map((severity) => (
        <span
          key={severity}
          className={`flujo-badge flujo-badge-${severity}`}
          title={`${String(counts[severity])} ${severity}${counts[severity] === 1 ? '' : 's'}`}
        >
          {counts[severity]}
        </span>
      ))}
    </span>
  );
}

/** Input/output port types as two small badges. */
export function PortBadges({ data }: { readonly data: StepNodeData }) {
  if (data.inputType === undefined && data.outputType === undefined) return null;
  return (
    <span className="flujo-ports">
      <span className="flujo-port" title={`accepts ${data.inputType ?? 'any'}`}>
        in: {data.inputType ?? 'any'}
      </span>
      <span className="flujo-port" title={`outputs ${data.outputType ?? 'any'}`}>
        out: {data.outputType ?? 'any'}
      </span>
    </span>
  );
}

/** The class names that paint the run status ring (issue 8) and the breakpoint state. */
export function useDecorationClass(path: string): string {
  const status = useRunStatus(path);
  const breakpoint = useHasBreakpoint(path);
  return [status ? `flujo-run flujo-run-${status}` : '', breakpoint ? 'flujo-has-breakpoint' : '']
    .filter(Boolean)
    .join(' ');
}

/** Metric chips of the last run: latency, tokens, cost, retries, iterations, cache hit. */
export function RunChips({ path }: { readonly path: string }) {
  const metrics = useRunMetrics(path);
  if (metrics === undefined) return null;
  const chips: string[] = [];
  if (metrics.latencyMs !== undefined) chips.push(`${String(Math.round(metrics.latencyMs))} ms`);
  if (metrics.tokens > 0) chips.push(`${String(metrics.tokens)} tok`);
  if (metrics.costUsd > 0) chips.push(`$${metrics.costUsd.toFixed(4)}`);
  if (metrics.attempts > 1) chips.push(`${String(metrics.attempts - 1)} retr.`);
  if (metrics.iterations !== undefined && metrics.iterations > 0)
    chips.push(`×${String(metrics.iterations)}`);
  if (metrics.cacheHit === true) chips.push('cache hit');
  if (chips.length === 0) return null;
  return (
    <span className="flujo-chips" aria-label="Run metrics">
      {chips.map((chip) => (
        <span key={chip} className="flujo-chip">
          {chip}
        </span>
      ))}
    </span>
  );
}

/** A red dot when the step has a breakpoint. */
export function BreakpointDot({ path }: { readonly path: string }) {
  const breakpoint = useHasBreakpoint(path);
  return breakpoint ? <span className="flujo-breakpoint" title="Breakpoint" /> : null;
}

/** Buttons over the selected node: collapse/expand, wrap in a loop, unwrap. */
export function StepToolbar({
  data,
  selected,
}: {
  readonly data: StepNodeData;
  readonly selected: boolean;
}) {
  const actions = useCanvasActions();
  const name = data.step.name;
  return (
    <NodeToolbar isVisible={selected} position={Position.Top} className="flujo-node-toolbar">
      {data.container && (
        <button
          type="button"
          onClick={() => {
            actions.toggleCollapsed(data.path);
          }}
        >
          {data.collapsed ? 'Expand' : 'Collapse'}
        </button>
      )}
      <button
        type="button"
        aria-label={`Wrap ${name} in loop`}
        onClick={() => {
          actions.wrap(data.path);
        }}
      >
        Wrap in loop
      </button>
      {data.container && (
        <button
          type="button"
          aria-label={`Unwrap ${name}`}
          onClick={() => {
            actions.unwrap(data.path);
          }}
        >
          Unwrap
        </button>
      )}
    </NodeToolbar>
  );
}
