import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BranchLabelCanvasNode } from '../graphTypes';

/** The label of a container's child list; dropping a step on it appends to that list. */
function BranchLabelComponent({ data }: NodeProps<BranchLabelCanvasNode>) {
  return (
    <div className="flujo-branch-label" title={`${String(data.count)} steps`}>
      {data.label}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const BranchLabelNodeView = memo(BranchLabelComponent);
