"use client";
import { useRouter } from "next/navigation";
import { pullLiveIntoDraftAction } from "@/app/pools/review-actions";
import { ActionButton } from "./action-button";

/** Replaces the draft with the live pool (the server keeps the draft's name and checks the version). */
export function PullLiveButton({ targetId, draftVersion, poolId }: { targetId: string; draftVersion: number; poolId: string }) {
  const router = useRouter();
  return <ActionButton label="Pull the live pool into the draft" run={() => pullLiveIntoDraftAction({ targetId, draftVersion })} onDone={() => router.push(`/pools/${poolId}`)} />;
}
