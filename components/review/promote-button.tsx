"use client";
import { useRouter } from "next/navigation";
import { promoteAction } from "@/app/pools/review-actions";
import { ActionButton } from "./action-button";

/** Opens a change request with the same revision for the next target (the server checks role and status). */
export function PromoteButton({ changeRequestId, poolId, targetName }: { changeRequestId: string; poolId: string; targetName: string }) {
  const router = useRouter();
  return (
    <ActionButton
      label={`Promote to ${targetName}`}
      pendingLabel="Promoting…"
      run={() => promoteAction({ changeRequestId })}
      onDone={(data) => router.push(`/pools/${poolId}/changes/${data.id}`)}
    />
  );
}
