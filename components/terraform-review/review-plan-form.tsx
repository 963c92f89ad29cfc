"use client";
import { useState } from "react";
import { reviewTerraformPlanAction } from "@/app/terraform-review/actions";
import { Button, Field, FormMessage, Input, Textarea } from "@/components/ui";
import { reviewTerraformPlanSchema } from "@/lib/contracts/terraform-review-inputs";
import type { TerraformReviewView } from "@/lib/server/terraform-review";
import { TerraformReviewResult } from "./review-result";

type Errors = Record<string, string[]>;

/**
 * Upload (or paste) the JSON of a saved Terraform plan and see what it does to Cognito. The text is checked with
 * the action's own schema first, then reviewed on the server within the parse worker's limits.
 */
export function ReviewPlanForm({ poolId }: { poolId?: string }) {
  const [fileName, setFileName] = useState("");
  const [fileText, setFileText] = useState("");
  const [pasted, setPasted] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [view, setView] = useState<TerraformReviewView>();
  const [pending, setPending] = useState(false);

  async function onFile(list: FileList | null) {
    setErrors({});
    const file = list?.[0];
    setFileName(file?.name ?? "");
    setFileText(file ? await file.text() : "");
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    const input = { fileName, planJson: fileText || pasted, ...(poolId ? { poolId } : {}) };
    const checked = reviewTerraformPlanSchema.safeParse(input);
    if (!checked.success) {
      const out: Errors = {};
      for (const issue of checked.error.issues) (out[String(issue.path[0] ?? "")] ??= []).push(issue.message);
      return setErrors(out);
    }
    setErrors({});
    setPending(true);
    const res = await reviewTerraformPlanAction(input);
    setPending(false);
    if (!res.ok) {
      setView(undefined);
      setErrors(res.fieldErrors);
      return setFormError(Object.keys(res.fieldErrors).length > 0 ? undefined : res.formError);
    }
    setView(res.data);
  }

  const planError = errors.planJson;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Review a Terraform plan">
        <Field id="plan-file" label="Plan JSON file" help="terraform plan -out plan.bin, then terraform show -json plan.bin > plan.json" error={fileText ? planError : undefined}>
          {(aria) => <Input {...aria} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files)} />}
        </Field>
        <Field id="plan-text" label="Or paste the plan's JSON" error={fileText ? undefined : planError}>
          {(aria) => <Textarea {...aria} rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} disabled={fileText !== ""} />}
        </Field>
        {formError && <FormMessage tone="error">{formError}</FormMessage>}
        <Button type="submit" disabled={pending}>
          {pending ? "Reviewing…" : "Review plan"}
        </Button>
      </form>
      {view && <TerraformReviewResult view={view} />}
    </div>
  );
}
