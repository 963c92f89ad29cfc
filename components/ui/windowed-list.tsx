"use client";
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from "react";
import { cn } from "./cn";

/** Lists up to this long render every row: windowing only pays off (and only hides rows from find-in-page) beyond it. */
export const WINDOW_THRESHOLD = 40;
/** Rows rendered above and below the visible ones, so a fast scroll rarely shows an empty gap. */
const OVERSCAN = 8;

// useLayoutEffect warns when rendered on the server; the first render there is the top of the list anyway.
const useIsoLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** The rows of a list of `count` rows of `rowHeight` px to render, for a viewport scrolled by `scrollTop`. */
export function visibleRange(count: number, rowHeight: number, scrollTop: number, viewportHeight: number): { start: number; end: number } {
  if (count <= WINDOW_THRESHOLD) return { start: 0, end: count };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(count, first + Math.ceil(viewportHeight / rowHeight) + OVERSCAN);
  return { start, end };
}

/**
 * A scrolling list that renders only the rows in view (plus a few), each exactly `rowHeight` px high, so a pool
 * of hundreds of clients opens as fast as one of ten. Rows outside the window are replaced by padding of their
 * height, so the scrollbar stays true; each rendered item states its position (`aria-posinset`/`aria-setsize`).
 * `focusIndex` is kept in view (the selected row after adding or choosing one).
 */
export function WindowedList({ count, rowHeight, renderRow, rowKey = String, focusIndex, className, label }: { count: number; rowHeight: number; renderRow: (index: number) => ReactNode; rowKey?: (index: number) => string; focusIndex?: number; className?: string; label: string }) {
  const viewport = useRef<HTMLElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });

  useIsoLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setScroll({ top: el.scrollTop, height: el.clientHeight || 600 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useIsoLayoutEffect(() => {
    const el = viewport.current;
    if (!el || focusIndex === undefined || focusIndex < 0) return;
    const top = focusIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [focusIndex, rowHeight]);

  const { start, end } = visibleRange(count, rowHeight, scroll.top, scroll.height);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++)
    rows.push(
      <li key={rowKey(i)} aria-posinset={i + 1} aria-setsize={count} style={{ height: rowHeight }}>
        {renderRow(i)}
      </li>,
    );
  return (
    <nav ref={viewport} aria-label={label} className={cn("overflow-auto", className)} onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight || 600 })}>
      <ul style={{ paddingTop: start * rowHeight, paddingBottom: (count - end) * rowHeight }}>{rows}</ul>
    </nav>
  );
}
