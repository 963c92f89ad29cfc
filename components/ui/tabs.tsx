"use client";
/**
 * Tabs after the WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/), with the behaviour of
 * Radix Tabs that the studio used before (its ~12 kB of JavaScript was most of a page's Radix): a press
 * (mousedown) or Enter/Space selects a tab; the arrow keys of the list's orientation, Home/End and
 * PageUp/PageDown move the focus, looping, and the focused tab is selected (automatic activation); only the
 * selected tab is in the Tab order. Ids and data attributes are Radix's, so styles and tests read the same.
 */
import { type ComponentProps, type KeyboardEvent, type MouseEvent, createContext, useContext, useId, useRef, useState } from "react";
import { cn } from "./cn";

type Orientation = "horizontal" | "vertical";

interface TabsState {
  baseId: string;
  value: string;
  orientation: Orientation;
  select(value: string): void;
}

const TabsContext = createContext<TabsState | null>(null);

function useTabs(): TabsState {
  const state = useContext(TabsContext);
  if (!state) throw new Error("TabsList, TabsTrigger and TabsContent belong inside Tabs.");
  return state;
}

const triggerId = (baseId: string, value: string) => `${baseId}-trigger-${value}`;
const contentId = (baseId: string, value: string) => `${baseId}-content-${value}`;

type TabsProps = Omit<ComponentProps<"div">, "defaultValue" | "dir"> & {
  /** The selected tab, when the caller keeps it (then it follows `onValueChange`). */
  value?: string;
  defaultValue?: string;
  onValueChange?(value: string): void;
  orientation?: Orientation;
};

export function Tabs({ value: shown, defaultValue, onValueChange, orientation = "horizontal", ...props }: TabsProps) {
  const baseId = useId();
  const [own, setOwn] = useState(defaultValue ?? "");
  const value = shown ?? own;
  // A press both focuses and selects the tab: one change, reported once (before the next render too).
  const latest = useRef(value);
  latest.current = value;
  const select = (next: string) => {
    if (next === latest.current) return;
    latest.current = next;
    if (shown === undefined) setOwn(next);
    onValueChange?.(next);
  };
  return (
    <TabsContext.Provider value={{ baseId, value, orientation, select }}>
      <div dir="ltr" data-orientation={orientation} {...props} />
    </TabsContext.Provider>
  );
}

/** The key's move in a list of this orientation (the other axis' arrows do nothing), as Radix's roving focus. */
const MOVES: Record<string, "prev" | "next" | "first" | "last"> = {
  ArrowLeft: "prev",
  ArrowUp: "prev",
  ArrowRight: "next",
  ArrowDown: "next",
  PageUp: "first",
  Home: "first",
  PageDown: "last",
  End: "last",
};

function moveOf(event: KeyboardEvent, orientation: Orientation): (typeof MOVES)[string] | undefined {
  if (orientation === "vertical" && (event.key === "ArrowLeft" || event.key === "ArrowRight")) return undefined;
  if (orientation === "horizontal" && (event.key === "ArrowUp" || event.key === "ArrowDown")) return undefined;
  return MOVES[event.key];
}

/** Focuses the tab the key points at (its focus then selects it). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>, orientation: Orientation): void {
  const from = event.target as HTMLElement;
  if (from.getAttribute("role") !== "tab" || from.closest("[role=tablist]") !== event.currentTarget) return;
  const move = moveOf(event, orientation);
  if (move === undefined || event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return;
  event.preventDefault();
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>("[role=tab]:not([disabled])")].filter((t) => t.closest("[role=tablist]") === event.currentTarget);
  const at = tabs.indexOf(from);
  const next = move === "first" ? tabs[0] : move === "last" ? tabs.at(-1) : tabs[(at + (move === "next" ? 1 : tabs.length - 1)) % tabs.length];
  next?.focus();
}

export function TabsList({ className, onKeyDown, ...props }: ComponentProps<"div">) {
  const { orientation } = useTabs();
  return (
    <div
      role="tablist"
      aria-orientation={orientation}
      data-orientation={orientation}
      className={cn("flex flex-wrap gap-1 border-b border-slate-200", className)}
      style={{ outline: "none" }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (!event.defaultPrevented) moveFocus(event, orientation);
      }}
      {...props}
    />
  );
}

export function TabsTrigger({ className, value, disabled = false, ...props }: Omit<ComponentProps<"button">, "value"> & { value: string }) {
  const { baseId, value: selectedValue, orientation, select } = useTabs();
  const selected = value === selectedValue;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      aria-controls={contentId(baseId, value)}
      data-state={selected ? "active" : "inactive"}
      data-disabled={disabled ? "" : undefined}
      data-orientation={orientation}
      disabled={disabled}
      id={triggerId(baseId, value)}
      tabIndex={selected ? 0 : -1}
      className={cn(
        "rounded-t-md px-3 py-2 text-sm font-medium text-slate-700 data-[state=active]:border-b-2 data-[state=active]:border-indigo-700 data-[state=active]:text-indigo-800",
        "focus-visible:outline-2 focus-visible:outline-indigo-600",
        className,
      )}
      {...props}
      onMouseDown={(event: MouseEvent<HTMLButtonElement>) => {
        props.onMouseDown?.(event);
        if (event.defaultPrevented) return;
        // A press selects (before the click, as Radix); a ctrl-press or another button does not even focus.
        if (!disabled && event.button === 0 && !event.ctrlKey) {
          event.currentTarget.focus();
          select(value);
        } else event.preventDefault();
      }}
      onKeyDown={(event) => {
        props.onKeyDown?.(event);
        if (!event.defaultPrevented && !disabled && event.target === event.currentTarget && (event.key === " " || event.key === "Enter")) select(value);
      }}
      onFocus={(event) => {
        props.onFocus?.(event);
        if (!event.defaultPrevented && !selected && !disabled) select(value);
      }}
    />
  );
}

export function TabsContent({ className, value, children, ...props }: Omit<ComponentProps<"div">, "value"> & { value: string }) {
  const { baseId, value: selectedValue, orientation } = useTabs();
  const selected = value === selectedValue;
  return (
    <div
      data-state={selected ? "active" : "inactive"}
      data-orientation={orientation}
      role="tabpanel"
      aria-labelledby={triggerId(baseId, value)}
      hidden={!selected}
      id={contentId(baseId, value)}
      tabIndex={0}
      className={cn("pt-4 focus-visible:outline-2 focus-visible:outline-indigo-600", className)}
      {...props}
    >
      {selected && children}
    </div>
  );
}
