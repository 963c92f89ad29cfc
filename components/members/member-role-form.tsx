"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setMemberRoleAction } from "@/app/members/actions";
import { Button, Select } from "@/components/ui";
import { ROLES, type Role } from "@/lib/contracts/roles";

/** One member's role: a select and a save button (the server allows admins only). */
export function MemberRoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const router = useRouter();
  const [value, setValue] = useState<Role>(role);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const id = `role-${userId}`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Role of ${email}`}
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        startTransition(async () => {
          const result = await setMemberRoleAction({ userId, role: value });
          if (!result.ok) setError([result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" "));
          router.refresh();
        });
      }}
    >
      <label htmlFor={id} className="sr-only">
        Role of {email}
      </label>
      {/* A fixed width: the control class makes selects full width, which left the button under it. */}
      <div className="w-32 shrink-0">
        <Select id={id} value={value} onChange={(e) => setValue(e.target.value as Role)} aria-describedby={error ? `${id}-error` : undefined}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || value === role}>
        Save role
      </Button>
      {error && (
        <span id={`${id}-error`} role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
    </form>
  );
}
