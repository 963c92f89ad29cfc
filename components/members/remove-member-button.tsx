"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeMemberAction } from "@/app/members/actions";
import { Button } from "@/components/ui";

/** Removes a member after a confirmation; their sessions end at once (the server refuses the last admin). */
export function RemoveMemberButton({ userId, email }: { userId: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="danger"
        disabled={pending}
        aria-label={`Remove ${email}`}
        onClick={() => {
          if (!window.confirm(`Remove ${email}? They are signed out at once and need a new invitation to come back.`)) return;
          setError(undefined);
          startTransition(async () => {
            const result = await removeMemberAction({ userId });
            if (!result.ok) setError(result.formError ?? "Could not remove this member.");
            router.refresh();
          });
        }}
      >
        Remove
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
