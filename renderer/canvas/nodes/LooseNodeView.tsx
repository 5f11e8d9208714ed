import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LooseCanvasNode } from '../graphTypes';
import { KindIcon } from './NodeParts';

/** A loose step: drawn with a warning, not part of the pipeline until connected or dropped on an edge. */
function LooseNodeComponent({ data }: NodeProps<LooseCanvasNode>) {
  return (
    <div className="flujo-node flujo-loose-node">
      <Handle type="target" position={Position.Left} />
      <div className="flujo-node-header">
        <KindIcon kind={data.kind} />
        <span className="flujo-node-name">{data.name}</span>
        <span className="flujo-badge flujo-badge-warning" title="Loose step">
          !
        </span>
      </div>
      <div className="flujo-node-summary">
        Not in the pipeline: connect it or drop it on an edge.
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const LooseNodeView = memo(LooseNodeComponent);
