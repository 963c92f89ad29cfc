import { AuthForm, SignUpRefused } from "@/components/auth-form";
import { INVITATION_INVALID, findInvitation } from "@/lib/server/users";
import { acceptInvitationAction } from "../../actions";

export const metadata = { title: "Join the studio · Cognito Studio" };
export const dynamic = "force-dynamic";

/** An invitation link: the invited email and role, and a form to choose a name and password. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await findInvitation(token) : null;
  if (!invitation) return <SignUpRefused title="Join the studio" message={INVITATION_INVALID} />;
  return <AuthForm mode="invitation" action={acceptInvitationAction} invitation={{ token, email: invitation.email, role: invitation.role }} />;
}
