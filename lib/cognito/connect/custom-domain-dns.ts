/**
 * The DNS record a custom domain needs: its name pointing at the CloudFront distribution Cognito made for it
 * (`DomainDescriptionType.CloudFrontDistribution`, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DomainDescriptionType.html;
 * "Add an alias record … that points to the CloudFront distribution", https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html).
 * In Route 53 an alias (A) record with CloudFront's hosted zone id Z2FDTNDATAQYW2
 * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html); in other DNS a CNAME (an ALIAS
 * or ANAME record where the name is the zone apex).
 */
import type { PoolDocument } from "../spec/document-schema";

export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

export interface CustomDomainDns {
  domain: string;
  /** The CloudFront distribution, known once the domain exists (read from the live pool). */
  cloudFrontTarget?: string;
  /** One line per kind of DNS, in plain words. */
  records: { dns: string; record: string }[];
}

/** The pool's custom domain (in either slot), if it has one. */
export function customDomainOf(document: PoolDocument): string | undefined {
  const { domain, customDomain } = document.spec;
  if (customDomain) return customDomain.domain;
  return domain?.certificateArn !== undefined ? domain.domain : undefined;
}

export function customDomainDns(document: PoolDocument, cloudFrontTarget?: string): CustomDomainDns | undefined {
  const domain = customDomainOf(document);
  if (!domain) return undefined;
  const target = cloudFrontTarget ?? "the CloudFront distribution shown once the domain is applied";
  return {
    domain,
    ...(cloudFrontTarget ? { cloudFrontTarget } : {}),
    records: [
      { dns: "Route 53", record: `alias (A) record ${domain} → ${target} (hosted zone ${CLOUDFRONT_HOSTED_ZONE_ID})` },
      { dns: "Other DNS", record: `CNAME/ALIAS record ${domain} → ${target}` },
    ],
  };
}
