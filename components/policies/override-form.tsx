"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { overridePoliciesAction } from "@/app/policies/actions";
import { Button, Field, Textarea } from "@/components/ui";

/** An admin's written reason to apply this plan version although blocking policies fail. */
export function OverrideForm({ changeRequestId, planVersion, policyKeys }: { changeRequestId: string; planVersion: number; policyKeys: string[] }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        startTransition(async () => {
          const result = await overridePoliciesAction({ changeRequestId, planVersion, reason });
          if (!result.ok) return setError([result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" "));
          setReason("");
          router.refresh();
        });
      }}
    >
      <Field id="policy-override-reason" label={`Reason to override ${policyKeys.join(", ")}`} help="Kept on this change request and in the audit log; counts for this plan version only." error={error}>
        {(aria) => <Textarea {...aria} rows={3} className="font-sans" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        Override and allow apply
      </Button>
    </form>
  );
}
