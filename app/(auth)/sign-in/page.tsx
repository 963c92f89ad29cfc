import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { Button } from "@/components/ui/button";
import { oidcSettingsFromEnv } from "@/lib/server/auth-oidc";
import { isNewStudio } from "@/lib/server/users";
import { signInAction, signInWithOidcAction } from "../actions";

export const metadata = { title: "Sign in · Cognito Studio" };
// Whether anyone can sign in yet is read from the database on every request, never at build time.
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // A new studio has nobody to sign in as: send its first visitor to create the admin account.
  if (await isNewStudio()) redirect("/sign-up");
  const { callbackUrl } = await searchParams;
  // Only a path on this site, with its query (a change request's tab); the action checks again.
  let path: string | undefined;
  try {
    const url = callbackUrl ? new URL(callbackUrl, "http://x") : undefined;
    path = url ? `${url.pathname}${url.search}` : undefined;
  } catch {
    path = undefined;
  }
  const oidc = oidcSettingsFromEnv(process.env);
  return (
    <>
      <AuthForm mode="sign-in" action={signInAction} callbackUrl={path} />
      {oidc && (
        <form action={signInWithOidcAction} className="mx-auto mt-4 w-full max-w-md" aria-label={`Sign in with ${oidc.name}`}>
          {path && <input type="hidden" name="callbackUrl" value={path} />}
          <Button type="submit" variant="secondary" className="w-full">
            Sign in with {oidc.name}
          </Button>
        </form>
      )}
    </>
  );
}
