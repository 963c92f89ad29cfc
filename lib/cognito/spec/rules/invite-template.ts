/**
 * Invitation messages for admin-created users. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_MessageTemplateType.html ("InviteMessageTemplate: must
 * include the {####} temporary password placeholder if you are creating users with passwords" [M]; "TF also
 * requires {username}"), https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool (`email_message`, `sms_message`).
 * Warnings: passwordless users need no {####}.
 */
import type { Diagnostic } from "../diagnostics";
import { warning } from "../diagnostics";
import { type Rule, at } from "./rule";

export const inviteTemplateRule: Rule = (ctx) => {
  const t = ctx.spec.adminCreateUserConfig?.inviteMessageTemplate;
  if (!t) return [];
  const out: Diagnostic[] = [];
  for (const field of ["emailMessage", "smsMessage"] as const) {
    const text = t[field];
    if (text === undefined) continue;
    const missing = ["{username}", "{####}"].filter((p) => !text.includes(p));
    if (missing.length > 0)
      out.push(
        warning(
          at(ctx, "adminCreateUserConfig", "inviteMessageTemplate", field),
          "invite-placeholders",
          `invitation ${field} should contain ${missing.join(" and ")} (the user name and, for users created with a password, the temporary password)`,
        ),
      );
  }
  return out;
};
