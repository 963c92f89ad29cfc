"use client";
import { useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Badge, Button, Card, Checkbox, Input, Label, Select } from "@/components/ui";
import { IDENTITY_PROVIDER_TYPES, SECRET_SOURCES } from "@/lib/cognito/spec/identity-provider-schema";
import { FieldSet, KeyValueField, SelectField, StringListField, TextField } from "../controls";
import { useEditorContext } from "../editor-context";
import { fromFormValues, toFormValuesAt } from "../form-values";
import { usePresets } from "../use-presets";
import { RemoveItemButton, useClientNames } from "./list-items";

const NAME = "spec.identityProviders";

function AddProvider() {
  const { getValues, setValue } = useFormContext();
  const clientNames = useClientNames();
  const presetsModule = usePresets();
  const presets = presetsModule?.IDENTITY_PROVIDER_PRESETS ?? [];
  // Undefined until chosen: the first preset once the presets have loaded.
  const [chosenPreset, setPresetName] = useState<string>();
  const presetName = chosenPreset ?? presets[0]?.name ?? "";
  const [providerName, setProviderName] = useState("");
  const [offerOn, setOfferOn] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const preset = presets.find((p) => p.name === presetName);
  const named = preset?.provider.providerType === "SAML" || preset?.provider.providerType === "OIDC";

  const add = () => {
    if (!preset || !presetsModule) return;
    const doc = fromFormValues(getValues());
    const result = presetsModule.addIdentityProviderPreset(doc.spec ?? { region: "" }, preset, { providerName, offerOn });
    if (result.diagnostics.length > 0) return setProblem(result.diagnostics.map((d) => d.message).join(" "));
    setValue(NAME, toFormValuesAt(result.spec.identityProviders, ["spec", "identityProviders"]), { shouldDirty: true, shouldValidate: true });
    if (offerOn.length > 0) setValue("spec.clients", toFormValuesAt(result.spec.clients, ["spec", "clients"]), { shouldDirty: true, shouldValidate: true });
    setProblem(undefined);
    setProviderName("");
    setOfferOn([]);
  };

  return (
    <Card className="space-y-3">
      <h3 className="text-base font-semibold">Add sign-in provider</h3>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="pe-add-provider-preset">Provider</Label>
          <Select id="pe-add-provider-preset" value={presetName} onChange={(e) => setPresetName(e.currentTarget.value)}>
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.title}
              </option>
            ))}
          </Select>
        </div>
        {named && (
          <div className="space-y-1">
            <Label htmlFor="pe-add-provider-name">Provider name</Label>
            <Input
              id="pe-add-provider-name"
              value={providerName}
              autoComplete="off"
              placeholder={preset?.provider.providerName}
              aria-describedby={problem ? "pe-add-provider-problem" : undefined}
              onChange={(e) => setProviderName(e.currentTarget.value)}
            />
          </div>
        )}
      </div>
      {clientNames.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Offer it on these app clients</legend>
          {clientNames.map((client, i) => (
            <div key={client} className="flex items-center gap-2">
              <Checkbox
                id={`pe-add-provider-client-${i}`}
                checked={offerOn.includes(client)}
                onChange={(e) => setOfferOn(e.currentTarget.checked ? [...offerOn, client] : offerOn.filter((c) => c !== client))}
              />
              <Label htmlFor={`pe-add-provider-client-${i}`}>{client}</Label>
            </div>
          ))}
        </fieldset>
      )}
      {problem && (
        <p id="pe-add-provider-problem" className="text-xs font-medium text-red-700">
          {problem}
        </p>
      )}
      {preset && (
        <p className="text-sm text-slate-600">
          {preset.summary} {preset.placeholders.length > 0 && <Badge tone="warn">replace the example {preset.placeholders.join(", ")}</Badge>}
        </p>
      )}
      <Button onClick={add} disabled={!presetsModule}>
        Add provider
      </Button>
    </Card>
  );
}

/** Federated sign-in: Google, Apple, Facebook, Amazon, OIDC and SAML providers, and where their secret lives. */
export function IdentityProvidersSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, remove } = useFieldArray({ control, name: NAME });
  const managed = useWatch({ name: NAME }) !== undefined;
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">
        External identity providers users can sign in with. A client offers a provider by listing its name in its identity providers. Secrets are never stored here: name
        the environment variable (its name starts with IDP_SECRET_), Secrets Manager secret or SSM parameter the server reads when it applies.
      </p>
      {!managed && <p className="text-sm text-slate-600">Not managed: this document leaves the pool&apos;s providers as they are. Adding one manages them here.</p>}
      {managed && fields.length === 0 && <p className="text-sm text-slate-600">The pool will have no external providers.</p>}
      {fields.map((f, i) => (
        <FieldSet key={f.id} title={`Provider ${i + 1}`}>
          <TextField name={`${NAME}.${i}.providerName`} />
          <SelectField name={`${NAME}.${i}.providerType`} options={IDENTITY_PROVIDER_TYPES} unsetLabel="Choose a type" />
          <KeyValueField name={`${NAME}.${i}.providerDetails`} noun="Detail" className="md:col-span-2" />
          <SelectField name={`${NAME}.${i}.secretRef.source`} options={SECRET_SOURCES} unsetLabel="No secret" />
          <TextField name={`${NAME}.${i}.secretRef.name`} />
          <TextField name={`${NAME}.${i}.secretRef.jsonKey`} />
          <KeyValueField name={`${NAME}.${i}.attributeMapping`} noun="Mapping" className="md:col-span-2" />
          <StringListField name={`${NAME}.${i}.idpIdentifiers`} itemLabel="Identifier" />
          <RemoveItemButton label="Remove provider" onRemove={() => remove(i)} />
        </FieldSet>
      ))}
      {!readOnly && <AddProvider />}
    </section>
  );
}
