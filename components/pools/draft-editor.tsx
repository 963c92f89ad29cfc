"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useCallback, useMemo, useState } from "react";
import { saveRevisionAction } from "@/app/pools/actions";
import { Button, Card, Field, Input } from "@/components/ui";
import { lazyComponent } from "@/components/ui/lazy-component";
import type { PoolDocumentCheck } from "@/components/pool-editor/analysis-view";
import { PoolEditor, type PoolEditorState } from "@/components/pool-editor/pool-editor";
import { type PoolDocument } from "@/lib/cognito/spec/document-schema";
import { type Diagnostic, hasErrors } from "@/lib/cognito/spec/diagnostics";
import type { Policy, PolicyTarget } from "@/lib/cognito/policies/types";
import { toDraftServerErrors } from "./draft-server-errors";
import { type SaveState, useDraftAutosave } from "./use-draft-autosave";
import { usePolicyCheck } from "./use-policy-check";

// The problems' list (with every field's label, for any section) loads in its own chunk, out of the first load.
const problemsPanel = lazyComponent(() => import("./problems-panel").then((m) => m.ProblemsPanel));

export interface DraftEditorProps {
  poolId: string;
  version: number;
  document: Record<string, unknown>;
  /** The stored document's problems (`checkPoolDocument`, on the server). */
  checked: PoolDocumentCheck;
  canEdit: boolean;
  /** The workspace's policies and the pool's targets: violations show at their fields like findings. */
  policies?: Policy[];
  targets?: PolicyTarget[];
}

function stateText(state: SaveState): string {
  switch (state.kind) {
    case "saved":
      return state.at ? `All changes saved at ${state.at.toLocaleTimeString()}` : "All changes saved";
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "conflict":
      return "Not saved: someone else saved first";
    case "error":
      return "Not saved";
  }
}

/** The pool editor page's client part: the document, its problems, autosave and "Save as revision". */
const NO_POLICIES: Policy[] = [];
const NO_TARGETS: PolicyTarget[] = [];

export function DraftEditor({ poolId, version: initialVersion, document: initialDocument, checked, canEdit, policies = NO_POLICIES, targets = NO_TARGETS }: DraftEditorProps) {
  const { document, version, state, update, saveNow } = useDraftAutosave(poolId, { version: initialVersion, document: initialDocument });
  const checkPolicies = usePolicyCheck(policies, targets);
  // The stored draft's problems (checked on the server, policies included); after each change, the editor's own
  // (it has just checked the document: checking it here again would double the work after every pause in typing).
  const [problems, setProblems] = useState<readonly Diagnostic[]>(() => [...checked.validation, ...checked.findings]);
  // The open section lives in the URL (`?section=`), so a reload or a shared link opens the same one. The
  // History API keeps it a client-side change: a navigation would remount the editor.
  const section = useSearchParams().get("section") ?? "general";
  const showSection = useCallback((id: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set("section", id);
    window.history.pushState(null, "", url);
  }, []);
  const [message, setMessage] = useState("");
  const [revisionResult, setRevisionResult] = useState<{ ok: boolean; text: string }>();
  // The editor reads the document once (on mount) and reports each change; a reload remounts the whole page.
  const [editorDocument] = useState(() => initialDocument as unknown as PoolDocument);
  const onEditorChange = useCallback(
    (next: PoolDocument, result: PoolEditorState) => {
      setProblems(result.diagnostics);
      update(next as unknown as Record<string, unknown>);
    },
    [update],
  );
  const serverErrors = useMemo(() => (state.kind === "error" ? toDraftServerErrors(state.fieldErrors) : undefined), [state]);

  async function saveRevision(event: React.FormEvent) {
    event.preventDefault();
    const result = await saveRevisionAction({ poolId, version, message });
    if (result.ok) {
      setMessage("");
      setRevisionResult({ ok: true, text: `Saved as revision ${result.data.number}.` });
    } else setRevisionResult({ ok: false, text: result.formError ?? Object.values(result.fieldErrors).flat().join(" ") });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" aria-live="polite" data-testid="save-state" data-state={state.kind} className={state.kind === "saved" ? "text-sm text-green-800" : "text-sm text-amber-900"}>
          {stateText(state)} <span className="text-slate-600">(version {version})</span>
        </p>
        {canEdit && (state.kind === "unsaved" || state.kind === "error") && (
          <Button variant="secondary" onClick={() => void saveNow()}>
            Save now
          </Button>
        )}
      </div>
      {!canEdit && <p className="text-sm text-slate-700">You are a viewer: the editor is read-only.</p>}
      {state.kind === "conflict" && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{state.message}</p>
          <Button variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
            Reload the draft
          </Button>
        </div>
      )}
      {state.kind === "error" && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          {state.message}
        </p>
      )}
      <PoolEditor
        document={editorDocument}
        checked={checked}
        onChange={onEditorChange}
        serverErrors={serverErrors?.fields}
        readOnly={!canEdit || state.kind === "conflict"}
        section={section}
        onSectionChange={showSection}
        checkPolicies={checkPolicies}
      />
      {/* Below the editor, full width (the editor needs the room); on a wide screen it sticks to the window's bottom. */}
      <Suspense fallback={null}>
        <problemsPanel.Component diagnostics={problems} document={document} onShowSection={showSection} />
      </Suspense>
      <div className="grid gap-4 md:grid-cols-2">
        <aside className="contents" aria-label="Draft status">
          {canEdit && (
            <Card>
              <h2 className="font-semibold">Save as revision</h2>
              <form onSubmit={saveRevision} className="mt-2 space-y-2">
                <Field id="revision-message" label="Message" help="What changed and why.">
                  {(aria) => <Input {...aria} value={message} onChange={(e) => setMessage(e.target.value)} />}
                </Field>
                <Button type="submit" disabled={state.kind !== "saved" || hasErrors(problems)}>
                  Save as revision
                </Button>
                {hasErrors(problems) && <p className="text-xs text-slate-700">Fix the problems first: an invalid draft cannot become a revision.</p>}
                {revisionResult && (
                  <p role={revisionResult.ok ? "status" : "alert"} className={revisionResult.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
                    {revisionResult.text}
                  </p>
                )}
              </form>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
