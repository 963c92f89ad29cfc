"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ApplyRunSnapshot } from "@/lib/contracts/apply-run";
import { ApplyRunProgress } from "./apply-run-progress";
import { useApplyRunStream } from "./use-apply-run-stream";

/** A run that was running when the page loaded (someone else's apply): followed live, then the page reloads its data. */
export function ApplyRunLive({ changeRequestId, initial }: { changeRequestId: string; initial: ApplyRunSnapshot }) {
  const router = useRouter();
  const { snapshot, ended } = useApplyRunStream(`/api/change-requests/${encodeURIComponent(changeRequestId)}/apply-runs/stream?run=${encodeURIComponent(initial.id)}`);
  useEffect(() => {
    if (ended) router.refresh();
  }, [ended, router]);
  return <ApplyRunProgress snapshot={snapshot ?? initial} />;
}
