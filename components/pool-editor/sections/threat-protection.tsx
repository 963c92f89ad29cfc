"use client";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button, Card } from "@/components/ui";
import { SelectField } from "../controls";
import { useEditorContext } from "../editor-context";
import { RiskSettingsFields } from "./risk-settings-fields";
import { SettingNotes } from "./setting-notes";
import { useClientNames } from "./list-items";

const BASE = "spec.riskConfiguration";
const CLIENTS = `${BASE}.clients`;

/** Threat protection settings (SetRiskConfiguration): the pool's, and app clients with settings of their own. */
export function ThreatProtectionSection() {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: CLIENTS });
  const clientNames = useClientNames();
  const chosen = new Set(((useWatch({ name: CLIENTS }) as { clientName?: string }[] | undefined) ?? []).map((c) => c.clientName));
  const free = clientNames.filter((n) => !chosen.has(n));
  return (
    <section className="space-y-4">
      <p className="text-sm text-slate-600">
        Threat protection needs the Plus feature plan and its mode (Audit only or Full function) under Advanced. Settings left empty keep AWS&apos;s defaults; with none set,
        the pool&apos;s threat protection settings are not managed here.
      </p>
      <SettingNotes name={BASE} id="pe-threat-protection-notes" />
      <RiskSettingsFields base={BASE} />
      <Card className="space-y-4">
        <div>
          <h3 className="text-base font-semibold">App client settings</h3>
          <p className="text-sm text-slate-600">An app client listed here uses its own settings instead of the pool&apos;s.</p>
        </div>
        {fields.map((f, i) => (
          <section key={f.id} aria-label={`App client settings ${i + 1}`} className="space-y-4 rounded-lg border border-slate-200 p-4">
            <div className="grid gap-4 md:grid-cols-2">
              <SelectField name={`${CLIENTS}.${i}.clientName`} options={clientNames} unsetLabel="Choose an app client" />
            </div>
            <RiskSettingsFields base={`${CLIENTS}.${i}`} />
            {!readOnly && (
              <Button variant="danger" onClick={() => remove(i)}>
                Use the pool&apos;s settings
              </Button>
            )}
          </section>
        ))}
        {!readOnly &&
          (free.length > 0 ? (
            <Button variant="secondary" onClick={() => append({ clientName: free[0] })}>
              Add settings for an app client
            </Button>
          ) : (
            <p className="text-sm text-slate-600">{clientNames.length === 0 ? "Add an app client first." : "Every app client has settings of its own."}</p>
          ))}
      </Card>
    </section>
  );
}
