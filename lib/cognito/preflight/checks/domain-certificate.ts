/**
 * A custom domain's certificate: ACM in us-east-1, ISSUED, and covering the domain name (exact or a
 * wildcard one level up). Custom domain certificates must be ACM in us-east-1
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CustomDomainConfigType.html); [M CustomDomainConfigType]: "Configures your domain with an Certificate Manager
 * certificate in the us-east-1 Region".
 */
import type { PoolSpec } from "../../spec/pool-schema";
import { parseArn } from "../arn";
import { type PreflightContext, resultOf, unknownResult } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

const PATH = "spec.domain.certificateArn";

/** Does a certificate name (`auth.example.com`, `*.example.com`) cover `domain`? Wildcards cover one label. */
export function certificateCovers(name: string, domain: string): boolean {
  const n = name.toLowerCase();
  const d = domain.toLowerCase();
  if (n === d) return true;
  if (!n.startsWith("*.")) return false;
  const dot = d.indexOf(".");
  return dot > 0 && d.slice(dot + 1) === n.slice(2);
}

export async function checkDomainCertificate(spec: PoolSpec, port: PreflightPort, _context: PreflightContext): Promise<PreflightResult[]> {
  const domain = spec.domain;
  if (!domain?.certificateArn) return [];
  const arn = parseArn(domain.certificateArn);
  if (arn?.region !== "us-east-1") {
    return [resultOf("certificate-wrong-region", PATH, `The certificate ${domain.certificateArn} is in ${arn?.region || "no region"}; Cognito custom domains need a certificate in us-east-1.`)];
  }
  let certificate;
  try {
    certificate = await port.describeCertificate(domain.certificateArn);
  } catch (error) {
    return [unknownResult("domain-certificate", PATH, `the certificate ${domain.certificateArn}`, error)];
  }
  if (!certificate) return [resultOf("certificate-not-found", PATH, `No ACM certificate ${domain.certificateArn} exists in us-east-1.`)];
  if (certificate.status !== "ISSUED") {
    return [resultOf("certificate-not-issued", PATH, `The certificate for ${certificate.domainName} is ${certificate.status}, not ISSUED.`)];
  }
  const names = [...new Set([certificate.domainName, ...certificate.subjectAlternativeNames])];
  if (!names.some((name) => certificateCovers(name, domain.domain))) {
    return [resultOf("certificate-domain-mismatch", PATH, `The certificate covers ${names.join(", ")}, not ${domain.domain}.`)];
  }
  return [resultOf("certificate-ok", PATH, `The certificate for ${domain.domain} is issued in us-east-1.`)];
}
