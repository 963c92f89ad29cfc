"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTargetAction, updateTargetAction } from "@/app/pools/review-actions";
import { defaultRequiredApprovals, targetFieldsSchema } from "@/lib/contracts/review-inputs";
import { applyServerErrors } from "@/components/pools/apply-server-errors";
import { Button, Field, FormMessage, Input } from "@/components/ui";

type Values = z.input<typeof targetFieldsSchema>;
const FIELDS = ["name", "region", "endpoint", "roleArn", "userPoolId", "requiredApprovals"] as const;

export interface TargetFormProps {
  poolId: string;
  region: string;
  /** Edit this target; unset: add a new one. */
  target?: { id: string; name: string; region: string; endpoint: string | null; roleArn: string | null; userPoolId: string | null; requiredApprovals: number };
}

/** Adds or edits a target (admins only: the server checks). No AWS credentials are asked for or stored. */
export function TargetForm({ poolId, region, target }: TargetFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, setValue, reset, formState } = useForm<Values, unknown, z.output<typeof targetFieldsSchema>>({
    resolver: zodResolver(targetFieldsSchema),
    mode: "onTouched",
    defaultValues: target
      ? { name: target.name, region: target.region, endpoint: target.endpoint ?? "", roleArn: target.roleArn ?? "", userPoolId: target.userPoolId ?? "", requiredApprovals: target.requiredApprovals }
      : { name: "dev", region, endpoint: "", roleArn: "", userPoolId: "", requiredApprovals: 0 },
  });
  const errors = formState.errors;
  const name = register("name");

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = target ? await updateTargetAction({ ...values, targetId: target.id }) : await createTargetAction({ ...values, poolId });
    if (result.ok) {
      if (!target) reset({ name: "", region, endpoint: "", roleArn: "", userPoolId: "", requiredApprovals: 1 });
      router.refresh();
      return;
    }
    const rest = applyServerErrors(result.fieldErrors, setError, FIELDS);
    setFormError([result.formError, ...rest].filter(Boolean).join(" "));
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={target ? `Edit target ${target.name}` : "New target"}>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="target-name" label="Name" help="dev, staging, prod…" error={errors.name?.message}>
          {(aria) => (
            <Input
              {...aria}
              {...name}
              onChange={(event) => {
                void name.onChange(event);
                if (!target) setValue("requiredApprovals", defaultRequiredApprovals(event.target.value.trim()));
              }}
              autoComplete="off"
            />
          )}
        </Field>
        <Field id="target-region" label="Region" error={errors.region?.message}>
          {(aria) => <Input {...aria} {...register("region")} autoComplete="off" />}
        </Field>
        <Field id="target-approvals" label="Required approvals" help="By approvers who did not write the change (not its author, revision authors or re-planners)." error={errors.requiredApprovals?.message}>
          {(aria) => <Input {...aria} type="number" min={0} max={5} {...register("requiredApprovals")} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="target-endpoint" label="Endpoint (optional)" help="moto or LocalStack URL; empty for AWS." error={errors.endpoint?.message}>
          {(aria) => <Input {...aria} {...register("endpoint")} autoComplete="off" placeholder="http://localhost:5000" />}
        </Field>
        <Field id="target-role" label="Role ARN to assume (optional)" help="Credentials come from the server's default AWS chain." error={errors.roleArn?.message}>
          {(aria) => <Input {...aria} {...register("roleArn")} autoComplete="off" />}
        </Field>
        <Field id="target-pool-id" label="User pool id (optional)" help="Link an existing pool; empty: the first apply creates one." error={errors.userPoolId?.message}>
          {(aria) => <Input {...aria} {...register("userPoolId")} autoComplete="off" />}
        </Field>
      </div>
      <FormMessage>{formError}</FormMessage>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : target ? "Save target" : "Add target"}
      </Button>
    </form>
  );
}
