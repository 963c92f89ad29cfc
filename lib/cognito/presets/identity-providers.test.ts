import { describe, expect, it } from "vitest";
import { validatePoolSpec } from "../spec/validate";
import { IDENTITY_PROVIDER_PRESETS, addIdentityProviderPreset, getIdentityProviderPreset } from "./identity-providers";

describe("identity provider presets", () => {
  it.each(IDENTITY_PROVIDER_PRESETS.map((p) => [p.name, p] as const))("%s is valid on its own and offered by a client", (_name, preset) => {
    const { spec, diagnostics } = addIdentityProviderPreset({ region: "eu-west-1", clients: [{ name: "web" }, { name: "admin" }] }, preset, { offerOn: ["web"] });
    expect(diagnostics).toEqual([]);
    expect(validatePoolSpec(spec).filter((d) => d.severity === "error")).toEqual([]);
    expect(spec.clients?.[0]?.supportedIdentityProviders).toEqual(["COGNITO", preset.provider.providerName]);
    expect(spec.clients?.[1]?.supportedIdentityProviders).toBeUndefined();
    // A secret is only ever a reference.
    expect(JSON.stringify(spec.identityProviders)).not.toMatch(/client_secret|private_key/u);
  });

  it("renames a SAML provider, keeps a social provider's name, and refuses a name in use", () => {
    const saml = getIdentityProviderPreset("saml")!;
    const first = addIdentityProviderPreset({ region: "eu-west-1" }, saml, { providerName: "Okta-SAML" });
    expect(first.spec.identityProviders?.map((p) => p.providerName)).toEqual(["Okta-SAML"]);
    const google = addIdentityProviderPreset(first.spec, getIdentityProviderPreset("google")!, { providerName: "ignored" });
    expect(google.spec.identityProviders?.map((p) => p.providerName)).toEqual(["Okta-SAML", "Google"]);
    const again = addIdentityProviderPreset(google.spec, saml, { providerName: "Okta-SAML" });
    expect(again.diagnostics.map((d) => d.code)).toEqual(["duplicate-provider-name"]);
    expect(again.spec).toBe(google.spec);
  });
});
