import { describe, expect, it } from "vitest";
import { checkPoolDocumentText } from "./check-pool-document";

const client = (flowsKey: string, flagKey: string) =>
  `  clients:\n    - name: web\n      ${flagKey}: true\n      ${flowsKey}:\n        - implicit\n      allowedOAuthScopes:\n        - openid\n      callbackUrls:\n        - https://app.example.com/cb\n`;

describe("checkPoolDocumentText", () => {
  it("points findings of a native document at native paths", () => {
    const text = `apiVersion: cognito-studio.dev/v1\nkind: UserPool\nmetadata:\n  name: p\nspec:\n  region: eu-west-1\n  domain:\n    domain: my-app\n${client("allowedOAuthFlows", "allowedOAuthFlowsUserPoolClient")}`;
    const check = checkPoolDocumentText(text);
    expect(check.valid).toBe(true);
    expect(check.diagnostics.filter((d) => d.code === "finding/implicit-flow").map((d) => d.path)).toEqual(["spec.clients[0].allowedOAuthFlows[0]"]);
  });

  it("points findings of an OpenMCF manifest at the manifest's own field names", () => {
    const oauth = client("allowedOauthFlows", "allowedOauthFlowsUserPoolClient").replace("allowedOAuthScopes", "allowedOauthScopes");
    const text = `apiVersion: aws.openmcf.org/v1\nkind: AwsCognitoUserPool\nmetadata:\n  name: p\nspec:\n  region: eu-west-1\n  domain:\n    domain: my-app\n${oauth}`;
    const check = checkPoolDocumentText(text);
    expect(check.valid).toBe(true);
    expect(check.diagnostics.filter((d) => d.code === "finding/implicit-flow").map((d) => d.path)).toEqual(["spec.clients[0].allowedOauthFlows[0]"]);
  });

  it("an unreadable file has its one error and no findings", () => {
    const check = checkPoolDocumentText("spec: [unclosed\n");
    expect(check.valid).toBe(false);
    expect(check.document).toBeUndefined();
    expect(check.diagnostics).toHaveLength(1);
  });
});
