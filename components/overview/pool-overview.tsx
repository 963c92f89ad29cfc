/**
 * The pool overview picture: plain SVG drawn from `layoutOverview(doc)`. A server component (no interaction);
 * every node and edge carries a <title> (tooltip), and a text description below the picture says the same for
 * screen readers and keyboard users.
 */
import { useId } from "react";
import type { PoolDocument } from "@/lib/cognito/spec";
import { cn } from "@/components/ui";
import { type OverviewEdge, type OverviewLayout, type OverviewNode, layoutOverview } from "./layout";
import { ZoomPan } from "./zoom-pan";

const NODE_STYLE: Record<OverviewNode["kind"], { fill: string; stroke: string; text: string }> = {
  pool: { fill: "#f8fafc", stroke: "#94a3b8", text: "#0f172a" },
  domain: { fill: "#ecfdf5", stroke: "#059669", text: "#064e3b" },
  resourceServer: { fill: "#eef2ff", stroke: "#4f46e5", text: "#1e1b4b" },
  oidcScopes: { fill: "#f1f5f9", stroke: "#64748b", text: "#0f172a" },
  identityProvider: { fill: "#f0f9ff", stroke: "#0284c7", text: "#0c4a6e" },
  client: { fill: "#ffffff", stroke: "#334155", text: "#0f172a" },
  callbackHost: { fill: "#fff7ed", stroke: "#c2410c", text: "#431407" },
};

const EDGE_STYLE: Record<OverviewEdge["kind"], { stroke: string; dash?: string }> = {
  scopes: { stroke: "#6366f1" },
  provider: { stroke: "#0284c7", dash: "2 3" },
  callback: { stroke: "#ea580c" },
  logout: { stroke: "#ea580c", dash: "4 3" },
  "callback+logout": { stroke: "#ea580c" },
  domain: { stroke: "#059669", dash: "6 3" },
};

const WARN = "#b91c1c";

function edgePath(e: OverviewEdge): string {
  const dx = Math.max(30, (e.x2 - e.x1) / 2);
  return `M ${e.x1} ${e.y1} C ${e.x1 + dx} ${e.y1}, ${e.x2 - dx} ${e.y2}, ${e.x2} ${e.y2}`;
}

function Node({ node }: { node: OverviewNode }) {
  const style = NODE_STYLE[node.kind];
  return (
    <g data-kind={node.kind} data-node-id={node.id}>
      <title>{node.title}</title>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={node.container ? 12 : 6}
        fill={style.fill}
        stroke={node.warn ? WARN : style.stroke}
        strokeWidth={node.warn ? 2 : 1}
        strokeDasharray={node.container ? "0" : undefined}
      />
      <text x={node.x + 10} y={node.y + 20} fill={style.text} fontSize={node.container ? 15 : 13} fontWeight={600}>
        {node.label}
      </text>
      {node.lines.map((line, i) => (
        <text key={i} x={node.x + 10} y={node.y + 20 + 16 * (i + 1)} fill={node.warn && line.startsWith("unknown") ? WARN : style.text} fontSize={12}>
          {line}
        </text>
      ))}
    </g>
  );
}

function Edge({ edge }: { edge: OverviewEdge }) {
  const style = EDGE_STYLE[edge.kind];
  return (
    <g data-edge-kind={edge.kind}>
      <title>{edge.title}</title>
      <path d={edgePath(edge)} fill="none" stroke={style.stroke} strokeWidth={1.5} strokeDasharray={style.dash} markerEnd="url(#overview-arrow)" />
      {edge.label && (
        <text x={edge.x2 - 6} y={edge.y2 - 4} textAnchor="end" fontSize={11} fill="#3730a3">
          {edge.label}
        </text>
      )}
    </g>
  );
}

export interface PoolOverviewProps {
  document: PoolDocument;
  /** A layout computed elsewhere (e.g. cached); computed from `document` when absent. */
  layout?: OverviewLayout;
  className?: string;
}

/** The overview picture of a pool, with a text description; zoom and pan instead of shrinking the text. */
export function PoolOverview({ document, layout: given, className }: PoolOverviewProps) {
  const layout = given ?? layoutOverview(document);
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const pool = layout.nodes.find((n) => n.kind === "pool");
  const clients = layout.nodes.filter((n) => n.kind === "client").length;
  const leaves = layout.nodes.filter((n) => !n.container);
  return (
    <figure className={cn("space-y-3", className)}>
      {/* Drawn at its own size (legible labels) in a zoomable box that pans by dragging, scrolling or the keyboard. */}
      <ZoomPan width={layout.width} height={layout.height} label="Pool overview picture (drag or scroll to move around)">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          className="block h-full w-full"
          fontFamily="ui-sans-serif, system-ui, sans-serif"
        >
          <title id={titleId}>{`Overview of ${pool?.label ?? "the user pool"}`}</title>
          <desc id={descId}>{`${pool?.title ?? ""}. ${layout.edges.filter((e) => e.kind === "scopes").length} scope links, ${
            layout.edges.filter((e) => e.kind === "provider").length
          } sign-in provider links and ${
            layout.edges.filter((e) => e.kind !== "scopes" && e.kind !== "provider" && e.kind !== "domain").length
          } redirect links between ${clients} clients and their hosts. A text description follows the picture.`}</desc>
          <defs>
            <marker id="overview-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#64748b" />
            </marker>
          </defs>
          {pool && <Node node={pool} />}
          {layout.headings.map((h) => (
            <text key={h.text} x={h.x} y={h.y} fontSize={12} fontWeight={600} fill="#475569" letterSpacing="0.05em">
              {h.text.toUpperCase()}
            </text>
          ))}
          {layout.edges.map((e) => (
            <Edge key={e.id} edge={e} />
          ))}
          {leaves.map((n) => (
            <Node key={n.id} node={n} />
          ))}
        </svg>
      </ZoomPan>
      <figcaption className="text-sm text-slate-700">
        <details>
          <summary className="cursor-pointer font-medium">Text description of the picture</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {leaves.map((n) => {
              const links = layout.edges.filter((e) => e.from === n.id || e.to === n.id);
              return (
                <li key={n.id}>
                  {n.title}
                  {n.kind === "client" && links.length > 0 && (
                    <ul className="list-[circle] pl-5">
                      {links.map((e) => (
                        <li key={e.id}>{e.title}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
