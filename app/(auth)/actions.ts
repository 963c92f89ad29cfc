"use server";
import { headers } from "next/headers";
import { type ActionResult, GENERIC_ERROR, toFieldErrors } from "@/lib/server/action";
import { signIn, signOut } from "@/lib/server/auth";
import { OIDC_PROVIDER_ID } from "@/lib/server/auth-oidc";
import { clientAddressFrom } from "@/lib/server/client-address";
import { UserError } from "@/lib/server/errors";
import { type Account, acceptInvitation, createAccount, verifyCredentials } from "@/lib/server/users";
import { acceptInvitationSchema, signInSchema, signUpSchema } from "@/lib/contracts/auth-inputs";

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

/** Runs an account-creating step; a UserError goes to its field (or the form), anything else is logged. */
async function creating(step: () => Promise<Account>): Promise<FormState> {
  try {
    await step();
    return null;
  } catch (error) {
    if (error instanceof UserError) return error.field ? { ok: false, fieldErrors: { [error.field]: [error.message] } } : { ok: false, fieldErrors: {}, formError: error.message };
    console.error("account creation failed", error);
    return { ok: false, fieldErrors: {}, formError: GENERIC_ERROR };
  }
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  const clientAddress = clientAddressFrom(await headers());
  const refused = await creating(() => createAccount(parsed.data, { clientAddress }));
  if (refused) return refused;
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return null;
}

/** The invitation page's form: creates the invited account (email and role from the invitation) and signs in. */
export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = acceptInvitationSchema.safeParse({ token: formData.get("token"), name: formData.get("name"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  const clientAddress = clientAddressFrom(await headers());
  let email = "";
  const refused = await creating(async () => {
    const account = await acceptInvitation(parsed.data, { clientAddress });
    email = account.email;
    return account;
  });
  if (refused) return refused;
  await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/" });
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
