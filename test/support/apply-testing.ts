/**
 * Test helpers for the apply engine (not used by production code): a port wrapper that fails a chosen
 * write, and a plan-then-apply loop like the CLI's.
 */
import { readLivePool } from "../../lib/cognito/aws/read-live-pool";
import { planChanges } from "../../lib/cognito/plan/plan-changes";
import type { Plan } from "../../lib/cognito/plan/types";
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { applyPlan, type ApplyResult } from "../../lib/cognito/apply/apply-plan";
import type { CognitoPort } from "../../lib/cognito/aws/port";

/** Port methods that change something. */
export const WRITE_METHODS = [
  "createUserPool",
  "updateUserPool",
  "deleteUserPool",
  "addCustomAttributes",
  "setUserPoolMfaConfig",
  "createUserPoolClient",
  "updateUserPoolClient",
  "deleteUserPoolClient",
  "createResourceServer",
  "updateResourceServer",
  "deleteResourceServer",
  "createUserPoolDomain",
  "updateUserPoolDomain",
  "deleteUserPoolDomain",
  "createGroup",
  "updateGroup",
  "deleteGroup",
  "createIdentityProvider",
  "updateIdentityProvider",
  "deleteIdentityProvider",
  "setRiskConfiguration",
  "setLogDeliveryConfiguration",
  "createTerms",
  "updateTerms",
  "deleteTerms",
  "createManagedLoginBranding",
  "updateManagedLoginBranding",
  "deleteManagedLoginBranding",
  "setUICustomization",
] as const satisfies readonly (keyof CognitoPort)[];

/**
 * Wraps a port so that the `failAt`-th write call (1-based, counted over every write method) rejects
 * with `InternalErrorException` without reaching the inner port. `writes` records each write's method.
 */
export function failingPort(inner: CognitoPort, failAt: number): CognitoPort & { writes: string[] } {
  const writes: string[] = [];
  const wrapper = Object.create(inner) as CognitoPort & { writes: string[] };
  Object.defineProperty(wrapper, "region", { get: () => inner.region });
  wrapper.writes = writes;
  for (const method of WRITE_METHODS) {
    const original = inner[method].bind(inner) as (...args: unknown[]) => Promise<unknown>;
    (wrapper as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      writes.push(method);
      if (writes.length === failAt) {
        throw Object.assign(new Error(`injected failure of ${method} (write #${failAt})`), { name: "InternalErrorException" });
      }
      return original(...args);
    };
  }
  return wrapper;
}

/**
 * Plans `desired` against the live pool (or against nothing when `userPoolId` is unset), as the server does:
 * with the providers AWS holds a secret for and, given `applied` (the document last applied), its secret references.
 */
export async function planAgainstLive(port: CognitoPort, desired: PoolDocument, userPoolId?: string, allowReplace = false, applied?: PoolDocument): Promise<Plan> {
  if (!userPoolId) return planChanges(null, desired, { allowReplace });
  const live = await readLivePool(port, userPoolId, { desired });
  const appliedSecretRefs = applied ? Object.fromEntries((applied.spec.identityProviders ?? []).map((p) => [p.providerName, p.secretRef])) : undefined;
  return planChanges(live.document, desired, {
    allowReplace,
    live: {
      fingerprint: live.live.fingerprint,
      guard: live.live.guard,
      estimatedNumberOfUsers: live.live.estimatedNumberOfUsers,
      ids: { userPoolId, clientIds: live.live.clientIds },
      providersWithSecret: live.live.providersWithSecret,
      ...(appliedSecretRefs ? { appliedSecretRefs } : {}),
    },
  });
}

/** Plan against live, then apply that plan (what `cognito-studio apply --yes` does). */
export async function planAndApply(port: CognitoPort, desired: PoolDocument, userPoolId?: string, allowReplace = false): Promise<{ plan: Plan; result: ApplyResult }> {
  const plan = await planAgainstLive(port, desired, userPoolId, allowReplace);
  const result = await applyPlan(plan, port, { desired, allowReplace, ...(userPoolId ? { userPoolId } : {}) });
  return { plan, result };
}
