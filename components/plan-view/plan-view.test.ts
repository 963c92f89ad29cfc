import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { planChanges } from "@/lib/cognito/plan";
import type { PoolDocument, PoolSpec } from "@/lib/cognito/spec";
import { groupFieldComments } from "./field-comments";
import { formatValue, groupEntries, listDelta } from "./format";
import { DRIFT_WORDS, PlanChanges, PlanText, PlanView } from "./plan-view";

function poolDoc(spec: Partial<PoolSpec>): PoolDocument {
  return { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: { region: "eu-west-1", ...spec } };
}

/** Text of the markup without tags, entities decoded, whitespace collapsed: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/gu, " ")
    .replace(/&quot;/gu, '"')
    .replace(/&#x27;/gu, "'")
    .replace(/&gt;/gu, ">")
    .replace(/&amp;/gu, "&")
    .replace(/\s+/gu, " ");
}

const current = poolDoc({
  usernameAttributes: ["email"],
  mfaConfiguration: "ON",
  clients: [
    { name: "web", callbackUrls: ["https://app.example.com/cb"] },
    { name: "server", generateSecret: true },
  ],
  domain: { domain: "shop-auth" },
});
const desired = poolDoc({
  usernameAttributes: ["phone_number"],
  mfaConfiguration: "OPTIONAL",
  clients: [
    { name: "web", callbackUrls: ["https://app.example.com/cb", "https://evil.example.net/cb"] },
    { name: "server", generateSecret: true },
  ],
  domain: { domain: "shop-auth" },
});
const replacement = planChanges(current, desired, { live: { estimatedNumberOfUsers: 12345, ids: { userPoolId: "eu-west-1_X", clientIds: { web: "c1web", server: "c2srv" } } } });

describe("PlanView for a pool replacement", () => {
  const html = renderToStaticMarkup(createElement(PlanView, { plan: replacement }));
  const text = visibleText(html);

  it("shows the worst impact as an alert", () => {
    expect(replacement.worstImpact.level).toBe("deletes-users");
    expect(html).toMatch(/<div role="alert" data-impact="deletes-users"[^>]*>/u);
    expect(text).toContain('USER POOL "shop" WILL BE REPLACED: EVERY USER IN IT IS DELETED (12,345 USERS).');
  });

  it("shows the blast radius: users and every client whose id and secret change", () => {
    expect(text).toContain("Blast radius");
    expect(text).toContain("All users (about 12,345)");
    expect(text).toContain("2 whose id changes, 1 with a new secret");
    expect(text).toMatch(/server c2srv new secret new id/u);
    expect(text).toMatch(/web c1web none new id/u);
    expect(text).toContain("shop-auth is recreated");
  });

  it("lists security flags in their own section", () => {
    expect(text).toContain("Security-relevant changes (");
    expect(html).toContain("mfa-weakened");
    expect(html).toContain("callback-url-added");
    expect(text).toContain("https://evil.example.net/cb");
  });

  it("names each attribute with the editor's label and the API path as secondary text", () => {
    expect(text).toContain("MFA > Multi-factor authentication mfaConfiguration");
    expect(text).toContain("Callback URLs callbackUrls");
    expect(text).toContain("Because of Sign-in > Sign in with (instead of a username) (usernameAttributes) :");
  });

  it("has the summary line and a text tab with the CLI's plan", () => {
    expect(text).toContain("Plan: 0 to add, 0 to change, 5 to replace, 0 to destroy.");
    expect(html).toContain(">Plan text<");
  });

  it("marks the attribute that forces the replacement and the reason", () => {
    expect(text).toMatch(/Sign-in > Sign in with \(instead of a username\) usernameAttributes forces replacement removed: − Email email added: \+ Phone number phone_number/u);
    expect(html).toContain("every user is deleted");
    const reason = replacement.entries.find((e) => e.address === "user_pool")?.reasons[0]?.message ?? "";
    expect(reason.length).toBeGreaterThan(0);
    expect(text).toContain(reason.replace(/\s+/gu, " "));
  });
});

describe("PlanView", () => {
  it("says No changes for an empty plan", () => {
    const plan = planChanges(current, current);
    const text = visibleText(renderToStaticMarkup(createElement(PlanView, { plan })));
    expect(text).toContain("No changes");
    expect(text).toContain("No changes. The user pool matches the desired document.");
    expect(text).not.toContain("Blast radius");
  });

  it("shows plan errors", () => {
    const attr = (type: "String" | "Number") => ({ name: "tier", attributeDataType: type, mutable: true });
    const plan = planChanges(poolDoc({ schemaAttributes: [attr("String")] }), poolDoc({ schemaAttributes: [attr("Number")] }));
    const text = visibleText(renderToStaticMarkup(createElement(PlanView, { plan })));
    expect(plan.errors).toHaveLength(1);
    expect(text).toContain("This plan cannot be applied (1 error)");
    expect(text).toContain(plan.errors[0].message);
  });

  it("in compact mode puts the plan text in a details element, ready to open", () => {
    const html = renderToStaticMarkup(createElement(PlanView, { plan: replacement, compact: true }));
    expect(html).toContain("<summary");
    expect(html).toContain("must be replaced: EVERY USER IN IT IS DELETED");
    expect(html).not.toContain('role="tablist"');
  });
});

describe("plan view helpers", () => {
  it("groups entries in the plan's order and separates unchanged ones", () => {
    const plan = planChanges(current, poolDoc({ ...current.spec, clients: [{ name: "web", callbackUrls: ["https://a.example.com/cb"] }, { name: "server", generateSecret: true }] }));
    expect(groupEntries(plan).map((g) => `${g.title}: ${g.changed.map((e) => e.key).join(",")} | ${g.unchanged.map((e) => e.key).join(",")}`)).toEqual([
      "User pool:  | shop",
      "MFA configuration:  | mfa_config",
      "App clients: web | server",
      "Domain:  | shop-auth",
    ]);
  });

  it("formats values for people", () => {
    expect(formatValue(undefined)).toBeNull();
    expect(formatValue("ON")).toEqual({ text: "ON", multiline: false });
    expect(formatValue(12)).toEqual({ text: "12", multiline: false });
    expect(formatValue({ a: 1 })).toEqual({ text: '{"a":1}', multiline: false });
    expect(formatValue({ long: "x".repeat(80) })?.multiline).toBe(true);
  });

  it("computes list deltas as sets", () => {
    expect(listDelta(["a", "b"], ["b", "c"])).toEqual({ removed: ["a"], added: ["c"], kept: ["b"] });
    expect(listDelta(undefined, ["x"])).toEqual({ removed: [], added: ["x"], kept: [] });
    expect(listDelta({ a: 1 }, ["x"])).toBeUndefined();
  });
});

describe("field comments in the plan", () => {
  const changed = poolDoc({ ...current.spec, clients: [{ name: "web", callbackUrls: ["https://a.example.com/cb"] }, { name: "server", generateSecret: true }] });
  const comments = groupFieldComments([
    { id: "c1", author: "rita@example.com", body: "Is this the production callback?", path: 'app_client["web"] callbackUrls', createdAt: new Date("2026-11-20T10:15:00Z") },
    { id: "c2", author: "eddie@example.com", body: "About the whole request", path: null, createdAt: new Date("2026-11-20T10:16:00Z") },
    { id: "c3", author: "eddie@example.com", body: "Yes, it is.", path: 'app_client["web"] callbackUrls', createdAt: new Date("2026-11-20T10:17:00Z") },
  ]);

  it("groups comments by the field they name, leaving out those about the whole request", () => {
    expect(Object.keys(comments)).toEqual(['app_client["web"] callbackUrls']);
    expect(comments['app_client["web"] callbackUrls']?.map((c) => c.body)).toEqual(["Is this the production callback?", "Yes, it is."]);
  });

  it("shows each comment right under the attribute change it is about", () => {
    const html = renderToStaticMarkup(createElement(PlanView, { plan: planChanges(current, changed), comments }));
    const text = visibleText(html);
    expect(html).toContain('aria-label="Comments on app_client[&quot;web&quot;] callbackUrls"');
    // Row order: the callbackUrls change, then its comments (in order), before anything else of the card.
    expect(text).toMatch(/callbackUrls .*https:\/\/a\.example\.com\/cb rita@example\.com, 2026-11-20 10:15 UTC: Is this the production callback\? eddie@example\.com, 2026-11-20 10:17 UTC: Yes, it is\./u);
    expect(text).not.toContain("About the whole request");
  });

  it("shows no comment rows without comments", () => {
    expect(renderToStaticMarkup(createElement(PlanView, { plan: planChanges(current, changed) }))).not.toContain("Comments on");
  });
});

describe("PlanView shows enum values in the console's words, the API value kept beside them", () => {
  const from = poolDoc({ mfaConfiguration: "OFF", clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], allowedOAuthScopes: ["openid"] }] });
  const to = poolDoc({
    mfaConfiguration: "OPTIONAL",
    softwareTokenMfaConfiguration: { enabled: true },
    clients: [{ name: "web", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], allowedOAuthScopes: ["openid", "email"] }],
  });
  const html = renderToStaticMarkup(createElement(PlanView, { plan: planChanges(from, to) }));
  const text = visibleText(html);

  it("a single value: the words, then the API value (also on hover)", () => {
    expect(text).toContain("MFA > Multi-factor authentication mfaConfiguration No MFA OFF Optional MFA OPTIONAL");
    expect(html).toContain('title="OPTIONAL"');
  });
  it("a list: each item in words with its API value; the added one marked", () => {
    expect(text).toContain("Sign in with secure remote password (SRP) ALLOW_USER_SRP_AUTH added: + Get new tokens with a refresh token ALLOW_REFRESH_TOKEN_AUTH");
    expect(html).toContain('title="ALLOW_REFRESH_TOKEN_AUTH"');
  });
  it("free text stays as written (an OAuth scope named email is not the email attribute)", () => {
    expect(text).toContain("added: + email");
    expect(text).not.toContain("added: + Email");
  });
  it("the plan text tab adds the words as comments; the CLI's text (no options) stays API-level", async () => {
    const { renderPlanText } = await import("@/lib/cognito/plan");
    const tab = visibleText(renderToStaticMarkup(createElement(PlanText, { plan: planChanges(from, to) })));
    expect(tab).toContain('~ mfaConfiguration: "OFF" -> "OPTIONAL" # No MFA -> Optional MFA');
    expect(tab).toContain('~ explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] -> ["ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"] # Sign in with secure remote password (SRP) -> Sign in with secure remote password (SRP), Get new tokens with a refresh token');
    const cli = renderPlanText(planChanges(from, to));
    expect(cli).toContain('~ mfaConfiguration: "OFF" -> "OPTIONAL"\n');
    expect(cli).not.toContain("Optional MFA");
  });
});

describe("PlanChanges in a drift check's words", () => {
  // A drift check plans from what was applied to the live pool: a client made in the console is a "create".
  const applied = poolDoc({ mfaConfiguration: "ON", clients: [{ name: "web" }] });
  const live = poolDoc({ mfaConfiguration: "OPTIONAL", clients: [{ name: "web" }, { name: "made-in-console" }] });
  const text = visibleText(renderToStaticMarkup(createElement(PlanChanges, { plan: planChanges(applied, live), words: DRIFT_WORDS, changedOnly: true })));

  it("says what is only in AWS or differs there, with Applied and In AWS for the sides", () => {
    expect(text).toContain("only in AWS App client made-in-console");
    expect(text).toContain("differs in AWS MFA configuration");
    expect(text).toContain("Attribute Applied In AWS");
    expect(text).toContain("Require MFA ON Optional MFA OPTIONAL");
    expect(text).not.toMatch(/\bcreate\b|update in place|Before|After/u);
  });
  it("lists only what differs (no unchanged resources or groups)", () => {
    expect(text).not.toMatch(/unchanged|User pool/u);
  });
  it("a plan keeps its own words", () => {
    const plan = visibleText(renderToStaticMarkup(createElement(PlanChanges, { plan: planChanges(applied, live) })));
    expect(plan).toContain("create App client made-in-console");
    expect(plan).toContain("Attribute Before After");
  });
});
