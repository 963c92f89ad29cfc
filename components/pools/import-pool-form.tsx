"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createImportAction, readImportAction } from "@/app/pools/import-actions";
import { Button, Checkbox, Field, FormMessage, Input, Textarea } from "@/components/ui";
import type { SourceFile } from "@/lib/cognito/formats/types";
import type { CreatedImport, ImportPreview, ImportPreviewPool } from "@/lib/server/imports";
import { filesToImport, sourceFilesFromUpload } from "./import-files";
import { plural } from "./plural";

type Errors = Record<string, string[]>;
type Row = { checked: boolean; name: string };

/** "…; import it as NAME-2, or give another name." → NAME-2 (the server's collision message names the free name). */
function freeNameIn(messages: string[] | undefined): string | undefined {
  for (const m of messages ?? []) {
    const match = /import it as (.+), or give another name\.$/u.exec(m);
    if (match) return match[1];
  }
  return undefined;
}

function takenMessage(pool: ImportPreviewPool): string {
  return `A pool named "${pool.defaultName}" already exists in this workspace; import it as ${pool.freeName}, or give another name.`;
}

function summary(pool: ImportPreviewPool): string {
  const c = pool.counts;
  const parts = [plural(c.clients, "app client"), c.resourceServers && plural(c.resourceServers, "resource server"), c.groups && plural(c.groups, "group"), c.identityProviders && plural(c.identityProviders, "identity provider"), c.domain && "a domain"];
  const gaps = pool.unresolved.filter((u) => u.suppliable).length;
  return [parts.filter(Boolean).join(", "), gaps > 0 && `${plural(gaps, "input")} to supply`].filter(Boolean).join("; ");
}

/**
 * Import Terraform (several files or a .zip), CloudFormation/SAM, OpenMCF or a studio document as new designs.
 * The files are read first: one pool is imported at once (the person lands on it); several are listed to choose
 * from. A taken name is an error on the name field with "Import as NAME-2".
 */
