import { AuthForm, SignUpRefused } from "@/components/auth-form";
import { signupPolicyFromEnv, signupRefusal } from "@/lib/server/auth-policy";
import { isNewStudio } from "@/lib/server/users";
import { signUpAction } from "../actions";

export const metadata = { title: "Create an account · Cognito Studio" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  const first = await isNewStudio();
  const { mode } = signupPolicyFromEnv();
  // After the first account, only STUDIO_SIGNUP=open takes walk-in sign-ups; say so rather than fail on submit.
  if (!first && mode !== "open") return <SignUpRefused message={signupRefusal(mode)} />;
  return <AuthForm mode="sign-up" action={signUpAction} firstAccount={first} />;
}
