"use client";
import Link from "next/link";
import { useState } from "react";
import { importPoolAction } from "@/app/pools/actions";
import { importPoolSchema } from "@/app/pools/pools.validation";
import { Button, Field, FormMessage, Input, Textarea } from "@/components/ui";
import type { Diagnostic } from "@/lib/cognito/spec";

/** Import a spec, OpenMCF, Terraform or CloudFormation file as a new pool; shows the import's warnings. */
export function ImportPoolForm() {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [environment, setEnvironment] = useState("dev");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<{ id: string; name: string; diagnostics: Diagnostic[] }>();
  const [pending, setPending] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setFormError(undefined);
    setErrors({});
    setResult(undefined);
    // The action's own schema, checked here first: a file over the size limit is named at its field
    // instead of being sent and turned away by the server's request limit.
    const checked = importPoolSchema.safeParse({ text, fileName, environment });
    if (!checked.success) {
      setPending(false);
      setErrors(Object.fromEntries(checked.error.issues.map((issue) => [issue.path.join("."), [issue.message]])));
      return;
    }
    const res = await importPoolAction({ text, fileName, environment });
    setPending(false);
    if (res.ok && res.data.id) setResult({ id: res.data.id, name: res.data.name ?? "", diagnostics: res.data.diagnostics });
    else if (!res.ok) {
      setErrors(res.fieldErrors);
      setFormError(res.formError);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-4" noValidate aria-label="Import a pool">
      <Field id="import-file" label="File" help="A Cognito Studio spec (YAML/JSON), OpenMCF manifest, Terraform (.tf) or CloudFormation template.">
        {(aria) => <Input {...aria} type="file" accept=".yaml,.yml,.json,.tf,.template" onChange={(e) => void onFile(e.target.files?.[0])} />}
      </Field>
      <Field id="import-text" label="…or paste it here" error={errors.text}>
        {(aria) => <Textarea {...aria} rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />}
      </Field>
      <Field id="import-environment" label="Environment" error={errors.environment}>
        {(aria) => <Input {...aria} value={environment} onChange={(e) => setEnvironment(e.target.value)} />}
      </Field>
      <FormMessage>{formError}</FormMessage>
      {result && (
        <div role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          <p>
            Imported <Link className="font-medium underline" href={`/pools/${result.id}`}>{result.name}</Link>
            {result.diagnostics.length === 0 ? " with no warnings." : ` with ${result.diagnostics.length} warning(s):`}
          </p>
          {result.diagnostics.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-amber-900">
              {result.diagnostics.map((d, i) => (
                <li key={i}>
                  {d.path && <code className="font-mono">{d.path}</code>} {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}