export function ImportPoolForm() {
  const router = useRouter();
  const [uploaded, setUploaded] = useState<SourceFile[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [text, setText] = useState("");
  const [region, setRegion] = useState("");
  const [environment, setEnvironment] = useState("dev");
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<ImportPreview>();
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<CreatedImport[]>();
  const [pending, setPending] = useState(false);

  const files = filesToImport(uploaded, text);
  const several = preview !== undefined && preview.pools.length > 1;

  function reset() {
    setPreview(undefined);
    setRows({});
    setErrors({});
    setFormError(undefined);
  }

  async function onFiles(list: FileList | null) {
    reset();
    setCreated(undefined);
    try {
      const read = await sourceFilesFromUpload(list ? [...list] : []);
      setUploaded(read.files);
      setSkipped(read.skipped);
      if (list && list.length > 0 && read.files.length === 0) setErrors({ files: ["No file the importer reads was chosen: give .tf, .tfvars, .json, .yaml or .template files, or a .zip of them."] });
    } catch {
      setUploaded([]);
      setErrors({ files: ["The file could not be read: is the .zip complete?"] });
    }
  }

  /** Field errors of the server, put where the person sees them (the file chooser or the text box). */
  function showErrors(fieldErrors: Errors, message?: string) {
    const placed: Errors = {};
    for (const [key, messages] of Object.entries(fieldErrors)) {
      const field = key === "files" || key.startsWith("files.") ? (uploaded.length > 0 ? "files" : "text") : key === "choices.0.name" && !several ? "name" : key;
      (placed[field] ??= []).push(...messages);
    }
    setErrors(placed);
    setFormError(Object.keys(placed).length > 0 ? undefined : message);
  }

  async function create(choices: { address: string; name?: string }[]) {
    setPending(true);
    const res = await createImportAction({ files, region, environment, choices });
    setPending(false);
    if (!res.ok) return showErrors(res.fieldErrors, res.formError);
    setText("");
    setUploaded([]);
    setSkipped([]);
    setFileKey((k) => k + 1);
    setName("");
    reset();
    router.refresh();
    const [only] = res.data;
    if (res.data.length === 1 && only && only.warnings.length === 0) router.push(`/pools/${only.id}`);
    else setCreated(res.data);
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setCreated(undefined);
    if (several) {
      setErrors({});
      setFormError(undefined);
      return importChosen();
    }
    reset();
    if (files.length === 0) return setErrors({ files: ["Choose files (or a .zip), or paste a template below."] });
    setPending(true);
    const res = await readImportAction({ files, region });
    setPending(false);
    if (!res.ok) return showErrors(res.fieldErrors, res.formError);
    const pools = res.data.pools;
    const [single] = pools;
    if (pools.length === 1 && single) {
      const chosen = name.trim();
      if (chosen === "" && single.taken) {
        setName(single.defaultName);
        return setErrors({ name: [takenMessage(single)] });
      }
      return create([{ address: single.address, ...(chosen ? { name: chosen } : {}) }]);
    }
    setPreview(res.data);
    setRows(Object.fromEntries(pools.map((p) => [p.address, { checked: true, name: p.defaultName }])));
    setErrors(Object.fromEntries(pools.flatMap((p, i) => (p.taken ? [[`choices.${i}.name`, [takenMessage(p)]]] : []))));
  }

  function importChosen() {
    if (!preview) return;
    const chosen = preview.pools.map((p, index) => ({ p, index, row: rows[p.address] })).filter((c) => c.row?.checked);
    if (chosen.length === 0) return setErrors({ choices: ["Choose at least one pool."] });
    // Errors come back per chosen pool: map them to the rows by position.
    void create(chosen.map(({ p, row }) => ({ address: p.address, name: row?.name ?? p.defaultName }))).then(() => {
      setErrors((current) => {
        const out: Errors = {};
        for (const [key, messages] of Object.entries(current)) {
          const m = /^choices\.(\d+)\.name$/u.exec(key);
          const row = m ? chosen[Number(m[1])] : undefined;
          out[row ? `choices.${row.index}.name` : key] = messages;
        }
        return out;
      });
    });
  }

  function setRow(address: string, change: Partial<Row>) {
    setRows((r) => ({ ...r, [address]: { ...(r[address] ?? { checked: true, name: "" }), ...change } }));
  }

  const nameSuggestion = freeNameIn(errors.name);

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-4" noValidate aria-label="Import a pool">
      <Field
        id="import-files"
        label="Files"
        help="Terraform (every .tf with its .tfvars), CloudFormation or SAM templates, OpenMCF or a studio document; several at once, or a .zip."
        error={errors.files}
      >
        {(aria) => <Input {...aria} key={fileKey} type="file" multiple accept=".tf,.tfvars,.json,.yaml,.yml,.template,.zip" onChange={(e) => void onFiles(e.target.files)} />}
      </Field>
      {uploaded.length > 0 && (
        <p className="text-xs text-slate-700" data-testid="import-chosen-files">
          {plural(uploaded.length, "file")}: {uploaded.map((f) => f.path).join(", ")}
          {skipped.length > 0 && <span className="text-slate-600"> (not read: {skipped.join(", ")})</span>}
        </p>
      )}
      <Field id="import-text" label="…or paste it here" help={uploaded.length > 0 ? "The chosen files are imported; this text is not." : undefined} error={errors.text}>
        {(aria) => <Textarea {...aria} rows={6} value={text} onChange={(e) => (setText(e.target.value), several && reset())} spellCheck={false} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="import-region" label="Region (optional)" help="Used when the files do not name one, e.g. eu-west-1." error={errors.region}>
          {(aria) => <Input {...aria} value={region} onChange={(e) => setRegion(e.target.value)} autoComplete="off" placeholder="from the files" />}
        </Field>
        <Field id="import-environment" label="Environment" help="A label: dev, staging, prod…" error={errors.environment}>
          {(aria) => <Input {...aria} value={environment} onChange={(e) => setEnvironment(e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      {!several && (
        <Field id="import-name" label="Pool name (optional)" help="Leave empty to use the name in the files." error={errors.name}>
          {(aria) => <Input {...aria} value={name} onChange={(e) => (setName(e.target.value), setErrors(({ name: _, ...rest }) => rest))} autoComplete="off" placeholder="from the files" />}
        </Field>
      )}
      {nameSuggestion && !several && <ImportAsButton name={nameSuggestion} disabled={pending} onClick={() => void importSingleAs(nameSuggestion)} />}
      {several && preview && (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" aria-describedby={errors.choices ? "import-choices-error" : undefined}>
          <legend className="px-1 text-sm font-medium">These files hold {preview.pools.length} pools</legend>
          <p className="text-xs text-slate-600">Each chosen one becomes its own design.</p>
          {preview.pools.map((p, i) => {
            const row = rows[p.address] ?? { checked: true, name: p.defaultName };
            const rowErrors = errors[`choices.${i}.name`];
            const free = freeNameIn(rowErrors);
            return (
              <div key={p.address} className="space-y-2 border-t border-slate-100 pt-2 first:border-0 first:pt-0">
                <label className="flex items-start gap-2 text-sm">
                  <Checkbox className="mt-0.5" checked={row.checked} onChange={(e) => setRow(p.address, { checked: e.target.checked })} />
                  <span>
                    <code className="font-mono break-all">{p.address}</code>
                    <span className="block text-xs text-slate-600">{summary(p)}</span>
                  </span>
                </label>
                {row.checked && (
                  <Field id={`import-choice-${i}`} label={`Name of ${p.address}`} error={rowErrors} className="pl-6">
                    {(aria) => <Input {...aria} value={row.name} onChange={(e) => setRow(p.address, { name: e.target.value })} autoComplete="off" />}
                  </Field>
                )}
                {row.checked && free && <ImportAsButton name={free} disabled={pending} className="ml-6" onClick={() => (setRow(p.address, { name: free }), setErrors(({ [`choices.${i}.name`]: _, ...rest }) => rest))} />}
              </div>
            );
          })}
          {errors.choices && (
            <p id="import-choices-error" className="text-xs font-medium text-red-700">
              {errors.choices.join(" ")}
            </p>
          )}
        </fieldset>
      )}
      <FormMessage>{formError}</FormMessage>
      {created && <CreatedList created={created} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Importing…" : several ? `Import ${plural(Object.values(rows).filter((r) => r.checked).length, "chosen pool")}` : "Import"}
        </Button>
        {several && (
          <Button variant="ghost" onClick={reset} disabled={pending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );

  async function importSingleAs(chosenName: string) {
    setName(chosenName);
    setErrors({});
    setPending(true);
    const res = await readImportAction({ files, region });
    setPending(false);
    if (!res.ok) return showErrors(res.fieldErrors, res.formError);
    const [single] = res.data.pools;
    if (single) await create([{ address: single.address, name: chosenName }]);
  }
}

function ImportAsButton({ name, onClick, disabled, className }: { name: string; onClick: () => void; disabled?: boolean; className?: string }) {
  return (
    <Button onClick={onClick} disabled={disabled} className={className}>
      Import as {name}
    </Button>
  );
}

function CreatedList({ created }: { created: CreatedImport[] }) {
  return (
    <div role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
      <p>Imported {plural(created.length, "pool")}:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {created.map((c) => (
          <li key={c.id}>
            <Link className="font-medium underline" href={`/pools/${c.id}`}>
              {c.name}
            </Link>
            {!c.valid && " (the draft has errors to fix)"}
            {c.inputsToSupply > 0 && `, ${plural(c.inputsToSupply, "input")} to supply on its page`}
            {c.warnings.length > 0 && (
              <ul className="mt-1 list-disc space-y-1 pl-5 text-amber-900">
                {c.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
