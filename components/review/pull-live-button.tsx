"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { pullLiveIntoDraftAction } from "@/app/pools/review-actions";
import { Button } from "@/components/ui";

/** Replaces the draft with the live pool (the server keeps the draft's name and checks the version). */
export function PullLiveButton({ targetId, draftVersion, poolId }: { targetId: string; draftVersion: number; poolId: string }) {
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
            const result = await pullLiveIntoDraftAction({ targetId, draftVersion });
            if (result.ok) router.push(`/pools/${poolId}`);
            else setError([result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" "));
          })
        }
      >
        Pull the live pool into the draft
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
