import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { planChanges, sameValue } from "../plan";
import { validatePoolDocument } from "../spec/validate";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { applyEnvironmentValues, keepDesignValues } from "./apply-environment-values";
import { environmentValuesSchema, isEmptyEnvironmentValues, readEnvironmentValues } from "./environment-values";
import { nextTarget, orderForPromotion, promotionRank } from "./promotion-order";
import { poolDocument } from "@/test/support/pool-documents";

const design = poolDocument({
  clients: [
    {
      name: "web",
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ["code"],
      allowedOAuthScopes: ["openid"],
      callbackUrls: ["http://localhost:3000/callback"],
      logoutUrls: ["http://localhost:3000/"],
    },
    { name: "m2m", generateSecret: true },
  ],
  domain: { domain: "shop-dev", managedLoginVersion: 2 },
}, "shop-users");

describe("applyEnvironmentValues", () => {
  test("replaces the named client's callback and logout URLs and the domain prefix, keeping the domain's other settings", () => {
    const result = applyEnvironmentValues(design, {
      domain: "shop-prod",
      clients: { web: { callbackUrls: ["https://shop.example.com/callback"], logoutUrls: ["https://shop.example.com/"] } },
    });
    expect(result.document.spec.clients?.[0]).toMatchObject({ name: "web", callbackUrls: ["https://shop.example.com/callback"], logoutUrls: ["https://shop.example.com/"] });
    expect(result.document.spec.clients?.[1]).toEqual({ name: "m2m", generateSecret: true });
    expect(result.document.spec.domain).toEqual({ domain: "shop-prod", managedLoginVersion: 2 });
    expect(result.replaced).toEqual(['spec.clients["web"].callbackUrls', 'spec.clients["web"].logoutUrls', "spec.domain.domain"]);
    expect(result.unknownClients).toEqual([]);
    expect(validatePoolDocument(result.document).diagnostics).toEqual([]);
  });

  test("replaces lists rather than merging them, and leaves out what the values do not name", () => {
    const result = applyEnvironmentValues(design, { clients: { web: { callbackUrls: ["https://a.example.com/cb", "https://b.example.com/cb"] } } });
    const web = result.document.spec.clients?.[0];
    expect(web?.callbackUrls).toEqual(["https://a.example.com/cb", "https://b.example.com/cb"]);
    expect(web?.logoutUrls).toEqual(["http://localhost:3000/"]);
    expect(result.document.spec.domain).toEqual(design.spec.domain);
  });

  test("adds a domain when the design has none", () => {
    const { document } = applyEnvironmentValues({ ...design, spec: { ...design.spec, domain: undefined } }, { domain: "shop-staging" });
    expect(document.spec.domain).toEqual({ domain: "shop-staging" });
  });

  test("a custom domain's certificate is a per-environment value too; it is not added to a design without a domain", () => {
    const custom = { ...design, spec: { ...design.spec, domain: { domain: "auth.dev.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/dev" } } };
    const prodCert = "arn:aws:acm:us-east-1:123456789012:certificate/prod";
    const result = applyEnvironmentValues(custom, { domain: "auth.example.com", certificateArn: prodCert });
    expect(result.document.spec.domain).toEqual({ domain: "auth.example.com", certificateArn: prodCert });
    expect(result.replaced).toEqual(["spec.domain.domain", "spec.domain.certificateArn"]);
    expect(applyEnvironmentValues({ ...design, spec: { ...design.spec, domain: undefined } }, { certificateArn: prodCert }).document.spec.domain).toBeUndefined();
    // Pulled back from that target, the design keeps its own certificate.
    expect(keepDesignValues(result.document, custom, { domain: "auth.example.com", certificateArn: prodCert }).spec.domain).toEqual(custom.spec.domain);
    expect(isEmptyEnvironmentValues({ certificateArn: prodCert })).toBe(false);
  });

  test("reports clients the design does not have instead of creating them", () => {
    const result = applyEnvironmentValues(design, { clients: { mobile: { callbackUrls: ["myapp://callback"] } } });
    expect(result.unknownClients).toEqual(["mobile"]);
    expect(result.document.spec.clients?.map((c) => c.name)).toEqual(["web", "m2m"]);
    expect(sameValue(result.document, design)).toBe(true);
  });

  test("the plan for a target with values shows only the environment's differences", () => {
    const dev = applyEnvironmentValues(design, {}).document;
    const prod = applyEnvironmentValues(design, { domain: "shop-prod", clients: { web: { callbackUrls: ["https://shop.example.com/callback"] } } }).document;
    const plan = planChanges(dev, prod);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${e.changes.map((c) => c.path).join(",")}`)).toEqual([
      'app_client["web"] update callbackUrls',
      "domain replace domain",
    ]);
  });

  test("property: no values is the identity; values never mutate the input; applying twice is the same as once", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), fc.webUrl({ validSchemes: ["https"] }), (document, url) => {
        const before = structuredClone(document);
        expect(sameValue(applyEnvironmentValues(document, {}).document, document)).toBe(true);
        const names = (document.spec.clients ?? []).map((c) => c.name);
        const values = { domain: "env-domain", clients: Object.fromEntries(names.map((n) => [n, { callbackUrls: [url] }])) };
        const once = applyEnvironmentValues(document, values).document;
        expect(document).toEqual(before);
        expect(applyEnvironmentValues(once, values).document).toEqual(once);
        for (const client of once.spec.clients ?? []) expect(client.callbackUrls).toEqual([url]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("keepDesignValues (pulling a target's live pool into the design)", () => {
  const prodValues = { domain: "shop-prod", clients: { web: { callbackUrls: ["https://shop.example.com/callback"] } } };

  test("the target's callback URLs and domain stay out of the design; other live changes come in", () => {
    const live = applyEnvironmentValues(design, prodValues).document;
    // Changed on the live pool by hand: a new logout URL and a client.
    live.spec.clients![0]!.logoutUrls = ["https://shop.example.com/bye"];
    live.spec.clients!.push({ name: "made-by-hand" });
    const pulled = keepDesignValues(live, design, prodValues);
    expect(pulled.spec.clients?.[0]?.callbackUrls).toEqual(["http://localhost:3000/callback"]);
    expect(pulled.spec.clients?.[0]?.logoutUrls).toEqual(["https://shop.example.com/bye"]);
    expect(pulled.spec.clients?.map((c) => c.name)).toEqual(["web", "m2m", "made-by-hand"]);
    expect(pulled.spec.domain).toEqual({ domain: "shop-dev", managedLoginVersion: 2 });
  });

  test("a domain only the target has is not pulled into a design without one", () => {
    const withoutDomain = { ...design, spec: { ...design.spec, domain: undefined } };
    const live = applyEnvironmentValues(withoutDomain, { domain: "shop-staging" }).document;
    expect(keepDesignValues(live, withoutDomain, { domain: "shop-staging" }).spec.domain).toBeUndefined();
  });

  test("property: pulling an untouched live pool gives the design back", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), fc.webUrl({ validSchemes: ["https"] }), (document, url) => {
        const names = (document.spec.clients ?? []).map((c) => c.name);
        const values = { domain: "env-domain", clients: Object.fromEntries(names.map((n) => [n, { callbackUrls: [url], logoutUrls: [url] }])) };
        const live = applyEnvironmentValues(document, values).document;
        expect(sameValue(keepDesignValues(live, document, values), document)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("environmentValuesSchema", () => {
  test("accepts https, loopback http and app-scheme URLs and a domain prefix", () => {
    expect(environmentValuesSchema.safeParse({ domain: "shop-prod", clients: { web: { callbackUrls: ["https://a.example.com/cb", "http://localhost:3000/cb", "myapp://cb"], logoutUrls: [] } } }).success).toBe(true);
  });

  test.each([
    [{ clients: { web: { callbackUrls: ["http://shop.example.com/cb"] } } }, "clients.web.callbackUrls.0", "http://shop.example.com/cb must use https; plain http is allowed only for http://localhost, http://127.0.0.1 and http://[::1]"],
    [{ clients: { web: { logoutUrls: ["https://a.example.com/#x"] } } }, "clients.web.logoutUrls.0", "https://a.example.com/#x must not contain a fragment (#…)"],
    [{ domain: "Shop_Prod" }, "domain", "must be lowercase letters, digits, hyphens (and dots for a custom domain), starting and ending with a letter or digit"],
    [{ region: "eu-west-1" }, "", "Unknown setting: region. Remove it or check the spelling."],
    [{ certificateArn: "certificate-for-auth-example-com" }, "certificateArn", "must be an ARN like arn:aws:service:region:123456789012:resource"],
  ])("refuses %j at %s", (input, path, message) => {
    const parsed = environmentValuesSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[path, message]]);
  });

  test("stored text is re-read with the schema; bad text reads as no values with the reason", () => {
    expect(readEnvironmentValues('{"domain":"shop-prod"}')).toEqual({ values: { domain: "shop-prod" } });
    expect(readEnvironmentValues("")).toEqual({ values: {} });
    expect(readEnvironmentValues("{nope")).toEqual({ values: {}, problem: "the stored environment values are not JSON" });
    expect(readEnvironmentValues('{"domain":"UPPER"}').problem).toMatch(/^the stored environment values are invalid: domain: must be lowercase/u);
    expect(isEmptyEnvironmentValues({})).toBe(true);
    expect(isEmptyEnvironmentValues({ clients: { web: {} } })).toBe(true);
    expect(isEmptyEnvironmentValues({ clients: { web: { logoutUrls: [] } } })).toBe(false);
  });
});

describe("promotion order", () => {
  const targets = [
    { id: "1", name: "prod" },
    { id: "2", name: "dev" },
    { id: "3", name: "staging" },
    { id: "4", name: "eu-west" },
    { id: "5", name: "qa" },
  ];
  test("development first, then testing, unknown names, staging, production", () => {
    expect(orderForPromotion(targets).map((t) => t.name)).toEqual(["dev", "qa", "eu-west", "staging", "prod"]);
    expect(["dev-eu", "development", "test", "stage", "production", "live", "other"].map(promotionRank)).toEqual([0, 0, 1, 3, 4, 4, 2]);
  });
  test("the next target, or none after the last", () => {
    expect(nextTarget(targets, "2")?.name).toBe("qa");
    expect(nextTarget(targets, "3")?.name).toBe("prod");
    expect(nextTarget(targets, "1")).toBeUndefined();
    expect(nextTarget(targets, "missing")).toBeUndefined();
  });
});
