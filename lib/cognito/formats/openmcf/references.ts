/**
 * OpenMCF `valueFrom` references (to an AwsLambda, an AwsCertManagerCert, an SES identity…) name another
 * resource whose output differs per environment. The native design holds a literal ARN, so a reference imports
 * as a per-environment value: the design gets a placeholder ARN named after the reference, in AWS's
 * documentation account (123456789012, which findings/placeholders.ts flags, so no target beyond development
 * takes it), and each target gives its own value on its page (lib/cognito/environments).
 */
import { describeSetting, type SettingKind } from "../../environments/settings";

/** What a referenced field holds, and the ARN form its placeholder takes (the service's ARN reference pages). */
export type ReferencedArn = "lambda" | "sesIdentity" | "acmCertificate";

/** The documentation account id: a placeholder by design (findings/placeholders.ts). */
const PLACEHOLDER_ACCOUNT = "123456789012";

/** A reference's name as the last part of an ARN: letters, digits, - and _ (Lambda's function name rule, 64 characters). */
function resourceName(name: string): string {
  const cleaned = name.replace(/[^\w-]+/gu, "-").replace(/^-+|-+$/gu, "");
  return (cleaned || "referenced").slice(0, 64);
}

/**
 * The placeholder ARN for a reference: https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
 * (function), https://docs.aws.amazon.com/ses/latest/dg/control-user-access.html (identity),
 * https://docs.aws.amazon.com/acm/latest/userguide/authen-overview.html (certificate; a Cognito custom domain's is
 * in us-east-1).
 */
export function placeholderArn(kind: ReferencedArn, referenceName: string, region: string): string {
  const name = resourceName(referenceName);
  switch (kind) {
    case "lambda":
      return `arn:aws:lambda:${region}:${PLACEHOLDER_ACCOUNT}:function:${name}`;
    case "sesIdentity":
      return `arn:aws:ses:${region}:${PLACEHOLDER_ACCOUNT}:identity/${name}`;
    case "acmCertificate":
      return `arn:aws:acm:us-east-1:${PLACEHOLDER_ACCOUNT}:certificate/${name}`;
  }
}

/** Where a target gives the value, in the words of its page. */
export function settingOfReference(kind: ReferencedArn, trigger?: string): string {
  if (kind === "acmCertificate") return "Certificate ARN (custom domain)";
  const setting: [SettingKind, string] = kind === "lambda" ? ["trigger", trigger ?? ""] : ["emailSourceArn", ""];
  return describeSetting(...setting);
}
