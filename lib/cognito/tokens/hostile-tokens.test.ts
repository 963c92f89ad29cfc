/**
 * The token preview with what a URL or a command line can send: a group named twice, thousands of groups, and
 * unknown names in a design with a quota's worth of clients or groups.
 */
import { describe, expect, test } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { UnknownClientError } from "../connect/app-connection";
import { previewTokens, UnknownGroupError } from "./token-preview";

const web = { name: "web", allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["code" as const], allowedOAuthScopes: ["openid"], callbackUrls: ["https://app.example.com/cb"] };
const manyGroups = Array.from({ length: 3000 }, (_, i) => ({ name: `team-${i}`, precedence: i }));

describe("token preview: hostile groups and names", () => {
  test("a group given twice is in cognito:groups once, as Cognito lists a user's groups", () => {
    const p = previewTokens(poolDocument({ region: "eu-west-1", clients: [web], groups: [{ name: "staff" }, { name: "a \"quoted\" <group>" }] }), "web", { groups: ["staff", "a \"quoted\" <group>", "staff"] });
    expect(p.idToken?.["cognito:groups"]).toEqual(["staff", 'a "quoted" <group>']);
    expect(p.accessToken["cognito:groups"]).toEqual(["staff", 'a "quoted" <group>']);
  });

  test("an unknown group in a design with 3,000 groups names ten of them, not all", () => {
    const doc = poolDocument({ region: "eu-west-1", clients: [web], groups: manyGroups });
    expect(() => previewTokens(doc, "web", { groups: ["ops"] })).toThrow(
      new UnknownGroupError('no group named "ops"; the design has team-0, team-1, team-2, team-3, team-4, team-5, team-6, team-7, team-8, team-9 and 2,990 more'),
    );
  });

  test("an unknown client in a design with 1,000 clients names ten of them, not all", () => {
    const clients = Array.from({ length: 1000 }, (_, i) => ({ ...web, name: `app-${i}` }));
    expect(() => previewTokens(poolDocument({ region: "eu-west-1", clients }), "__proto__", {})).toThrow(
      new UnknownClientError('no app client named "__proto__"; the design has app-0, app-1, app-2, app-3, app-4, app-5, app-6, app-7, app-8, app-9 and 990 more'),
    );
  });
});
