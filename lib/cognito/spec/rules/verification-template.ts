/**
 * Code vs link verification emails. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerificationMessageTemplateType.html ("For CONFIRM_WITH_LINK, specify an
 * EmailMessageByLink and leave EmailMessage blank. For CONFIRM_WITH_CODE, specify an EmailMessage and leave
 * EmailMessageByLink blank. When you supply both parameters with either choice, Amazon Cognito returns an error." [M]).
 */
import { error } from "../diagnostics";
import { type Rule, at } from "./rule";

export const verificationTemplateRule: Rule = (ctx) => {
  const t = ctx.spec.verificationMessageTemplate;
  if (!t) return [];
  const link = t.defaultEmailOption === "CONFIRM_WITH_LINK";
  const out = [];
  if (t.emailMessage !== undefined && t.emailMessageByLink !== undefined)
    out.push(
      error(
        at(ctx, "verificationMessageTemplate", link ? "emailMessage" : "emailMessageByLink"),
        "verification-message-conflict",
        `set only one of emailMessage (for CONFIRM_WITH_CODE) and emailMessageByLink (for CONFIRM_WITH_LINK); defaultEmailOption is ${t.defaultEmailOption ?? "CONFIRM_WITH_CODE (default)"}`,
      ),
    );
  else if (link && t.emailMessage !== undefined)
    out.push(
      error(
        at(ctx, "verificationMessageTemplate", "emailMessage"),
        "verification-message-conflict",
        "defaultEmailOption CONFIRM_WITH_LINK uses emailMessageByLink (with a {##Click here##} link); leave emailMessage unset",
      ),
    );
  else if (!link && t.emailMessageByLink !== undefined)
    out.push(
      error(
        at(ctx, "verificationMessageTemplate", "emailMessageByLink"),
        "verification-message-conflict",
        "emailMessageByLink is used only with defaultEmailOption CONFIRM_WITH_LINK; set defaultEmailOption or use emailMessage",
      ),
    );
  return out;
};
