import type { CSSProperties } from 'react';
import { memo, useState } from 'react';
import type { RunView, TimelineRow } from './runView';
import { formatDuration } from './runFormat';

const PAGE = 200;

/** Props of the timeline. */
export interface RunTimelineProps {
  readonly run: RunView;
  /** The run's version: the rows are updated in place. */
  readonly version: number;
  readonly selectedPath: string | undefined;
  readonly onSelect: (path: string) => void;
}

/**
 * Steps, iterations and branches as Gantt bars on one time axis (parallel branches overlap). Only
 * the last rows are drawn ("Show more" adds older ones) so a 10,000-step run stays responsive.
 */
export function RunTimeline(props: RunTimelineProps) {
  const { run, selectedPath, onSelect } = props;
  const [shown, setShown] = useState(PAGE);
  const rows = run.timeline;
  const first = Math.max(0, rows.length - shown);
  const visible = rows.slice(first);
  const start = run.startedAt ?? visible[0]?.startedAt ?? 0;
  const end = Math.max(run.lastAt ?? start, start + 1);
  const span = end - start;
  return (
    <div className="run-timeline">
      <h3>Timeline</h3>
      {first > 0 ? (
        <button
          type="button"
          onClick={() => {
            setShown((count) => count + PAGE);
          }}
        >
          Show more ({first} earlier)
        </button>
      ) : null}
      <ol
        aria-label="Timeline"
        className="run-timeline-rows"
        style={{ '--span': String(span), '--now': String(end - start) } as CSSProperties}
      >
        {visible.map((row, index) => (
          <TimelineItem
            key={first + index}
            path={row.path}
            stepName={row.stepName}
            iteration={row.iteration}
            branch={row.branch}
            status={row.status}
            from={row.startedAt - start}
            to={row.endedAt === undefined ? undefined : row.endedAt - start}
            selected={row.path === selectedPath}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </div>
  );
}

/**
 * One row, memoized on its own facts: the time axis comes in as CSS variables on the list, so a
 * new batch re-renders only rows that changed, not every drawn row.
 */
const TimelineItem = memo(function TimelineItem(props: {
  readonly path: string;
  readonly stepName: string;
  readonly iteration: number | undefined;
  readonly branch: string | undefined;
  readonly status: TimelineRow['status'];
  /** Start and end relative to the run's start (end undefined while running). */
  readonly from: number;
  readonly to: number | undefined;
  readonly selected: boolean;
  readonly onSelect: (path: string) => void;
}) {
  const { path, from, to } = props;
  const depth = (path.match(/\[/g)?.length ?? 1) - 1;
  const where = [
    props.iteration === undefined ? '' : `iteration ${String(props.iteration)}`,
    props.branch === undefined ? '' : `branch ${props.branch}`,
  ]
    .filter(Boolean)
    .join(', ');
  const barStyle = {
    '--from': String(from),
    ...(to === undefined ? {} : { '--to': String(to) }),
  } as CSSProperties;
  return (
    <li className={`run-timeline-row run-status-${props.status}`}>
      <button
        type="button"
        aria-pressed={props.selected}
        style={{ paddingLeft: `${String(depth * 12)}px` }}
        onClick={() => {
          props.onSelect(path);
        }}
      >
        {props.stepName}
        {where === '' ? '' : ` (${where})`} — {props.status}
        {to === undefined ? '' : ` · ${formatDuration(to - from)}`}
      </button>
      <span className="run-timeline-track" aria-hidden="true">
        <span className="run-timeline-bar" style={barStyle} />
      </span>
    </li>
  );
});
