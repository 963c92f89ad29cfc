"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, Card, Field, FormMessage, Input } from "@/components/ui";
import type { ActionResult } from "@/lib/contracts/action-result";

type FormState = ActionResult<null> | null;

export interface AuthFormProps {
  /** sign-in, sign-up, or accepting an invitation (the email is the invitation's). */
  mode: "sign-in" | "sign-up" | "invitation";
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl?: string;
  firstAccount?: boolean;
  /** For an invitation: its token, email and role. */
  invitation?: { token: string; email: string; role: string };
}

const TITLES = { "sign-in": "Sign in", "sign-up": "Create an account", invitation: "Join the studio" } as const;
const PASSWORD_HELP = "At least 12 characters and at most 72 bytes (letters with accents count 2 or more).";

/** The sign-in, sign-up and invitation form: works without JavaScript (a plain form post to the server action). */
export function AuthForm({ mode, action, callbackUrl, firstAccount, invitation }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so React's reset of a form after its action runs does not clear what was typed.
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  // The password too: an error (a taken email, a rate limit) must not make the person type it again.
  const [password, setPassword] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : {};
  const title = TITLES[mode];
  const creating = mode !== "sign-in";
  return (
    <Card className="mx-auto w-full max-w-md p-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {mode === "sign-up" && firstAccount && (
        <p className="mt-2 text-sm text-slate-700">This is the first account on this studio: it becomes the admin of the default workspace.</p>
      )}
      {invitation && (
        <p className="mt-2 text-sm text-slate-700">
          You are invited as <strong>{invitation.role}</strong> with the email <strong>{invitation.email}</strong>. Choose your name and a password.
        </p>
      )}
      <form action={formAction} className="mt-4 space-y-4" noValidate>
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        {invitation && <input type="hidden" name="token" value={invitation.token} />}
        {creating && (
          <Field id="name" label="Name" error={errors.name}>
            {(aria) => <Input {...aria} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        )}
        {invitation ? (
          <Field id="email" label="Email">
            {(aria) => <Input {...aria} name="email" type="email" autoComplete="email" value={invitation.email} readOnly />}
          </Field>
        ) : (
          <Field id="email" label="Email" error={errors.email}>
            {(aria) => <Input {...aria} name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
        )}
        <Field id="password" label="Password" help={creating ? PASSWORD_HELP : undefined} error={errors.password}>
          {(aria) => <Input {...aria} name="password" type="password" autoComplete={creating ? "new-password" : "current-password"} required value={password} onChange={(e) => setPassword(e.target.value)} />}
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

/** The sign-up page when nobody can sign up without an invitation (or at all): says so, and how to get in. */
export function SignUpRefused({ message, title = "Create an account" }: { message: string; title?: string }) {
  return (
    <Card className="mx-auto w-full max-w-md p-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-slate-700" role="status">
        {message}
      </p>
      <p className="mt-4 text-sm text-slate-700">
        Already have an account? <Link className="font-medium text-indigo-800 underline" href="/sign-in">Sign in</Link>
      </p>
    </Card>
  );
}
