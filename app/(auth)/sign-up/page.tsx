import { AuthForm } from "@/components/auth-form";
import { countUsers } from "@/lib/server/users";
import { signUpAction } from "../actions";

export const metadata = { title: "Create an account · Cognito Studio" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  return <AuthForm mode="sign-up" action={signUpAction} firstAccount={(await countUsers()) === 0} />;
}
