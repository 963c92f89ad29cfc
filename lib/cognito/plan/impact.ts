/**
 * The worst impact of a plan in words a reviewer cannot miss, and its blast radius: everything whose
 * identity changes or that is lost. A replaced pool deletes every user in it, every client (new client
 * ids), the domain and the resource servers (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUserPool.html); a replaced client gets a new id and secret ([M DeleteUserPoolClient]).
 */
import { SETTINGS_ONLY_TYPES } from "./settings-only";
import type { PoolDocument } from "../spec/document-schema";
import type { BlastRadius, Plan, ResourceChange, WorstImpact } from "./types";
import { groupDigits } from "../spec/group-digits";

const plural = (n: number, one: string, many = `${one}s`) => `${groupDigits(n)} ${n === 1 ? one : many}`;

function label(e: ResourceChange): string {
  switch (e.type) {
    case "userPool":
      return `user pool ${JSON.stringify(e.key)}`;
    case "mfaConfig":
      return "MFA configuration";
    case "appClient":
      return `app client ${JSON.stringify(e.key)}${e.liveId ? ` (${e.liveId})` : ""}`;
    case "resourceServer":
      return `resource server ${JSON.stringify(e.previousKey ?? e.key)}`;
    case "domain":
      return `domain ${JSON.stringify(e.previousKey ?? e.key)}`;
    case "identityProvider":
      return `identity provider ${JSON.stringify(e.previousKey ?? e.key)}`;
    case "group":
      return `group ${JSON.stringify(e.key)}`;
    case "riskConfiguration":
      return e.address === "risk_configuration" ? "threat protection settings" : `threat protection settings of app client ${JSON.stringify(e.key)}`;
    case "logDelivery":
      return "log delivery settings";
    case "terms":
      return `terms document ${JSON.stringify(e.key)}`;
    case "managedLoginBranding":
      return `the managed login style of app client ${JSON.stringify(e.key)}`;
    case "uiCustomization":
      return e.key === "ALL" ? "the hosted UI (classic) customization of every client" : `the hosted UI (classic) customization of app client ${JSON.stringify(e.key)}`;
  }
}

/** Everything whose identity changes or that is lost, resource by resource. */
function blastRadiusOf(plan: Plan, current: PoolDocument | null): BlastRadius {
  const poolReplaced = plan.entries.some((e) => e.type === "userPool" && e.action === "replace");
  const users = plan.live?.estimatedNumberOfUsers;
  const blastRadius: BlastRadius = { poolReplaced, usersDeleted: poolReplaced ? "all" : "none", clients: [], resourceServers: [] };
  if (users !== undefined) blastRadius.estimatedNumberOfUsers = users;
  const currentClients = new Map((current?.spec.clients ?? []).map((c) => [c.name, c]));
  for (const e of plan.entries) {
    if (e.action !== "replace" && e.action !== "delete") continue;
    const outcome = e.action === "replace" ? "recreated" : "deleted";
    if (e.type === "appClient") {
      const secret = currentClients.get(e.key)?.generateSecret ?? current?.spec.clientDefaults?.generateSecret;
      const client: BlastRadius["clients"][number] = { name: e.key, hasSecret: secret === true, outcome };
      if (e.liveId !== undefined) client.clientId = e.liveId;
      blastRadius.clients.push(client);
    } else if (e.type === "resourceServer") {
      blastRadius.resourceServers.push({ identifier: e.previousKey ?? e.key, outcome });
    } else if (e.type === "domain") {
      blastRadius.domain = { domain: e.previousKey ?? e.key, outcome };
    } else if (e.type === "identityProvider") {
      (blastRadius.identityProviders ??= []).push({ providerName: e.previousKey ?? e.key, outcome });
    } else if (e.type === "group") {
      (blastRadius.groups ??= []).push({ name: e.key, outcome });
    }
  }
  return blastRadius;
}

