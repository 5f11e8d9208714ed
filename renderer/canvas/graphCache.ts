import type { CanvasEdge, CanvasNode } from './graphTypes';

interface Cached<T> {
  readonly key: string;
  readonly value: T;
}

/**
 * Memo of derived React Flow objects between derivations. Step nodes are keyed by the model
 * object's identity (immutable edits replace only the edited step and its ancestors), labels and
 * edges by id; each also stores a key of every other input, so an unchanged step keeps its node
 * object (`===`) and React Flow skips it.
 */
export interface GraphCache {
  readonly byObject: WeakMap<object, Cached<CanvasNode>>;
  byId: Map<string, Cached<CanvasNode>>;
  edges: Map<string, Cached<CanvasEdge>>;
}

/** An empty cache; one per canvas instance. */
export function createGraphCache(): GraphCache {
  return { byObject: new WeakMap(), byId: new Map(), edges: new Map() };
}

/** Collects the cache of the derivation in progress; unused entries are dropped at the end. */
export class GraphMemo {
  private readonly nextById = new Map<string, Cached<CanvasNode>>();
  private readonly nextEdges = new Map<string, Cached<CanvasEdge>>();

  constructor(private readonly cache: GraphCache) {}

  /** The node for model object `owner`: the cached one if `key` matches, else `build()`. */
  nodeFor<N extends CanvasNode>(owner: object, key: string, build: () => N): N {
    const hit = this.cache.byObject.get(owner);
    if (hit?.key === key) return hit.value as N;
    const value = build();
    this.cache.byObject.set(owner, { key, value });
    return value;
  }

  /** A node without a model object (branch labels), memoized by id. */
  nodeById<N extends CanvasNode>(id: string, key: string, build: () => N): N {
    const hit = this.cache.byId.get(id);
    const value = hit?.key === key ? (hit.value as N) : build();
    this.nextById.set(id, { key, value });
    return value;
  }

  /** An edge memoized by id. */
  edge(id: string, key: string, build: () => CanvasEdge): CanvasEdge {
    const hit = this.cache.edges.get(id);
    const value = hit?.key === key ? hit.value : build();
    this.nextEdges.set(id, { key, value });
    return value;
  }

  /** Keeps only the entries this derivation used. */
  commit(): void {
    this.cache.byId = this.nextById;
    this.cache.edges = this.nextEdges;
  }
}
