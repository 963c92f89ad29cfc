"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveDraftAction } from "@/app/pools/actions";
import { DRAFT_CONFLICT } from "@/lib/contracts/action-result";

export type SaveState =
  | { kind: "saved"; at?: Date }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string; fieldErrors: Record<string, string[]> };

/** How long typing must pause before an autosave. */
export const AUTOSAVE_DELAY_MS = 1200;

/**
 * Keeps a draft document and saves it after a pause, carrying the version it edited. A refused save
 * (someone else saved) stops autosaving until the person reloads: their edits are never overwritten
 * and never silently dropped.
 */
export function useDraftAutosave(poolId: string, initial: { version: number; document: Record<string, unknown> }) {
  const [document, setDocument] = useState(initial.document);
  const [version, setVersion] = useState(initial.version);
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const latest = useRef({ document, version, dirty: false, saving: false, blocked: false });

  const save = useCallback(async () => {
    const ref = latest.current;
    if (ref.saving || ref.blocked || !ref.dirty) return;
    ref.saving = true;
    ref.dirty = false;
    const sent = ref.document;
    setState({ kind: "saving" });
    const result = await saveDraftAction({ poolId, version: ref.version, document: sent });
    ref.saving = false;
    if (result.ok) {
      ref.version = result.data.version;
      setVersion(result.data.version);
      if (ref.dirty) {
        setState({ kind: "unsaved" });
        void save();
      } else setState({ kind: "saved", at: new Date(result.data.savedAt) });
      return;
    }
    ref.dirty = true;
    const message = result.formError ?? Object.values(result.fieldErrors).flat().join(" ");
    if (result.code === DRAFT_CONFLICT) {
      ref.blocked = true;
      setState({ kind: "conflict", message });
    } else setState({ kind: "error", message, fieldErrors: result.fieldErrors });
  }, [poolId]);

  const update = useCallback((next: Record<string, unknown>) => {
    latest.current.document = next;
    latest.current.dirty = true;
    setDocument(next);
    if (!latest.current.blocked) setState((s) => (s.kind === "error" || s.kind === "saving" ? s : { kind: "unsaved" }));
  }, []);

  useEffect(() => {
    if (!latest.current.dirty || latest.current.blocked) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [document, save]);

  const dirty = state.kind !== "saved";
  // Leaving with unsaved changes asks first: full page loads (beforeunload) and in-app links.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("target") === "_blank" || link.hasAttribute("download")) return;
      if (!window.confirm("You have unsaved changes. Leave this page and lose them?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  const saveNow = useCallback(() => {
    latest.current.dirty = latest.current.dirty || state.kind === "error";
    return save();
  }, [save, state.kind]);

  return { document, version, state, update, saveNow };
}