/** The details of a pool replacement: the users, then every child that goes with the pool. */
function poolReplacementDetails(plan: Plan, blastRadius: BlastRadius, current: PoolDocument | null): string[] {
  const users = plan.live?.estimatedNumberOfUsers;
  const pool = plan.entries.find((e) => e.type === "userPool");
  const who = users === undefined ? "an unknown number of users: read the live pool to know how many" : plural(users, "user");
  const details: string[] = [
    `Every user account is permanently deleted (${who}), with its password, MFA devices and sessions; users must sign up again and nobody can sign in meanwhile.`,
    `Why: ${(pool?.reasons ?? []).map((r) => `${r.path ? `${r.path}: ` : ""}${r.message}`).join("; ") || "(no reason recorded)"}.`,
  ];
  const recreated = blastRadius.clients.filter((c) => c.outcome === "recreated");
  const lost = blastRadius.clients.filter((c) => c.outcome === "deleted");
  if (recreated.length > 0) details.push(
      recreated.length === 1
        ? `App client ${recreated[0]!.name} gets a new client id and secret; every application using it must be reconfigured.`
        : `${plural(recreated.length, "app client")} get a new client id and secret; every application using them must be reconfigured: ${recreated.map((c) => c.name).join(", ")}.`,
    );
  if (lost.length > 0) details.push(
      lost.length === 1
        ? `App client ${lost[0]!.name} is deleted and not created again.`
        : `${plural(lost.length, "app client")} are deleted and not created again: ${lost.map((c) => c.name).join(", ")}.`,
    );
  if (blastRadius.domain) details.push(`The domain ${JSON.stringify(blastRadius.domain.domain)} is ${blastRadius.domain.outcome === "recreated" ? "deleted and created again (hosted pages are down meanwhile)" : "deleted"}.`);
  if (blastRadius.identityProviders?.length) details.push(`Identity providers ${blastRadius.identityProviders.map((r) => `${JSON.stringify(r.providerName)} (${r.outcome})`).join(", ")} go with the pool.`);
  if (blastRadius.groups?.length) details.push(`Groups ${blastRadius.groups.map((r) => `${JSON.stringify(r.name)} (${r.outcome})`).join(", ")} go with the pool; memberships are lost with the users.`);
  if (blastRadius.resourceServers.length > 0) details.push(`Resource servers ${blastRadius.resourceServers.map((r) => `${JSON.stringify(r.identifier)} (${r.outcome})`).join(", ")} go with the pool.`);
  if (current?.spec.deletionProtection === "ACTIVE") {
    details.push("Deletion protection is ACTIVE on the current pool: it must be turned off explicitly before the pool can be deleted (DeletionProtection, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html).");
  }
  return details;
}

/** The worst impact when the pool stays: destruction, replacement, in-place changes, or none. */
function worstImpactInPlace(plan: Plan): WorstImpact {
  const replaced = plan.entries.filter((e) => e.action === "replace" && e.type !== "userPool" && e.type !== "mfaConfig");
  const deleted = plan.entries.filter((e) => e.action === "delete" && !SETTINGS_ONLY_TYPES.has(e.type));
  if (deleted.length > 0) {
    return {
      level: "destroys-resources",
      headline: `${plural(deleted.length, "resource")} will be destroyed: ${deleted.map(label).join(", ")}.`,
      details: [
        ...deleted.filter((e) => e.type === "appClient" || e.type === "identityProvider").map((e) => `Users can no longer sign in through ${label(e)}.`),
        ...deleted.filter((e) => e.type === "group").map((e) => `Every user's membership of ${label(e)} is lost.`),
        ...replaced.map((e) => `${label(e)} is replaced${e.type === "appClient" ? ": it gets a new client id and secret" : ""}.`),
      ],
    };
  }
  if (replaced.length > 0) {
    return {
      level: "recreates-resources",
      headline: `${plural(replaced.length, "resource")} will be replaced (deleted, then created with a new id): ${replaced.map(label).join(", ")}.`,
      details: replaced.map((e) =>
        e.type === "appClient" ? `${label(e)} gets a new client id and secret; every application using it must be reconfigured.` : `${label(e)}: ${e.reasons.map((r) => r.message).join("; ")}.`,
      ),
    };
  }
  if (!plan.hasChanges) return { level: "none", headline: "No changes.", details: [] };
  return {
    level: "in-place",
    headline: plan.creatingPool ? `A new user pool ${JSON.stringify(plan.poolName)} will be created.` : "Changes are made in place; nothing is deleted or replaced.",
    details: [],
  };
}

export function describeImpact(plan: Plan, current: PoolDocument | null): { worstImpact: WorstImpact; blastRadius: BlastRadius } {
  const blastRadius = blastRadiusOf(plan, current);
  if (!blastRadius.poolReplaced) return { worstImpact: worstImpactInPlace(plan), blastRadius };
  const users = plan.live?.estimatedNumberOfUsers;
  const worstImpact: WorstImpact = {
    level: "deletes-users",
    headline: `USER POOL ${JSON.stringify(plan.poolName)} WILL BE REPLACED: EVERY USER IN IT IS DELETED${users === undefined ? "" : ` (${plural(users, "USER", "USERS")})`}.`,
    details: poolReplacementDetails(plan, blastRadius, current),
  };
  return { worstImpact, blastRadius };
}
