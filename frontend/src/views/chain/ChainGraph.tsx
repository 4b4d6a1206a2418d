// Draws a chain graph as SVG, from its layout, beside a panel with the
// details of the node last opened. Every node is a button: Tab reaches the
// nodes in reading order, Enter or Space opens one, and Escape or Close in
// the panel goes back to it.
import { type RefObject, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';

import { Progress } from '../../components/badges';
import { type ChainGraphModel, type ChainNode, percent } from './graph-model';
import { type ChainLayout, layoutChain, metrics, type PlacedNode } from './layout';
import './chain.css';

interface ExplorerProps {
  model: ChainGraphModel;
  /** What the drawing shows, for screen readers. */
  label: string;
}

/** The graph and the details panel of its open node. */
export function ChainExplorer({ model, label }: ExplorerProps) {
  const layout = useMemo(() => layoutChain(model), [model]);
  const [openId, setOpenId] = useState<string>();
  const [zoom, setZoom] = useState<Zoom>('fit');
  const canvas = useRef<HTMLDivElement>(null);
  const scale = useScale(canvas, layout.width, zoom);
  const nodeElements = useRef(new Map<string, SVGGElement>());
  const panelId = useId();
  const open = model.nodes.find((n) => n.id === openId);

  const close = () => {
    const back = openId ? nodeElements.current.get(openId) : undefined;
    setOpenId(undefined);
    back?.focus();
  };

  return (
    <div className="chain-explorer">
      <div className="chain-stage">
        <ZoomBar zoom={zoom} scale={scale} onZoom={setZoom} />
        <div className="chain-canvas" ref={canvas}>
          <ChainGraph
            layout={layout}
            label={label}
            scale={scale}
            openId={open?.id}
            panelId={panelId}
            onOpen={setOpenId}
            elements={nodeElements.current}
          />
        </div>
      </div>
      <NodeDetails id={panelId} node={open} onClose={close} />
    </div>
  );
}

/** A fixed scale, or as large as fits the canvas's width. */
type Zoom = number | 'fit';

/** Fitting never shrinks text below this share of its size. */
const smallestFit = 0.6;

/**
 * The scale to draw at: the zoom chosen, or for 'fit' the share of the
 * drawing's width the canvas holds (between smallestFit and 1), kept up
 * to date as the window resizes.
 */
function useScale(canvas: RefObject<HTMLDivElement | null>, width: number, zoom: Zoom): number {
  const [room, setRoom] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setRoom(canvas.current?.clientWidth ?? 0);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [canvas]);
  if (zoom !== 'fit') return zoom;
  if (room <= 0 || width <= 0) return 1;
  return Math.max(smallestFit, Math.min(1, (room - 2) / width));
}

const zoomSteps = [0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5];

function ZoomBar({ zoom, scale, onZoom }: { zoom: Zoom; scale: number; onZoom: (z: Zoom) => void }) {
  const smaller = [...zoomSteps].reverse().find((z) => z < scale - 0.001);
  const larger = zoomSteps.find((z) => z > scale + 0.001);
  return (
    <div className="chain-zoom" role="toolbar" aria-label="Zoom">
      <button
        type="button"
        className="secondary"
        aria-label="Zoom out"
        disabled={!smaller}
        onClick={() => smaller && onZoom(smaller)}
      >
        −
      </button>
      <span className="small" aria-live="polite">
        {Math.round(scale * 100)}%
      </span>
      <button
        type="button"
        className="secondary"
        aria-label="Zoom in"
        disabled={!larger}
        onClick={() => larger && onZoom(larger)}
      >
        +
      </button>
      <button type="button" className="secondary" aria-pressed={zoom === 'fit'} onClick={() => onZoom('fit')}>
        Fit width
      </button>
      <button type="button" className="secondary" aria-pressed={zoom === 1} onClick={() => onZoom(1)}>
        Actual size
      </button>
    </div>
  );
}

interface GraphProps {
  layout: ChainLayout;
  label: string;
  /** How large to draw: 1 is the layout's own size. */
  scale?: number;
  openId?: string;
  panelId: string;
  onOpen: (id: string) => void;
  /** Filled with each node's element, so that focus can return to it. */
  elements: Map<string, SVGGElement>;
}

/** The SVG drawing: edges first, then nodes on top of them. */
export function ChainGraph({ layout, label, scale = 1, openId, panelId, onOpen, elements }: GraphProps) {
  const marker = `chain-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <svg
      className="chain-graph"
      role="group"
      aria-label={label}
      width={Math.round(layout.width * scale)}
      height={Math.round(layout.height * scale)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
    >
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="chain-arrow" />
        </marker>
      </defs>
      <g className="chain-edges" aria-hidden="true">
        {layout.edges.map((e) => (
          <path
            key={`${e.from}>${e.to}`}
            className={e.list ? 'chain-edge-list' : undefined}
            d={e.path}
            markerEnd={e.list ? undefined : `url(#${marker})`}
          />
        ))}
      </g>
      {layout.nodes.map((p) => (
        <NodeView
          key={p.node.id}
          placed={p}
          open={p.node.id === openId}
          panelId={panelId}
          onOpen={onOpen}
          elementRef={(el) => {
            if (el) elements.set(p.node.id, el);
            else elements.delete(p.node.id);
          }}
        />
      ))}
    </svg>
  );
}

