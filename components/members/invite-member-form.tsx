"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inviteMemberAction } from "@/app/members/actions";
import { Button, Card, Field, FormMessage, Input, Select } from "@/components/ui";
import { ROLES, type Role } from "@/lib/contracts/roles";

/**
 * Invite someone by email with a role. The answer holds the link once: the admin copies it and sends
 * it to the person (the studio sends no email). It works once, for 7 days.
 */
export function InviteMemberForm() {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string>();
  const [link, setLink] = useState<{ url: string; email: string; role: string }>();
  const [pending, startTransition] = useTransition();
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-lg font-semibold">Invite someone</h2>
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Invite someone"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          setFormError(undefined);
          startTransition(async () => {
            const result = await inviteMemberAction({ email, role });
            if (!result.ok) {
              setErrors(result.fieldErrors);
              setFormError(result.formError);
              return;
            }
            setLink({ url: `${window.location.origin}${result.data.path}`, email: result.data.email, role: result.data.role });
            setEmail("");
            router.refresh();
          });
        }}
      >
        <Field id="invite-email" label="Email" error={errors.email} className="min-w-0 flex-1 basis-64">
          {(aria) => <Input {...aria} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="invite-role" label="Role" error={errors.role}>
          {(aria) => (
            <Select {...aria} value={role} onChange={(e) => setRole(e.target.value as Role)} className="w-36">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Create invitation link"}
        </Button>
      </form>
      <FormMessage>{formError}</FormMessage>
      {link && (
        <div role="status" className="space-y-1 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p>
            Send this link to <strong>{link.email}</strong> ({link.role}). It is shown only now, works once and expires in 7 days.
          </p>
          <Input aria-label="Invitation link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        </div>
      )}
    </Card>
  );
}
