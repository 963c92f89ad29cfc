"use client";
/**
 * The draft's errors and warnings in the editor's words. On a wide screen it sticks to the bottom of the window
 * so the count stays in view while the page scrolls; each problem links to its section of the editor.
 * A long list shows its first few problems (errors first) until the user asks for all of them: a pool with a dozen
 * warnings otherwise covered the bottom 40% of a laptop screen on every section.
 */
import { useState } from "react";
import { labelForPath, namesFromDocument } from "@/components/pool-editor/field-labels";
import { sectionOf } from "@/components/pool-editor/field-errors";
import { toFieldName, type Diagnostic } from "@/lib/cognito/spec/diagnostics";

export interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[];
  document: unknown;
  /** Opens a section of the editor (and puts it in the URL). */
  onShowSection(section: string): void;
}

/** How many problems the panel lists before "Show all": enough for the errors of one field and a warning or two. */
export const PROBLEMS_SHOWN_FIRST = 3;

function countText(errors: number, warnings: number): string {
  const parts = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? "error" : "errors"}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
  return parts.join(", ");
}

export function ProblemsPanel({ diagnostics, document, onShowSection }: ProblemsPanelProps) {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity !== "error");
  const names = namesFromDocument(document);
  const ordered = [...errors, ...warnings];
  const [showAll, setShowAll] = useState(false);
  const collapsible = ordered.length > PROBLEMS_SHOWN_FIRST;
  const listed = collapsible && !showAll ? ordered.slice(0, PROBLEMS_SHOWN_FIRST) : ordered;
  return (
    <section
      aria-labelledby="problems-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:sticky lg:bottom-2 lg:z-10 lg:max-h-[40vh] lg:overflow-y-auto"
      data-testid="problems-panel"
      tabIndex={ordered.length > 0 ? 0 : undefined}
    >
      <h2 id="problems-heading" className="font-semibold">
        Problems{ordered.length > 0 && <span className="ml-2 text-sm font-normal text-slate-700">{countText(errors.length, warnings.length)}</span>}
      </h2>
      {/* The one place that says whether the draft is valid (the editor above does not repeat it). */}
      <p className={errors.length === 0 ? "mt-1 text-sm text-green-800" : "mt-1 text-sm text-slate-700"} aria-live="polite" data-testid="draft-validity">
        {errors.length > 0
          ? "The draft keeps what you typed, but only a valid draft can be saved as a revision and applied: fix the errors below."
          : warnings.length > 0
            ? "The draft is valid. The warnings below are advice."
            : "The draft is valid. No warnings."}
      </p>
      {ordered.length > 0 && (
        <ul id="problems-list" className="mt-2 space-y-1.5 text-sm" data-testid="problems">
          {listed.map((d, i) => {
            const { label } = labelForPath(d.path, names);
            const error = d.severity === "error";
            return (
              <li key={i} className={error ? "text-red-800 wrap-anywhere" : "text-amber-900 wrap-anywhere"}>
                <span className="font-medium">{error ? "Error" : "Warning"}: </span>
                <a
                  href={`?section=${sectionOf(toFieldName(d.path))}`}
                  className="font-medium underline underline-offset-2"
                  onClick={(event) => {
                    event.preventDefault();
                    onShowSection(sectionOf(toFieldName(d.path)));
                    window.scrollTo({ top: 0 });
                  }}
                >
                  {label}
                </a>{" "}
                <code className="font-mono text-xs text-slate-600 wrap-anywhere" title="Path in the document and the API">
                  {d.path || "document"}
                </code>
                : {d.message}
              </li>
            );
          })}
        </ul>
      )}
      {collapsible && (
        <button
          type="button"
          className="mt-2 text-sm font-medium text-slate-800 underline underline-offset-2"
          aria-controls="problems-list"
          aria-expanded={showAll}
          onClick={() => setShowAll((shown) => !shown)}
        >
          {showAll ? `Show the first ${PROBLEMS_SHOWN_FIRST}` : `Show all ${ordered.length} problems`}
        </button>
      )}
    </section>
  );
}
