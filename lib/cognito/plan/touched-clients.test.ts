import { describe, expect, test } from "vitest";
import { clientsTouchedBy } from "./touched-clients";
import type { PlanAction, ResourceChange, ResourceType } from "./types";

const entry = (type: ResourceType, key: string, action: PlanAction = "update", previousKey?: string): ResourceChange => ({
  type,
  address: `${type}["${key}"]`,
  key,
  action,
  changes: [],
  reasons: [],
  documentPath: "spec",
  ...(previousKey !== undefined ? { previousKey } : {}),
});

describe("clientsTouchedBy", () => {
  test.each<[string, ResourceChange, string[]]>([
    ["a client's own entry", entry("appClient", "web"), ["web"]],
    ["a renamed client, by both names", entry("appClient", "web-v2", "replace", "web"), ["web-v2", "web"]],
    ["its managed login style", entry("managedLoginBranding", "web", "create"), ["web"]],
    ["its classic customization", entry("uiCustomization", "web"), ["web"]],
    ["the ALL-clients customization: no client", entry("uiCustomization", "ALL"), []],
    ["its own threat protection settings", entry("riskConfiguration", "web"), ["web"]],
    ["the pool's threat protection settings: no client", entry("riskConfiguration", ""), []],
    ["its terms document (a client name may hold /)", entry("terms", "team/web/privacy-policy", "create"), ["team/web"]],
    ["a group: no client", entry("group", "admins", "delete"), []],
    ["a client with nothing to do: not touched", entry("appClient", "web", "noop"), []],
  ])("%s", (_, change, names) => {
    expect([...clientsTouchedBy([change])]).toEqual(names);
  });
});
