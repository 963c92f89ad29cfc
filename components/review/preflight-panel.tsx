"use client";
import { useState, useTransition } from "react";
import { preflightAction } from "@/app/pools/review-actions";
import { Badge, type BadgeTone, Button, FormMessage } from "@/components/ui";
import type { PreflightOutcome, PreflightReport } from "@/lib/cognito/preflight/types";

const TONE: Record<PreflightOutcome, BadgeTone> = { pass: "good", fail: "bad", warn: "warn", unknown: "neutral" };
/** The table cites the API model ("[M …]") for maintainers; the page shows the words only. */
const withoutCitations = (text: string) => text.replace(/\s*\[M[^\]]*\]|,?\s*§\d+/gu, "");

const LABEL: Record<PreflightOutcome, string> = { pass: "ok", fail: "fails", warn: "warning", unknown: "not checked" };

/**
 * Preflight next to the plan: checks, on demand, the ACM certificate, SES identity, SMS role, Lambda
 * triggers and KMS key the pool depends on (the same checks apply runs before its first Cognito call).
 */
export function PreflightPanel({ changeRequestId }: { changeRequestId: string }) {
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<PreflightReport & { checkedAgainst: string | null }>();
  const [error, setError] = useState<string>();

  function check() {
    setError(undefined);
    startTransition(async () => {
      const result = await preflightAction({ changeRequestId });
      if (result.ok) setReport(result.data);
      else setError([result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" "));
    });
  }

  return (
    <section aria-labelledby="preflight-heading" className="space-y-3" data-testid="preflight-panel">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="preflight-heading" className="text-lg font-semibold">
          Preflight
        </h2>
        <Button type="button" variant="secondary" onClick={check} disabled={pending}>
          {pending ? "Checking…" : report ? "Check again" : "Run preflight"}
        </Button>
        {report && (
          <span className="text-sm" data-testid="preflight-summary">
            {report.summary.pass} passed, {report.summary.fail} failed, {report.summary.warn} warnings, {report.summary.unknown} not checked
            {report.blocked ? " — apply will be refused" : ""}
          </span>
        )}
      </div>
      <p className="text-sm text-slate-700">
        Checks that the server has AWS credentials (who it acts as), then the AWS services this pool depends on: the custom domain&apos;s certificate (ACM, us-east-1), the SES identity for DEVELOPER email, the SMS role, each Lambda
        trigger&apos;s invoke permission and the custom senders&apos; KMS key. Apply runs the same checks and stops before any change when one fails.
      </p>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {report && report.results.length === 0 && <p className="text-sm">Nothing to check: this pool uses no custom domain, SES identity, SMS role, trigger or KMS key.</p>}
      {report && report.results.length > 0 && (
        <ul className="space-y-2" aria-label="Preflight results">
          {report.results.map((r, index) => (
            <li key={`${r.code}-${r.path}-${index}`} className="rounded-md border border-slate-200 bg-white p-3 text-sm wrap-anywhere" data-outcome={r.outcome}>
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[r.outcome]}>{LABEL[r.outcome]}</Badge>
                <code className="font-mono text-xs">{r.code}</code>
                <span className="font-mono text-xs text-slate-600">{r.path}</span>
              </p>
              <p className="mt-1">{r.message}</p>
              {r.fix && (
                <p className="mt-1">
                  <span className="font-medium">Fix: </span>
                  {r.fix}
                </p>
              )}
              {r.awsErrorWithout && (
                <p className="mt-1 text-slate-700">
                  <span className="font-medium">Without this check: </span>
                  {withoutCitations(r.awsErrorWithout)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
