/**
 * The pool's hosted domain: Smithy `CreateUserPoolDomainRequest` (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html).
 * A value with a dot is a custom domain (fully-qualified name) and needs an ACM certificate in us-east-1;
 * otherwise it is a prefix under `auth.<region>.amazoncognito.com` (rules/domain.ts).
 */
import { z } from "zod";
import { arnSchema } from "./primitives";

export const domainSchema = z.strictObject({
  /**
   * `DomainType`: 1–63 characters. The model's pattern is the prefix form; custom domains
   * (auth.example.com) are accepted by the API as documented on `CreateUserPoolDomainRequest.Domain`.
   */
  domain: z
    .string()
    .min(1)
    .max(63)
    .regex(/^[a-z0-9](?:[a-z0-9.-]{0,61}[a-z0-9])?$/u, {
      error: "must be lowercase letters, digits, hyphens (and dots for a custom domain), starting and ending with a letter or digit",
    }),
  /** `CustomDomainConfig.CertificateArn`: required for a custom domain, ACM in us-east-1. */
  certificateArn: arnSchema.optional(),
  /** 1 = hosted UI (classic), 2 = managed login (not on the Lite tier). */
  managedLoginVersion: z.union([z.literal(1), z.literal(2)]).optional(),
});

export type DomainSpec = z.infer<typeof domainSchema>;
