"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyAction, approveAction, closeChangeRequestAction, commentAction, replanAction, requestChangesAction } from "@/app/pools/review-actions";
import type { ActionResult } from "@/lib/contracts/action-result";
import { Button, Field, FormMessage, Input, Select, Textarea } from "@/components/ui";
import { labelForPlanField } from "@/components/pool-editor/field-labels";
import { ApplyRunProgress } from "./apply-run-progress";
import { ApplySteps, type StepRow } from "./apply-steps";
import { useApplyRunStream } from "./use-apply-run-stream";

export interface ChangeRequestActionsProps {
  changeRequestId: string;
  planVersion: number;
  /** What the signed-in person may do (the server checks again). */
  can: { comment: boolean; approve: boolean; requestChanges: boolean; apply: boolean; replan: boolean; close: boolean };
  /** Why apply is not possible yet (missing approvals…), shown beside the disabled button. */
  applyBlocked?: string;
  /** Set when the plan replaces or deletes resources: the name to type. */
  confirmName: string | null;
  /** What the plan destroys, in words, shown with the name to type. */
  destruction?: string | null;
  /** The plan's changed fields (`address path`), which a comment may be about. */
  fields?: string[];
  /** The newest apply run the page shows: the progress stream follows the next one. */
  lastRunId?: string;
}

interface ApplyShown {
  status: string;
  error?: string;
  steps: StepRow[];
  userPoolId?: string;
  newClientSecrets?: Record<string, string>;
}

/** The buttons and forms of a change request; every one calls a server action that checks the role. */
export function ChangeRequestActions({ changeRequestId, planVersion, can, applyBlocked, confirmName, destruction, fields = [], lastRunId }: ChangeRequestActionsProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string }>();
  const [comment, setComment] = useState("");
  const [commentPath, setCommentPath] = useState("");
  const [typedName, setTypedName] = useState("");
  const [applied, setApplied] = useState<ApplyShown>();
  const [applying, setApplying] = useState(false);

  // While an apply runs, its steps and AWS calls stream in as the server writes them.
  const { snapshot } = useApplyRunStream(applying ? `/api/change-requests/${encodeURIComponent(changeRequestId)}/apply-runs/stream${lastRunId ? `?after=${encodeURIComponent(lastRunId)}` : ""}` : null);

  function run<T>(call: () => Promise<ActionResult<T>>, onOk: (data: T) => string) {
    setMessage(undefined);
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setMessage({ tone: "ok", text: onOk(result.data) });
        router.refresh();
      } else {
        const fields = Object.values(result.fieldErrors).flat();
        setMessage({ tone: "error", text: [result.formError, ...fields].filter(Boolean).join(" ") });
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {can.approve && (
          <Button disabled={pending} onClick={() => run(() => approveAction({ changeRequestId, planVersion }), (d) => `Approved (${d.approvals} of ${d.required} needed).`)}>
            Approve plan v{planVersion}
          </Button>
        )}
        {can.replan && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => replanAction({ changeRequestId }), (d) => (d.changed ? `Re-planned (version ${d.planVersion}): ${d.reasons.join("; ")}.` : "The plan is up to date: no new revision and no drift."))}
          >
            Re-plan (check drift)
          </Button>
        )}
        {can.close && (
          <Button variant="ghost" disabled={pending} onClick={() => run(() => closeChangeRequestAction({ changeRequestId }), () => "Closed.")}>
            Close request
          </Button>
        )}
      </div>

      {can.apply && (
        <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
          {confirmName && (
            <Field id="cr-confirm-name" label={`This plan ${destruction ?? "replaces or deletes resources"}. Type the pool's name (${confirmName}) to apply it.`}>
              {(aria) => <Input {...aria} value={typedName} onChange={(e) => setTypedName(e.target.value)} autoComplete="off" />}
            </Field>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button
              variant={confirmName ? "danger" : "primary"}
              disabled={pending || Boolean(applyBlocked) || (confirmName !== null && typedName !== confirmName)}
              onClick={() => {
                setMessage(undefined);
                setApplying(true);
                startTransition(async () => {
                  const result = await applyAction({ changeRequestId, planVersion, ...(confirmName ? { confirmName: typedName } : {}) });
                  if (result.ok) {
                    setApplied(result.data);
                    setMessage(result.data.status === "succeeded" ? { tone: "ok", text: "Applied." } : { tone: "error", text: `Apply failed: ${(result.data.error ?? "a step failed").replace(/\.$/u, "")}. Re-plan, then apply again.` });
                  } else {
                    setMessage({ tone: "error", text: [result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" ") });
                  }
                  setApplying(false);
                  router.refresh();
                });
              }}
            >
              {pending ? "Working…" : "Apply"}
            </Button>
            {applyBlocked && <span className="text-sm text-slate-700">{applyBlocked}</span>}
          </div>
        </div>
      )}

      {applying && snapshot && <ApplyRunProgress snapshot={snapshot} />}

      {message && <FormMessage tone={message.tone === "error" ? "error" : "success"}>{message.text}</FormMessage>}

      {applied && (
        <section aria-label="Apply result" className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
          <ApplySteps steps={applied.steps} />
          {applied.userPoolId && <p className="text-sm">User pool: {applied.userPoolId}</p>}
          {applied.newClientSecrets && (
            <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <p className="font-medium">New client secrets: shown once, now. Store them; the studio keeps no copy.</p>
              <ul className="mt-1 space-y-1">
                {Object.entries(applied.newClientSecrets).map(([name, secret]) => (
                  <li key={name}>
                    {name}: <code className="break-all" data-testid={`secret-${name}`}>{secret}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      {(can.comment || can.requestChanges) && (
        <form
          className="space-y-2"
          aria-label="Comment on this request"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => commentAction({ changeRequestId, body: comment, path: commentPath }), () => {
              setComment("");
              return "Comment added.";
            });
          }}
        >
          {fields.length > 0 && (
            <Field id="cr-comment-path" label="About">
              {(aria) => (
                <Select {...aria} value={commentPath} onChange={(e) => setCommentPath(e.target.value)}>
                  <option value="">The whole request</option>
                  {fields.map((f) => (
                    <option key={f} value={f} title={f}>
                      {labelForPlanField(f).label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          <Field id="cr-comment" label="Comment">
            {(aria) => <Textarea {...aria} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary" disabled={pending || comment.trim() === ""}>
              Add comment
            </Button>
            {can.requestChanges && (
              <Button
                variant="secondary"
                disabled={pending || comment.trim() === ""}
                onClick={() =>
                  run(() => requestChangesAction({ changeRequestId, body: comment }), () => {
                    setComment("");
                    return "Changes requested.";
                  })
                }
              >
                Request changes
              </Button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
