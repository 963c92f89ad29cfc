import type { ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

/** Ids a field's control must reference: pass `describedBy` to the control's aria-describedby. */
export function fieldIds(id: string, opts: { help?: boolean; error?: boolean; warning?: boolean }) {
  const describedBy = [opts.help && `${id}-help`, opts.error && `${id}-error`, opts.warning && `${id}-warning`].filter(Boolean).join(" ");
  return { helpId: `${id}-help`, errorId: `${id}-error`, warningId: `${id}-warning`, describedBy: describedBy || undefined };
}

export interface FieldProps {
  /** The control's id; the label points at it and help/error ids derive from it. */
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string | string[];
  warning?: string | string[];
  className?: string;
  /** Render the control; receive the aria props to spread onto it. */
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Label + control + one-line help + error (role="alert"-free, tied with aria-describedby). */
export function Field({ id, label, help, error, warning, className, children }: FieldProps) {
  const errors = asList(error);
  const warnings = asList(warning);
  const ids = fieldIds(id, { help: help !== undefined, error: errors.length > 0, warning: warnings.length > 0 });
  return (
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": ids.describedBy, "aria-invalid": errors.length > 0 || undefined })}
      <FieldNotes ids={ids} help={help} errors={errors} warnings={warnings} />
    </div>
  );
}

/**
 * One line per message: two warnings on one field (two example-domain scopes, say) ran together as one paragraph.
 * The space between lines keeps the paragraph's text readable when it is read out or copied as one string.
 */
function Messages({ messages }: { messages: string[] }) {
  return messages.map((message, i) => (
    <span key={i} className="block">
      {i > 0 && " "}
      {message}
    </span>
  ));
}

/** A field's help, errors and warnings, under the ids its control (or fieldset) is described by. */
export function FieldNotes({ ids, help, errors, warnings }: { ids: ReturnType<typeof fieldIds>; help?: ReactNode; errors: string[]; warnings: string[] }) {
  return (
    <>
      {help !== undefined && help !== null && help !== "" && (
        <p id={ids.helpId} className="text-xs text-slate-600">
          {help}
        </p>
      )}
      {errors.length > 0 && (
        <p id={ids.errorId} className="space-y-1 text-xs font-medium text-red-700">
          <Messages messages={errors} />
        </p>
      )}
      {warnings.length > 0 && (
        <p id={ids.warningId} className="space-y-1 text-xs text-amber-800">
          <Messages messages={warnings} />
        </p>
      )}
    </>
  );
}
