"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { adoptStarterSetAction, savePoliciesAction, testPoliciesAction } from "@/app/policies/actions";
import { Button, Card, Field, FormMessage, Input, Select, Textarea } from "@/components/ui";
import type { ActionResult } from "@/lib/contracts/action-result";

interface TestedViolation {
  policyId: string;
  blocking: boolean;
  path: string;
  message: string;
}

const failureText = (r: Extract<ActionResult<unknown>, { ok: false }>) => [r.formError, ...Object.values(r.fieldErrors).flat()].filter(Boolean).join(" ");

/** The policy file (admins edit and save it; everyone reads it) and "Test against this pool". */
export function PolicyEditor({ admin, text: initial, fingerprint, pools }: { admin: boolean; text: string; fingerprint: string; pools: { id: string; name: string }[] }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [poolId, setPoolId] = useState(pools[0]?.id ?? "");
  const [targetName, setTargetName] = useState("prod");
  const [tested, setTested] = useState<{ poolName: string; targetName: string; problems: string[]; violations: TestedViolation[] }>();
  const [testError, setTestError] = useState<string>();

  const save = (run: () => Promise<ActionResult<{ summary: string }>>) => {
    setError(undefined);
    setSaved(undefined);
    startTransition(async () => {
      const result = await run();
      if (!result.ok) return setError(failureText(result));
      setSaved(`Saved: ${result.data.summary}.`);
      router.refresh();
    });
  };
  // The text box follows the saved set after a save or an adoption (the page passes the new text).
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setText(initial);
  }

  return (
    <div className="space-y-4">
      {admin && (
        <Card>
          <h2 className="text-lg font-semibold">Starter set</h2>
          <p className="mb-3 text-sm text-slate-700">
            Production pools keep deletion protection and require MFA; no app client allows the implicit grant; production clients do not redirect to localhost; refresh tokens
            live at most 30 days; passwords have 12 characters. Adopting adds the ones the workspace does not have; edit them afterwards like your own.
          </p>
          <Button variant="secondary" disabled={pending} onClick={() => save(() => adoptStarterSetAction({ fingerprint }))}>
            Adopt the starter set
          </Button>
        </Card>
      )}
      <Card>
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            save(() => savePoliciesAction({ text, fingerprint }));
          }}
        >
          <Field
            id="policy-file"
            label="Policy file (YAML)"
            help={
              admin
                ? "Each policy: id, description, severity (warn or block), optional when and each, require, path. Nothing is saved unless every policy compiles."
                : "Only admins change policies."
            }
            error={error}
          >
            {(aria) => (
              <Textarea
                {...aria}
                rows={16}
                // YAML's structure is its indentation: long lines scroll rather than wrap.
                wrap="off"
                spellCheck={false}
                readOnly={!admin}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={'policies:\n  - id: prod-deletion-protection\n    description: Production pools keep deletion protection\n    severity: block\n    when: target.name == "prod"\n    require: pool.spec.deletionProtection == "ACTIVE"\n    path: spec.deletionProtection'}
              />
            )}
          </Field>
          {admin && (
            <Button type="submit" disabled={pending || text === initial}>
              Save policies
            </Button>
          )}
          <FormMessage tone="success">{saved}</FormMessage>
        </form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">Test against this pool</h2>
        <p className="mb-3 text-sm text-slate-700">Checks the policies above, as typed (saved or not), against a pool&apos;s draft for a target name. Nothing is saved.</p>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setTestError(undefined);
            startTransition(async () => {
              const result = await testPoliciesAction({ text, poolId, targetName });
              if (!result.ok) return setTestError(failureText(result));
              setTested({ ...result.data, targetName });
            });
          }}
        >
          <Field id="policy-test-pool" label="Pool" className="w-full sm:w-56">
            {(aria) => (
              <Select {...aria} value={poolId} onChange={(e) => setPoolId(e.target.value)}>
                {pools.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="policy-test-target" label="Target name" className="w-full sm:w-40">
            {(aria) => <Input {...aria} value={targetName} onChange={(e) => setTargetName(e.target.value)} />}
          </Field>
          <Button type="submit" variant="secondary" disabled={pending || pools.length === 0}>
            Test against this pool
          </Button>
        </form>
        <div className="mt-3 space-y-2" aria-live="polite" data-testid="policy-test-result">
          <FormMessage>{testError}</FormMessage>
          {tested && <TestResult {...tested} />}
        </div>
      </Card>
    </div>
  );
}

function TestResult({ poolName, targetName, problems, violations }: { poolName: string; targetName: string; problems: string[]; violations: TestedViolation[] }) {
  const blocking = violations.filter((v) => v.blocking).length;
  return (
    <>
      {problems.map((p) => (
        <p key={p} className="text-sm text-red-800">
          {p}
        </p>
      ))}
      <p className="text-sm font-medium">
        {poolName} on {targetName || "no target"}:{" "}
        {violations.length === 0 ? "every policy passes." : `${blocking} blocking, ${violations.length - blocking} warning${violations.length - blocking === 1 ? "" : "s"}.`}
      </p>
      {violations.length > 0 && (
        <ul className="space-y-1 text-sm">
          {violations.map((v) => (
            <li key={`${v.policyId} ${v.path}`} className={v.blocking ? "text-red-800 wrap-anywhere" : "text-amber-900 wrap-anywhere"}>
              <span className="font-medium">{v.blocking ? "block" : "warn"}</span> policy/{v.policyId} at <code>{v.path}</code>: {v.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
