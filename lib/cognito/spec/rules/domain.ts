/**
 * The hosted domain. Sources: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html (prefix pattern `^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$`,
 * 1–63 chars [M DomainType]; "Certificates for custom domains must be ACM in us-east-1" [M]); openmcf
 * `custom_domain_requires_certificate` (a domain with a dot is custom and needs certificateArn); AWS developer
 * guide (prefix domains): a prefix may not contain the reserved words aws, amazon or cognito.
 * Managed login (version 2) "requires … any feature plan other than Lite" [M CreateUserPoolDomainRequest].
 */
import type { Diagnostic } from "../diagnostics";
import { error } from "../diagnostics";
import { type Rule, at } from "./rule";

const RESERVED = ["aws", "amazon", "cognito"] as const;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

export function isCustomDomain(domain: string): boolean {
  return domain.includes(".");
}

export const domainRule: Rule = (ctx) => {
  const d = ctx.spec.domain;
  if (!d) return [];
  const out: Diagnostic[] = [];
  const path = at(ctx, "domain", "domain");
  if (isCustomDomain(d.domain)) {
    const labels = d.domain.split(".");
    if (labels.some((l) => !LABEL.test(l)) || !/^[a-z]{2,}$/u.test(labels[labels.length - 1]))
      out.push(error(path, "domain-invalid", `${JSON.stringify(d.domain)} is not a valid domain name like auth.example.com`));
    if (!d.certificateArn)
      out.push(
        error(
          at(ctx, "domain", "certificateArn"),
          "custom-domain-certificate",
          `custom domain ${JSON.stringify(d.domain)} needs certificateArn: an ACM certificate in us-east-1 covering it`,
        ),
      );
    else if (!/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/.+$/u.test(d.certificateArn))
      out.push(
        error(
          at(ctx, "domain", "certificateArn"),
          "certificate-region",
          "certificateArn must be an ACM certificate in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>), whatever the pool's Region",
        ),
      );
  } else {
    const reserved = RESERVED.filter((w) => d.domain.includes(w));
    if (reserved.length > 0)
      out.push(
        error(path, "domain-reserved-word", `a domain prefix may not contain ${reserved.map((w) => `"${w}"`).join(" or ")} (reserved: aws, amazon, cognito)`),
      );
    if (d.certificateArn !== undefined)
      out.push(
        error(
          at(ctx, "domain", "certificateArn"),
          "certificate-on-prefix",
          `certificateArn is only for custom domains (with a dot, e.g. auth.example.com); ${JSON.stringify(d.domain)} is a prefix domain`,
        ),
      );
  }
  if (d.managedLoginVersion === 2 && ctx.spec.userPoolTier === "LITE")
    out.push(error(at(ctx, "domain", "managedLoginVersion"), "tier-feature", "managed login (version 2) needs the ESSENTIALS or PLUS tier, not LITE"));
  return out;
};
