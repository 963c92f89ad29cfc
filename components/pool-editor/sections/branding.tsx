"use client";
/**
 * Branding of the sign-in pages: a managed login style per app client (the typed settings, images, and a live
 * preview at phone and desktop widths in light and dark mode) and the hosted UI (classic) CSS and logo.
 * Settings the studio does not type stay in the document as they are (shown read-only as JSON).
 */
import { useId, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { SignInPreview } from "@/components/branding/sign-in-preview";
import { type PreviewMode, previewModel } from "@/components/branding/preview-model";
import { Button, Card, Label, Select } from "@/components/ui";
import { ASSET_CATEGORIES, ASSET_EXTENSIONS, COLOR_MODES, MAX_ASSET_BYTES, MAX_CLASSIC_LOGO_BYTES } from "@/lib/cognito/spec/branding-schema";
import { groupDigits } from "@/lib/cognito/spec/group-digits";
import { BooleanField, FieldSet, NumberField, SelectField, TextField, useFieldMessages } from "../controls";
import { useEditorContext } from "../editor-context";
import { ClientOptions, RemoveItemButton, useClientNames } from "./list-items";

const STYLES = "spec.managedLoginBranding";
const CLASSIC = "spec.uiCustomizations";
const PLACES = [
  { value: "START", label: "Start (left or top)" },
  { value: "CENTER", label: "Centre" },
  { value: "END", label: "End (right or bottom)" },
];
const SCHEMES = [
  { value: "LIGHT", label: "Always light" },
  { value: "DARK", label: "Always dark" },
  { value: "DYNAMIC", label: "Follow the browser" },
];
const COLOR_HINT = "8 hex digits, like 0972d3ff";

/** Reads a chosen file as base64 (without the data URL prefix), refusing files over `max` bytes. */
function FileToBase64({ id, label, max, onLoad }: { id: string; label: string; max: number; onLoad(base64: string, file: File): void }) {
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/svg+xml,image/webp,image/x-icon"
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="block w-full text-sm"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          if (file.size > max) return setProblem(`${file.name} is ${groupDigits(file.size)} bytes; choose an image of at most ${groupDigits(max)} bytes.`);
          setProblem(undefined);
          const reader = new FileReader();
          reader.onload = () => onLoad(String(reader.result).replace(/^data:[^,]*,/u, ""), file);
          reader.readAsDataURL(file);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="text-xs font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}

const extensionOf = (file: File) => {
  const type = file.type.split("/")[1]?.toUpperCase();
  return type === "SVG+XML" ? "SVG" : type === "X-ICON" || type === "VND.MICROSOFT.ICON" ? "ICO" : type === "JPG" ? "JPEG" : type;
};

function StylePreview({ index }: { index: number }) {
  const style = useWatch({ name: `${STYLES}.${index}` }) as { settings?: unknown; assets?: unknown; useCognitoProvidedValues?: unknown } | undefined;
  const [mode, setMode] = useState<PreviewMode>("light");
  const name = useId();
  const model = previewModel(style?.settings, style?.assets, mode, style?.useCognitoProvidedValues === "true" || style?.useCognitoProvidedValues === true);
  return (
    <section aria-label="Preview" className="space-y-3 md:col-span-2">
      <div className="flex flex-wrap items-center gap-4">
        <h4 className="text-sm font-semibold text-slate-900">Preview</h4>
        <fieldset className="flex gap-3 text-sm">
          <legend className="sr-only">Colour mode</legend>
          {(["light", "dark"] as const).map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="radio" name={name} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === "light" ? "Light mode" : "Dark mode"}
            </label>
          ))}
        </fieldset>
        {model.forcedMode && model.forcedMode !== mode && <p className="text-xs text-slate-600">This style is always {model.forcedMode}: it shows {model.forcedMode} in every browser.</p>}
      </div>
      <p className="text-xs text-slate-600">Drawn by the studio from the settings above; Cognito&apos;s own page may differ in detail.</p>
      {/* A size container: the previews' fixed widths must not widen the form on a phone; each fits inside it. */}
      <div className="@container flex flex-wrap items-start gap-4">
        <SignInPreview model={model} width={360} label={`Phone, ${model.mode} mode`} />
        <SignInPreview model={model} width={720} label={`Desktop, ${model.mode} mode`} />
      </div>
    </section>
  );
}

