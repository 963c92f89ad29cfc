"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/contracts/action-result";

export interface ActionButtonProps<T> {
  label: string;
  pendingLabel?: string;
  /** Calls the server action (which checks the session and role itself). */
  run: () => Promise<ActionResult<T>>;
  /** What happens after a success, e.g. going to the new page. */
  onDone: (data: T) => void;
}

/** A button that runs one server action and shows its refusal beside it, in the action's own words. */
export function ActionButton<T>({ label, pendingLabel, run, onDone }: ActionButtonProps<T>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const result = await run();
            if (result.ok) onDone(result.data);
            else setError([result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" "));
          })
        }
      >
        {pending && pendingLabel ? pendingLabel : label}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
