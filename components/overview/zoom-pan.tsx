"use client";
import { type ReactNode, useRef, useState } from "react";
import { Button } from "@/components/ui";

/** Zoom steps; 1 draws the picture at its own size (12 px labels), so text is never shrunk below legible by default. */
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The next zoom step up or down from `zoom`. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > zoom + 1e-9) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - 1e-9) ?? ZOOM_STEPS[0];
}

/**
 * A picture of `width` × `height` in a scroll box with zoom buttons; drag (or scroll, or the arrow keys once
 * focused) to pan. Starts at full size rather than squeezed to the box's width.
 */
export function ZoomPan({ width, height, label, children }: { width: number; height: number; label: string; children: ReactNode }) {
  const [zoom, setZoom] = useState(1);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | undefined>(undefined);
  const fit = () => {
    const available = box.current?.clientWidth ?? width;
    setZoom(Math.min(1, available / width));
  };
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Zoom">
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setZoom((z) => stepZoom(z, -1))} aria-label="Zoom out">
          −
        </Button>
        <span className="min-w-12 text-center text-xs text-slate-700" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setZoom((z) => stepZoom(z, 1))} aria-label="Zoom in">
          +
        </Button>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={fit}>
          Fit to width
        </Button>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setZoom(1)}>
          Actual size
        </Button>
        <span className="text-xs text-slate-600">Drag the picture to move around.</span>
      </div>
      <div
        ref={box}
        tabIndex={0}
        role="group"
        aria-label={label}
        className="max-h-[70vh] cursor-grab overflow-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing"
        onPointerDown={(e) => {
          if (e.button !== 0 || !box.current) return;
          drag.current = { x: e.clientX, y: e.clientY, left: box.current.scrollLeft, top: box.current.scrollTop };
        }}
        onPointerMove={(e) => {
          if (!drag.current || !box.current) return;
          box.current.scrollLeft = drag.current.left - (e.clientX - drag.current.x);
          box.current.scrollTop = drag.current.top - (e.clientY - drag.current.y);
        }}
        onPointerUp={() => (drag.current = undefined)}
        onPointerLeave={() => (drag.current = undefined)}
      >
        <div style={{ width: width * zoom, height: height * zoom }}>{children}</div>
      </div>
    </div>
  );
}
