/**
 * The domain. Only the certificate and the branding version change in place
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolDomain.html);
 * anything else is a replacement: the old domain is deleted with the other deletions, the new one created last.
 */
import { CUSTOM_DOMAIN_ADDRESS } from "../../plan/addresses";
import type { DomainSpec } from "../../spec/domain-schema";
import { ALREADY_GONE, GONE_WITH_POOL, type TaskBuilder, type TaskPart, liveChildren, stepTasks, valueOf } from "./task";

function domainRequest(userPoolId: string, domain: DomainSpec) {
  return {
    UserPoolId: userPoolId,
    Domain: domain.domain,
    ...(domain.certificateArn ? { CustomDomainConfig: { CertificateArn: domain.certificateArn } } : {}),
    ...(domain.managedLoginVersion ? { ManagedLoginVersion: domain.managedLoginVersion } : {}),
  };
}

export const domainTasks: TaskBuilder<"domain"> = (entry, ctx) => {
  // The custom domain beside the prefix domain is its own entry, with its own live domain.
  const live = liveChildren(ctx);
  const oldDomain = (entry.address === CUSTOM_DOMAIN_ADDRESS ? live?.customDomain : live?.domain)?.Domain;
  const create = async () => {
    await ctx.port.createUserPoolDomain(domainRequest(ctx.poolId(), valueOf(entry)));
  };
  const deleteOld: TaskPart = ctx.poolReplaced ? GONE_WITH_POOL : oldDomain ? ["delete", () => ctx.port.deleteUserPoolDomain(ctx.poolId(), oldDomain)] : ALREADY_GONE;
  switch (entry.action) {
    case "delete":
      return stepTasks(entry, deleteOld);
    case "replace":
      return ctx.poolReplaced || !oldDomain ? stepTasks(entry, ["domain", create]) : stepTasks(entry, deleteOld, ["domain", create]);
    default:
      return stepTasks(entry, ["domain", () => (entry.action === "create" || !oldDomain ? create() : ctx.port.updateUserPoolDomain(domainRequest(ctx.poolId(), valueOf(entry))))]);
  }
};
