"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateEnvironmentValuesAction } from "@/app/pools/review-actions";
import { environmentValuesFormSchema } from "@/lib/contracts/review-inputs";
import { applyServerErrors } from "@/components/pools/apply-server-errors";
import { Button, Field, FormMessage, Input, Textarea } from "@/components/ui";
import type { EnvironmentValues } from "@/lib/cognito/environments";

type Values = z.input<typeof environmentValuesFormSchema>;

export interface EnvironmentValuesFormProps {
  targetId: string;
  targetName: string;
  /** The app clients to offer: the design's, plus any the stored values name. */
  clientNames: string[];
  values: EnvironmentValues;
}

const lines = (urls: string[] | undefined) => (urls ?? []).join("\n");

/** Edits a target's per-environment values (admins only: the server checks); errors sit under their field. */
export function EnvironmentValuesForm({ targetId, targetName, clientNames, values }: EnvironmentValuesFormProps) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const { register, handleSubmit, setError, getValues, formState } = useForm<Values, unknown, z.output<typeof environmentValuesFormSchema>>({
    resolver: zodResolver(environmentValuesFormSchema),
    mode: "onTouched",
    defaultValues: {
      targetId,
      domain: values.domain ?? "",
      certificateArn: values.certificateArn ?? "",
      clients: clientNames.map((name) => ({ name, callbackUrls: lines(values.clients?.[name]?.callbackUrls), logoutUrls: lines(values.clients?.[name]?.logoutUrls) })),
    },
  });
  const errors = formState.errors;
  const known = ["domain", "certificateArn", ...clientNames.flatMap((_, i) => [`clients.${i}.callbackUrls`, `clients.${i}.logoutUrls`])];

  const onSubmit = handleSubmit(async () => {
    setMessage(undefined);
    // The action parses the form's raw values with the same schema (the lines become URL lists there).
    const raw = getValues();
    const result = await updateEnvironmentValuesAction(raw);
    if (result.ok) {
      setMessage({ tone: "success", text: `Saved: change requests for ${targetName} now use these values.` });
      router.refresh();
      return;
    }
    const rest = applyServerErrors(result.fieldErrors, setError, known);
    setMessage({ tone: "error", text: [result.formError, ...rest].filter(Boolean).join(" ") });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={`Values of ${targetName}`}>
      <input type="hidden" {...register("targetId")} />
      <p className="text-sm text-slate-700">
        What differs on {targetName}: these replace the design&apos;s values when a change request is planned and applied here. One URL per line; an empty box keeps the
        design&apos;s value.
      </p>
      <Field id="env-domain" label="Domain" help="The hosted domain prefix (or custom domain) on this target." error={errors.domain?.message}>
        {(aria) => <Input {...aria} {...register("domain")} autoComplete="off" />}
      </Field>
      <Field
        id="env-certificate"
        label="Certificate ARN (custom domain)"
        help="The ACM certificate (in us-east-1) for this target's custom domain; empty keeps the design's. Not used by a prefix domain."
        error={errors.certificateArn?.message}
      >
        {(aria) => <Input {...aria} {...register("certificateArn")} autoComplete="off" />}
      </Field>
      {clientNames.length === 0 && <p className="text-sm text-slate-600">The design has no app clients.</p>}
      {clientNames.map((name, i) => (
        <fieldset key={name} className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">App client {name}</legend>
          <input type="hidden" {...register(`clients.${i}.name`)} />
          <Field id={`env-${i}-callbacks`} label={`Callback URLs of ${name}`} error={errors.clients?.[i]?.callbackUrls?.message}>
            {(aria) => <Textarea {...aria} rows={3} {...register(`clients.${i}.callbackUrls`)} />}
          </Field>
          <Field id={`env-${i}-logouts`} label={`Sign-out URLs of ${name}`} error={errors.clients?.[i]?.logoutUrls?.message}>
            {(aria) => <Textarea {...aria} rows={3} {...register(`clients.${i}.logoutUrls`)} />}
          </Field>
        </fieldset>
      ))}
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Save values"}
      </Button>
    </form>
  );
}