function OtherSettings({ index }: { index: number }) {
  const settings = useWatch({ name: `${STYLES}.${index}.settings` }) as Record<string, unknown> | undefined;
  const typed = new Set(["categories", "components"]);
  const rest = Object.fromEntries(Object.entries(settings ?? {}).filter(([k]) => !typed.has(k)));
  if (Object.keys(rest).length === 0) return null;
  return (
    <details className="md:col-span-2">
      <summary className="cursor-pointer text-sm text-slate-700">Other settings, kept as they are ({Object.keys(rest).join(", ")})</summary>
      <pre className="mt-2 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(rest, null, 2)}</pre>
    </details>
  );
}

function StyleAssets({ index }: { index: number }) {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const name = `${STYLES}.${index}.assets`;
  const { fields, append, remove } = useFieldArray({ control, name });
  const { errors } = useFieldMessages(name);
  const id = useId();
  return (
    <section aria-label="Images" className="space-y-3 md:col-span-2">
      <h4 className="text-sm font-semibold text-slate-900">Images</h4>
      {fields.length === 0 && <p className="text-sm text-slate-600">No images: the style uses Cognito&apos;s.</p>}
      {fields.map((f, j) => (
        <div key={f.id} className="grid gap-3 rounded border border-slate-200 p-3 md:grid-cols-4">
          <SelectField name={`${name}.${j}.category`} label="What it is" options={ASSET_CATEGORIES} unsetLabel="Choose" />
          <SelectField name={`${name}.${j}.colorMode`} label="Colour mode" options={COLOR_MODES} unsetLabel="Choose" />
          <SelectField name={`${name}.${j}.extension`} label="File type" options={ASSET_EXTENSIONS} unsetLabel="Choose" />
          {!readOnly && (
            <div className="flex items-end">
              <Button variant="danger" onClick={() => remove(j)}>
                Remove image
              </Button>
            </div>
          )}
        </div>
      ))}
      {errors.length > 0 && <p className="text-xs font-medium text-red-700">{errors.join(" ")}</p>}
      {!readOnly && (
        <FileToBase64
          id={`${id}-file`}
          label="Add an image (the form logo in light mode; change what it is above)"
          max={MAX_ASSET_BYTES}
          onLoad={(bytes, file) => append({ category: "FORM_LOGO", colorMode: "LIGHT", extension: extensionOf(file) ?? "PNG", bytes })}
        />
      )}
    </section>
  );
}

function StyleCard({ index, clients, onRemove }: { index: number; clients: string[]; onRemove(): void }) {
  const base = `${STYLES}.${index}`;
  const s = `${base}.settings`;
  return (
    <section aria-label={`Managed login style ${index + 1}`} className="grid gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-2">
      <SelectField name={`${base}.clientName`} label="App client" options={clients} unsetLabel="Choose a client" />
      <BooleanField name={`${base}.useCognitoProvidedValues`} label="Cognito's default style" yes="Yes: no settings or images of my own" no="No: my settings and images" unsetLabel="Not set" />
      <SelectField name={`${s}.categories.global.colorSchemeMode`} label="Colour scheme" options={SCHEMES} unsetLabel="Not set (Cognito's)" />
      <NumberField name={`${s}.components.form.borderRadius`} label="Form corner radius (px)" />
      <TextField name={`${s}.components.pageBackground.lightMode.color`} label="Page background, light mode" placeholder={COLOR_HINT} />
      <TextField name={`${s}.components.pageBackground.darkMode.color`} label="Page background, dark mode" placeholder={COLOR_HINT} />
      <TextField name={`${s}.components.primaryButton.lightMode.defaults.backgroundColor`} label="Sign-in button, light mode" placeholder={COLOR_HINT} />
      <TextField name={`${s}.components.primaryButton.darkMode.defaults.backgroundColor`} label="Sign-in button, dark mode" placeholder={COLOR_HINT} />
      <SelectField name={`${s}.categories.form.location.horizontal`} label="Form position across" options={PLACES} unsetLabel="Not set (centre)" />
      <SelectField name={`${s}.categories.form.location.vertical`} label="Form position down" options={PLACES} unsetLabel="Not set (centre)" />
      <SelectField name={`${s}.components.form.logo.location`} label="Logo alignment" options={PLACES} unsetLabel="Not set (centre)" />
      <SelectField name={`${s}.components.form.logo.position`} label="Logo above or below the form" options={[{ value: "TOP", label: "Above" }, { value: "BOTTOM", label: "Below" }]} unsetLabel="Not set (above)" />
      <OtherSettings index={index} />
      <StyleAssets index={index} />
      <StylePreview index={index} />
      <RemoveItemButton label="Remove style" onRemove={onRemove} />
    </section>
  );
}

