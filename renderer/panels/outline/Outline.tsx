import { useMemo } from 'react';

import type { StepKind } from '../../../core/model';
import { walkSteps } from '../../../core/model';
import { useDocument } from '../../store/DocumentStoreContext';
import { useSelectStep } from '../../store/useSelectStep';

interface OutlineRow {
  readonly path: string;
  readonly name: string;
  readonly kind: StepKind;
  readonly depth: number;
  readonly via: string | undefined;
}

/** The step tree of the document (role="tree"); clicking an item selects the step. */
export function Outline() {
  const pipeline = useDocument((s) => s.parsed.pipeline);
  const selectedPath = useDocument((s) => s.selectedPath);
  const selectStep = useSelectStep();
  const rows = useMemo(() => {
    const found: OutlineRow[] = [];
    if (pipeline) {
      walkSteps(pipeline, ({ step, path, depth, segment }) => {
        found.push({
          path,
          name: step.name,
          kind: step.kind,
          depth,
          via:
            'key' in segment ? segment.key : segment.slot === 'fallback' ? 'fallback' : undefined,
        });
      });
    }
    return found;
  }, [pipeline]);

  return (
    <nav className="outline" aria-label="Outline">
      <h2 className="panel-title">Outline</h2>
      {rows.length === 0 ? (
        <p className="empty">No steps.</p>
      ) : (
        <ul role="tree" aria-label="Steps">
          {rows.map((row) => (
            <li
              key={row.path}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-selected={row.path === selectedPath}
              tabIndex={row.path === selectedPath ? 0 : -1}
              className={row.path === selectedPath ? 'selected' : undefined}
              style={{ paddingLeft: `${String(0.5 + row.depth * 0.9)}rem` }}
              onClick={() => {
                selectStep(row.path, 'outline');
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') selectStep(row.path, 'outline');
              }}
            >
              <span className="kind-badge">{row.kind}</span> {row.name}
              {row.via ? <span className="muted"> ({row.via})</span> : null}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
