"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { createPoolAction } from "@/app/pools/actions";
import type { NewPoolInput } from "@/lib/contracts/pool-inputs";
import { Button, Field, FormMessage, Input, Select, lazyResolver } from "@/components/ui";
import { applyServerErrors } from "./apply-server-errors";

// The pools page shows this form to everyone who may edit; its schema (and the pool schema it reads the pool
// name rule from) loads after the page, not with it.
const newPoolResolver = lazyResolver<NewPoolInput>(() => import("@/lib/contracts/pool-inputs").then((m) => zodResolver(m.newPoolSchema)));

export interface NewPoolFormProps {
  presets: { name: string; title: string; summary: string }[];
}

export function NewPoolForm({ presets }: NewPoolFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, watch, formState } = useForm<NewPoolInput>({
    resolver: newPoolResolver,
    mode: "onTouched",
    defaultValues: { name: "", region: "", environment: "dev", preset: presets[0]?.name ?? "" },
  });
  useEffect(() => newPoolResolver.preload(), []);
  const errors = formState.errors;
  const preset = presets.find((p) => p.name === watch("preset"));

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createPoolAction(values);
    if (result.ok) {
      router.push(`/pools/${result.data.id}`);
      return;
    }
    const rest = applyServerErrors(result.fieldErrors, setError, ["name", "region", "environment", "preset"]);
    setFormError([result.formError, ...rest].filter(Boolean).join(" "));
  });

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-4" noValidate aria-label="New pool">
      <Field id="new-pool-name" label="Pool name" help="1-128 characters: letters, digits, spaces and + = , . @ - _" error={errors.name?.message}>
        {(aria) => <Input {...aria} {...register("name")} autoComplete="off" />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="new-pool-region" label="Region (optional)" help="Leave empty to use each target's Region, or name one, e.g. eu-west-1." error={errors.region?.message}>
          {(aria) => <Input {...aria} {...register("region")} autoComplete="off" />}
        </Field>
        <Field id="new-pool-environment" label="Environment" help="A label: dev, staging, prod…" error={errors.environment?.message}>
          {(aria) => <Input {...aria} {...register("environment")} autoComplete="off" />}
        </Field>
      </div>
      <Field id="new-pool-preset" label="Start from" help={preset ? preset.summary : "An empty pool: every setting left to AWS defaults."} error={errors.preset?.message}>
        {(aria) => (
          <Select {...aria} {...register("preset")}>
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.title} preset
              </option>
            ))}
            <option value="">Blank pool</option>
          </Select>
        )}
      </Field>
      <FormMessage>{formError}</FormMessage>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create pool"}
      </Button>
    </form>
  );
}
