"use client";
import { useEffect, useState } from "react";
import type { ApplyRunSnapshot } from "@/lib/contracts/apply-run";

/**
 * Follows an apply run through its Server-Sent Events stream (app/api/change-requests/[crId]/apply-runs/stream):
 * the latest snapshot, and whether the stream ended (the run finished, none started, or it failed).
 * `url` null: not following anything. The stream is closed on `end`, so EventSource does not reconnect.
 */
export function useApplyRunStream(url: string | null): { snapshot?: ApplyRunSnapshot; ended: boolean } {
  const [state, setState] = useState<{ url: string | null; snapshot?: ApplyRunSnapshot; ended: boolean }>({ url, ended: false });
  // A new url starts afresh (derived during render rather than in the effect).
  if (state.url !== url) setState({ url, ended: false });

  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    const stop = () => {
      source.close();
      setState((s) => (s.url === url ? { ...s, ended: true } : s));
    };
    source.addEventListener("run", (event) => {
      const snapshot = JSON.parse((event as MessageEvent<string>).data) as ApplyRunSnapshot;
      setState((s) => (s.url === url ? { ...s, snapshot } : s));
    });
    source.addEventListener("end", stop);
    source.addEventListener("none", stop);
    // A network error, or the server's own `error` event: stop rather than reconnect in a loop.
    source.addEventListener("error", stop);
    return () => source.close();
  }, [url]);

  return { snapshot: state.url === url ? state.snapshot : undefined, ended: state.url === url && state.ended };
}
