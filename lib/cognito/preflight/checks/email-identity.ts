/**
 * DEVELOPER email: the SES identity behind SourceArn exists and is verified, its region suits the pool,
 * and the From address belongs to it. [M EmailConfigurationType.SourceArn]: "The ARN of a verified email
 * address or an address from a verified domain in Amazon SES … The Region value of the SourceArn parameter
 * must indicate a supported Amazon Web Services Region of your user pool. Typically, the Region in the
 * SourceArn and the user pool Region are the same."; DEVELOPER needs a SourceArn (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EmailConfigurationType.html).
 */
import type { PoolSpec } from "../../spec/pool-schema";
import { parseArn } from "../arn";
import { type PreflightContext, resultOf, unknownResult } from "../result";
import type { PreflightPort, PreflightResult } from "../types";

/** The address in `Name <addr@example.com>` or `addr@example.com`. */
export function addressOf(from: string): string {
  const match = /<([^>]+)>/u.exec(from);
  return (match?.[1] ?? from).trim().toLowerCase();
}

/** Does `address` belong to the SES identity (the address itself, or an address on the domain or a subdomain)? */
export function addressBelongsTo(address: string, identity: string): boolean {
  const id = identity.toLowerCase();
  if (id.includes("@")) return address === id;
  const domain = address.split("@")[1] ?? "";
  return domain === id || domain.endsWith(`.${id}`);
}

export async function checkEmailIdentity(spec: PoolSpec, port: PreflightPort, context: PreflightContext): Promise<PreflightResult[]> {
  const email = spec.emailConfiguration;
  if (email?.emailSendingAccount !== "DEVELOPER") return [];
  const path = "spec.emailConfiguration.sourceArn";
  if (!email.sourceArn) return [resultOf("email-source-arn-missing", path, "DEVELOPER email needs an SES identity ARN in sourceArn.")];
  const arn = parseArn(email.sourceArn);
  const identity = arn?.service === "ses" && arn.resource.startsWith("identity/") ? arn.resource.slice("identity/".length) : undefined;
  if (!arn || !identity) return [resultOf("email-source-arn-invalid", path, `${email.sourceArn} is not an SES identity ARN.`)];

  let facts;
  try {
    facts = await port.getEmailIdentity(arn.region, identity);
  } catch (error) {
    return [unknownResult("email-identity", path, `the SES identity ${identity} in ${arn.region}`, error)];
  }
  if (!facts) return [resultOf("email-identity-not-found", path, `SES has no identity ${identity} in ${arn.region}.`)];
  const results: PreflightResult[] = [];
  results.push(
    facts.verified
      ? resultOf("email-identity-ok", path, `The SES identity ${identity} in ${arn.region} is verified.`)
      : resultOf("email-identity-not-verified", path, `The SES identity ${identity} in ${arn.region} is not verified (${facts.status}).`),
  );
  if (context.region !== undefined && arn.region !== context.region) {
    results.push(resultOf("email-region-differs", path, `The SES identity is in ${arn.region}, the pool in ${context.region}.`));
  }
  if (email.from !== undefined) {
    const address = addressOf(email.from);
    if (!addressBelongsTo(address, identity)) {
      results.push(resultOf("email-from-not-in-identity", "spec.emailConfiguration.from", `The From address ${address} is not ${identity.includes("@") ? "the verified address" : "on the verified domain"} ${identity}.`));
    }
  }
  return results;
}
