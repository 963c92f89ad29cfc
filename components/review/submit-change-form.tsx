"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { submitChangeRequestAction } from "@/app/pools/review-actions";
import { type SubmitChangeRequestInput, submitChangeRequestSchema } from "@/lib/contracts/review-inputs";
import { applyServerErrors } from "@/components/pools/apply-server-errors";
import { Button, Field, FormMessage, Input, Select, Textarea } from "@/components/ui";

export interface SubmitChangeFormProps {
  poolId: string;
  draftVersion: number;
  targets: { id: string; name: string; requiredApprovals: number }[];
  /** The button's words; default "Submit for review". */
  submitLabel?: string;
}

/** Submits the current draft (as a revision) for review on a target; the plan is computed on the server. */
export function SubmitChangeForm({ poolId, draftVersion, targets, submitLabel = "Submit for review" }: SubmitChangeFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<SubmitChangeRequestInput>({
    resolver: zodResolver(submitChangeRequestSchema),
    mode: "onTouched",
    defaultValues: { poolId, draftVersion, targetId: targets[0]?.id ?? "", title: "", description: "" },
  });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await submitChangeRequestAction(values);
    if (result.ok) {
      router.push(`/pools/${poolId}/changes/${result.data.id}`);
      return;
    }
    const rest = applyServerErrors(result.fieldErrors, setError, ["targetId", "title", "description"]);
    setFormError([result.formError, ...rest].filter(Boolean).join(" "));
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Submit for review">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="cr-target" label="Target" error={errors.targetId?.message}>
          {(aria) => (
            <Select {...aria} {...register("targetId")}>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.requiredApprovals} approval{t.requiredApprovals === 1 ? "" : "s"})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="cr-title" label="Title" className="sm:col-span-2" error={errors.title?.message}>
          {(aria) => <Input {...aria} {...register("title")} autoComplete="off" />}
        </Field>
      </div>
      <Field id="cr-description" label="Description" help="Why this change; what reviewers should look at." error={errors.description?.message}>
        {(aria) => <Textarea {...aria} rows={3} {...register("description")} />}
      </Field>
      <FormMessage>{formError}</FormMessage>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Planning…" : submitLabel}
      </Button>
    </form>
  );
}
