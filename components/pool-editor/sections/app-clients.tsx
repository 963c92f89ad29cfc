"use client";
import { memo, useMemo, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Badge, Button, Card, Input, Label, Select, WindowedList } from "@/components/ui";
import type { ClientPreset } from "@/lib/cognito/presets";
import { CLIENT_KIND_LABEL, inferClientKind } from "@/lib/cognito/spec/client-kind";
import { fromFormValues, toFormValuesAt } from "../form-values";
import { clientIndexOf } from "../field-errors";
import { useEditorContext } from "../editor-context";
import { usePresets } from "../use-presets";
import { ClientEditor, ClientSettingsFields } from "./client-editor";

const NAME = "spec.clients";
/** A client row: a 36 px button and 4 px of space below it. */
const CLIENT_ROW_HEIGHT = 40;

const ClientRow = memo(function ClientRow({ index, selected, errors, warnings, onSelect }: { index: number; selected: boolean; errors: number; warnings: number; onSelect: (i: number) => void }) {
  const name = useWatch({ name: `${NAME}.${index}.name` }) as string | undefined;
  const [generateSecret, flows, callbacks] = useWatch({ name: [`${NAME}.${index}.generateSecret`, `${NAME}.${index}.allowedOAuthFlows`, `${NAME}.${index}.callbackUrls`] }) as [unknown, unknown, unknown];
  const kind = inferClientKind({
    generateSecret: generateSecret === true || generateSecret === "true",
    allowedOAuthFlows: Array.isArray(flows) ? (flows as string[]) : undefined,
    callbackUrls: Array.isArray(callbacks) ? (callbacks as string[]) : undefined,
  });
  return (
    <button
      type="button"
      aria-current={selected ? "true" : undefined}
      onClick={() => onSelect(index)}
      className="flex h-9 w-full items-center justify-between gap-2 rounded-md px-3 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=true]:bg-indigo-50 aria-[current=true]:font-semibold"
    >
      <span className="min-w-0 truncate">{name || `Client ${index + 1} (no name)`}</span>
      <span className="flex shrink-0 gap-1">
        <Badge tone="neutral" data-testid="client-kind">
          {CLIENT_KIND_LABEL[kind]}
        </Badge>
        {errors > 0 && <Badge tone="bad">{errors} {errors === 1 ? "error" : "errors"}</Badge>}
        {warnings > 0 && <Badge tone="warn">{warnings} {warnings === 1 ? "warning" : "warnings"}</Badge>}
      </span>
    </button>
  );
});

