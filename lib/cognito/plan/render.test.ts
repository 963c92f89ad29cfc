import { describe, expect, it } from "vitest";
import { planChanges } from "./plan-changes";
import { PLAN_FORMAT_VERSION, renderPlanJson, toPlanJson } from "./render-json";
import { renderPlanText, summaryLine } from "./render-text";
import { poolDoc } from "../../../test/support/plan-helpers";

const current = poolDoc({
  usernameAttributes: ["email"],
  passwordPolicy: { minimumLength: 12 },
  clients: [{ name: "web", callbackUrls: ["https://a.example.com/cb"] }, { name: "old" }],
  domain: { domain: "shop-auth" },
});

describe("renderPlanText", () => {
  it("renders an in-place plan like terraform plan", () => {
    const desired = poolDoc({
      usernameAttributes: ["email"],
      passwordPolicy: { minimumLength: 10 },
      clients: [{ name: "web", callbackUrls: ["https://a.example.com/cb", "https://b.example.com/cb"] }, { name: "new", generateSecret: true }],
      domain: { domain: "shop-login" },
    });
    const text = renderPlanText(planChanges(current, desired, { live: { ids: { clientIds: { web: "c-web", old: "c-old" } } } }));
    expect(text).toBe(
      [
        "Resource actions are indicated with the following symbols:",
        "  + create",
        "  ~ update in-place",
        "-/+ destroy and then create replacement",
        "  - destroy",
        "",
        'Cognito Studio will perform the following actions on user pool "shop" (eu-west-1):',
        "",
        '  # user_pool "shop" will be updated in-place',
        '  ~ user_pool "shop" {',
        "      ~ passwordPolicy.minimumLength: 12 -> 10",
        "    }",
        "",
        '  # app_client "new" will be created',
        '  + app_client "new" {',
        "      + generateSecret = true",
        "    }",
        "",
        '  # app_client "old" (c-old) will be destroyed',
        '  - app_client "old" {',
        "    }",
        "",
        '  # app_client "web" (c-web) will be updated in-place',
        '  ~ app_client "web" {',
        '      ~ callbackUrls: ["https://a.example.com/cb"] -> ["https://a.example.com/cb","https://b.example.com/cb"]',
        "    }",
        "",
        '  # domain "shop-login" must be replaced',
        "  #   because domain: a domain cannot be renamed: the old domain is deleted and the new one created (hosted pages and OAuth endpoints move)",
        '  #   (was "shop-auth")',
        '-/+ domain "shop-login" {',
        '      ~ domain: "shop-auth" -> "shop-login" # forces replacement',
        "    }",
        "",
        "Security-relevant changes:",
        "  ! [password-policy-weakened] user_pool passwordPolicy.minimumLength: minimum password length goes from 12 to 10",
        '  ! [callback-url-added] app_client["web"] callbackUrls: callback URL added: https://b.example.com/cb',
        "",
        'Worst impact: 1 resource will be destroyed: app client "old" (c-old).',
        '  Users can no longer sign in through app client "old" (c-old).',
        '  domain "shop-auth" is replaced.',
        "",
        "Plan: 1 to add, 2 to change, 1 to replace, 1 to destroy.",
        "",
      ].join("\n"),
    );
  });

  it("opens a pool replacement with a banner naming the users lost, and marks reset settings", () => {
    const text = renderPlanText(planChanges(current, poolDoc({ usernameAttributes: ["phone_number"] }), { live: { estimatedNumberOfUsers: 1, ids: { userPoolId: "eu-west-1_Ab" } } }));
    const lines = text.split("\n");
    expect(lines[0]).toBe("!".repeat(78));
    expect(lines[1]).toBe('!!! USER POOL "shop" WILL BE REPLACED: EVERY USER IN IT IS DELETED (1 USER).');
    expect(text).toContain('  # user_pool "shop" (eu-west-1_Ab) must be replaced: EVERY USER IN IT IS DELETED\n');
    expect(text).toContain('      ~ usernameAttributes: ["email"] -> ["phone_number"] # forces replacement\n');
    expect(text).toContain("      - passwordPolicy.minimumLength = 12 # not managed by the desired document: the new resource gets the AWS default\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("Plan: 0 to add, 0 to change, 1 to replace, 3 to destroy.");
  });

  it("lists plan errors first", () => {
    const text = renderPlanText(
      planChanges(poolDoc({ schemaAttributes: [{ name: "tier", attributeDataType: "String" }] }), poolDoc({ schemaAttributes: [{ name: "tier", attributeDataType: "Number" }] })),
    );
    expect(text.split("\n")[0]).toMatch(/^Error: spec\.schemaAttributes\[0\]: schemaAttributes\["tier"\]\.attributeDataType: an existing attribute's data type can never change/u);
    expect(text).toContain("# AWS cannot make this change (see errors)");
  });

  it("says No changes when there are none", () => {
    const plan = planChanges(current, structuredClone(current));
    expect(renderPlanText(plan)).toBe("No changes. The user pool matches the desired document.\n");
    expect(summaryLine(plan)).toMatch(/^No changes\. /u);
  });
});

describe("renderPlanJson", () => {
  it("is versioned, sorts keys and omits unset before/after", () => {
    const plan = planChanges(current, poolDoc({ usernameAttributes: ["email"], clients: [{ name: "web", callbackUrls: ["https://a.example.com/cb"] }, { name: "old" }, { name: "cli", logoutUrls: ["https://x.example.com"] }] }));
    const json = JSON.parse(renderPlanJson(plan)) as Record<string, unknown> & { entries: Record<string, unknown>[] };
    expect(json.formatVersion).toBe(PLAN_FORMAT_VERSION);
    expect(Object.keys(json)).toEqual([...Object.keys(json)].sort());
    const created = json.entries.find((e) => e.address === 'app_client["cli"]');
    expect(created).toEqual({
      action: "create",
      address: 'app_client["cli"]',
      changes: [{ after: ["https://x.example.com"], path: "logoutUrls" }],
      documentPath: "spec.clients[2]",
      key: "cli",
      reasons: [],
      type: "appClient",
      value: { logoutUrls: ["https://x.example.com"], name: "cli" },
    });
    expect(json.summary).toEqual({ add: 1, change: 0, destroy: 0, replace: 0 });
  });

  it("keeps the order of values the user wrote", () => {
    const plan = planChanges(null, poolDoc({ clients: [{ name: "web", callbackUrls: ["https://z.example.com", "https://a.example.com"] }] }));
    const json = toPlanJson(plan);
    const web = json.entries.find((e) => e.key === "web");
    expect(web?.changes[0]?.after).toEqual(["https://z.example.com", "https://a.example.com"]);
  });
});
