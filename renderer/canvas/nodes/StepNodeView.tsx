import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepCanvasNode } from '../graphTypes';
import {
  BreakpointDot,
  DiagnosticBadges,
  KindIcon,
  PortBadges,
  RunChips,
  StepToolbar,
  useDecorationClass,
} from './NodeParts';
import { kindVisual } from './kindVisuals';

/** A step drawn as one box (a leaf step, or a collapsed container). */
function StepNodeComponent({ data, selected }: NodeProps<StepCanvasNode>) {
  const decoration = useDecorationClass(data.path);
  return (
    <div className={`flujo-node flujo-kind-${data.kind} ${decoration}`}>
      <StepToolbar data={data} selected={selected} />
      <Handle type="target" position={Position.Left} />
      <div className="flujo-node-header">
        <KindIcon kind={data.kind} />
        <span className="flujo-node-name">{data.step.name}</span>
        <BreakpointDot path={data.path} />
        <DiagnosticBadges counts={data.diagnostics} />
      </div>
      <div className="flujo-node-summary" title={data.summary}>
        {data.collapsed ? `${kindVisual(data.kind).title} (collapsed) · ` : ''}
        {data.summary}
      </div>
      <PortBadges data={data} />
      <RunChips path={data.path} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const StepNodeView = memo(StepNodeComponent);