function AddClient({ onAdded, append }: { onAdded: (index: number) => void; append: (client: Record<string, unknown>) => void }) {
  const { getValues, setValue } = useFormContext();
  const presetsModule = usePresets();
  const presets = useMemo(() => (presetsModule?.listPresets("client") ?? []) as ClientPreset[], [presetsModule]);
  // Undefined until chosen: the first preset once the presets have loaded.
  const [chosenPreset, setPresetName] = useState<string>();
  const presetName = chosenPreset ?? presets[0]?.name ?? "";
  const [clientName, setClientName] = useState("");
  const [callbackUrl, setCallbackUrl] = useState("");
  const [identifier, setIdentifier] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const preset = presets.find((p) => p.name === presetName);
  // The preset's example URLs and API identifier can be replaced right away (else they are edited afterwards).
  const hasRedirects = preset?.values.callbackUrls !== undefined;
  const hasServer = preset?.resourceServer !== undefined;
  const settings = useMemo(() => (preset && presetsModule ? presetsModule.presetSettings(preset) : []), [preset, presetsModule]);

  const add = () => {
    const name = clientName.trim();
    if (name === "") return setProblem("Enter a name for the new client.");
    const count = (getValues(NAME) as unknown[] | undefined)?.length ?? 0;
    if (!presetsModule) return;
    if (!preset) {
      append({ name });
    } else {
      const doc = fromFormValues(getValues());
      const callback = hasRedirects ? callbackUrl.trim() : "";
      let logout: string | undefined;
      if (callback !== "") {
        try {
          logout = new URL("/", callback).toString();
        } catch {
          return setProblem("Enter the callback URL as a full URL, e.g. https://app.example.com/callback.");
        }
      }
      const api = hasServer ? identifier.trim() : "";
      const result = presetsModule.applyClientPreset(doc.spec ?? { region: "" }, preset, {
        clientName: name,
        ...(callback !== "" && logout ? { callbackUrls: [callback], logoutUrls: [logout] } : {}),
        ...(api !== "" ? { resourceServerIdentifier: api } : {}),
      });
      if (result.diagnostics.length > 0 || result.clientIndex === undefined) return setProblem(result.diagnostics.map((d) => d.message).join(" "));
      append(toFormValuesAt(result.spec.clients?.[result.clientIndex], [...NAME.split("."), 0]) as Record<string, unknown>);
      if (result.spec.resourceServers !== doc.spec?.resourceServers)
        setValue("spec.resourceServers", toFormValuesAt(result.spec.resourceServers, ["spec", "resourceServers"]), { shouldDirty: true, shouldValidate: true });
    }
    setProblem(undefined);
    setClientName("");
    setCallbackUrl("");
    setIdentifier("");
    onAdded(count);
  };

  return (
    <Card className="space-y-3">
      <h3 className="text-base font-semibold">Add client</h3>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="pe-add-client-preset">Start from</Label>
          <Select id="pe-add-client-preset" value={presetName} onChange={(e) => setPresetName(e.currentTarget.value)}>
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.title}
              </option>
            ))}
            <option value="">Blank client</option>
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="pe-add-client-name">Client name</Label>
          <Input
            id="pe-add-client-name"
            value={clientName}
            autoComplete="off"
            aria-describedby={problem ? "pe-add-client-problem" : undefined}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setClientName(e.currentTarget.value)}
          />
        </div>
        {hasRedirects && (
          <div className="space-y-1">
            <Label htmlFor="pe-add-client-callback">Callback URL (optional)</Label>
            <Input id="pe-add-client-callback" type="url" value={callbackUrl} autoComplete="off" placeholder={preset?.values.callbackUrls?.[0]} onChange={(e) => setCallbackUrl(e.currentTarget.value)} />
          </div>
        )}
        {hasServer && (
          <div className="space-y-1">
            <Label htmlFor="pe-add-client-api">Resource server identifier (optional)</Label>
            <Input id="pe-add-client-api" value={identifier} autoComplete="off" placeholder={preset?.resourceServer?.identifier} onChange={(e) => setIdentifier(e.currentTarget.value)} />
          </div>
        )}
      </div>
      {problem && (
        <p id="pe-add-client-problem" className="text-xs font-medium text-red-700">
          {problem}
        </p>
      )}
      {preset && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">What the {preset.title} preset sets, and why</summary>
          <p className="mt-1 text-slate-600">{preset.summary}</p>
          <dl className="mt-2 space-y-2">
            {settings.map((s) => (
              <div key={s.path}>
                <dt className="font-mono text-xs wrap-anywhere">
                  {s.path} = {JSON.stringify(s.value)}
                  {s.placeholder && <Badge tone="warn" className="ml-2">example: replace it</Badge>}
                </dt>
                <dd className="text-slate-700">{s.why}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <Button onClick={add} disabled={!presetsModule}>
        Add client
      </Button>
    </Card>
  );
}

/** The settings every client inherits unless it sets its own (the mineiros module's `default_client_*`). */
function ClientDefaults() {
  const defaults = useWatch({ name: "spec.clientDefaults" }) as Record<string, unknown> | undefined;
  const set = defaults !== undefined && Object.values(defaults).some((v) => v !== "" && v !== undefined);
  // Its fields (a second scope picker among them) are rendered once it is first opened, not with the section.
  const [opened, setOpened] = useState(set);
  return (
    <details open={set} onToggle={(e) => e.currentTarget.open && setOpened(true)} className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-semibold">Client defaults: settings every client inherits unless it sets its own</summary>
      {opened && (
        <div className="mt-3">
          <ClientSettingsFields base="spec.clientDefaults" />
        </div>
      )}
    </details>
  );
}

/** The pool's app clients: a collapsed list and the editor of the selected client. */
export function AppClientsSection() {
  const { control } = useFormContext();
  const { index, readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: NAME });
  const managed = useWatch({ name: NAME }) !== undefined;
  const [selected, setSelected] = useState(0);
  const counts = useMemo(() => {
    const out = new Map<number, { errors: number; warnings: number }>();
    for (const [name, diagnostics] of index) {
      const i = clientIndexOf(name);
      if (i === undefined) continue;
      const c = out.get(i) ?? { errors: 0, warnings: 0 };
      for (const d of diagnostics) {
        if (d.severity === "error") c.errors++;
        else c.warnings++;
      }
      out.set(i, c);
    }
    return out;
  }, [index]);
  const current = selected < fields.length ? selected : fields.length - 1;

  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
      <div className="space-y-3">
        <h3 className="text-base font-semibold">
          Clients in this pool <span className="font-normal text-slate-600">({fields.length})</span>
        </h3>
        {!managed && <p className="text-sm text-slate-600">Not managed: this document leaves the pool&apos;s clients as they are. Adding a client manages them here.</p>}
        {managed && fields.length === 0 && <p className="text-sm text-slate-600">The pool will have no app clients.</p>}
        {/* Only the rows in view are rendered: a pool of 200 clients opens as fast as one of ten. */}
        <WindowedList
          label="App clients"
          className="max-h-[60vh]"
          count={fields.length}
          rowHeight={CLIENT_ROW_HEIGHT}
          focusIndex={current}
          rowKey={(i) => fields[i]!.id}
          renderRow={(i) => <ClientRow index={i} selected={i === current} errors={counts.get(i)?.errors ?? 0} warnings={counts.get(i)?.warnings ?? 0} onSelect={setSelected} />}
        />
      </div>
      <div className="min-w-0 space-y-4">
        {current >= 0 && fields[current] && (
          <section aria-label="Selected app client" className="space-y-4">
            <ClientEditor key={fields[current].id} index={current} />
            {!readOnly && (
              // Quiet on purpose: removing is one click away, not the loudest thing on the page.
              <Button variant="ghost" className="text-red-800 hover:bg-red-50" onClick={() => remove(current)}>
                Remove this client
              </Button>
            )}
          </section>
        )}
        {!readOnly && <AddClient onAdded={setSelected} append={append} />}
        <ClientDefaults />
      </div>
    </div>
  );
}
