"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { importAwsPoolsAction, listAwsPoolsAction } from "@/app/pools/import-actions";
import { Button, Checkbox, Field, FormMessage, Input, Select } from "@/components/ui";
import type { AwsImportOutcome, AwsPoolListing, TargetConnectionChoice } from "@/lib/server/import-aws";
import { plural } from "./plural";

const DEFAULT = "";
const OTHER = "other";

/**
 * Import from AWS: list the user pools the server's credentials can see in a Region (through an existing target's
 * endpoint and role, or for admins an endpoint of their own such as moto or LocalStack), choose one or several;
 * each becomes a design with a target linked to the live pool, in one step.
 */
export function ImportAwsForm({ connections, canUseOwnEndpoint }: { connections: TargetConnectionChoice[]; canUseOwnEndpoint: boolean }) {
  const router = useRouter();
  const [region, setRegion] = useState("us-east-1");
  const [connection, setConnection] = useState(DEFAULT);
  const [endpoint, setEndpoint] = useState("");
  const [environment, setEnvironment] = useState("dev");
  const [pools, setPools] = useState<AwsPoolListing[]>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string>();
  const [outcomes, setOutcomes] = useState<AwsImportOutcome[]>();
  const [pending, setPending] = useState<"list" | "import">();

  const ownEndpoint = connections.length === 0 ? canUseOwnEndpoint : connection === OTHER;
  const where = { region, ...(connection !== DEFAULT && connection !== OTHER ? { targetId: connection } : {}), ...(ownEndpoint ? { endpoint } : {}) };

  function fail(fieldErrors: Record<string, string[]>, message?: string) {
    setErrors(fieldErrors);
    setFormError(Object.keys(fieldErrors).length > 0 ? undefined : message);
  }

  async function list(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    setOutcomes(undefined);
    setPending("list");
    const res = await listAwsPoolsAction(where);
    setPending(undefined);
    if (!res.ok) return fail(res.fieldErrors, res.formError);
    setPools(res.data);
    setChosen(new Set(res.data.length === 1 && res.data[0] && res.data[0].linkedTo.length === 0 ? [res.data[0].id] : []));
  }

  async function importChosen() {
    setErrors({});
    setFormError(undefined);
    if (chosen.size === 0) return setErrors({ userPoolIds: ["Choose at least one pool."] });
    setPending("import");
    const res = await importAwsPoolsAction({ ...where, environment, userPoolIds: [...chosen] });
    setPending(undefined);
    if (!res.ok) return fail(res.fieldErrors, res.formError);
    setOutcomes(res.data);
    setPools(undefined);
    setChosen(new Set());
    router.refresh();
    const [only] = res.data;
    if (res.data.length === 1 && only?.pool && only.notes.length === 0 && !only.pool.renamedFrom) router.push(`/pools/${only.pool.id}/targets`);
  }

  function toggle(id: string, on: boolean) {
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="mt-3 space-y-4">
      <form onSubmit={list} noValidate aria-label="Import from AWS" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="aws-region" label="Region" help="Where the pools are, e.g. eu-west-1." error={errors.region}>
            {(aria) => <Input {...aria} value={region} onChange={(e) => setRegion(e.target.value)} autoComplete="off" />}
          </Field>
          <Field id="aws-environment" label="Environment" help="The designs' label and the name of their target." error={errors.environment}>
            {(aria) => <Input {...aria} value={environment} onChange={(e) => setEnvironment(e.target.value)} autoComplete="off" />}
          </Field>
        </div>
        {connections.length > 0 && (
          <Field id="aws-connection" label="Connect through" help="The server's AWS credentials are used, with this endpoint and role." error={errors.targetId}>
            {(aria) => (
              <Select {...aria} value={connection} onChange={(e) => setConnection(e.target.value)}>
                <option value={DEFAULT}>AWS (no endpoint, no role)</option>
                {connections.map((c) => (
                  <option key={c.targetId} value={c.targetId}>
                    {c.label}
                  </option>
                ))}
                {canUseOwnEndpoint && <option value={OTHER}>Another endpoint…</option>}
              </Select>
            )}
          </Field>
        )}
        {ownEndpoint && (
          <Field id="aws-endpoint" label="Endpoint (optional)" help="Only for moto or LocalStack, e.g. http://localhost:5000; empty for AWS." error={errors.endpoint}>
            {(aria) => <Input {...aria} value={endpoint} onChange={(e) => setEndpoint(e.target.value)} autoComplete="off" inputMode="url" />}
          </Field>
        )}
        <FormMessage>{formError}</FormMessage>
        <Button type="submit" variant="secondary" disabled={pending !== undefined}>
          {pending === "list" ? "Listing…" : "List pools"}
        </Button>
      </form>
      {pools && (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" aria-describedby={errors.userPoolIds ? "aws-pools-error" : undefined}>
          <legend className="px-1 text-sm font-medium">{pools.length === 0 ? `No user pools in ${region}` : `${plural(pools.length, "user pool")} in ${region}`}</legend>
          {pools.length > 0 && <p className="text-xs text-slate-600">Each chosen one becomes a design with a target named {environment || "dev"} linked to it.</p>}
          <ul className="space-y-2">
            {pools.map((p) => (
              <li key={p.id}>
                <label className="flex items-start gap-2 text-sm">
                  <Checkbox className="mt-0.5" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                  <span className="min-w-0">
                    <span className="font-medium break-all">{p.name}</span> <code className="font-mono text-xs break-all text-slate-700">{p.id}</code>
                    {p.linkedTo.length > 0 && <span className="block text-xs text-amber-800">already linked to {p.linkedTo.map((l) => l.name).join(", ")}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {errors.userPoolIds && (
            <p id="aws-pools-error" className="text-xs font-medium text-red-700">
              {errors.userPoolIds.join(" ")}
            </p>
          )}
          {pools.length > 0 && (
            <Button onClick={() => void importChosen()} disabled={pending !== undefined}>
              {pending === "import" ? "Importing…" : `Import ${plural(chosen.size, "pool")}`}
            </Button>
          )}
        </fieldset>
      )}
      {outcomes && <Outcomes outcomes={outcomes} />}
    </div>
  );
}

function Outcomes({ outcomes }: { outcomes: AwsImportOutcome[] }) {
  const failed = outcomes.some((o) => o.error);
  return (
    <div role="status" className={`rounded-md p-3 text-sm ${failed ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`}>
      <ul className="list-disc space-y-1 pl-5">
        {outcomes.map((o) => (
          <li key={o.userPoolId}>
            {o.pool ? (
              <>
                <Link className="font-medium underline" href={`/pools/${o.pool.id}/targets`}>
                  {o.pool.name}
                </Link>{" "}
                imported from <code className="font-mono">{o.userPoolId}</code>
                {o.pool.renamedFrom && ` (a pool named ${o.pool.renamedFrom} already existed)`}
                {!o.pool.valid && "; the draft has errors to fix"}
              </>
            ) : (
              o.error
            )}
            {o.notes.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-amber-900">
                {o.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
