import { describe, expect, it } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import type { PoolDocument } from "../spec/document-schema";
import { compilePolicies } from "./compile";
import { evaluatePolicies } from "./evaluate";
import { STARTER_POLICIES } from "./starter-set";

const PROD = { name: "prod", region: "eu-west-1" };
const DEV = { name: "dev", region: "eu-west-1" };

/** A production pool that meets every starter policy. */
function compliant(): PoolDocument {
  return poolDocument({
    deletionProtection: "ACTIVE",
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    passwordPolicy: { minimumLength: 12 },
    clients: [
      {
        name: "web",
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ["code"],
        allowedOAuthScopes: ["openid"],
        callbackUrls: ["https://shop.example.com/callback"],
        refreshTokenValidity: 30,
      },
    ],
  });
}

function codes(doc: PoolDocument, target?: { name: string; region: string }) {
  const { compiled, problems } = compilePolicies(STARTER_POLICIES);
  expect(problems).toEqual([]);
  return evaluatePolicies(compiled, doc, target).map((v) => `${v.code} ${v.path}`);
}

describe("the starter set", () => {
  it("compiles, with unique ids", () => {
    expect(compilePolicies(STARTER_POLICIES).compiled).toHaveLength(STARTER_POLICIES.length);
  });

  it("stays quiet for a compliant production pool", () => {
    expect(codes(compliant(), PROD)).toEqual([]);
  });

  it.each<[string, (d: PoolDocument) => void, string]>([
    ["deletion protection off", (d) => (d.spec.deletionProtection = "INACTIVE"), "policy/prod-deletion-protection spec.deletionProtection"],
    ["MFA optional", (d) => (d.spec.mfaConfiguration = "OPTIONAL"), "policy/prod-mfa-required spec.mfaConfiguration"],
    ["implicit grant", (d) => d.spec.clients?.[0]?.allowedOAuthFlows?.push("implicit"), "policy/no-implicit-grant spec.clients[0].allowedOAuthFlows"],
    ["localhost callback", (d) => d.spec.clients?.[0]?.callbackUrls?.push("http://localhost:3000/cb"), "policy/prod-no-localhost-callbacks spec.clients[0].callbackUrls"],
    ["[::1] callback", (d) => d.spec.clients?.[0]?.callbackUrls?.push("http://[::1]/cb"), "policy/prod-no-localhost-callbacks spec.clients[0].callbackUrls"],
    ["refresh tokens 31 days", (d) => d.spec.clients?.[0] && (d.spec.clients[0].refreshTokenValidity = 31), "policy/refresh-token-30-days spec.clients[0].refreshTokenValidity"],
    [
      "refresh tokens 1000 hours",
      (d) => {
        const c = d.spec.clients?.[0];
        if (c) Object.assign(c, { refreshTokenValidity: 1000, tokenValidityUnits: { refreshToken: "hours" } });
      },
      "policy/refresh-token-30-days spec.clients[0].refreshTokenValidity",
    ],
    ["password of 8", (d) => (d.spec.passwordPolicy = { minimumLength: 8 }), "policy/password-min-length-12 spec.passwordPolicy.minimumLength"],
  ])("fires on %s in production", (_name, change, expected) => {
    const doc = compliant();
    change(doc);
    expect(codes(doc, PROD)).toEqual([expected]);
  });

  it("keeps the production rules to production: a dev target may use localhost and skip MFA", () => {
    const doc = compliant();
    doc.spec.mfaConfiguration = "OFF";
    doc.spec.deletionProtection = "INACTIVE";
    doc.spec.clients?.[0]?.callbackUrls?.push("http://localhost:3000/cb");
    expect(codes(doc, DEV)).toEqual([]);
    expect(codes(doc, PROD)).toHaveLength(3);
  });

  it("treats a pool labelled env: production as production without a target (the CLI's case)", () => {
    const doc = compliant();
    doc.spec.mfaConfiguration = "OFF";
    expect(codes(doc)).toEqual([]);
    doc.metadata.labels = { env: "production" };
    expect(codes(doc)).toEqual(["policy/prod-mfa-required spec.mfaConfiguration"]);
  });

  it("allows refresh tokens of 720 hours (30 days)", () => {
    const doc = compliant();
    Object.assign(doc.spec.clients?.[0] ?? {}, { refreshTokenValidity: 720, tokenValidityUnits: { refreshToken: "hours" } });
    expect(codes(doc, PROD)).toEqual([]);
  });
});
