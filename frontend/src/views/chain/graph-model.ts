// The chain as a graph the views draw: nodes with what each shows and
// what its details list, and edges from the higher node to the lower.
// Builders add the same object (same ID) once, however many paths reach
// it, so that an objective two goals share is drawn once.

/** What a node stands for; it picks the node's colour and shape. */
export type NodeKind = 'objective' | 'keyResult' | 'requirement' | 'goal' | 'action' | 'checkIn';

/** The colour of a badge, after the theme's variables. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

/** A short status on a node, such as "Done" or "Overdue". */
export interface Badge {
  label: string;
  tone: Tone;
}

/** One line of a node's details: a label and its value. */
export interface DetailField {
  label: string;
  value: string;
}

/** A link from a node's details to another view. */
export interface DetailLink {
  label: string;
  href: string;
}

export interface ChainNode {
  id: string;
  kind: NodeKind;
  /** What kind of thing it is, in words: "Company objective", "Action · Exposure". */
  kindLabel: string;
  title: string;
  /** A second line, such as whose goal it is. */
  subtitle?: string;
  /** 0..1, drawn as a bar with its percentage. */
  progress?: number;
  /** What the bar measures, such as "actions done". */
  progressLabel?: string;
  badges: Badge[];
  fields: DetailField[];
  links: DetailLink[];
  /** Drawn stronger: the node the view is about. */
  focus?: boolean;
  /** Drawn as a gap: a capability nobody is building. */
  gap?: boolean;
}

/**
 * From the node above to the node below. A list edge joins two items of
 * one list, such as a goal's actions, which are drawn as a column under
 * their parent rather than side by side.
 */
export interface ChainEdge {
  from: string;
  to: string;
  list?: boolean;
}

export interface ChainGraphModel {
  nodes: ChainNode[];
  edges: ChainEdge[];
}

/** Collects nodes and edges, each once. */
export class GraphBuilder {
  private nodes = new Map<string, ChainNode>();
  private edges = new Map<string, ChainEdge>();

  /** Adds the node unless one with its ID is there; answers the one kept. */
  add(node: ChainNode): ChainNode {
    const known = this.nodes.get(node.id);
    if (known) return known;
    this.nodes.set(node.id, node);
    return node;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  get(id: string): ChainNode | undefined {
    return this.nodes.get(id);
  }

  /** Links two nodes once; a link of a node to itself is dropped. */
  link(from: string, to: string, list = false): void {
    const key = `${from}\n${to}`;
    if (from === to || this.edges.has(key)) return;
    this.edges.set(key, list ? { from, to, list } : { from, to });
  }

  /**
   * Adds the nodes as a list under a parent: the parent links to the first,
   * and each links to the next by a list edge.
   */
  list(parentId: string, items: readonly ChainNode[]): void {
    let above = parentId;
    for (const item of items) {
      const kept = this.add(item);
      this.link(above, kept.id, above !== parentId);
      above = kept.id;
    }
  }

  build(): ChainGraphModel {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** A share as a whole percentage, such as 72%. */
export function percent(share: number): string {
  return `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
}
