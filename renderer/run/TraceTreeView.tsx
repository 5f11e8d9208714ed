import { useMemo } from 'react';
import type { RunEvent, TraceSpan } from '../../core/engine';
// The module itself, not the engine's index: the renderer bundle needs no executor for a trace.
import { traceTreeFromEvents } from '../../core/engine/traceTree';
import { formatDuration } from './runFormat';

const MAX_SPANS = 500;

/** The run's trace (FLUJO-SPEC §10 spans) as a nested tree; large traces are cut at 500 spans. */
export function TraceTreeView(props: { readonly events: readonly RunEvent[] }) {
  const root = useMemo(() => traceTreeFromEvents(props.events), [props.events]);
  const budget = { left: MAX_SPANS };
  return (
    <div className="trace-tree">
      <h3>Trace</h3>
      <ul role="tree" aria-label="Trace">
        <SpanItem span={root} budget={budget} />
      </ul>
      {budget.left < 0 ? <p>Showing the first {MAX_SPANS} spans.</p> : null}
    </div>
  );
}

function SpanItem(props: { readonly span: TraceSpan; readonly budget: { left: number } }) {
  const { span, budget } = props;
  budget.left -= 1;
  if (budget.left < 0) return null;
  const duration = span.endTime === undefined ? undefined : span.endTime - span.startTime;
  const where = [span.attributes['flujo.iteration'], span.attributes['flujo.branch']]
    .filter((item) => item !== undefined)
    .map(String)
    .join(', ');
  return (
    <li
      role="treeitem"
      aria-expanded={span.children.length > 0 ? true : undefined}
      aria-selected={false}
    >
      <span className={`trace-span trace-${span.status}`}>
        {span.name}
        {where === '' ? '' : ` [${where}]`} — {span.status} · {formatDuration(duration)}
      </span>
      {span.children.length > 0 ? (
        <ul role="group">
          {span.children.map((child) => (
            <SpanItem key={child.spanId} span={child} budget={budget} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
