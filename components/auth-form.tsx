"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, Card, Field, FormMessage, Input } from "@/components/ui";
import type { ActionResult } from "@/lib/server/action-result";

type FormState = ActionResult<null> | null;

export interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl?: string;
  firstAccount?: boolean;
}

/** The sign-in and sign-up form: works without JavaScript (a plain form post to the server action). */
export function AuthForm({ mode, action, callbackUrl, firstAccount }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so React's reset of a form after its action runs does not clear what was typed.
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : {};
  const title = mode === "sign-in" ? "Sign in" : "Create an account";
  return (
    <Card className="mx-auto w-full max-w-md p-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {mode === "sign-up" && firstAccount && (
        <p className="mt-2 text-sm text-slate-700">This is the first account on this studio: it becomes the admin of the default workspace.</p>
      )}
      <form action={formAction} className="mt-4 space-y-4" noValidate>
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        {mode === "sign-up" && (
          <Field id="name" label="Name" error={errors.name}>
            {(aria) => <Input {...aria} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        )}
        <Field id="email" label="Email" error={errors.email}>
          {(aria) => <Input {...aria} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="password" label="Password" help={mode === "sign-up" ? "At least 12 characters." : undefined} error={errors.password}>
          {(aria) => <Input {...aria} name="password" type="password" autoComplete={mode === "sign-up" ? "new-password" : "current-password"} required />}
        </Field>
        <FormMessage>{state && !state.ok ? state.formError : undefined}</FormMessage>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Please wait…" : title}
        </Button>
      </form>
      <p className="mt-4 text-sm text-slate-700">
        {mode === "sign-in" ? (
          <>
            No account yet? <Link className="font-medium text-indigo-800 underline" href="/sign-up">Create one</Link>
          </>
        ) : (
          <>
            Already have an account? <Link className="font-medium text-indigo-800 underline" href="/sign-in">Sign in</Link>
          </>
        )}
      </p>
    </Card>
  );
}
