"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateEnvironmentSettingsAction } from "@/app/pools/review-actions";
import { type EnvironmentSettingsFormInput, type EnvironmentSettingsInput, environmentSettingsFormSchema } from "@/lib/contracts/review-inputs";
import { applyServerErrors } from "@/components/pools/apply-server-errors";
import { Button, DataTable, FormMessage, Input } from "@/components/ui";
import type { EnvironmentSettingRow } from "@/lib/cognito/environments";

export interface EnvironmentSettingsTableProps {
  targetId: string;
  targetName: string;
  /** The target's updatedAt as the page read it. */
  seen: string;
  rows: EnvironmentSettingRow[];
  /** Editors edit; everyone else reads. */
  editable: boolean;
}

/** What a row's value means beyond its label: the resource server's identifier is its key. */
function rowNote(row: EnvironmentSettingRow): string | undefined {
  if (row.designValue === undefined) return "The design has no such setting, so this value is ignored; clear it, or add the setting to the design.";
  if (row.kind === "resourceServerIdentifier")
    return "The identifier is the resource server's key: changing it once applied replaces the server (AWS cannot rename one). App clients' scopes follow it.";
  return undefined;
}

const valueClass = "break-words font-mono text-xs text-slate-700";

/** An ARN or URL that may wrap after its separators (: / .), not in the middle of a name. */
function Breakable({ value }: { value: string }) {
  const parts = value.split(/(?<=[:/.])/u);
  return (
    <span className={valueClass}>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </span>
  );
}

/**
 * The target's own values of the design's triggers, SES identity, SMS role, KMS key, identity providers,
 * resource servers, groups and tags: one row per setting, the design's value beside the target's. An empty
 * box keeps the design's value. The server checks the role and the rows with the same schema.
 */
export function EnvironmentSettingsTable({ targetId, targetName, seen, rows, editable }: EnvironmentSettingsTableProps) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const { register, handleSubmit, setError, setValue, getValues, formState } = useForm<EnvironmentSettingsFormInput, unknown, EnvironmentSettingsInput>({
    resolver: zodResolver(environmentSettingsFormSchema),
    mode: "onTouched",
    defaultValues: { targetId, seen, settings: rows.map((r) => ({ kind: r.kind, name: r.name, value: r.targetValue ?? "" })) },
  });
  const errors = formState.errors.settings;
  const known = rows.map((_, i) => `settings.${i}.value`);

  const onSubmit = handleSubmit(async () => {
    setMessage(undefined);
    const result = await updateEnvironmentSettingsAction(getValues());
    if (result.ok) {
      setValue("seen", result.data.seen);
      setMessage({ tone: "success", text: `Saved: change requests for ${targetName} now use these values.` });
      router.refresh();
      return;
    }
    const rest = applyServerErrors(result.fieldErrors, setError, known);
    setMessage({ tone: "error", text: [result.formError, ...rest].filter(Boolean).join(" ") });
  });

  if (rows.length === 0)
    return (
      <p className="text-sm text-slate-700" data-testid="no-environment-settings">
        The design has no triggers, SES identity, SMS role, KMS key, identity providers, resource servers, group roles or tags yet; once it has, {targetName} can have its own values here.
      </p>
    );

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={`Settings of ${targetName}`}>
      <input type="hidden" {...register("targetId")} />
      <input type="hidden" {...register("seen")} />
      <p className="text-sm text-slate-700">
        {editable ? "An empty box keeps the design's value on " : "Values that replace the design's on "}
        {targetName}
        {editable ? "; a value replaces it when a change request is planned and applied here." : " (editors change them)."}
      </p>
      <DataTable label={`Per-environment settings of ${targetName}`} columns={["Setting", "Design value", "This target's value"]}>
        {rows.map((row, i) => {
          const id = `env-setting-${i}`;
          const error = errors?.[i]?.value?.message;
          const note = rowNote(row);
          return (
            <tr key={`${row.kind}:${row.name}`} className="border-t border-slate-200 align-top" data-testid="environment-setting">
              <td className="px-3 py-2 font-medium">{editable ? <label htmlFor={id}>{row.label}</label> : row.label}</td>
              <td className="px-3 py-2">{row.designValue === undefined ? <span className="text-slate-600">not in the design</span> : <Breakable value={row.designValue} />}</td>
              <td className="space-y-1 px-3 py-2 sm:min-w-80">
                <input type="hidden" {...register(`settings.${i}.kind`)} />
                <input type="hidden" {...register(`settings.${i}.name`)} />
                {editable ? (
                  <Input
                    id={id}
                    {...register(`settings.${i}.value`)}
                    placeholder="the design's value"
                    autoComplete="off"
                    spellCheck={false}
                    className="font-mono text-xs"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={[note && `${id}-note`, error && `${id}-error`].filter(Boolean).join(" ") || undefined}
                  />
                ) : row.targetValue === undefined ? (
                  <span className="text-slate-600">the design&apos;s value</span>
                ) : (
                  <Breakable value={row.targetValue} />
                )}
                {note && (
                  <p id={`${id}-note`} className="text-xs text-slate-600">
                    {note}
                  </p>
                )}
                {error && (
                  <p id={`${id}-error`} className="text-xs font-medium text-red-700">
                    {error}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      {editable && (
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save settings"}
        </Button>
      )}
    </form>
  );
}
