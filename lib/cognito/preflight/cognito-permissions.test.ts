import { describe, expect, it } from "vitest";
import { OPERATION_CATEGORIES } from "../aws/quotas";
import { COGNITO_PERMISSIONS, cognitoPermissionsFor, permissionRowOf, renderCognitoPolicy } from "./cognito-permissions";

type Statement = { Sid: string; Effect: string; Action: string[]; Resource: string };
const statements = (text: string) => (JSON.parse(text) as { Statement: Statement[] }).Statement;

describe("the IAM policy the studio asks for", () => {
  it("covers every Cognito operation the studio calls, each once", () => {
    const actions = COGNITO_PERMISSIONS.flatMap((row) => row.actions);
    expect(new Set(actions).size).toBe(actions.length);
    expect([...actions].sort()).toEqual(Object.keys(OPERATION_CATEGORIES).sort());
  });

  it("names the setting of each statement, and asks for the newer settings' actions only when the design manages them", () => {
    const bare = statements(renderCognitoPolicy({}));
    expect(bare.map((s) => s.Sid)).toEqual(["UserPool", "AppClients", "ResourceServers", "Domain", "Groups", "IdentityProviders"]);
    const full = statements(
      renderCognitoPolicy({
        terms: [],
        managedLoginBranding: [],
        uiCustomizations: [],
        riskConfiguration: {},
        logDeliveryConfiguration: { logConfigurations: [] },
      }),
    );
    const bySid = Object.fromEntries(full.map((s) => [s.Sid, s.Action]));
    expect(bySid.TermsDocuments).toEqual(["cognito-idp:ListTerms", "cognito-idp:DescribeTerms", "cognito-idp:CreateTerms", "cognito-idp:UpdateTerms", "cognito-idp:DeleteTerms"]);
    expect(bySid.ManagedLoginBranding).toEqual([
      "cognito-idp:DescribeManagedLoginBrandingByClient",
      "cognito-idp:CreateManagedLoginBranding",
      "cognito-idp:UpdateManagedLoginBranding",
      "cognito-idp:DeleteManagedLoginBranding",
    ]);
    expect(bySid.UiCustomization).toEqual(["cognito-idp:GetUICustomization", "cognito-idp:SetUICustomization"]);
    expect(bySid.ThreatProtection).toEqual(["cognito-idp:DescribeRiskConfiguration", "cognito-idp:SetRiskConfiguration"]);
    expect(bySid.LogDelivery).toEqual(["cognito-idp:GetLogDeliveryConfiguration", "cognito-idp:SetLogDeliveryConfiguration"]);
    expect(full.every((s) => s.Effect === "Allow" && s.Resource === "*" && /^[A-Za-z0-9]+$/u.test(s.Sid))).toBe(true);
  });

  it("a pull (no design) needs every row, and an action leads back to its setting", () => {
    expect(cognitoPermissionsFor()).toHaveLength(COGNITO_PERMISSIONS.length);
    expect(permissionRowOf("cognito-idp:ListTerms")?.setting).toBe("Terms documents");
    expect(permissionRowOf("SetRiskConfiguration")?.setting).toBe("Threat protection settings");
    expect(permissionRowOf("cognito-idp:AdminDeleteUser")).toBeUndefined();
  });
});
