/**
 * What a plan destroys: every replacement and deletion, of any resource. A replaced pool loses its users, a
 * deleted or replaced client its id and secret (every app using it breaks), a deleted group its memberships, a
 * deleted identity provider its links to users, a replaced domain its certificate and DNS. Applying such a plan
 * needs the pool's name typed, checked on the server.
 */
import { SETTINGS_ONLY_TYPES } from "./settings-only";
import type { Plan, ResourceChange, ResourceType } from "./types";

const NOUN: Record<ResourceType, string> = {
  userPool: "the user pool",
  mfaConfig: "the MFA configuration",
  appClient: "app client",
  resourceServer: "resource server",
  identityProvider: "identity provider",
  group: "group",
  domain: "the domain",
  riskConfiguration: "the threat protection settings of",
  logDelivery: "the log delivery settings",
};

export function destructiveEntries(plan: Plan): ResourceChange[] {
  return plan.entries.filter((e) => (e.action === "replace" || e.action === "delete") && !SETTINGS_ONLY_TYPES.has(e.type));
}

/** "deletes app client "web"; replaces the domain", for the confirmation prompt. Empty when nothing is destroyed. */
export function describeDestruction(plan: Plan): string {
  return destructiveEntries(plan)
    .map((e) => {
      const noun = NOUN[e.type];
      const what = noun.startsWith("the ") ? noun : `${noun} "${e.key}"`;
      return `${e.action === "replace" ? "replaces" : "deletes"} ${what}`;
    })
    .join("; ");
}
