import { describe, expect, test } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { renderApiVerifications } from "./api-verification";

const read = "https://api.example.com/orders.read";
const doc = poolDocument({
  resourceServers: [
    { identifier: "https://api.example.com", name: "Orders API", scopes: [{ name: "orders.read", description: "Read" }, { name: "orders.write", description: "Write" }] },
    { identifier: "reports", name: "Reports" },
  ],
  clients: [
    { name: "web", allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["code"], allowedOAuthScopes: ["openid", read], callbackUrls: ["https://app.example.com/cb"] },
    { name: "worker", generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["client_credentials"], allowedOAuthScopes: [read] },
    { name: "other", allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["code"], allowedOAuthScopes: ["openid"], callbackUrls: ["https://x.example.com/cb"] },
  ],
});

describe("renderApiVerifications", () => {
  test("per resource server: the clients allowed its scopes, and Node and Python checks of issuer, token_use, client_id and scope", () => {
    const [orders, reports] = renderApiVerifications(doc, { live: { userPoolId: "eu-west-1_Abc", clientIds: { web: "c-web", worker: "c-worker", other: "c-other" } } });
    expect(orders?.clients).toEqual([{ name: "web", clientId: "c-web" }, { name: "worker", clientId: "c-worker" }]);
    expect(orders?.scopes).toEqual([read, "https://api.example.com/orders.write"]);
    expect(orders?.node).toContain('userPoolId: "eu-west-1_Abc"');
    expect(orders?.node).toContain('tokenUse: "access"');
    expect(orders?.node).toContain('clientId: ["c-web", "c-worker"]');
    expect(orders?.node).toContain(`scope: "${read}" | "https://api.example.com/orders.write"`);
    expect(orders?.python).toContain('ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc"');
    expect(orders?.python).toContain('CLIENT_IDS = {"c-web", "c-worker"}');
    expect(orders?.python).toContain('claims["token_use"] != "access"');
    expect(reports?.clients).toEqual([]);
  });

  test("before apply the ids are placeholders; without a Region it refuses like the connection facts", () => {
    const [orders] = renderApiVerifications(doc);
    expect(orders?.userPoolId).toContain("apply the design first");
    expect(() => renderApiVerifications(poolDocument({ region: undefined, resourceServers: [{ identifier: "r", name: "R" }] }))).toThrow("names no Region");
  });
});
