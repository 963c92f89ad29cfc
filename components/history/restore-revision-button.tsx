"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreRevisionAction } from "@/app/pools/history-actions";
import { Button } from "@/components/ui";

/**
 * "Restore into the draft": asks once (the draft's unsaved work is replaced), then puts the revision back into
 * the draft and opens the editor.
 */
export function RestoreRevisionButton({ poolId, number, draftVersion }: { poolId: string; number: number; draftVersion: number }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (!asking) {
    return (
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setAsking(true)}>
        Restore #{number} into the draft
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs">
      <span>The draft (version {draftVersion}) becomes revision #{number}.</span>
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreRevisionAction({ poolId, number, version: draftVersion });
            if (result.ok) router.push(`/pools/${poolId}`);
            else setError(result.formError ?? Object.values(result.fieldErrors).flat().join(" "));
          })
        }
      >
        {pending ? "Restoring…" : "Restore"}
      </Button>
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setAsking(false)}>
        Cancel
      </Button>
      {error && (
        <span role="alert" className="basis-full text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
