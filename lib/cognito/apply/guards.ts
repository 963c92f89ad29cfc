/**
 * The refusals of an apply: each runs before the first write and throws {@link ApplyRefusedError}.
 * - A plan with errors, for another pool, in an unknown format, or with an entry that lacks what it sends.
 * - Destruction without `allowReplace` (`needsAllowReplace`).
 * - Stale-plan guard: the live pool must be the one the plan was computed against (terraform `backend_local.go`):
 *   the pool and the app clients the plan touches, re-read alone (aws/live-guard.ts); a client the plan does not
 *   touch may have changed since.
 * - Deletion protection is never turned off by apply: deleting or replacing a protected pool is refused;
 *   the user turns protection off in the spec and applies that first (a flagged security change).
 * - An identity provider for which AWS holds a secret is not updated or recreated without a `secretRef`.
 */
import { guardChanges } from "../aws/live-guard";
import type { LivePool } from "../aws/read-live-pool";
import { destructiveEntries, needsAllowReplace } from "../plan/destructive";
import { PLAN_FORMAT_VERSION } from "../plan/format-version";
import type { Plan, ResourceChange } from "../plan/types";
import { sendsValue } from "../plan/values";
import { SECRET_DETAIL_KEY, type IdentityProviderSpec } from "../spec/identity-provider-schema";
import { ApplyRefusedError } from "./refusals";
import type { ApplyOptions } from "./types";

/** Checks the refusals that need no AWS call. */
export function checkPlanAllowed(plan: Plan, options: Pick<ApplyOptions, "allowReplace" | "desired">): void {
  if (plan.errors.length > 0) {
    throw new ApplyRefusedError("plan-has-errors", `the plan has ${plan.errors.length} error(s) and cannot be applied: ${plan.errors.map((e) => e.message).join("; ")}`);
  }
  if (plan.poolName !== options.desired.metadata.name) {
    throw new ApplyRefusedError("plan-mismatch", `the plan is for pool "${plan.poolName}" but the document is "${options.desired.metadata.name}"`);
  }
  if (options.allowReplace) return;
  const dangerous = destructiveEntries(plan).filter(needsAllowReplace);
  if (dangerous.length === 0) return;
  const what = dangerous.map((e) => `${e.address} (${e.action})`).join(", ");
  const users = dangerous.some((e) => e.type === "userPool") ? " Replacing the pool deletes every user in it." : "";
  throw new ApplyRefusedError("replace-not-allowed", `the plan replaces or deletes ${what}; apply it only with allowReplace (--allow-replace).${users}`);
}

/** The plan is in the current format and every entry that sends something carries it. */
export function checkPlanComplete(plan: Plan): void {
  if (plan.formatVersion !== PLAN_FORMAT_VERSION) {
    throw new ApplyRefusedError("plan-mismatch", `the plan is in format ${String(plan.formatVersion)}, this studio applies format ${PLAN_FORMAT_VERSION}; plan again`);
  }
  const incomplete = plan.entries.filter((e) => sendsValue(e) && e.value === undefined);
  if (incomplete.length > 0) {
    throw new ApplyRefusedError("plan-mismatch", `no desired value for ${incomplete.map((e) => e.address).join(", ")}; the plan and the document disagree, plan again`);
  }
}

/**
 * The re-read live pool is the one the plan was computed against, and may be deleted if the plan says so.
 * A plan with `live.guard` is compared on the pool's part and the clients it touches (live-guard.ts); an older
 * plan on the fingerprint of the whole pool.
 */
export function checkLivePool(plan: Plan, live: LivePool, userPoolId: string): void {
  const guard = plan.live?.guard;
  if (guard) {
    const changed = guardChanges(guard, live.live.guard);
    if (changed.length > 0) throw new ApplyRefusedError("stale-plan", `pool ${userPoolId} changed since the plan was made (${changed.join(", ")}); plan again and review the new plan`);
  } else {
    const planned = plan.live?.fingerprint ?? "";
    if (live.live.fingerprint !== planned) {
      throw new ApplyRefusedError(
        "stale-plan",
        `pool ${userPoolId} changed since the plan was made (fingerprint ${planned.slice(0, 12)} → ${live.live.fingerprint.slice(0, 12)}); plan again and review the new plan`,
      );
    }
  }
  const pool = plan.entries.find((e) => e.type === "userPool");
  if ((pool?.action === "replace" || pool?.action === "delete") && live.raw.pool.DeletionProtection === "ACTIVE") {
    throw new ApplyRefusedError(
      "deletion-protection-active",
      `pool ${userPoolId} has deletion protection on; apply won't turn it off for you. Set deletionProtection: INACTIVE, apply that, then apply the replacement`,
    );
  }
}

/**
 * The plan's own guard, again (a plan made without `providersWithSecret` reaches here): an update without
 * the secret removes it (UpdateIdentityProvider replaces every detail), and a replacement or rename creates
 * the new provider without it. Not checked when the pool itself is replaced: its providers are all new.
 */
export function refuseLostProviderSecrets(plan: Plan, live: LivePool): void {
  for (const entry of plan.entries) {
    if (entry.type !== "identityProvider" || (entry.action !== "update" && entry.action !== "replace")) continue;
    const provider = (entry as ResourceChange<"identityProvider">).value;
    const oldName = entry.previousKey ?? entry.key;
    const detail = provider ? SECRET_DETAIL_KEY[provider.providerType] : undefined;
    if (!provider || provider.secretRef || !detail || !live.live.providersWithSecret.includes(oldName)) continue;
    if (!live.raw.identityProviders.some((p) => p.ProviderName === oldName)) continue;
    throw new ApplyRefusedError("provider-secret-would-be-removed", lostSecretMessage(detail, oldName, entry, provider));
  }
}

function lostSecretMessage(detail: string, oldName: string, entry: ResourceChange, provider: IdentityProviderSpec): string {
  const what = entry.action === "update" ? "the update removes it (UpdateIdentityProvider replaces every provider detail)" : `the new provider "${provider.providerName}" is created without it`;
  return `AWS holds a ${detail} for identity provider "${oldName}"; set secretRef or ${what}`;
}