function ClassicCard({ index, clients, onRemove }: { index: number; clients: string[]; onRemove(): void }) {
  const { readOnly } = useEditorContext();
  const { setValue } = useFormContext();
  const base = `${CLASSIC}.${index}`;
  const logo = useWatch({ name: `${base}.imageFile` }) as string | undefined;
  const id = useId();
  return (
    <section aria-label={`Hosted UI (classic) customization ${index + 1}`} className="grid gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-2">
      <SelectField name={`${base}.clientName`} label="App client" options={[{ value: "ALL", label: "Every client without its own (ALL)" }, ...clients]} unsetLabel="Choose" />
      <div className="space-y-2">
        {logo ? (
          <>
            <img src={`data:image/png;base64,${logo}`} alt="Classic logo" className="max-h-12" />
            {!readOnly && (
              <Button variant="secondary" onClick={() => setValue(`${base}.imageFile`, undefined, { shouldDirty: true })}>
                Remove logo
              </Button>
            )}
          </>
        ) : (
          <p className="text-sm text-slate-600">No logo.</p>
        )}
        {!readOnly && <FileToBase64 id={`${id}-logo`} label="Logo (PNG or JPEG, at most 100 KB)" max={Math.floor((MAX_CLASSIC_LOGO_BYTES * 3) / 4)} onLoad={(b) => setValue(`${base}.imageFile`, b, { shouldDirty: true })} />}
      </div>
      <TextField name={`${base}.css`} label="CSS (only the classes AWS allows, like .submitButton-customizable)" multiline className="md:col-span-2" />
      <RemoveItemButton label="Remove customization" onRemove={onRemove} />
    </section>
  );
}

/** Managed login styles and classic customizations; each list is "not managed" until something is added. */
export function BrandingSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const styles = useFieldArray({ control, name: STYLES });
  const classic = useFieldArray({ control, name: CLASSIC });
  const stylesManaged = useWatch({ name: STYLES }) !== undefined;
  const classicManaged = useWatch({ name: CLASSIC }) !== undefined;
  const clients = useClientNames();
  const version = useWatch({ name: "spec.domain.managedLoginVersion" }) as string | undefined;
  const [pick, setPick] = useState("");
  const addId = useId();
  const chosen = pick || clients[0] || "";
  return (
    <section className="space-y-6">
      <p className="text-sm text-slate-600">
        How the sign-in pages look. A domain on managed login shows each app client&apos;s style; a domain on the hosted UI (classic) shows the CSS and logo below.
        {version ? ` This pool's domain uses ${version === "2" ? "managed login" : "the hosted UI (classic)"}.` : ""}
      </p>
      <FieldSet title="Managed login styles" description="One style per app client. Settings the studio does not show are kept as they are.">
        <div className="space-y-4 md:col-span-2">
          {!stylesManaged && <p className="text-sm text-slate-600">Not managed: this document leaves the pool&apos;s styles as they are. Adding a style manages them here.</p>}
          {stylesManaged && styles.fields.length === 0 && <p className="text-sm text-slate-600">The pool will have no managed login styles.</p>}
          {styles.fields.map((f, i) => (
            <StyleCard key={f.id} index={i} clients={clients} onRemove={() => styles.remove(i)} />
          ))}
          {!readOnly && (
            <Card className="flex flex-wrap items-end gap-3">
              <div className="space-y-1">
                <Label htmlFor={addId}>App client</Label>
                <Select id={addId} value={chosen} onChange={(e) => setPick(e.currentTarget.value)} disabled={clients.length === 0}>
                  <ClientOptions clients={clients} />
                </Select>
              </div>
              <Button disabled={chosen === ""} onClick={() => styles.append({ clientName: chosen, settings: { categories: { global: { colorSchemeMode: "DYNAMIC" } } } })}>
                Add style
              </Button>
              {clients.length === 0 && <p className="text-sm text-slate-600">Add an app client first: a style belongs to one.</p>}
            </Card>
          )}
        </div>
      </FieldSet>
      <FieldSet title="Hosted UI (classic)" description="CSS and a logo for every client (ALL) or one client; used when the domain is on the hosted UI (classic).">
        <div className="space-y-4 md:col-span-2">
          {!classicManaged && <p className="text-sm text-slate-600">Not managed: this document leaves the classic customization as it is.</p>}
          {classic.fields.map((f, i) => (
            <ClassicCard key={f.id} index={i} clients={clients} onRemove={() => classic.remove(i)} />
          ))}
          {!readOnly && (
            <Button variant="secondary" onClick={() => classic.append({ clientName: "ALL", css: ".submitButton-customizable {\n  background-color: #0972d3;\n}" })}>
              Add classic customization
            </Button>
          )}
        </div>
      </FieldSet>
    </section>
  );
}
