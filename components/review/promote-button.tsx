"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { promoteAction } from "@/app/pools/review-actions";
import { Button } from "@/components/ui";

/** Opens a change request with the same revision for the next target (the server checks role and status). */
export function PromoteButton({ changeRequestId, poolId, targetName }: { changeRequestId: string; poolId: string; targetName: string }) {
  const router = useRouter();
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
            const result = await promoteAction({ changeRequestId });
            if (result.ok) router.push(`/pools/${poolId}/changes/${result.data.id}`);
            else setError([result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" "));
          })
        }
      >
        {pending ? "Promoting…" : `Promote to ${targetName}`}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
