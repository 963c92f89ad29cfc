import { describe, expect, it } from "vitest";
import { connectionOn } from "./connect";
import { poolDocument } from "@/test/support/pool-documents";

const design = poolDocument({
  domain: { domain: "shop-design" },
  clients: [
    {
      name: "web",
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ["code"],
      allowedOAuthScopes: ["openid"],
      callbackUrls: ["https://design.example.com/callback"],
      logoutUrls: ["https://design.example.com/"],
      supportedIdentityProviders: ["COGNITO"],
    },
  ],
});

describe("connectionOn", () => {
  it("without a target, the design's callback URLs and domain", () => {
    const connection = connectionOn(design, "web");
    expect(connection.callbackUrls).toEqual(["https://design.example.com/callback"]);
    expect(connection.domain?.host).toBe("shop-design.auth.eu-west-1.amazoncognito.com");
  });

  it("on a target, that target's own callback URLs, sign-out URLs and domain (not the design's)", () => {
    const staging = {
      environmentValues: {
        domain: "shop-staging",
        clients: { web: { callbackUrls: ["https://staging.example.com/callback"], logoutUrls: ["https://staging.example.com/"] } },
      },
    };
    const connection = connectionOn(design, "web", staging, { userPoolId: "eu-west-1_Staging1", clientIds: { web: "stagingclientid" } });
    expect(connection.callbackUrls).toEqual(["https://staging.example.com/callback"]);
    expect(connection.logoutUrls).toEqual(["https://staging.example.com/"]);
    expect(connection.domain?.token).toBe("https://shop-staging.auth.eu-west-1.amazoncognito.com/oauth2/token");
    expect(connection.clientId).toBe("stagingclientid");
  });
});
