"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { publishPoolAction } from "@/app/pools/publish-actions";
import { type PublishPoolInput, type PublishPoolOutcome, publishPoolSchema } from "@/lib/contracts/publish-inputs";
import { applyServerErrors } from "@/components/pools/apply-server-errors";
import { Button, Field, FormMessage, Input, Select } from "@/components/ui";

export interface PublishFormProps {
  poolId: string;
  /** Publish this approved or applied change request (its revision for its target) instead of the draft. */
  changeRequestId?: string;
  defaultBranch: string;
  /** The repository as the server names it (no credential); unset: publishing is not configured. */
  repository?: string;
  /** The environment variable an administrator sets to configure it. */
  variable: string;
  canPublish: boolean;
  /** The formats offered, with their titles (from the format registry, which the browser does not load). */
  formats: { value: PublishPoolInput["format"]; title: string }[];
}

/** Publish the draft's export to a branch of the workspace's repository (the server checks role and workspace). */
export function PublishForm({ poolId, changeRequestId, defaultBranch, repository, variable, canPublish, formats }: PublishFormProps) {
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState<PublishPoolOutcome>();
  const { register, handleSubmit, setError, formState } = useForm<PublishPoolInput>({
    resolver: zodResolver(publishPoolSchema),
    mode: "onTouched",
    defaultValues: { poolId, changeRequestId, format: "terraform-module-folder", branch: defaultBranch },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setDone(undefined);
    const result = await publishPoolAction(values);
    if (result.ok) return setDone(result.data);
    const rest = applyServerErrors(result.fieldErrors, setError, ["format", "branch"] as const);
    setFormError([result.formError, ...rest].filter(Boolean).join(" "));
  });
  if (!repository) {
    return <p className="text-sm text-slate-700">Publishing to a git repository is not set up: an administrator sets <code className="break-all">{variable}</code> (or <code className="break-all">STUDIO_PUBLISH_REMOTE</code>) in the server&apos;s environment.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Publish to the repository" className="space-y-3 rounded border border-slate-200 p-4">
      <h2 className="text-base font-semibold">Publish to the team&apos;s repository</h2>
      <p className="text-sm text-slate-700">
        Commits the export of {changeRequestId ? "this change request's revision, with its plan and approvers," : "the draft"} to a branch of <span className="break-all font-mono">{repository}</span> and pushes it. A branch that exists gets a new commit on top; nothing is force-pushed.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="publish-format" label="Format" error={formState.errors.format?.message}>
          {(aria) => (
            <Select {...aria} {...register("format")}>
              {formats.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="publish-branch" label="Branch" help="Created when it does not exist." error={formState.errors.branch?.message}>
          {(aria) => <Input {...aria} {...register("branch")} autoComplete="off" />}
        </Field>
      </div>
      <Button type="submit" disabled={!canPublish || formState.isSubmitting}>
        {formState.isSubmitting ? "Publishing…" : "Publish"}
      </Button>
      {!canPublish && <p className="text-xs text-slate-600">Publishing needs the editor role.</p>}
      <FormMessage>{formError}</FormMessage>
      {done && (
        <FormMessage tone="success">
          {done.changed ? `Committed ${done.commit.slice(0, 12)} to ${done.created ? "new " : ""}branch ${done.branch}: ${done.files.join(", ")}.` : `Branch ${done.branch} already holds this export (${done.commit.slice(0, 12)}); nothing was committed.`}
        </FormMessage>
      )}
    </form>
  );
}
