/**
 * What a plan destroys: every replacement and deletion of a resource (settings such as threat protection going
 * back to their defaults destroy nothing: SETTINGS_ONLY_TYPES). A replaced pool loses its users, a
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
  terms: "terms document",
  managedLoginBranding: "managed login style of app client",
  uiCustomization: "hosted UI (classic) customization of",
};

/** Whether an entry replaces or deletes its resource (settings going back to their defaults destroy nothing). */
export function isDestructive(entry: Pick<ResourceChange, "action" | "type">): boolean {
  return (entry.action === "replace" || entry.action === "delete") && !SETTINGS_ONLY_TYPES.has(entry.type);
}

/** The entries that replace or delete something: the one list the UI, the CLI and apply's guard read. */
export function destructiveEntries(plan: Pick<Plan, "entries">): ResourceChange[] {
  return plan.entries.filter(isDestructive);
}

/**
 * Destruction apply refuses without `allowReplace` (`--allow-replace`), whoever asks: the pool replaced or
 * deleted (every user is lost) and a client replaced (it lives on under its name with a new id and secret,
 * so apps that use it break silently). The studio asks the pool's name for every destructive entry.
 */
export function needsAllowReplace(entry: ResourceChange): boolean {
  return entry.type === "userPool" || (entry.type === "appClient" && entry.action === "replace");
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
