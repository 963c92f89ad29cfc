"use server";
import { headers } from "next/headers";
import { type ActionResult, GENERIC_ERROR, toFieldErrors } from "@/lib/server/action";
import { clientAddressFrom, signIn, signOut } from "@/lib/server/auth";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth-oidc";
import { UserError } from "@/lib/server/errors";
import { createAccount, verifyCredentials } from "@/lib/server/users";
import { signInSchema, signUpSchema } from "./auth.validation";

type FormState = ActionResult<null> | null;

/** Only same-site paths: never redirect to another host after sign-in. */
function safeRedirect(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  const check = await verifyCredentials(parsed.data.email, parsed.data.password, clientAddressFrom(await headers()));
  if (!check.ok) {
    return {
      ok: false,
      fieldErrors: {},
      formError:
        check.reason === "rate-limited"
          ? `Too many failed attempts; try again in ${Math.ceil(check.retryAfterSeconds / 60)} minutes.`
          : "That email and password do not match an account.",
    };
  }
  // Throws Next's redirect on success (must not be caught).
  await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("callbackUrl")) });
  return null;
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  try {
    await createAccount(parsed.data);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, fieldErrors: { email: [error.message] } };
    console.error("sign-up failed", error);
    return { ok: false, fieldErrors: {}, formError: GENERIC_ERROR };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return null;
}

/** Starts sign-in with the OIDC provider (only offered when AUTH_OIDC_* is configured). */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  // Throws Next's redirect to the identity provider (must not be caught).
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirect(formData.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
