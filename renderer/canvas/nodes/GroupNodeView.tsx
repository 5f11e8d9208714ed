import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GroupCanvasNode } from '../graphTypes';
import {
  BreakpointDot,
  DiagnosticBadges,
  RunChips,
  KindIcon,
  StepToolbar,
  useDecorationClass,
} from './NodeParts';
import { kindVisual } from './kindVisuals';

/** An expanded container: a header, and its child lists drawn inside as a sub flow. */
function GroupNodeComponent({ data, selected }: NodeProps<GroupCanvasNode>) {
  const decoration = useDecorationClass(data.path);
  return (
    <div className={`flujo-group-box flujo-kind-${data.kind} ${decoration}`}>
      <StepToolbar data={data} selected={selected} />
      <Handle type="target" position={Position.Left} />
      <div className="flujo-node-header">
        <KindIcon kind={data.kind} />
        <span className="flujo-node-name">{data.step.name}</span>
        <span className="flujo-group-kind">{kindVisual(data.kind).title}</span>
        <span className="flujo-node-summary">{data.summary}</span>
        <BreakpointDot path={data.path} />
        <DiagnosticBadges counts={data.diagnostics} />
        <RunChips path={data.path} />
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const GroupNodeView = memo(GroupNodeComponent);
