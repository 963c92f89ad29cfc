"use client";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button, Card, Input, Label, Select } from "@/components/ui";
import { TERMS_LANGUAGES, TERMS_NAMES } from "@/lib/cognito/spec/terms-schema";
import { SelectField, fieldId } from "../controls";
import { messagesFor } from "../field-errors";
import { useEditorContext } from "../editor-context";
import { ClientOptions, RemoveItemButton, useClientNames } from "./list-items";

const NAME = "spec.terms";
const DOCUMENT_LABEL: Record<(typeof TERMS_NAMES)[number], string> = { "terms-of-use": "Terms of use", "privacy-policy": "Privacy policy" };
/** `cognito:portuguese-brazil` → "Portuguese (Brazil)"; `cognito:default` → "Default (all others)". */
function languageLabel(language: string): string {
  if (language === "cognito:default") return "Default (all others)";
  const words = language.replace(/^cognito:/u, "").split("-");
  const [first = "", ...rest] = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return rest.length ? `${first} (${rest.join(" ")})` : first;
}

/** One document's links: a language and a URL per row. */
function LinksField({ name }: { name: string }) {
  const { control, register } = useFormContext();
  const { readOnly, index } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  // The whole document's validation (debounced), not the resolver's: a link is keyed by language in the document
  // but by row in the form, so the resolver's error for a language would stay on a path no input clears.
  const found = messagesFor(index, name);
  // A message names the link by its API key ("cognito:french"); the page names it by its language.
  const words = (m: string) => m.replace(/"(cognito:[a-z-]+)"/gu, (_, language: string) => `The ${languageLabel(language)} link`);
  const errors = found.errors.map(words);
  const warnings = found.warnings.map(words);
  const id = fieldId(name);
  const describedBy = errors.length || warnings.length ? `${id}-notes` : undefined;
  return (
    <fieldset className="space-y-2 md:col-span-2" aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-900">Links by language</legend>
      <p className="text-xs text-slate-600">Default serves every language without its own link. URLs without spaces, at most 1024 characters.</p>
      <ul className="space-y-2">
        {fields.map((row, i) => (
          <li key={row.id} className="grid grid-cols-1 gap-2 sm:grid-cols-[13rem_1fr_auto] sm:items-center">
            <label htmlFor={`${id}-${i}-key`} className="sr-only">
              Language of link {i + 1}
            </label>
            <Select id={`${id}-${i}-key`} disabled={readOnly} {...register(`${name}.${i}.key`)}>
              {TERMS_LANGUAGES.map((language) => (
                <option key={language} value={language} title={language}>
                  {languageLabel(language)}
                </option>
              ))}
            </Select>
            <label htmlFor={`${id}-${i}-value`} className="sr-only">
              URL of link {i + 1}
            </label>
            <Input id={`${id}-${i}-value`} type="url" placeholder="https://example.com/terms" readOnly={readOnly} autoComplete="off" {...register(`${name}.${i}.value`)} />
            {!readOnly && (
              <Button variant="ghost" className="justify-self-start px-2 py-1 text-xs" aria-label={`Remove link ${i + 1}`} onClick={() => remove(i)}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => append({ key: TERMS_LANGUAGES.find((l) => !fields.some((f) => (f as { key?: string }).key === l)) ?? "cognito:default", value: "" })}>
          Add link
        </Button>
      )}
      {describedBy && (
        <div id={describedBy} className="space-y-1 text-xs">
          {errors.map((m) => (
            <p key={m} className="font-medium text-red-700">
              {m}
            </p>
          ))}
          {warnings.map((m) => (
            <p key={m} className="text-amber-800">
              {m}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** Terms documents: the terms of use and privacy policy links of each app client's managed login sign-up page. */
export function TermsSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  const managed = useWatch({ name: NAME }) !== undefined;
  const clients = useClientNames();
  const [client, setClient] = useState("");
  const [document, setDocument] = useState<string>(TERMS_NAMES[0]);
  const [problem, setProblem] = useState<string | undefined>();
  const add = () => {
    const chosen = client || clients[0];
    if (!chosen) return setProblem("Add an app client first: terms documents belong to an app client.");
    append({ client: chosen, name: document, links: [{ key: "cognito:default", value: "" }] });
    setProblem(undefined);
  };
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">
        Managed login links an app client&apos;s sign-up page to its terms of use and privacy policy, once the client has both in at least one language.
      </p>
      {!managed && <p className="text-sm text-slate-600">Not managed: this document leaves the pool&apos;s terms documents as they are. Adding one manages them here.</p>}
      {managed && fields.length === 0 && <p className="text-sm text-slate-600">The pool will have no terms documents.</p>}
      {fields.map((f, i) => (
        <section key={f.id} aria-label={`Terms document ${i + 1}`} className="grid gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-2">
          <SelectField name={`${NAME}.${i}.client`} options={clients} unsetLabel="Choose an app client" />
          <SelectField name={`${NAME}.${i}.name`} options={TERMS_NAMES.map((value) => ({ value, label: DOCUMENT_LABEL[value] }))} unsetLabel="Choose a document" />
          <LinksField name={`${NAME}.${i}.links`} />
          <RemoveItemButton label="Remove document" onRemove={() => remove(i)} />
        </section>
      ))}
      {!readOnly && (
        <Card className="space-y-3">
          <h3 className="text-base font-semibold">Add terms document</h3>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <Label htmlFor="pe-add-terms-client">App client</Label>
              <Select id="pe-add-terms-client" value={client || clients[0] || ""} onChange={(e) => setClient(e.currentTarget.value)} aria-describedby={problem ? "pe-add-terms-problem" : undefined}>
                {clients.length === 0 && <option value="">No app clients yet</option>}
                <ClientOptions clients={clients} />
              </Select>
            </div>
            <div className="space-y-1">
              <Label htmlFor="pe-add-terms-document">Document</Label>
              <Select id="pe-add-terms-document" value={document} onChange={(e) => setDocument(e.currentTarget.value)}>
                {TERMS_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {DOCUMENT_LABEL[n]}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          {problem && (
            <p id="pe-add-terms-problem" className="text-xs font-medium text-red-700">
              {problem}
            </p>
          )}
          <Button onClick={add}>Add terms document</Button>
        </Card>
      )}
    </section>
  );
}
