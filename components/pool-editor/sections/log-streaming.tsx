"use client";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui";
import { SelectField, TextField } from "../controls";
import { useEditorContext } from "../editor-context";
import { SettingNotes } from "./setting-notes";

const LIST = "spec.logDeliveryConfiguration.logConfigurations";
const SOURCES = [
  { eventSource: "userNotification", logLevel: "ERROR", noun: "user notification logs" },
  { eventSource: "userAuthEvents", logLevel: "INFO", noun: "user authentication logs" },
] as const;

/** Log delivery (SetLogDeliveryConfiguration): where user notification and user authentication logs go. */
export function LogStreamingSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: LIST });
  const managed = useWatch({ name: "spec.logDeliveryConfiguration" }) !== undefined;
  const present = new Set(((useWatch({ name: LIST }) as { eventSource?: string }[] | undefined) ?? []).map((e) => e.eventSource));
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">
        User notification logs record email and SMS delivery errors (to CloudWatch Logs). User authentication logs record sign-in activity assessed by threat protection
        (Plus plan; to CloudWatch Logs, S3 or Firehose). Give one destination ARN per stream.
      </p>
      {!managed && <p className="text-sm text-slate-600">Not managed: this document leaves the pool&apos;s log streaming as it is. Adding a stream manages it here.</p>}
      {managed && fields.length === 0 && <p className="text-sm text-slate-600">No logs are streamed.</p>}
      {fields.map((f, i) => (
        <section key={f.id} aria-label={`Log stream ${i + 1}`} className="space-y-4 rounded-lg border border-slate-200 p-4">
          <SettingNotes name={`${LIST}.${i}`} />
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField name={`${LIST}.${i}.eventSource`} options={["userNotification", "userAuthEvents"]} />
            <SelectField name={`${LIST}.${i}.logLevel`} options={["ERROR", "INFO"]} />
            <TextField name={`${LIST}.${i}.cloudWatchLogsConfiguration.logGroupArn`} placeholder="arn:aws:logs:eu-west-1:123456789012:log-group:name" className="md:col-span-2" />
            <TextField name={`${LIST}.${i}.s3Configuration.bucketArn`} placeholder="arn:aws:s3:::bucket" />
            <TextField name={`${LIST}.${i}.firehoseConfiguration.streamArn`} placeholder="arn:aws:firehose:eu-west-1:123456789012:deliverystream/name" />
          </div>
          {!readOnly && (
            <Button variant="danger" onClick={() => remove(i)}>
              Stop streaming these logs
            </Button>
          )}
        </section>
      ))}
      {!readOnly && (
        <div className="flex flex-wrap gap-2">
          {SOURCES.filter((s) => !present.has(s.eventSource)).map((s) => (
            <Button key={s.eventSource} variant="secondary" onClick={() => append({ eventSource: s.eventSource, logLevel: s.logLevel })}>
              Stream {s.noun}
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}