interface NodeProps {
  placed: PlacedNode;
  open: boolean;
  panelId: string;
  onOpen: (id: string) => void;
  elementRef: (el: SVGGElement | null) => void;
}

function NodeView({ placed, open, panelId, onOpen, elementRef }: NodeProps) {
  const { node, x, y, width, height, titleLines, badgeLines } = placed;
  const m = metrics;
  const classes = ['chain-node', `kind-${node.kind}`, node.focus && 'focus', node.gap && 'gap', open && 'open'];
  let cursor = m.padding;
  const next = (lineHeight: number) => {
    cursor += lineHeight;
    return cursor - 5;
  };
  return (
    <g
      ref={elementRef}
      className={classes.filter(Boolean).join(' ')}
      transform={`translate(${x},${y})`}
      role="button"
      tabIndex={0}
      aria-label={describe(node)}
      aria-controls={panelId}
      aria-expanded={open}
      data-node-id={node.id}
      onClick={() => onOpen(node.id)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        onOpen(node.id);
      }}
    >
      <title>{node.title}</title>
      <rect className="chain-node-box" width={width} height={height} rx={8} />
      <text className="chain-kind" x={m.padding} y={next(m.kindLine)}>
        {node.kindLabel}
      </text>
      {titleLines.map((line, i) => (
        <text key={i} className="chain-title" x={m.padding} y={next(m.titleLine)}>
          {line}
        </text>
      ))}
      {node.subtitle && (
        <text className="chain-subtitle" x={m.padding} y={next(m.subtitleLine)}>
          {node.subtitle}
        </text>
      )}
      {badgeLines.map((line, i) => (
        <text key={i} className="chain-badges" x={m.padding} y={next(m.badgeLine)}>
          {line.map((b, j) => (
            <tspan key={j} className={`tone-${b.tone}`}>
              {j > 0 ? ' · ' : ''}
              {b.label}
            </tspan>
          ))}
        </text>
      ))}
      {node.progress !== undefined && <ProgressBar share={node.progress} top={cursor} width={width} />}
    </g>
  );
}

/** A bar with its percentage, drawn in SVG at the bottom of a node. */
function ProgressBar({ share, top, width }: { share: number; top: number; width: number }) {
  const m = metrics;
  const track = width - 2 * m.padding - 44;
  const filled = Math.max(0, Math.min(1, share)) * track;
  return (
    <g className="chain-progress" transform={`translate(${m.padding},${top + 6})`}>
      <rect className="chain-progress-track" width={track} height={7} rx={3.5} />
      <rect className="chain-progress-fill" width={filled} height={7} rx={3.5} />
      <text x={track + 8} y={8}>
        {percent(share)}
      </text>
    </g>
  );
}

/** What a screen reader says for a node: kind, title and status. */
export function describe(node: ChainNode): string {
  const parts = [`${node.kindLabel}: ${node.title}`];
  if (node.subtitle) parts.push(node.subtitle);
  if (node.progress !== undefined) parts.push(`${percent(node.progress)} ${node.progressLabel ?? ''}`.trim());
  for (const b of node.badges) parts.push(b.label);
  return parts.join(', ');
}

interface DetailsProps {
  id: string;
  node?: ChainNode;
  onClose: () => void;
}

/** The open node's fields and links; focus moves here when it opens. */
function NodeDetails({ id, node, onClose }: DetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `${id}-title`;
  useEffect(() => {
    if (node) heading.current?.focus();
  }, [node]);

  if (!node) {
    return (
      <aside id={id} className="chain-details" aria-labelledby={headingId}>
        <h2 id={headingId}>Details</h2>
        <p className="muted">Click a node, or Tab to it and press Enter, to see its details here.</p>
      </aside>
    );
  }
  return (
    <aside
      id={id}
      className="chain-details"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <p className="chain-details-kind muted small">{node.kindLabel}</p>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {node.title}
      </h2>
      {node.subtitle && <p>{node.subtitle}</p>}
      {node.badges.length > 0 && (
        <ul className="chain-details-badges">
          {node.badges.map((b) => (
            <li key={b.label} className={`badge tone-${b.tone}`}>
              {b.label}
            </li>
          ))}
        </ul>
      )}
      {node.progress !== undefined && (
        <p>
          <Progress value={node.progress} label={node.progressLabel} /> <span className="muted small">{node.progressLabel}</span>
        </p>
      )}
      <dl className="chain-details-fields">
        {node.fields.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {node.links.length > 0 && (
        <ul className="chain-details-links">
          {node.links.map((l) => (
            <li key={l.href + l.label}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Close details
      </button>
    </aside>
  );
}
