/**
 * The hosted domain. Sources: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html (prefix pattern `^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$`,
 * 1–63 chars [M DomainType]; "Certificates for custom domains must be ACM in us-east-1" [M]); openmcf
 * `custom_domain_requires_certificate` (a domain with a dot is custom and needs certificateArn); AWS developer
 * guide (prefix domains): a prefix may not contain the reserved words aws, amazon or cognito.
 * Managed login (version 2) "requires … any feature plan other than Lite" [M CreateUserPoolDomainRequest].
 * A pool has one prefix domain and one custom domain at most (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html,
 * `Domain` and `CustomDomain`): `domain` holds the prefix (or the only domain), `customDomain` the custom one.
 * With a custom domain, the passkey relying party ID "must be the fully-qualified domain name of your custom domain"
 * for managed login (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html).
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import type { DomainSpec } from "../domain-schema";
import { type Rule, type RuleContext, at } from "./rule";

const RESERVED = ["aws", "amazon", "cognito"] as const;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

export function isCustomDomain(domain: string): boolean {
  return domain.includes(".");
}

type Slot = "domain" | "customDomain";

export const domainRule: Rule = (ctx) => {
  const { domain, customDomain } = ctx.spec;
  const out: Diagnostic[] = [];
  if (domain) out.push(...checkDomain(ctx, domain, "domain"));
  if (customDomain) out.push(...checkDomain(ctx, customDomain, "customDomain"));
  if (customDomain && !isCustomDomain(customDomain.domain))
    out.push(
      error(at(ctx, "customDomain", "domain"), "custom-domain-not-custom", `the custom domain is a full domain name like auth.example.com; put the prefix ${JSON.stringify(customDomain.domain)} in Domain`),
    );
  if (customDomain && domain && isCustomDomain(domain.domain) && isCustomDomain(customDomain.domain))
    out.push(
      error(at(ctx, "domain", "domain"), "one-custom-domain", "a pool has one custom domain and one prefix domain: make Domain a prefix (like my-app), or remove the second custom domain"),
    );
  if (customDomain && !domain)
    out.push(
      warning(at(ctx, "customDomain", "domain"), "custom-domain-alone", "the custom domain is the pool's only domain: it reads back as Domain, so put it there (Custom domain is for a second domain beside a prefix)"),
    );
  const custom = [domain, customDomain].find((d) => d && isCustomDomain(d.domain));
  const relyingPartyId = ctx.spec.webAuthnConfiguration?.relyingPartyId;
  if (custom && relyingPartyId !== undefined && relyingPartyId !== custom.domain)
    out.push(
      warning(
        at(ctx, "webAuthnConfiguration", "relyingPartyId"),
        "passkey-relying-party",
        `the pool has the custom domain ${custom.domain}: passkeys on managed login need it as the passkey relying party ID`,
      ),
    );
  return out;
};

function checkDomain(ctx: RuleContext, d: DomainSpec, slot: Slot): Diagnostic[] {
  const out: Diagnostic[] = [];
  const path = at(ctx, slot, "domain");
  if (isCustomDomain(d.domain)) {
    const labels = d.domain.split(".");
    if (labels.some((l) => !LABEL.test(l)) || !/^[a-z]{2,}$/u.test(labels[labels.length - 1]))
      out.push(error(path, "domain-invalid", `${JSON.stringify(d.domain)} is not a valid domain name like auth.example.com`));
    if (!d.certificateArn)
      out.push(
        error(
          at(ctx, slot, "certificateArn"),
          "custom-domain-certificate",
          `custom domain ${JSON.stringify(d.domain)} needs certificateArn: an ACM certificate in us-east-1 covering it`,
        ),
      );
    else if (!/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/.+$/u.test(d.certificateArn))
      out.push(
        error(
          at(ctx, slot, "certificateArn"),
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
          at(ctx, slot, "certificateArn"),
          "certificate-on-prefix",
          `certificateArn is only for custom domains (with a dot, e.g. auth.example.com); ${JSON.stringify(d.domain)} is a prefix domain`,
        ),
      );
  }
  if (d.managedLoginVersion === 2 && ctx.spec.userPoolTier === "LITE")
    out.push(error(at(ctx, slot, "managedLoginVersion"), "tier-feature", "managed login (version 2) needs the ESSENTIALS or PLUS tier, not LITE"));
  return out;
}
