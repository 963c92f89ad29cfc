"use client";
import { useRouter } from "next/navigation";
import { checkDriftAction } from "@/app/pools/review-actions";
import { ActionButton } from "./action-button";

/** Reads the live pool and records what differs (the server checks the session, role and workspace); the page then shows it. */
export function CheckDriftButton({ targetId, again }: { targetId: string; again: boolean }) {
  const router = useRouter();
  return <ActionButton label={again ? "Check for drift again" : "Check for drift"} pendingLabel="Reading the live pool…" run={() => checkDriftAction({ targetId })} onDone={() => router.refresh()} />;
}
