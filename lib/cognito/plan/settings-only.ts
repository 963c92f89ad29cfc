import type { ResourceType } from "./types";

/**
 * Settings of the pool rather than resources (threat protection settings, log delivery): removing them destroys
 * nothing (no id, user or secret is lost), so they never need the typed confirmation of a destructive plan nor
 * count in its worst impact.
 */
export const SETTINGS_ONLY_TYPES: ReadonlySet<ResourceType> = new Set<ResourceType>(["riskConfiguration", "logDelivery"]);
