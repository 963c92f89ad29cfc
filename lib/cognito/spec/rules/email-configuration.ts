/**
 * Email delivery through SES. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EmailConfigurationType.html ("EmailConfiguration: DEVELOPER needs an SES
 * SourceArn; From/templates only with DEVELOPER (TF doc)"; "You can set an EmailMessage template only if the
 * value of EmailSendingAccount is DEVELOPER." [M]); openmcf rule `developer_email_requires_source_arn`.
 */
import { error, warning } from "../diagnostics";
import { type Rule, at } from "./rule";

export const emailConfigurationRule: Rule = (ctx) => {
  const config = ctx.spec.emailConfiguration;
  const developer = config?.emailSendingAccount === "DEVELOPER";
  const out = [];
  if (developer && !config?.sourceArn)
    out.push(
      error(
        at(ctx, "emailConfiguration", "sourceArn"),
        "ses-source-arn-required",
        "emailSendingAccount DEVELOPER sends through Amazon SES and needs sourceArn: the ARN of a verified SES identity",
      ),
    );
  if (config && !developer) {
    for (const field of ["from", "configurationSet"] as const)
      if (config[field] !== undefined)
        out.push(
          error(
            at(ctx, "emailConfiguration", field),
            "needs-developer-email",
            `${field} is only used when emailSendingAccount is DEVELOPER (sending through Amazon SES)`,
          ),
        );
  }
  const template = ctx.spec.verificationMessageTemplate;
  if (template && !developer)
    for (const field of ["emailMessage", "emailSubject", "emailMessageByLink", "emailSubjectByLink"] as const)
      if (template[field] !== undefined)
        out.push(
          warning(
            at(ctx, "verificationMessageTemplate", field),
            "template-needs-developer-email",
            `the AWS API documents that ${field} can be set only when emailConfiguration.emailSendingAccount is DEVELOPER`,
          ),
        );
  return out;
};
